const WHOLE = 1_000_000n;

/**
 * Splits integer minor units by percents given in 1/10,000ths of a percent (summing to 1,000,000)
 * so the parts sum exactly to the amount: each part gets its floor share, and the minor units left
 * over go one each to the parts with the largest fractional shares, earlier parts first on ties
 * (the largest-remainder method, deterministic). Every part carries the amount's sign.
 */
export function splitByPercent(minor: number, percentUnits: readonly number[]): number[] {
  const total = percentUnits.reduce((a, b) => a + b, 0);
  if (total !== Number(WHOLE)) throw new RangeError(`split percents sum to ${total / 10_000}, not 100`);
  const sign = minor < 0 ? -1 : 1;
  // BigInt: |amount| × units can pass 2^53 for large amounts.
  const magnitude = BigInt(Math.abs(minor));
  const shares = percentUnits.map((units, index) => {
    const exact = magnitude * BigInt(units);
    return { index, floor: exact / WHOLE, fraction: exact % WHOLE };
  });
  let left = magnitude - shares.reduce((sum, s) => sum + s.floor, 0n);
  const byFraction = [...shares].sort((a, b) =>
    a.fraction === b.fraction ? a.index - b.index : a.fraction > b.fraction ? -1 : 1,
  );
  for (const share of byFraction) {
    if (left === 0n) break;
    share.floor += 1n;
    left -= 1n;
  }
  return shares.map((s) => sign * Number(s.floor) || 0);
}

/**
 * Fixed parts (positive minor units) taken from the amount, with the sign of the amount; what is
 * left is the remainder. Undefined when the parts add up to more than the amount.
 */
export function splitByAmounts(
  minor: number,
  parts: readonly number[],
): { parts: number[]; remainder: number } | undefined {
  const sign = minor < 0 ? -1 : 1;
  const taken = parts.reduce((a, b) => a + b, 0);
  if (taken > Math.abs(minor)) return undefined;
  return { parts: parts.map((p) => sign * p), remainder: sign * (Math.abs(minor) - taken) || 0 };
}
