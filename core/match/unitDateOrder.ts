import { UNIT_DAY, UNIT_RECORD } from './matchColumns';
import { orderByKey } from './orderByKey';

/**
 * Positions in a run's `units` in `byUnitDate` order (date, then rank), from the payouts' records
 * (see matchColumns): a unit's rank is its position. Payout lines come in posting order, so this is
 * usually 0, 1, 2… and no sort is made. Made once per run's records and shared: read only.
 */
export function unitDateOrder(records: Float64Array): Int32Array {
  let order = made.get(records);
  if (order === undefined) {
    order = dateOrder(records);
    made.set(records, order);
  }
  return order;
}

const made = new WeakMap<Float64Array, Int32Array>();

function dateOrder(records: Float64Array): Int32Array {
  const n = records.length / UNIT_RECORD;
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if (r > 0 && records[r * UNIT_RECORD + UNIT_DAY]! < records[(r - 1) * UNIT_RECORD + UNIT_DAY]!) {
      const days = new Float64Array(n);
      for (let k = 0; k < n; k++) days[k] = records[k * UNIT_RECORD + UNIT_DAY]!;
      return orderByKey(days);
    }
    order[r] = r;
  }
  return order;
}
