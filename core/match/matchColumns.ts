import type { BankLine } from './bankLine';
import type { PayoutUnit } from './payoutUnit';

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
    /** The payout line's ordinal, or -1 for settled lines without one (see unitTaken). */
    ordinal: Int32Array;
    value: Float64Array;
    day: Int32Array;
    endDay: Int32Array;
    currency: Int32Array;
    processor: Int32Array;
  };
  lines: {
    id: string[];
    ordinal: Int32Array;
    amount: Float64Array;
    day: Int32Array;
    currency: Int32Array;
    /** The processor the text names, -1 for none. */
    processor: Int32Array;
    notPayout: Uint8Array;
  };
};

const FEW_NAMES = 8;

const made = new WeakMap<readonly PayoutUnit[], { lines: readonly BankLine[]; columns: MatchColumns }>();

/**
 * The columns of a run's payouts and lines, made on first use and kept as long as `units` is.
 * `ids`: each ordinal's transaction id, when the caller has them (read in memory order): a payout's
 * id is then not read off its transaction.
 */
export function matchColumns(
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  ids?: readonly string[],
): MatchColumns {
  const known = made.get(units);
  if (known !== undefined && known.lines === lines) return known.columns;
  // A run has a currency or two and a few processors: a short list compared by content beats a Map,
  // which hashes every string anew (each line's "USD" is a string of its own). Past a few names, a Map.
  const names: string[] = [];
  const more = new Map<string, number>();
  const code = (name: string) => {
    for (let c = 0; c < names.length && c < FEW_NAMES; c++) if (names[c] === name) return c;
    let c = names.length < FEW_NAMES ? undefined : more.get(name);
    if (c === undefined) {
      c = names.length;
      names.push(name);
      if (c >= FEW_NAMES) more.set(name, c);
    }
    return c;
  };
  const u = {
    payoutId: new Array<string>(units.length),
    ordinal: new Int32Array(units.length),
    value: new Float64Array(units.length),
    day: new Int32Array(units.length),
    endDay: new Int32Array(units.length),
    currency: new Int32Array(units.length),
    processor: new Int32Array(units.length),
  };
  for (let r = 0; r < units.length; r++) {
    const x = units[r]!;
    u.payoutId[r] = x.payout === undefined ? '' : ids !== undefined ? ids[x.ordinal]! : x.payout.id;
    u.ordinal[r] = x.payout !== undefined ? x.ordinal : -1;
    u.value[r] = x.value;
    u.day[r] = x.day;
    u.endDay[r] = x.endDay;
    u.currency[r] = code(x.currency);
    u.processor[r] = code(x.processor);
  }
  const l = {
    id: new Array<string>(lines.length),
    ordinal: new Int32Array(lines.length),
    amount: new Float64Array(lines.length),
    day: new Int32Array(lines.length),
    currency: new Int32Array(lines.length),
    processor: new Int32Array(lines.length),
    notPayout: new Uint8Array(lines.length),
  };
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i]!;
    l.id[i] = x.id;
    l.ordinal[i] = x.ordinal;
    l.amount[i] = x.amount;
    l.day[i] = x.day;
    l.currency[i] = code(x.currency);
    l.processor[i] = x.processor === undefined ? -1 : code(x.processor);
    l.notPayout[i] = x.notPayout ? 1 : 0;
  }
  const columns = { names, units: u, lines: l };
  made.set(units, { lines, columns });
  return columns;
}
