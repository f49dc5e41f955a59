type Units = Array<number | undefined>;

/** Two neighbouring money columns that split the rows between them: a headerless debit/credit pair. */
export type DebitCreditPair = {
  left: number;
  right: number;
  /** Which side holds money out, when the signs say (negative on one side only); undecided otherwise. */
  debit?: number;
};

/** A cell that holds money: a zero in the other column ("0,00") is as good as blank. */
const holds = (v: number | undefined) => v !== undefined && v !== 0;

function mostlyNegative(u: Units): boolean | undefined {
  const filled = u.filter(holds) as number[];
  const negative = filled.filter((v) => v < 0).length;
  if (negative === 0) return false;
  return negative >= filled.length * 0.9 ? true : undefined;
}

/**
 * Adjacent money columns each filled on some rows and (almost) never both on one row: every row's
 * amount is on one side or the other (Targobank, many headerless German and US exports). An amount
 * and a fee or balance column share rows, so they are no pair. `money` is in column order.
 */
export function findDebitCreditPair(
  money: readonly number[],
  units: (i: number) => Units,
  rows: number,
): DebitCreditPair | undefined {
  for (const left of money) {
    const right = left + 1;
    if (!money.includes(right)) continue;
    const a = units(left);
    const b = units(right);
    let onlyA = 0;
    let onlyB = 0;
    let both = 0;
    for (let r = 0; r < rows; r++) {
      if (holds(a[r]) && holds(b[r])) both++;
      else if (holds(a[r])) onlyA++;
      else if (holds(b[r])) onlyB++;
    }
    const smaller = Math.min(onlyA, onlyB) + both;
    if (onlyA === 0 || onlyB === 0 || both > Math.floor(smaller * 0.05)) continue;
    // Rows with neither are not lines of money: a pair covers nearly every row.
    if (onlyA + onlyB + both < rows * 0.8) continue;
    const negA = mostlyNegative(a);
    const negB = mostlyNegative(b);
    const debit =
      negA === true && negB === false ? left : negB === true && negA === false ? right : undefined;
    return { left, right, ...(debit === undefined ? {} : { debit }) };
  }
  return undefined;
}
