import { type Discrepancy, MATCH_SCHEMA_VERSION, Match } from '../model/match';
import { type Problem, problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import type { Transaction } from '../model/transaction';
import type { HeaderIndex } from './headerIndex';
import { cellToMinor, moneyToCell } from './moneyCell';
import { MATCH_COLUMNS, type SheetRecord } from './workbookLayout';

/** Discrepancies share the Matches tab; their State says they are open questions, not links. */
export const DISCREPANCY_STATE = 'open';

/** Members as `role id` pairs, e.g. `payout lb_1…, deposit lb_2…`: readable, and read back exactly. */
const formatMembers = (members: readonly { id: string; role: string }[]) =>
  members.map((m) => `${m.role} ${m.id}`).join(', ');

function memberFacts(ids: readonly string[], byId: ReadonlyMap<string, Transaction>) {
  const lines = ids.map((id) => byId.get(id)).filter((t): t is Transaction => t !== undefined);
  return {
    date:
      lines
        .map((t) => t.date)
        .sort()
        .pop() ?? null,
    externalIds: lines.map((t) => t.externalId ?? '').join(', ') || null,
    descriptions: lines.map((t) => `${t.date} ${t.description}`).join(' | ') || null,
  };
}

/**
 * A match as a Matches-tab row. Amount is the money that arrived on the receiving side (the sum
 * of the members' positive amounts, e.g. the bank deposit of a payout); Date the latest member date.
 */
export function matchToRow(match: Match, byId: ReadonlyMap<string, Transaction>): SheetRecord {
  const ids = match.members.map((m) => m.id);
  const incoming = ids.reduce((s, id) => s + Math.max(byId.get(id)?.amount.minor ?? 0, 0), 0);
  return {
    matchId: match.id,
    kind: match.type,
    state: match.state,
    decision: null,
    confidence: match.confidence,
    amount: moneyToCell({ minor: incoming, currency: match.difference.currency }),
    difference: moneyToCell(match.difference),
    currency: match.difference.currency,
    members: formatMembers(match.members),
    reason: `${match.ambiguous ? 'Ambiguous: ' : ''}${match.reason}`,
    notes: null,
    ...memberFacts(ids, byId),
  };
}

/** A discrepancy (in transit, missing deposit…) as a Matches-tab row with State `open`. */
export function discrepancyToRow(d: Discrepancy, byId: ReadonlyMap<string, Transaction>): SheetRecord {
  return {
    matchId: d.id,
    kind: d.type,
    state: DISCREPANCY_STATE,
    decision: null,
    confidence: null,
    amount: moneyToCell(d.amount),
    difference: null,
    currency: d.amount.currency,
    members: d.transactionIds.map((id) => `line ${id}`).join(', '),
    reason: d.reason,
    notes: null,
    ...memberFacts(d.transactionIds, byId),
    date: d.date,
  };
}

/**
 * The bookkeeper's decision on a Matches-tab row, as the Match the matcher takes back
 * (`reconcile({ decisions })`): Decision `confirm`/`reject` (or State `confirmed`/`rejected`).
 * Undefined for rows without a decision and for discrepancy rows.
 */
export function rowToDecision(
  row: readonly unknown[],
  index: HeaderIndex,
  where: { row: number; file?: string },
): Result<Match | undefined> {
  const cell = (key: string) => {
    const i = index.positions.get(key);
    return i === undefined ? '' : String(row[i] ?? '').trim();
  };
  const said = `${cell('decision')} ${cell('state')}`.toLowerCase();
  const state = /\breject/.test(said) ? 'rejected' : /\bconfirm/.test(said) ? 'confirmed' : undefined;
  if (!state || cell('state') === DISCREPANCY_STATE) return ok(undefined);
  const at = (field: string, message: string): Problem =>
    problem('invalid_match_row', message, {
      path: ['Matches', where.row, field],
      row: where.row,
      field,
      ...(where.file ? { file: where.file } : {}),
    });
  const members = cell('members')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [role, id] = s.split(/\s+/);
      return { role: role ?? '', id: id ?? '' };
    });
  const currency = cell('currency');
  const i = index.positions.get('difference');
  const difference = cellToMinor(i === undefined ? undefined : row[i], currency);
  const confidence = Number(cell('confidence') || 1);
  const parsed = Match.safeParse({
    schemaVersion: MATCH_SCHEMA_VERSION,
    id: cell('matchId'),
    type: cell('kind'),
    members,
    difference: { minor: difference.ok ? (difference.value ?? 0) : Number.NaN, currency },
    confidence: Number.isFinite(confidence) ? confidence : 1,
    state,
    reason: cell('reason').replace(/^Ambiguous: /, ''),
  });
  if (parsed.success) return ok(parsed.data);
  const headerOf = (key: string) => MATCH_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const keyOf: Record<string, string> = {
    id: 'matchId',
    type: 'kind',
    members: 'members',
    difference: 'difference',
  };
  return fail(
    ...parsed.error.issues.map((issue) =>
      at(headerOf(keyOf[String(issue.path[0])] ?? String(issue.path[0])), issue.message),
    ),
  );
}
