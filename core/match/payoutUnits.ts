import type { Transaction } from '../model/transaction';
import { type RefColumns, UNIT_ORDINAL, UNIT_RECORD } from './matchColumns';
import type { PayoutUnit } from './payoutUnit';

/**
 * The run's payouts (see PayoutUnit) as the columns the passes compare (see MatchColumns), and each
 * payout's object made on first ask and kept: most payouts are only ever a record to the passes, and
 * an object per payout lived as long as the run. Settled lines without a payout line (few) are made
 * up front. A payout's position is its `rank`.
 */
export class PayoutUnits {
  readonly length: number;
  /** Per payout a record of UNIT_RECORD numbers (see MatchColumns). */
  readonly records: Float64Array;
  /**
   * The reference hashes of payout r's payout line's texts (see PayoutUnit.mayCarry), for the payout
   * lines (the first positions): `refHash[refFrom[r] … refTo[r])`.
   */
  readonly refs: RefColumns;
  private readonly made: Array<PayoutUnit | undefined>;

  constructor(
    records: Float64Array,
    refs: RefColumns,
    /** The run by ordinal. */
    private readonly transactions: readonly Transaction[],
    /** Payout `r` as an object, from its record (a payout line's). */
    private readonly make: (r: number) => PayoutUnit,
    /** The objects made already (settled lines), by position. */
    made: Array<PayoutUnit | undefined>,
  ) {
    this.length = records.length / UNIT_RECORD;
    this.records = records;
    this.refs = refs;
    this.made = made;
  }

  /** Payout `r`'s payout line, undefined for settled lines: no object made. */
  payout(r: number): Transaction | undefined {
    const ordinal = this.records[r * UNIT_RECORD + UNIT_ORDINAL]!;
    return ordinal < 0 ? undefined : this.transactions[ordinal];
  }

  /** Payout `r` as an object, the same one each time. */
  at(r: number): PayoutUnit {
    let unit = this.made[r];
    if (unit === undefined) {
      unit = this.make(r);
      this.made[r] = unit;
    }
    return unit;
  }
}
