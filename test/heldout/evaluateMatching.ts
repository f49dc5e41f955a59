/**
 * Held-out judge of payout ↔ deposit links: generates seeded scenarios (generateHeldoutScenario),
 * runs reconcile, and scores the links it asserts against the ground truth.
 *
 *   npx tsx test/heldout/evaluateMatching.ts [count=200] [firstSeed=1]
 *
 * A link is one (payout line, bank line) pair taken from every match of type payout-deposit,
 * many-to-one, one-to-many or refund-debit that is not rejected (suggested ones count, and
 * suggested-ambiguous ones are also reported apart). Lines the data cannot tell apart are scored as
 * interchangeable: two payout lines of one processor with the same date and amount, or two bank
 * lines of one account with the same date, amount and processor name in their text.
 */
import { pathToFileURL } from 'node:url';
import { businessDaysBetween, isBusinessDay } from '../../core/dates/businessDays';
import { addDays } from '../../core/dates/calendar';
import { reconcile } from '../../core/match/reconcile';
import type { Match } from '../../core/model/match';
import type { Transaction } from '../../core/model/transaction';
import { generateHeldoutScenario, type HeldoutScenario } from './generateHeldoutScenario';

export const LINK_TYPES: ReadonlySet<Match['type']> = new Set([
  'payout-deposit',
  'many-to-one',
  'one-to-many',
  'refund-debit',
]);

type Pair = { payout: string; bank: string };
type Asserted = Pair & { match: Match };

export type Example = { seed: number; scenario: string; text: string };

export type Report = {
  scenarios: number;
  truthLinks: number;
  assertedLinks: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Suggested matches marked ambiguous: links asserted and how many of them were right. */
  ambiguous: { links: number; correct: number };
  /** By match type and state: links asserted and correct. */
  byMatch: Record<string, { links: number; correct: number }>;
  /** By truth category: links and found. */
  byTruth: Record<string, { links: number; found: number }>;
  inTransit: { truth: number; flagged: number; falseFlags: number };
  /** Transactions that appear in more than one link match. */
  doubleBooked: number;
  /** Links between a payout and a bank line made by some other match type. */
  otherTypeLinks: number;
  falsePositives: Example[];
  falseNegatives: Example[];
  errors: Example[];
};

const money = (t: Transaction) => `${(t.amount.minor / 100).toFixed(2)}`;
const namedIn = (text: string) =>
  /\bSTRIPE\b/i.test(text)
    ? 'stripe'
    : /\bSQUARE\b|\bSQ ?\*/i.test(text)
      ? 'square'
      : /\bPAYPAL\b/i.test(text)
        ? 'paypal'
        : 'none';

function payoutKey(t: Transaction) {
  return `${t.institution}|${t.date}|${t.amount.minor}`;
}
function bankKey(t: Transaction) {
  return `${t.account}|${t.date}|${t.amount.minor}|${namedIn(`${t.description} ${t.memo ?? ''}`)}`;
}

function holidayBetween(from: string, to: string): boolean {
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6 && !isBusinessDay(d)) return true;
  }
  return false;
}

function bump<K extends string>(
  rec: Record<K, { links: number } & Record<string, number>>,
  key: K,
  field: string,
  by = 1,
) {
  rec[key] ??= { links: 0, [field]: 0 } as never;
  rec[key].links += 1;
  (rec[key] as Record<string, number>)[field] = ((rec[key] as Record<string, number>)[field] ?? 0) + by;
}

