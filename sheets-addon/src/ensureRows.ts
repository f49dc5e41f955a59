import type { Sheet } from './services';

/** A sheet has a fixed number of rows; writing past it fails, so grow it first. */
export function ensureRows(sheet: Sheet, lastRowNeeded: number): void {
  const max = sheet.getMaxRows();
  if (lastRowNeeded > max) sheet.insertRowsAfter(max, lastRowNeeded - max);
}
