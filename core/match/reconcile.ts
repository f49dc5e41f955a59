import { type BusinessCalendar, US_BANK_CALENDAR } from '../dates/businessDays';
import { type Discrepancy, type Match, MatchType } from '../model/match';
import type { Transaction } from '../model/transaction';
import { applyDecisions } from './applyDecisions';
import { type BankLine, toBankLine } from './bankLine';
import { type BankLines, readBankLines } from './bankLines';
import { latestDate } from './dateExtremes';
import { dayNumber } from './dayNumber';
import { findDiscrepancies } from './findDiscrepancies';
import { findDuplicates } from './findDuplicates';
import { heapCopy } from './heapCopy';
import { IdChars } from './idChars';
import { matchByReference } from './matchByReference';
import { createMatchContext, type OrdinalLookup } from './matchContext';
import { matchGroups } from './matchGroups';
import { MatchList } from './matchList';
import { matchOneToOne } from './matchOneToOne';
import { matchTransfers } from './matchTransfers';
import { postingOrderIndex } from './postingOrder';
import type { Windows } from './processors';
import { rollUpPayouts } from './rollUpPayouts';
import { Codes, PAYOUT, readRunColumns, TRANSFER } from './runColumns';
import { Scratch } from './scratch';
import { laneKey, sortByTypeAndId, typeIdKey, typeRanks } from './sortByTypeAndId';

export type ReconcileInput = {
  transactions: readonly Transaction[];
  /** Earlier confirmed and rejected matches (from the Matches tab); they survive re-running. */
  decisions?: readonly Match[];
  /** Which days deposits can land on; US bank holidays by default. */
  calendar?: BusinessCalendar;
  /** Payouts on or before this date that reach the bank after it are reported as in transit. */
  periodEnd?: string;
  /** Business days from payout to deposit per processor (`stripe`, `square`…, or `default`), and `transfer`. */
  windows?: Windows;
};

export type ReconcileResult = {
  /** Decisions passed in (unchanged), then what this run found, ordered by date (see MatchList). */
  matches: MatchList;
  discrepancies: Discrepancy[];
  /** Transactions in no match (a payout line counts as matched only once linked to its bank side). */
  unmatched: Transaction[];
};

/**
 * Matches processor payouts to bank deposits, own-account transfers and duplicates, and reports
 * what does not tie out. Passes run from the most to the least certain and a transaction is taken
 * by at most one link, so an early sure match is never undone by a later guess. Every order and tie
 * is decided by date and id: the same transactions in any order give the same result.
 */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const scratch = Scratch.take();
  try {
    return reconcileWith(input, scratch);
  } finally {
    scratch.give();
  }
}

