import { type BusinessCalendar, US_BANK_CALENDAR } from '../dates/businessDays';
import type { Discrepancy, Match } from '../model/match';
import type { Transaction } from '../model/transaction';
import { applyDecisions } from './applyDecisions';
import { type BankLine, toBankLine } from './bankLine';
import { latestDate } from './dateExtremes';
import { findDiscrepancies } from './findDiscrepancies';
import { findDuplicates } from './findDuplicates';
import { matchByReference } from './matchByReference';
import { createMatchContext } from './matchContext';
import { matchGroups } from './matchGroups';
import { matchOneToOne } from './matchOneToOne';
import { matchTransfers } from './matchTransfers';
import { postingOrder } from './postingOrder';
import { isProcessorSide, processorOf, type Windows } from './processors';
import { rollUpPayouts } from './rollUpPayouts';

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
  /** Decisions passed in (unchanged), then what this run found, ordered by date. */
  matches: Match[];
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
  const ordinals = new Map<string, number>();
  const transactions: Transaction[] = [];
  for (const t of postingOrder(input.transactions)) {
    if (ordinals.has(t.id)) continue; // one id twice: the first in posting order stands
    ordinals.set(t.id, transactions.length);
    transactions.push(t);
  }
  const byId = (id: string) => {
    const i = ordinals.get(id);
    return i === undefined ? undefined : transactions[i];
  };
  const ctx = createMatchContext(input.calendar ?? US_BANK_CALENDAR, input.windows ?? {}, ordinals);

  const decisions = applyDecisions(input.decisions ?? [], ctx);
  const live = findDuplicates(transactions, ctx);
  const processorLines: Transaction[] = [];
  const bankLines: BankLine[] = [];
  const processorTransfers: BankLine[] = [];
  for (const t of live) {
    if (!isProcessorSide(t)) bankLines.push(toBankLine(t, ordinals.get(t.id)!));
    else {
      processorLines.push(t);
      if (t.kind === 'transfer' && !t.payoutId)
        processorTransfers.push({ ...toBankLine(t, ordinals.get(t.id)!), heldBy: processorOf(t) });
    }
  }

  const units = rollUpPayouts(processorLines, ctx);
  const near = matchByReference(units, bankLines, ctx);
  // Lines that name the processor first, then the rest: a sure kind of line before a likely one.
  matchOneToOne(units, bankLines, ctx, { namedOnly: true });
  matchGroups(units, bankLines, ctx, { namedOnly: true });
  matchOneToOne(units, bankLines, ctx, { namedOnly: false });
  matchGroups(units, bankLines, ctx, { namedOnly: false });
  matchTransfers(bankLines, processorTransfers, ctx);

  findDiscrepancies(
    {
      units,
      lines: bankLines,
      near,
      // The data is complete up to the period end, or up to its last bank line if that is later.
      horizon: latestDate([input.periodEnd ?? '', lastDate(bankLines.length > 0 ? bankLines : transactions)]),
      ...(input.periodEnd ? { periodEnd: input.periodEnd } : {}),
      links: [...decisions, ...ctx.matches],
    },
    ctx,
  );

  const decided = new Set(decisions.map((d) => d.id));
  const matches = [...decisions, ...ctx.matches.filter((m) => !decided.has(m.id))];
  const ordered = matches
    .map((m) => ({ m, date: firstMemberDate(m, byId) }))
    .sort((a, b) => compare(a.date, b.date) || compare(a.m.type, b.m.type) || compare(a.m.id, b.m.id))
    .map((x) => x.m);

  // By ordinal, not by id: one byte per transaction instead of a set of id strings.
  const covered = new Uint8Array(transactions.length);
  for (const m of ordered) {
    if (m.state === 'rejected') continue;
    for (const x of m.members) {
      const i = ordinals.get(x.id);
      if (i !== undefined && settles(m.type, x.role)) covered[i] = 1;
    }
  }
  const discrepancies = [...ctx.discrepancies].sort(
    (a, b) => compare(a.date, b.date) || compare(a.type, b.type) || compare(a.id, b.id),
  );
  return { matches: ordered, discrepancies, unmatched: transactions.filter((_, i) => !covered[i]) };
}

/** The latest date among bank lines or transactions, without copying them. */
function lastDate(lines: readonly (BankLine | Transaction)[]): string {
  let last = '';
  for (const x of lines) {
    const date = 't' in x ? x.t.date : x.date;
    if (date > last) last = date;
  }
  return last;
}

/** Whether being this member of this match accounts for a line: a payout needs its deposit, a kept line its own match. */
const settles = (type: Match['type'], role: string) =>
  type === 'payout-rollup' ? role !== 'payout' : type === 'duplicate' ? role === 'duplicate' : true;

/** The earliest date among a match's members ('' when none is in this run). */
function firstMemberDate(m: Match, byId: (id: string) => Transaction | undefined): string {
  let first = '';
  for (const x of m.members) {
    const date = byId(x.id)?.date;
    if (date !== undefined && (first === '' || date < first)) first = date;
  }
  return first;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
