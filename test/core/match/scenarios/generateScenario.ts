import { addBusinessDays, isBusinessDay } from '../../../../core/dates/businessDays';
import { addDays, endOfMonth, weekday } from '../../../../core/dates/calendar';
import { assignIds } from '../../../../core/ids/assignIds';
import type { DiscrepancyType } from '../../../../core/model/match';
import type { Transaction, TransactionDraft } from '../../../../core/model/transaction';
import { PROCESSOR_PROFILES, type ProcessorProfile } from './processorProfiles';
import { type Random, seededRandom } from './random';

/**
 * Made-up months of a small business with known answers: processors with fees, refunds and disputes
 * paying out to a checking account, deposits delayed by weekends and US bank holidays, combined and
 * split deposits, identical amounts on nearby days, own-account transfers, duplicates (pending then
 * posted, one line from two sources), payouts in transit at the period end, missing deposits,
 * deposits without a payout, roll-up gaps and amount differences.
 */
export type Scenario = {
  seed: number;
  periodStart: string;
  periodEnd: string;
  transactions: Transaction[];
  expected: {
    /** Payout line id ↔ bank line id (a combined deposit has one link per payout). */
    links: Array<{ payout: string; bank: string }>;
    transfers: Array<{ from: string; to: string }>;
    /** The same real line twice: `line` is the original, `copy` the other one. */
    duplicates: Array<{ line: string; copy: string }>;
    /** `id` is the transaction the discrepancy is about: the payout, the deposit or the line. */
    discrepancies: Array<{ type: DiscrepancyType; id: string }>;
  };
};

export type ScenarioOptions = {
  /** First day of the period (a month start is typical); random in 2024–2026 by default. */
  start?: string;
  months?: number;
  /** Scales how many things happen per day. */
  activity?: number;
};

const CHECKING = 'Checking ••6789';
const SAVINGS = 'Savings ••4321';
/** The matcher's default window: a deposit later than this is "missing", before it "in transit". */
const WINDOW = 5;

type Draft = TransactionDraft;
type Link = { payout: Draft; bank: Draft };

const money = (minor: number) => ({ minor, currency: 'USD' });

