import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { fitCell } from './cellLimit';
import { columnRuns } from './columnRuns';
import { ensureRows } from './ensureRows';
import type { TabContents } from './readTab';
import type { CellValue, Sheet } from './services';
import { toCellInput } from './toCellInput';

const keyText = (value: unknown) => String(value ?? '').trim();

/**
 * Rewrites a computed tab (Matches, Summary, Categories) from `records` writing only the cells the
 * tool owns, so the bookkeeper's work stays where they put it:
 * - a record whose key (`keys`: one or more columns) is already on a row is written on that row, so
 *   the row's decision, notes, own columns — and the notes, fills and formats Sheets keeps on its
 *   cells — stay with it;
 * - a row whose key is gone keeps everything if people wrote on it (only its tool cells stay as
 *   they were, for context); otherwise it is free: a new record takes it, or its tool cells are cleared;
 * - the rest are appended below, with their bookkeeper columns (e.g. a new category's name).
 * Cells of the bookkeeper's columns on existing rows are never written, so neither a formula of
 * theirs nor an edit they make while this runs is lost. A constant number of calls: one setValues
 * per run of adjacent tool columns, one per run of bookkeeper columns for appended rows.
 */
export function replaceRecords(
  sheet: Sheet,
  tab: TabContents,
  records: readonly SheetRecord[],
  keys: readonly ColumnDef['key'][],
): void {
  const toolAt: number[] = [];
  const bookkeeperAt: number[] = [];
  tab.columnAt.forEach((c, i) => {
    if (c && c.owner !== 'bookkeeper') toolAt.push(i);
    else if (c) bookkeeperAt.push(i);
  });
  const peopleWrote = (row: readonly CellValue[]) =>
    row.some((cell, i) => {
      const c = tab.columnAt[i];
      return (!c || c.owner === 'bookkeeper') && cell !== '' && cell !== null && cell !== undefined;
    });
  const keyAt = keys.map((k) => tab.index.positions.get(k));
  const rowKey = (row: readonly unknown[]) =>
    keyAt.map((i) => keyText(i === undefined ? '' : row[i])).join('\u0001');
  const recordKey = (record: SheetRecord) => keys.map((k) => keyText(record[k])).join('\u0001');

  const rowsOfKey = new Map<string, number[]>();
  tab.rows.forEach((row, i) => {
    const key = rowKey(row);
    if (/^\u0001*$/.test(key)) return;
    const list = rowsOfKey.get(key);
    if (list) list.push(i);
    else rowsOfKey.set(key, [i]);
  });

  /** What each row of the tab becomes: a record, the row as it is, or blank. */
  const placed: Array<SheetRecord | 'keep' | 'free'> = tab.rows.map(() => 'free');
  const newcomers: SheetRecord[] = [];
  for (const record of records) {
    const at = rowsOfKey.get(recordKey(record))?.shift();
    if (at === undefined) newcomers.push(record);
    else placed[at] = record;
  }
  tab.raw.forEach((row, i) => {
    if (placed[i] === 'free' && peopleWrote(row)) placed[i] = 'keep';
  });
  // A newcomer with something in a bookkeeper column needs a row of its own, below.
  const appended: SheetRecord[] = [];
  let free = 0;
  for (const record of newcomers) {
    const writesPeopleCells = bookkeeperAt.some((i) => keyText(record[tab.columnAt[i]!.key]) !== '');
    while (!writesPeopleCells && free < placed.length && placed[free] !== 'free') free++;
    if (writesPeopleCells || free >= placed.length) appended.push(record);
    else placed[free++] = record;
  }
  const all = [...placed, ...appended];
  if (all.length === 0) return;
  ensureRows(sheet, all.length + 1);

  const cellOf = (entry: SheetRecord | 'keep' | 'free', rowIndex: number, i: number): CellValue => {
    const column = tab.columnAt[i];
    if (entry === 'free') return '';
    if (entry === 'keep') return toCellInput(tab.raw[rowIndex]![i], column);
    return fitCell(toCellInput(column ? entry[column.key] : '', column));
  };
  for (const [start, count] of columnRuns(toolAt)) {
    sheet
      .getRange(2, start + 1, all.length, count)
      .setValues(all.map((entry, r) => Array.from({ length: count }, (_, k) => cellOf(entry, r, start + k))));
  }
  if (appended.length === 0) return;
  for (const [start, count] of columnRuns(bookkeeperAt)) {
    sheet
      .getRange(placed.length + 2, start + 1, appended.length, count)
      .setValues(
        appended.map((record, r) =>
          Array.from({ length: count }, (_, k) => cellOf(record, placed.length + r, start + k)),
        ),
      );
  }
}
