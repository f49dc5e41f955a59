/**
 * The documented pivot for two-digit years (`12/31/99`, QIF's `1/ 5'98`): 00–69 are 2000–2069,
 * 70–99 are 1970–1999. Fixed rather than relative to today, so the same file always reads the same.
 */
export function twoDigitYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}