export function evaluateScenario(s: HeldoutScenario, report: Report, maxExamples = 40): void {
  const byId = new Map(s.transactions.map((t) => [t.id, t]));
  const describe = (id: string) => {
    const t = byId.get(id);
    return t
      ? `${t.date} ${money(t)} "${t.description}${t.memo ? ` / ${t.memo}` : ''}" [${s.notes.get(id) ?? '?'}]`
      : id;
  };
  let result: ReturnType<typeof reconcile>;
  try {
    result = reconcile({ transactions: s.transactions, periodEnd: s.periodEnd });
  } catch (e) {
    report.errors.push({ seed: s.seed, scenario: s.name, text: String(e instanceof Error ? e.stack : e) });
    report.truthLinks += s.links.length;
    for (const l of s.links) bump(report.byTruth as never, l.type, 'found', 0);
    return;
  }
  report.scenarios++;

  const asserted: Asserted[] = [];
  const used = new Map<string, number>();
  for (const m of result.matches) {
    if (m.state === 'rejected') continue;
    const payouts = m.members.filter((x) => s.payoutIds.has(x.id)).map((x) => x.id);
    const banks = m.members.filter((x) => s.bankIds.has(x.id)).map((x) => x.id);
    if (payouts.length === 0 || banks.length === 0) continue;
    if (!LINK_TYPES.has(m.type)) {
      report.otherTypeLinks += payouts.length * banks.length;
      continue;
    }
    for (const id of [...payouts, ...banks]) used.set(id, (used.get(id) ?? 0) + 1);
    for (const payout of payouts) for (const bank of banks) asserted.push({ payout, bank, match: m });
  }
  for (const n of used.values()) if (n > 1) report.doubleBooked++;

  const keyOf = (p: Pair) => `${payoutKey(byId.get(p.payout)!)}→${bankKey(byId.get(p.bank)!)}`;
  const truthCount = new Map<string, number>();
  for (const l of s.links) truthCount.set(keyOf(l), (truthCount.get(keyOf(l)) ?? 0) + 1);
  const predCount = new Map<string, number>();
  for (const a of asserted) predCount.set(keyOf(a), (predCount.get(keyOf(a)) ?? 0) + 1);

  // Correct asserted links: the first min(truth, asserted) of each interchangeable class.
  const credit = new Map(truthCount);
  const correct = new Set<Asserted>();
  const exact = new Set(s.links.map((l) => `${l.payout}|${l.bank}`));
  // Prefer crediting exact pairs first, so an example never shows a right link as wrong.
  const ordered = [...asserted].sort(
    (a, b) => Number(exact.has(`${b.payout}|${b.bank}`)) - Number(exact.has(`${a.payout}|${a.bank}`)),
  );
  for (const a of ordered) {
    const k = keyOf(a);
    const left = credit.get(k) ?? 0;
    if (left > 0) {
      credit.set(k, left - 1);
      correct.add(a);
    }
  }
  report.assertedLinks += asserted.length;
  report.truePositives += correct.size;
  report.truthLinks += s.links.length;

  for (const a of asserted) {
    const ok = correct.has(a);
    const label = `${a.match.type}/${a.match.state}${a.match.ambiguous ? '/ambiguous' : ''}${a.match.difference.minor !== 0 ? '/amount-difference' : ''}`;
    bump(report.byMatch as never, label, 'correct', ok ? 1 : 0);
    if (a.match.state === 'suggested' && a.match.ambiguous) {
      report.ambiguous.links++;
      if (ok) report.ambiguous.correct++;
    }
  }

  const truePartner = new Map<string, string[]>();
  for (const l of s.links) truePartner.set(l.payout, [...(truePartner.get(l.payout) ?? []), l.bank]);
  const truePayoutsOf = new Map<string, string[]>();
  for (const l of s.links) truePayoutsOf.set(l.bank, [...(truePayoutsOf.get(l.bank) ?? []), l.payout]);

  const examples = (list: Example[], text: string) => {
    if (list.length < maxExamples) list.push({ seed: s.seed, scenario: s.name, text });
  };
  for (const a of asserted) {
    if (correct.has(a)) continue;
    const partners = truePartner.get(a.payout) ?? [];
    examples(
      report.falsePositives,
      [
        `${a.match.type} ${a.match.state}${a.match.ambiguous ? ' ambiguous' : ''} conf ${a.match.confidence} diff ${(a.match.difference.minor / 100).toFixed(2)} — ${a.match.reason}`,
        `  payout ${describe(a.payout)}`,
        `  linked to bank ${describe(a.bank)}`,
        `  its true deposit: ${partners.length ? partners.map(describe).join(' | ') : 'none in the data (in transit or out of range)'}`,
        `  that bank line truly settles: ${(truePayoutsOf.get(a.bank) ?? []).map(describe).join(' | ') || 'no payout in the data'}`,
      ].join('\n'),
    );
  }

  // Recall, by category.
  const foundCredit = new Map(predCount);
  const assertedByPayout = new Map<string, Asserted[]>();
  for (const a of asserted) assertedByPayout.set(a.payout, [...(assertedByPayout.get(a.payout) ?? []), a]);
  const assertedByBank = new Map<string, Asserted[]>();
  for (const a of asserted) assertedByBank.set(a.bank, [...(assertedByBank.get(a.bank) ?? []), a]);
  const payoutLines = [...s.payoutIds].map((id) => byId.get(id)!);
  const truthBanks = new Set(s.links.map((l) => l.bank));
  const bankLines = [...s.bankIds].map((id) => byId.get(id)!);
  for (const l of s.links) {
    const k = keyOf(l);
    const left = foundCredit.get(k) ?? 0;
    const found = left > 0;
    if (found) foundCredit.set(k, left - 1);
    const p = byId.get(l.payout)!;
    const b = byId.get(l.bank)!;
    const delay = businessDaysBetween(p.date, b.date);
    const cats = [
      `type:${l.type}`,
      `processor:${p.institution}`,
      `bank-text:${namedIn(`${b.description} ${b.memo ?? ''}`) === 'none' ? 'no processor name' : 'names processor'}`,
      `delay:${delay}bd`,
      ...(holidayBetween(p.date, b.date) ? ['over a holiday'] : []),
      ...(s.inTransit.includes(l.payout) ? ['lands after period end'] : []),
      ...(payoutLines.some(
        (q) =>
          q.id !== p.id &&
          q.amount.minor === p.amount.minor &&
          Math.abs(businessDaysBetween(p.date, q.date)) <= 5,
      )
        ? ['same-amount payout within 5 bd']
        : []),
      ...(bankLines.some(
        (c) =>
          !truthBanks.has(c.id) &&
          c.amount.minor === -p.amount.minor &&
          c.date >= p.date &&
          businessDaysBetween(p.date, c.date) <= 5,
      )
        ? ['unrelated same-amount bank line in window']
        : []),
      ...(s.notes.get(l.bank)?.includes('second bank') ? ['deposit into a second bank'] : []),
      ...(b.status === 'pending' ? ['bank line pending'] : []),
    ];
    for (const c of cats) bump(report.byTruth as never, c, 'found', found ? 1 : 0);
    if (found) continue;
    const elsewhere = (assertedByPayout.get(l.payout) ?? [])
      .map((a) => `${a.match.type} with ${describe(a.bank)}`)
      .join(' | ');
    const bankTaken = (assertedByBank.get(l.bank) ?? [])
      .map((a) => `${a.match.type} with ${describe(a.payout)}`)
      .join(' | ');
    const bankOther = result.matches
      .toArray()
      .filter((m) => !LINK_TYPES.has(m.type) && m.members.some((x) => x.id === l.bank))
      .map((m) => `${m.type}: ${m.reason}`)
      .join(' | ');
    const disc = result.discrepancies
      .filter((d) => d.transactionIds.includes(l.payout) || d.transactionIds.includes(l.bank))
      .map((d) => `${d.type}: ${d.reason}`)
      .join(' | ');
    examples(
      report.falseNegatives,
      [
        `${l.type} missed (${delay} business days)`,
        `  payout ${describe(l.payout)}`,
        `  true bank line ${describe(l.bank)}`,
        `  payout linked instead to: ${elsewhere || 'nothing'}`,
        `  bank line taken by: ${bankTaken || bankOther || 'nothing'}`,
        `  discrepancies: ${disc || 'none'}`,
      ].join('\n'),
    );
  }

  const flagged = new Set(
    result.discrepancies.filter((d) => d.type === 'in-transit').flatMap((d) => d.transactionIds),
  );
  report.inTransit.truth += s.inTransit.length;
  report.inTransit.flagged += s.inTransit.filter((id) => flagged.has(id)).length;
  const truthTransit = new Set(s.inTransit);
  report.inTransit.falseFlags += [...flagged].filter(
    (id) => s.payoutIds.has(id) && !truthTransit.has(id),
  ).length;
}

