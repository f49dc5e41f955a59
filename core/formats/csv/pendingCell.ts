/** A whole cell anywhere in the row that marks it pending ("Umsatz vorgemerkt"). */
export const PENDING_CELL =
  /^(?:umsatz vorgemerkt|vorgemerkt|vorgemerkte? ums[aä]tze?|pending|in bearbeitung|noch nicht gebucht|en attente|pendiente|in sospeso|pendente)$/i;

/**
 * Whether a cell (under 40 characters, spaces around it ignored) is one of PENDING_CELL's marks.
 * Every cell of every row is asked, so most are turned away by their length or first letter —
 * every mark is 7 or more letters and starts with u, v, p, i, n or e — before the expression runs.
 */
export function isPendingCell(cell: string): boolean {
  const n = cell.length;
  if (n < 7 || n >= 40) return false;
  const c = cell.charCodeAt(0);
  // A space or any non-ASCII character may be trimmed away: only then is the first letter unknown.
  if (c > 32 && c < 128) {
    const lower = c | 32;
    if (lower !== 117 && lower !== 118 && lower !== 112 && lower !== 105 && lower !== 110 && lower !== 101)
      return false;
  }
  return PENDING_CELL.test(cell.trim());
}
