import type { UpsertPlan } from '../../core/sheet/planUpsert';
import { columnRuns } from './columnRuns';
import { ensureRows } from './ensureRows';
import type { TabContents } from './readTab';
import type { Sheet } from './services';
import { toCellInput } from './toCellInput';

/**
 * Writes an upsert plan with a constant number of calls whatever its size: updated rows go out as
 * one block per run of adjacent source/computed columns (bookkeeper columns, and columns the
 * bookkeeper added, are never written, so an edit made meanwhile in the sheet is never lost);
 * rows in the block that did not change are written back as they were read. New rows go in one
 * setValues per run of layout columns below the last row.
 */
export function writeUpsertPlan(sheet: Sheet, tab: TabContents, plan: UpsertPlan, headerRows = 1): void {
  const owned = tab.columnAt.flatMap((c, i) => (c && c.owner !== 'bookkeeper' ? [i] : []));
  if (plan.updates.length > 0) {
    const first = Math.min(...plan.updates.map((u) => u.rowIndex));
    const last = Math.max(...plan.updates.map((u) => u.rowIndex));
    const block = tab.raw
      .slice(first, last + 1)
      .map((row) => row.map((cell, i) => toCellInput(cell, tab.columnAt[i])));
    for (const u of plan.updates) {
      const target = block[u.rowIndex - first]!;
      for (const i of owned) target[i] = toCellInput(u.row[i], tab.columnAt[i]);
    }
    for (const [start, count] of columnRuns(owned)) {
      sheet
        .getRange(first + headerRows + 1, start + 1, block.length, count)
        .setValues(block.map((row) => row.slice(start, start + count)));
    }
  }
  if (plan.appends.length > 0) {
    const firstRow = headerRows + tab.raw.length + 1;
    ensureRows(sheet, firstRow + plan.appends.length - 1);
    // Layout columns only: a column of the bookkeeper's own (a formula filled down, say) is theirs.
    const layout = tab.columnAt.flatMap((c, i) => (c ? [i] : []));
    for (const [start, count] of columnRuns(layout)) {
      sheet
        .getRange(firstRow, start + 1, plan.appends.length, count)
        .setValues(
          plan.appends.map((row) =>
            Array.from({ length: count }, (_, k) => toCellInput(row[start + k], tab.columnAt[start + k])),
          ),
        );
    }
  }
}