export function evaluate(seeds: readonly number[], maxExamples = 40): Report {
  const report: Report = {
    scenarios: 0,
    truthLinks: 0,
    assertedLinks: 0,
    truePositives: 0,
    precision: 0,
    recall: 0,
    ambiguous: { links: 0, correct: 0 },
    byMatch: {},
    byTruth: {},
    inTransit: { truth: 0, flagged: 0, falseFlags: 0 },
    doubleBooked: 0,
    otherTypeLinks: 0,
    falsePositives: [],
    falseNegatives: [],
    errors: [],
  };
  for (const seed of seeds) evaluateScenario(generateHeldoutScenario(seed), report, maxExamples);
  report.precision = report.assertedLinks === 0 ? 0 : report.truePositives / report.assertedLinks;
  report.recall = report.truthLinks === 0 ? 0 : report.truePositives / report.truthLinks;
  return report;
}

export function formatReport(r: Report, examples = 12): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const lines = [
    `scenarios ${r.scenarios}  truth links ${r.truthLinks}  asserted ${r.assertedLinks}  correct ${r.truePositives}`,
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  (FP ${r.assertedLinks - r.truePositives}, FN ${r.truthLinks - r.truePositives})`,
    `suggested-ambiguous links ${r.ambiguous.links}, correct ${r.ambiguous.correct}`,
    `in transit: ${r.inTransit.flagged}/${r.inTransit.truth} flagged, ${r.inTransit.falseFlags} payouts flagged wrongly`,
    `transactions in more than one link: ${r.doubleBooked}; payout↔bank pairs in other match types: ${r.otherTypeLinks}`,
    '',
    'asserted links by match type/state (correct/asserted):',
    ...Object.entries(r.byMatch)
      .sort()
      .map(([k, v]) => `  ${k.padEnd(36)} ${v.correct}/${v.links}`),
    '',
    'recall by truth category (found/links):',
    ...Object.entries(r.byTruth)
      .sort()
      .map(([k, v]) => `  ${k.padEnd(36)} ${v.found}/${v.links}  ${pct(v.found / v.links)}`),
  ];
  if (r.errors.length)
    lines.push(
      '',
      `ERRORS (${r.errors.length}):`,
      ...r.errors.slice(0, 3).map((e) => `seed ${e.seed}: ${e.text}`),
    );
  lines.push('', `FALSE POSITIVES (${r.assertedLinks - r.truePositives}), examples:`);
  for (const e of r.falsePositives.slice(0, examples)) lines.push(`seed ${e.seed} ${e.scenario}`, e.text);
  lines.push('', `FALSE NEGATIVES (${r.truthLinks - r.truePositives}), examples:`);
  for (const e of r.falseNegatives.slice(0, examples)) lines.push(`seed ${e.seed} ${e.scenario}`, e.text);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 200);
  const first = Number(process.argv[3] ?? 1);
  const started = performance.now();
  const report = evaluate(
    Array.from({ length: count }, (_, i) => first + i),
    200,
  );
  console.log(formatReport(report, Number(process.env.EXAMPLES ?? 12)));
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
}