function reconcileWith(input: ReconcileInput, scratch: Scratch): ReconcileResult {
  const run = runOrder(input.transactions, scratch);
  const { ordinals, transactions, dateRank, dates, ordinalAt } = run;
  const ctx = createMatchContext(input.calendar ?? US_BANK_CALENDAR, input.windows ?? {}, ordinals, scratch);

  // The passes that hold payouts and lines in columns make a match from these, not from the objects.
  ctx.run = {
    ids: run.ids,
    currency: run.currency,
    currencies: run.columns.currencies,
    idChars: run.idChars,
  };
  ctx.found.runIds = run.ids;
  ctx.found.pairSides = { transactions, processor: run.processor, processors: run.processors };
  const decisions = applyDecisions(input.decisions ?? [], ctx);
  const n = transactions.length;
  const dayOf = run.days;
  const copies = findDuplicates(transactions, ctx, { days: dayOf, minor: run.minor, flags: run.flags });
  const { processor, flags, processors } = run;
  // The bank lines, the processors' lines and their payout lines, by ordinal (typed: counted first).
  let lineCount = 0;
  let processorCount = 0;
  let payoutCount = 0;
  for (let k = 0; k < n; k++) {
    if (copies[k]) continue;
    if (processor[k]! < 0) lineCount++;
    else {
      processorCount++;
      if (flags[k]! & PAYOUT) payoutCount++;
    }
  }
  const lineOrdinals = scratch.int32(lineCount);
  const processorOrdinals = scratch.int32(processorCount);
  const payoutOrdinals = scratch.int32(payoutCount);
  const processorTransfers: BankLine[] = [];
  for (let k = 0, l = 0, q = 0, r = 0; k < n; k++) {
    if (copies[k]) continue;
    const p = processor[k]!;
    if (p < 0) {
      lineOrdinals[l++] = k;
      continue;
    }
    processorOrdinals[q++] = k;
    if (flags[k]! & PAYOUT) payoutOrdinals[r++] = k;
    if (flags[k]! & TRANSFER)
      processorTransfers.push({ ...toBankLine(transactions[k]!, k, dayOf[k]!), heldBy: processors[p]! });
  }
  // Payouts and bank lines as the columns the passes compare, their objects made when asked for.
  // Currencies keep the run's codes; processors are numbered after them.
  const codes = new Codes();
  for (const currency of run.columns.currencies) codes.of(currency);
  const { lines, payoutRefs } = readBankLines(
    lineOrdinals,
    payoutOrdinals,
    input.transactions,
    ordinalAt,
    {
      transactions,
      days: dayOf,
      minor: run.minor,
      currency: run.currency,
    },
    codes,
    scratch,
  );
  const units = rollUpPayouts(
    processorOrdinals,
    transactions,
    ctx,
    {
      processor,
      processors,
      flags,
      minor: run.minor,
      currency: run.currency,
      currencies: run.columns.currencies,
      days: dayOf,
      dateRank,
      dates,
    },
    codes,
    payoutRefs,
  );
  const near = matchByReference(units, lines, ctx);
  // Lines that name the processor first, then the rest: a sure kind of line before a likely one.
  matchOneToOne(units, lines, ctx, { namedOnly: true });
  matchGroups(units, lines, ctx, { namedOnly: true });
  matchOneToOne(units, lines, ctx, { namedOnly: false });
  matchGroups(units, lines, ctx, { namedOnly: false });
  matchTransfers(lines, processorTransfers, ctx);

  findDiscrepancies(
    {
      units,
      lines,
      near,
      // The data is complete up to the period end, or up to its last bank line if that is later.
      horizon: latestDate([input.periodEnd ?? '', lastDate(lines, transactions)]),
      ...(input.periodEnd ? { periodEnd: input.periodEnd } : {}),
      decisions,
      found: ctx.found.length,
    },
    ctx,
  );

  // The list: the decisions, then what this run found that no decision already names. A source
  // index below `decided` names a decision, above it `decided` + a found match's index.
  const found = ctx.found;
  const decided = decisions.length;
  let sources: Int32Array;
  if (decided === 0) {
    sources = scratch.int32(found.length);
    for (let k = 0; k < found.length; k++) sources[k] = k;
  } else {
    const ids = new Set(decisions.map((d) => d.id));
    const listed: number[] = [];
    for (let k = 0; k < decided; k++) listed.push(k);
    for (let k = 0; k < found.length; k++) if (!ids.has(found.idAt(k))) listed.push(decided + k);
    sources = Int32Array.from(listed);
  }
  const typeOf = (p: number) => {
    const s = sources[p]!;
    return s < decided ? decisions[s]!.type : found.typeAt(s - decided);
  };
  const idOf = (p: number) => {
    const s = sources[p]!;
    return s < decided ? decisions[s]!.id : found.idAt(s - decided);
  };

  // Matches ordered by their first member's date, then type and id. Transactions are in posting order,
  // sorted by date, so the first member is the one of lowest ordinal and dates compare as day ranks.
  // -1 when no member is in this run: such a match sorts first, as an empty date would.
  const rank = dateRank;
  const total = sources.length;
  const day = scratch.int32(total);
  const keys = scratch.float64(total);
  const ranks = typeRanks(MatchType.options);
  const rankOfCode = MatchType.options.map((t) => ranks.get(t)!);
  // By ordinal, not by id: one byte per transaction instead of a set of id strings.
  const covered = scratch.uint8(transactions.length);
  for (let p = 0; p < total; p++) {
    const s = sources[p]!;
    let first = -1;
    if (s < decided) {
      const d = decisions[s]!;
      keys[p] = typeIdKey(ranks.get(d.type), d.id);
      for (const x of d.members) {
        const o = ordinals.get(x.id) ?? -1;
        if (o >= 0 && (first < 0 || o < first)) first = o;
        if (o >= 0 && d.state !== 'rejected' && settles(d.type, x.role)) covered[o] = 1;
      }
    } else {
      const k = s - decided;
      const type = found.typeAt(k);
      keys[p] = laneKey(rankOfCode[found.types[k]!]!, found.idA[k]!);
      for (let i = found.ordinals.from(k); i < found.ordinals.to(k); i++) {
        const o = found.ordinals.at(i);
        if (o >= 0 && (first < 0 || o < first)) first = o;
        if (o >= 0 && settles(type, found.roleAt(i))) covered[o] = 1;
      }
    }
    day[p] = first < 0 ? -1 : rank[first]!;
  }
  // Placed by day first (a counting sort: a few hundred days), then each day's matches by type and
  // id; the passes find matches in no date order, and one comparison sort over all of them cost more.
  const days = transactions.length === 0 ? 0 : rank[transactions.length - 1]! + 2;
  const starts = scratch.int32(days + 1);
  for (let p = 0; p < total; p++) starts[day[p]! + 2]!++;
  for (let d = 1; d <= days; d++) starts[d]! += starts[d - 1]!;
  // Every position is placed once: no zeroing. The result's list keeps a copy (see heapCopy).
  const order = scratch.int32(total, false);
  for (let p = 0; p < total; p++) order[starts[day[p]! + 1]!++] = p;
  for (let from = 0; from < order.length; ) {
    let to = from + 1;
    while (to < order.length && day[order[to]!] === day[order[from]!]) to++;
    if (to - from > 1) sortByTypeAndId(order, from, to, typeOf, idOf, keys, scratch);
    from = to;
  }
  for (let i = 0; i < total; i++) order[i] = sources[order[i]!]!;

  const discrepancies = [...ctx.discrepancies].sort(
    (a, b) => compare(a.date, b.date) || compare(a.type, b.type) || compare(a.id, b.id),
  );
  const unmatched: Transaction[] = [];
  for (let i = 0; i < transactions.length; i++) if (!covered[i]) unmatched.push(transactions[i]!);
  found.seal();
  return { matches: new MatchList(decisions, found, heapCopy(order, total)), discrepancies, unmatched };
}

