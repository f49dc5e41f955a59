import type { BankLines } from './bankLines';
import type { PayoutUnits } from './payoutUnits';

/**
 * What the matching passes compare of every payout and bank line, as typed columns by position in
 * the run's payouts and lines (see PayoutUnits, BankLines, which are made as these columns). The
 * passes visit payouts and lines in amount or date order, which is random with respect to where the
 * transactions sit in memory: reading a field off an object there cost a cache miss per object per
 * pass, more than the comparison itself. An object is made only when a match or a report needs it.
 * Currencies and processors are numbered (`code`) so they compare as numbers.
 */
export type MatchColumns = {
  /** Each code's currency or processor name. */
  names: readonly string[];
  units: {
    /**
     * Per payout a record of UNIT_RECORD numbers: its payout line's ordinal (-1 for settled lines
     * without one, see unitTaken), value, day, window's end day, currency and processor codes.
     */
    records: Float64Array;
  };
  lines: {
    /**
     * Per line a record of LINE_RECORD numbers: its day, currency and processor codes (processor -1:
     * the text names none), notPayout (1 or 0), ordinal and amount, side by side, so that a line
     * visited out of order costs one cache line rather than one per field.
     */
    records: Float64Array;
  } & RefColumns;
};

/** Reference hashes (see tokenHashes) per line or payout line: i's are `refHash[refFrom[i] … refTo[i])`. */
export type RefColumns = { refFrom: Int32Array; refTo: Int32Array; refHash: Int32Array };

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

/** The columns of a run's payouts and lines (read off them, nothing is copied). */
export const matchColumns = (units: PayoutUnits, lines: BankLines): MatchColumns => ({
  names: lines.names,
  units,
  lines,
});