export function generateScenario(seed: number, options: ScenarioOptions = {}): Scenario {
  const r = seededRandom(seed);
  const start = options.start ?? `${r.int(2024, 2026)}-${String(r.int(1, 11)).padStart(2, '0')}-01`;
  let end = endOfMonth(start);
  for (let m = 1; m < (options.months ?? 2); m++) end = endOfMonth(addDays(end, 1));
  const activity = options.activity ?? 1;
  const capturedAt = `${addDays(end, 3)}T09:00:00Z`;

  const sources = new Map<string, Draft[]>();
  const add = (source: string, d: Omit<Draft, 'origin' | 'status'> & { status?: Draft['status'] }): Draft => {
    const list = sources.get(source) ?? [];
    sources.set(source, list);
    const draft = { status: 'posted', ...d, origin: { capturedAt } } as Draft;
    list.push(draft);
    return draft;
  };
  const bank = (account: string, date: string, minor: number, description: string, kind: Draft['kind']) =>
    add(account === CHECKING ? 'chase-checking.csv' : 'chase-savings.csv', {
      institution: 'chase',
      account,
      date,
      description,
      amount: money(minor),
      kind,
    });

  const links: Link[] = [];
  const transfers: Array<{ from: Draft; to: Draft }> = [];
  const discrepancies: Array<{ type: DiscrepancyType; about: Draft }> = [];

  const processors = PROCESSOR_PROFILES.filter(() => r.chance(0.75));
  if (processors.length === 0) processors.push(r.pick(PROCESSOR_PROFILES));
  const lastLines = new Map<string, LineSpec[]>();
  for (const p of processors) generateProcessor(p);
  generateTransfers();
  generateNoise();
  const duplicates = generateDuplicates();

  // Ids as the importers would give them, one source at a time.
  const ids = new Map<Draft, string>();
  const transactions: Transaction[] = [];
  for (const [source, unordered] of sources) {
    // Files list lines by date (within a day, in the order they posted), some newest first.
    const drafts = [...unordered].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (r.chance(0.5)) drafts.reverse();
    drafts.forEach((d, i) => {
      d.origin = source.startsWith('http')
        ? { url: source, row: i + 1, capturedAt }
        : { file: source, row: i + 1, capturedAt };
    });
    const assigned = assignIds(drafts);
    assigned.forEach((t, i) => {
      ids.set(drafts[i]!, t.id);
      transactions.push(t);
    });
  }
  const byId = new Map(transactions.map((t) => [t.id, t]));
  for (const { line, copy, linked } of duplicates) {
    if (!linked) continue;
    byId.get(ids.get(copy)!)!.supersededBy = ids.get(line)!;
    byId.get(ids.get(line)!)!.supersedes = ids.get(copy)!;
  }
  const id = (d: Draft) => ids.get(d)!;
  return {
    seed,
    periodStart: start,
    periodEnd: end,
    transactions: shuffle(transactions, r),
    expected: {
      links: links.map((l) => ({ payout: id(l.payout), bank: id(l.bank) })),
      transfers: transfers.map((t) => ({ from: id(t.from), to: id(t.to) })),
      duplicates: duplicates.map((d) => ({ line: id(d.line), copy: id(d.copy) })),
      discrepancies: discrepancies.map((d) => ({ type: d.type, id: id(d.about) })),
    },
  };

  function generateProcessor(p: ProcessorProfile): void {
    const source = `${p.name}-export.csv`;
    type Pending = { payout: Draft | undefined; value: number; date: string; deposit: string; trace: string };
    const payouts: Pending[] = [];
    // Some accounts always land in the same number of business days, others vary; a few deposits run late.
    const fixedLag = r.chance(0.5) ? r.int(p.lag[0], p.lag[1]) : undefined;
    const lag = () => (r.chance(0.05) ? r.int(3, WINDOW) : (fixedLag ?? r.int(p.lag[0], p.lag[1])));
    for (let day = addDays(start, -8); day <= end; day = addDays(day, 1)) {
      if (!p.paysOut(weekday(day), r)) continue;
      const inPeriod = day >= start;
      const specs = lineSpecs(p);
      const trace = r.token(12);
      const poId = `po_${r.token(14)}`;
      const value = specs.reduce((s, l) => s + l.net, 0);
      if (value === 0) continue;
      let payout: Draft | undefined;
      if (inPeriod) {
        const dropped = specs.length > 1 && r.chance(0.02) ? r.int(0, specs.length - 1) : -1;
        specs.forEach((spec, i) => {
          if (i === dropped) return;
          const line = add(source, {
            institution: p.name,
            account: p.account,
            date: addDays(day, -r.int(1, 3)),
            description: spec.description,
            amount: money(spec.net),
            kind: spec.kind,
            externalId: `${spec.kind === 'charge' ? 'ch' : spec.kind === 'refund' ? 're' : spec.kind === 'dispute' ? 'dp' : 'fee'}_${r.token(14)}`,
            payoutId: poId,
            ...(spec.gross !== undefined ? { gross: money(spec.gross), fee: money(spec.fee) } : {}),
          });
          // A line whose fee was recorded wrong: gross − fee no longer equals net.
          if (spec.gross !== undefined && r.chance(0.01)) {
            line.fee = money(spec.fee + r.int(1, 50));
            discrepancies.push({ type: 'rollup-gap', about: line });
          }
        });
        payout = add(source, {
          institution: p.name,
          account: p.account,
          date: day,
          description: p.name === 'stripe' && r.chance(0.5) ? `Payout ST-${trace}` : 'Payout to Chase ••6789',
          amount: money(-value),
          kind: 'payout',
          externalId: poId,
          payoutId: poId,
        });
        if (dropped >= 0) discrepancies.push({ type: 'rollup-gap', about: payout });
      }
      payouts.push({ payout, value, date: day, deposit: addBusinessDays(day, lag()), trace });
    }
    // Unsettled activity after the last payout: lines with no payout yet.
    for (let i = r.int(0, 3); i > 0; i--) {
      const gross = r.int(500, 40000);
      add(source, {
        institution: p.name,
        account: p.account,
        date: addDays(end, -r.int(0, 1)),
        description: `Charge for order #${r.int(1000, 9999)}`,
        amount: money(gross - p.fee(gross)),
        kind: 'charge',
        externalId: `ch_${r.token(14)}`,
        gross: money(gross),
        fee: money(p.fee(gross)),
      });
    }

    for (let i = 0; i < payouts.length; i++) {
      const first = payouts[i]!;
      // Some processors (or banks) sometimes land payouts of nearby days as one deposit.
      const group = [first];
      while (p.combines && first.value > 0 && r.chance(group.length === 1 ? 0.07 : 0.3)) {
        const next = payouts[i + 1];
        if (!next || next.value <= 0 || next.deposit > addBusinessDays(first.deposit, 1)) break;
        group.push(next);
        i++;
      }
      const date = group[group.length - 1]!.deposit;
      const total = group.reduce((s, g) => s + g.value, 0);
      const captured = group.filter((g) => g.payout !== undefined);
      if (date < start) continue;
      if (date > end) {
        for (const g of captured) discrepancies.push({ type: 'in-transit', about: g.payout! });
        continue;
      }
      if (captured.length > 0 && r.chance(0.015)) {
        // The deposit never came: missing once the window has passed, else still in transit.
        for (const g of captured) {
          const due = addBusinessDays(g.date, WINDOW);
          discrepancies.push({ type: due <= end ? 'missing-deposit' : 'in-transit', about: g.payout! });
        }
        continue;
      }
      const debit = total < 0;
      const named = debit || r.chance(0.95);
      const text = named
        ? p.bankText(first.trace, r, debit)
        : `ACH CREDIT ${r.int(100000000, 999999999)} CCD`;
      const kind = debit ? 'withdrawal' : 'deposit';
      const bankFee = group.length === 1 && !debit && total > 5000 && r.chance(0.015) ? r.int(25, 1500) : 0;
      const parts =
        group.length === 1 && !debit && !bankFee && total > 20000 && r.chance(0.01)
          ? split(total)
          : [total - bankFee];
      const deposits = parts.map((amount) => bank(CHECKING, date, amount, text, kind));
      for (const g of captured) for (const d of deposits) links.push({ payout: g.payout!, bank: d });
      if (bankFee)
        discrepancies.push({ type: 'amount-difference', about: captured[0]?.payout ?? deposits[0]! });
      if (captured.length === 0 && named && !debit)
        discrepancies.push({ type: 'deposit-without-source', about: deposits[0]! });
      // A customer deposit of the very same amount a day or two later: it must not steal the link.
      if (!debit && r.chance(0.03)) {
        bank(
          CHECKING,
          addBusinessDays(date, r.int(0, 2)),
          total,
          r.pick(['MOBILE DEPOSIT', 'REMOTE ONLINE DEPOSIT #1']),
          'deposit',
        );
      }
    }
  }

  type LineSpec = { kind: Draft['kind']; net: number; gross?: number; fee: number; description: string };

  /** The lines one payout settles: charges, sometimes refunds, a dispute, a fee; sometimes a copy of the last payout's. */
  function lineSpecs(p: ProcessorProfile): LineSpec[] {
    const previous = lastLines.get(p.name);
    if (previous && r.chance(0.08)) return previous;
    const specs: LineSpec[] = [];
    const charges = r.int(1, Math.max(1, Math.round(7 * activity)));
    for (let i = 0; i < charges; i++) {
      const gross = r.chance(0.3) ? r.pick([1000, 2500, 4900, 9900, 19900]) : r.int(300, 45000);
      const fee = p.fee(gross);
      specs.push({
        kind: 'charge',
        gross,
        fee,
        net: gross - fee,
        description: `Charge for order #${r.int(1000, 9999)}`,
      });
    }
    if (r.chance(0.15)) {
      const gross = -r.int(300, 20000);
      specs.push({
        kind: 'refund',
        gross,
        fee: 0,
        net: gross,
        description: `Refund for order #${r.int(1000, 9999)}`,
      });
    }
    if (r.chance(0.03)) {
      // Refunds larger than the sales: a negative payout, debited from the bank.
      const total = specs.reduce((s, l) => s + l.net, 0);
      const gross = -(total + r.int(1000, 50000));
      specs.push({
        kind: 'refund',
        gross,
        fee: 0,
        net: gross,
        description: `Refund for order #${r.int(1000, 9999)}`,
      });
    }
    if (r.chance(0.02))
      specs.push({ kind: 'dispute', net: -(r.int(1000, 20000) + 1500), fee: 1500, description: 'Dispute' });
    if (r.chance(0.05))
      specs.push({ kind: 'fee', net: -r.int(100, 3000), fee: 0, description: `${p.name} fee` });
    lastLines.set(p.name, specs);
    return specs;
  }

  function split(total: number): number[] {
    const a = Math.round(total * (0.2 + r.next() * 0.6));
    return [a, total - a];
  }

  function generateTransfers(): void {
    for (let day = start; day <= end; day = addDays(day, 1)) {
      if (!isBusinessDay(day) || !r.chance(0.12 * activity)) continue;
      const amount = r.chance(0.6) ? r.pick([50000, 100000, 200000, 250000, 500000]) : r.int(5000, 800000);
      const toSavings = r.chance(0.6);
      const ref = `IB0${r.token(7)}`;
      const arrives = r.chance(0.7) ? day : addBusinessDays(day, r.int(1, 2));
      const from = bank(
        toSavings ? CHECKING : SAVINGS,
        day,
        -amount,
        `ONLINE TRANSFER TO ${toSavings ? 'SAV ••4321' : 'CHK ••6789'} REF #${ref}`,
        'transfer',
      );
      if (arrives > end) continue;
      const to = bank(
        toSavings ? SAVINGS : CHECKING,
        arrives,
        amount,
        `ONLINE TRANSFER FROM ${toSavings ? 'CHK ••6789' : 'SAV ••4321'} REF #${ref}`,
        'transfer',
      );
      transfers.push({ from, to });
    }
  }

  /** Everyday bank activity: card purchases (some at Square and PayPal merchants), bills, customer deposits. */
  function generateNoise(): void {
    const merchants = [
      'SQ *BLUE BOTTLE COF OAKLAND CA',
      'PAYPAL *EBAY INC',
      'AMAZON MKTPLACE PMTS',
      'SHELL OIL 5744',
      'COSTCO WHSE #0423',
      'ADOBE *CREATIVE CLD',
      'UBER TRIP HELP.UBER.COM',
    ];
    for (let day = start; day <= end; day = addDays(day, 1)) {
      const business = isBusinessDay(day);
      for (let i = r.int(0, Math.round((business ? 4 : 1) * activity)); i > 0; i--) {
        bank(CHECKING, day, -r.int(300, 30000), `DEBIT CARD PURCHASE ${r.pick(merchants)}`, 'withdrawal');
      }
      if (business && r.chance(0.25 * activity)) {
        bank(
          CHECKING,
          day,
          r.int(5000, 400000),
          r.pick(['MOBILE DEPOSIT', 'REMOTE ONLINE DEPOSIT #1', `ZELLE FROM CUSTOMER ${r.token(4)}`]),
          'deposit',
        );
      }
      if (day.endsWith('-01'))
        bank(CHECKING, day, -350000, 'ACH DEBIT OAKLAND PROPERTIES RENT', 'withdrawal');
      if (business && weekday(day) === 5 && r.chance(0.5))
        bank(CHECKING, day, -r.int(200000, 900000), 'GUSTO PAYROLL', 'withdrawal');
    }
    // A deposit from a processor account the business never exported: no source can be found.
    if (r.chance(0.2)) {
      const day = addBusinessDays(addDays(start, r.int(3, 25)), 0);
      const d = bank(CHECKING, day, r.int(2000, 90000), `VENMO CASHOUT ${r.token(6)}`, 'deposit');
      discrepancies.push({ type: 'deposit-without-source', about: d });
    }
  }

  /** Copies of some bank lines: a pending line later posted, and lines read again from a second source. */
  function generateDuplicates(): Array<{ line: Draft; copy: Draft; linked: boolean }> {
    const out: Array<{ line: Draft; copy: Draft; linked: boolean }> = [];
    for (const line of [...(sources.get('chase-checking.csv') ?? [])]) {
      if (r.chance(0.03)) {
        const date = addDays(line.date, -r.int(1, 2));
        if (date < start) continue;
        const copy = add('https://secure.chase.com/activity', { ...line, date, status: 'pending' });
        out.push({ line, copy, linked: r.chance(0.5) });
      } else if (r.chance(0.02)) {
        const copy = add('chase-checking.qfx', { ...line, externalId: `FITID${r.int(10000000, 99999999)}` });
        out.push({ line, copy, linked: false });
      }
    }
    return out;
  }
}

function shuffle<T>(items: T[], r: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