/**
 * The run in posting order, each id → its ordinal, and what the first passes need of each line, by
 * ordinal. The input is read once, in the order it was passed (the order it sits in memory), into
 * columns (see readRunColumns); nothing here reads a transaction in posting order. Returned per
 * ordinal: the transaction, its id, date rank (in `dates`, the run's dates sorted), day number,
 * processor code, flags, amount and currency code; `ordinalAt` per input position (-1 for a
 * repeated id left out: the first in posting order stands, the ids are checked as they are indexed).
 */
function runOrder(input: readonly Transaction[], scratch: Scratch) {
  const columns = readRunColumns(input, scratch);
  const { order, dateRank, dates, ordinalAt } = postingOrderIndex(input, scratch, columns);
  const { ids, positions } = columns;
  const n = input.length;
  const dayOfRank = Int32Array.from(dates, dayNumber);
  if (positions.distinct) {
    // Every line kept: one pass in input order places all that the passes read by ordinal. Reads go
    // in sequence, writes to one place per date and source (a few thousand, in cache); gathered in
    // ordinal order instead, every column was read at a random place per line.
    const transactions = new Array<Transaction>(n);
    const processor = scratch.int32(n, false);
    const idOf = new Array<string>(n);
    // Every ordinal is placed once in the loop: no zeroing.
    const flags = scratch.uint8(n, false);
    const minor = scratch.float64(n, false);
    const currency = scratch.int32(n, false);
    const bounds = scratch.int32(2 * n, false);
    for (let i = 0; i < n; i++) {
      const k = ordinalAt[i]!;
      transactions[k] = input[i]!;
      processor[k] = columns.processor[i]!;
      idOf[k] = ids[i]!;
      flags[k] = columns.flags[i]!;
      minor[k] = columns.minor[i]!;
      currency[k] = columns.currency[i]!;
      bounds[2 * k] = columns.idStart[i]!;
      bounds[2 * k + 1] = columns.idStart[i + 1]!;
    }
    const days = scratch.int32(n, false);
    for (let k = 0; k < n; k++) days[k] = dayOfRank[dateRank[k]!]!;
    const get = (id: string) => {
      const i = positions.get(id);
      return i === undefined ? undefined : ordinalAt[i];
    };
    const ordinals: OrdinalLookup = { size: n, get };
    const processors = columns.processors;
    return {
      ordinals,
      transactions,
      dateRank,
      dates,
      days,
      ordinalAt,
      columns,
      processor,
      processors,
      flags,
      minor,
      currency,
      ids: idOf,
      idChars: IdChars.of(columns.idChars, bounds),
    };
  }
  // One id twice: the first in posting order stands, later ones get no ordinal (-1).
  ordinalAt.fill(-1);
  const byId = new Map<string, number>();
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[order[k]!]!;
    if (byId.has(id)) continue;
    byId.set(id, kept);
    ordinalAt[order[k]!] = kept;
    order[kept] = order[k]!;
    dateRank[kept++] = dateRank[k]!;
  }
  const at = order.subarray(0, kept);
  const bounds = new Int32Array(2 * kept);
  for (let k = 0; k < kept; k++) {
    bounds[2 * k] = columns.idStart[at[k]!]!;
    bounds[2 * k + 1] = columns.idStart[at[k]! + 1]!;
  }
  return {
    ordinals: byId as OrdinalLookup,
    transactions: Array.from(at, (i) => input[i]!),
    dateRank: dateRank.subarray(0, kept),
    dates,
    days: Int32Array.from(dateRank.subarray(0, kept), (r) => dayOfRank[r]!),
    ordinalAt,
    columns,
    processor: Int32Array.from(at, (i) => columns.processor[i]!),
    processors: columns.processors,
    flags: Uint8Array.from(at, (i) => columns.flags[i]!),
    minor: Float64Array.from(at, (i) => columns.minor[i]!),
    currency: Int32Array.from(at, (i) => columns.currency[i]!),
    ids: Array.from(at, (i) => ids[i]!),
    idChars: IdChars.of(columns.idChars, bounds),
  };
}

/** The latest date among bank lines, else among transactions: the last one, as both are in posting order. */
function lastDate(lines: BankLines, transactions: readonly Transaction[]): string {
  if (lines.length > 0) return lines.t(lines.length - 1).date;
  return transactions.length > 0 ? transactions[transactions.length - 1]!.date : '';
}

/**
 * Whether being this member of this match accounts for a line: a payout needs its deposit, a kept
 * line its own match (a member's role matters only in a roll-up or a duplicate).
 */
const settles = (type: Match['type'], role: string) =>
  type === 'payout-rollup' ? role !== 'payout' : type === 'duplicate' ? role === 'duplicate' : true;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
