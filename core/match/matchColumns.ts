import type { BankLine } from './bankLine';
import type { MatchContext } from './matchContext';
import type { PayoutUnit } from './payoutUnit';
import { Codes } from './runColumns';

/**
 * What the matching passes compare of every payout and bank line, as typed columns by position in
 * the run's `units` and `lines` arrays. The passes visit payouts and lines in amount or date order,
 * which is random with respect to where the objects sit in memory: reading a field off an object
 * there cost a cache miss per object per pass, more than the comparison itself. The columns are read
 * off each object once, in array order, and shared by the passes; an object is touched again only
 * when a match is made of it. Currencies and processors are numbered (`code`) so they compare as numbers.
 */
export type MatchColumns = {
  /** Each code's currency or processor name. */
  names: string[];
  units: {
    /** The payout line's id, '' for settled lines. */
    payoutId: string[];
    /**
     * Per payout a record of UNIT_RECORD numbers: its payout line's ordinal (-1 for settled lines
     * without one, see unitTaken), value, day, window's end day, currency and processor codes.
     */
    records: Float64Array;
  };
  lines: {
    id: string[];
    /**
     * Per line a record of LINE_RECORD numbers: its day, currency and processor codes (processor -1:
     * the text names none), notPayout (1 or 0), ordinal and amount, side by side, so that a line
     * visited out of order costs one cache line rather than one per field.
     */
    records: Float64Array;
    /** The lines' `refHashes`, one after the other: line i's are `refHash[refStart[i] … refStart[i + 1])`. */
    refStart: Int32Array;
    refHash: Int32Array;
  };
};

/** A payout's record (see MatchColumns): its length and each field's place. */
export const UNIT_RECORD = 6;
export const UNIT_ORDINAL = 0;
export const UNIT_VALUE = 1;
export const UNIT_DAY = 2;
export const UNIT_END_DAY = 3;
export const UNIT_CURRENCY = 4;
export const UNIT_PROCESSOR = 5;

/** A line's record (see MatchColumns): its length and each field's place. */
export const LINE_RECORD = 6;
export const LINE_DAY = 0;
export const LINE_CURRENCY = 1;
export const LINE_PROCESSOR = 2;
export const LINE_NOT_PAYOUT = 3;
export const LINE_ORDINAL = 4;
export const LINE_AMOUNT = 5;

const made = new WeakMap<readonly PayoutUnit[], { lines: readonly BankLine[]; columns: MatchColumns }>();

/**
 * The columns of a run's payouts and lines, made on first use and kept as long as `units` is.
 * `run`: each ordinal's id and currency code, when the caller has them (read in memory order): a
 * payout's id and each currency are then not read off the objects (each line's currency is a string
 * of its own, compared by content).
 */
export function matchColumns(
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  run?: MatchContext['run'],
): MatchColumns {
  const known = made.get(units);
  if (known !== undefined && known.lines === lines) return known.columns;
  // Currencies keep the run's codes; processors are numbered after them.
  const codes = new Codes();
  for (const currency of run?.currencies ?? []) codes.of(currency);
  const code = (name: string) => codes.of(name);
  const u = {
    payoutId: new Array<string>(units.length),
    records: new Float64Array(units.length * UNIT_RECORD),
  };
  for (let r = 0; r < units.length; r++) {
    const x = units[r]!;
    u.payoutId[r] = x.payout === undefined ? '' : run !== undefined ? run.ids[x.ordinal]! : x.payout.id;
    const at = r * UNIT_RECORD;
    const records = u.records;
    records[at + UNIT_ORDINAL] = x.payout !== undefined ? x.ordinal : -1;
    records[at + UNIT_VALUE] = x.value;
    records[at + UNIT_DAY] = x.day;
    records[at + UNIT_END_DAY] = x.endDay;
    records[at + UNIT_CURRENCY] =
      run !== undefined && x.payout !== undefined ? run.currency[x.ordinal]! : code(x.currency);
    records[at + UNIT_PROCESSOR] = code(x.processor);
  }
  const l = {
    id: new Array<string>(lines.length),
    records: new Float64Array(lines.length * LINE_RECORD),
    refStart: new Int32Array(lines.length + 1),
    refHash: new Int32Array(lines.length),
  };
  let refs = 0;
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i]!;
    const hashes = x.refHashes;
    if (refs + hashes.length > l.refHash.length) {
      const more = new Int32Array(Math.max(l.refHash.length * 2, refs + hashes.length));
      more.set(l.refHash);
      l.refHash = more;
    }
    for (let k = 0; k < hashes.length; k++) l.refHash[refs++] = hashes[k]!;
    l.refStart[i + 1] = refs;
    l.id[i] = x.id;
    const at = i * LINE_RECORD;
    const records = l.records;
    records[at + LINE_DAY] = x.day;
    records[at + LINE_CURRENCY] = run !== undefined ? run.currency[x.ordinal]! : code(x.currency);
    records[at + LINE_PROCESSOR] = x.processor === undefined ? -1 : code(x.processor);
    records[at + LINE_NOT_PAYOUT] = x.notPayout ? 1 : 0;
    records[at + LINE_ORDINAL] = x.ordinal;
    records[at + LINE_AMOUNT] = x.amount;
  }
  const columns = { names: codes.values, units: u, lines: l };
  made.set(units, { lines, columns });
  return columns;
}
