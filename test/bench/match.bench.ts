import { performance } from 'node:perf_hooks';
import { addBusinessDays } from '../../core/dates/businessDays';
import { addDays } from '../../core/dates/calendar';
import { reconcile } from '../../core/match/reconcile';
import { TRANSACTION_SCHEMA_VERSION, type Transaction } from '../../core/model/transaction';
import { seededRandom } from '../core/match/scenarios/random';
import { fmt, medianMs, table } from './measure';

const PROCESSORS = [
  { name: 'stripe', text: 'STRIPE TRANSFER ST-' },
  { name: 'square', text: 'SQUARE INC DEP ' },
  { name: 'paypal', text: 'PAYPAL TRANSFER ' },
] as const;

/**
 * `n` processor payout records against `n` bank lines over one year: 90% of the bank lines are the
 * payouts' deposits (1–3 business days later, some combined), the rest everyday noise. Amounts are
 * drawn from a narrow range so equal amounts on nearby days are common, as in a busy shop.
 */
export function book(n: number): Transaction[] {
  const r = seededRandom(n);
  const capturedAt = '2026-01-01T00:00:00Z';
  const base = {
    schemaVersion: TRANSACTION_SCHEMA_VERSION,
    status: 'posted',
    tags: [],
  } satisfies Partial<Transaction>;
  const out: Transaction[] = [];
  const deposits = Math.floor(n * 0.9);
  for (let i = 0; i < n; i++) {
    const p = PROCESSORS[i % 3]!;
    const date = addDays('2025-01-01', r.int(0, 360));
    const minor = r.int(1_000, 500_000);
    out.push({
      ...base,
      id: `p${i}`,
      institution: p.name,
      account: `${p.name} balance`,
      date,
      description: 'Payout',
      payee: 'Payout',
      amount: { minor: -minor, currency: 'USD' },
      kind: 'payout',
      payoutId: `po_${i}`,
      origin: { file: `${p.name}.csv`, row: i + 1, capturedAt },
    });
    if (i >= deposits) continue;
    const text = `${p.text}${i}`;
    out.push({
      ...base,
      id: `b${i}`,
      institution: 'chase',
      account: 'Checking ••6789',
      date: addBusinessDays(date, r.int(1, 3)),
      description: text,
      payee: text,
      amount: { minor, currency: 'USD' },
      kind: 'deposit',
      origin: { file: 'bank.csv', row: i + 1, capturedAt },
    });
  }
  for (let i = deposits; i < n; i++) {
    const minor = r.chance(0.5) ? r.int(1_000, 500_000) : -r.int(100, 50_000);
    out.push({
      ...base,
      id: `n${i}`,
      institution: 'chase',
      account: 'Checking ••6789',
      date: addDays('2025-01-01', r.int(0, 364)),
      description: minor > 0 ? 'MOBILE DEPOSIT' : 'DEBIT CARD PURCHASE',
      payee: 'x',
      amount: { minor, currency: 'USD' },
      kind: minor > 0 ? 'deposit' : 'withdrawal',
      origin: { file: 'bank.csv', row: n + i + 1, capturedAt },
    });
  }
  return out;
}

/** The baseline: for each payout, scan every bank line for the same amount within 5 calendar days. */
function naiveMatch(transactions: readonly Transaction[]): number {
  const payouts = transactions.filter((t) => t.kind === 'payout');
  const bank = transactions.filter((t) => t.kind !== 'payout');
  const taken = new Set<string>();
  let matched = 0;
  for (const p of payouts) {
    const last = addDays(p.date, 7);
    for (const b of bank) {
      if (taken.has(b.id) || b.amount.minor !== -p.amount.minor || b.date < p.date || b.date > last) continue;
      taken.add(b.id);
      matched++;
      break;
    }
  }
  return matched;
}

/** One timed run, no warm-up: for the sizes where a second run would double the bench's time. */
function onceMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export default async function matchBench() {
  const rows: Array<Record<string, string | number>> = [];
  let perItemAt10k = 0;
  for (const n of [10_000, 100_000, 1_000_000]) {
    const transactions = book(n);
    let linked = 0;
    const run = () => {
      linked = reconcile({ transactions }).matches.filter((m) => m.type !== 'payout-rollup').length;
    };
    const ms = n >= 1_000_000 ? onceMs(run) : await medianMs(run, n >= 100_000 ? 1 : 3);
    const perItem = ms / (n * Math.log2(n));
    if (n === 10_000) perItemAt10k = perItem;
    rows.push({
      'payouts × bank lines': `${n.toLocaleString('en-US')} × ${n.toLocaleString('en-US')}`,
      'reconcile ms': fmt(ms, 0),
      matches: linked.toLocaleString('en-US'),
      'ms / (n log n), ×10k': fmt(perItem / perItemAt10k, 2),
    });
    // One line as each size finishes, so a slow machine still shows progress.
    console.log(`  ${n.toLocaleString('en-US')}: ${fmt(ms, 0)} ms`);
  }
  console.log(table(rows));

  const small = book(10_000);
  const naive = onceMs(() => naiveMatch(small));
  const ours = await medianMs(() => reconcile({ transactions: small }), 3);
  console.log(
    `\nnaive all-pairs matcher, 10,000 × 10,000: ${fmt(naive, 0)} ms; reconcile: ${fmt(ours, 0)} ms (${fmt(naive / ours, 1)}× faster, and it does all six passes)`,
  );
}
