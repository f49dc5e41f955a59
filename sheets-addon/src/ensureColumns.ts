import type { Sheet } from './services';

/** A sheet has a fixed number of columns (26 when new); grow it before writing past them. */
export function ensureColumns(sheet: Sheet, lastColumnNeeded: number): void {
  const max = sheet.getMaxColumns();
  if (lastColumnNeeded > max) sheet.insertColumnsAfter(max, lastColumnNeeded - max);
}
