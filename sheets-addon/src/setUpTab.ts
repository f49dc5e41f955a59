import { indexHeader, normalizeHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef, TabDef } from '../../core/sheet/workbookLayout';
import { HEADER_BACKGROUND, NUMBER_FORMATS } from './columnFormats';
import { columnRuns } from './columnRuns';
import { ensureColumns } from './ensureColumns';
import type { Services, Sheet, Spreadsheet } from './services';
import { toCellInput } from './toCellInput';

export type TabSetup = {
  sheet: Sheet;
  /** 1-based column of each layout column, after the repair. */
  columnOf: Map<string, number>;
  addedColumns: string[];
  created: boolean;
  /** Whether this run laid the column out (a new tab, or a column added by the repair). */
  laidOut: (key: string) => boolean;
};

const protectionName = (tab: string) => `Ledgerbridge: ${tab} header`;

/**
 * Creates a tab or repairs it without losing data: layout columns that are missing are added after
 * the last header (columns the bookkeeper moved or added stay where they are), then the layout's
 * header cells are styled, the header frozen and protected (warning only), and the columns laid out
 * now get their number formats by column type.
 */
export function setUpTab(services: Services, spreadsheet: Spreadsheet, tab: TabDef): TabSetup {
  const existing = spreadsheet.getSheetByName(tab.name);
  const sheet = existing ?? spreadsheet.insertSheet(tab.name);
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const index = indexHeader(header, tab.columns);
  let used = 0;
  header.forEach((cell, i) => {
    if (normalizeHeader(cell) !== '') used = i + 1;
  });
  const missing = tab.columns.filter((c) => !index.positions.has(c.key));
  const columnOf = new Map([...index.positions].map(([key, i]) => [key, i + 1]));
  if (missing.length > 0) {
    ensureColumns(sheet, used + missing.length);
    sheet
      .getRange(1, used + 1, 1, missing.length)
      .setValues([missing.map((c) => toCellInput(c.header, undefined))]);
    for (const [i, c] of missing.entries()) columnOf.set(c.key, used + 1 + i);
  }
  const fullWidth = used + missing.length;
  // The header cells of the layout only: a header the bookkeeper added keeps its own look.
  for (const [start, count] of columnRuns([...columnOf.values()].map((at) => at - 1))) {
    sheet
      .getRange(1, start + 1, 1, count)
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND);
  }
  sheet.setFrozenRows(tab.headerRows);
  const created = !existing;
  const laidOut = (key: string) => created || missing.some((c) => c.key === key);
  // Number formats go on the columns laid out now; a format the bookkeeper chose later is theirs.
  formatColumns(
    sheet,
    tab.columns.filter((c) => laidOut(c.key)),
    columnOf,
  );
  protectHeader(services, sheet, tab.name, fullWidth);
  return { sheet, columnOf, addedColumns: missing.map((c) => c.header), created, laidOut };
}

function formatColumns(sheet: Sheet, columns: readonly ColumnDef[], columnOf: Map<string, number>) {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1 || columns.length === 0) return;
  for (const column of columns) {
    const format = NUMBER_FORMATS[column.type];
    const at = columnOf.get(column.key);
    if (format && at) sheet.getRange(2, at, rows, 1).setNumberFormat(format);
  }
}

function protectHeader(services: Services, sheet: Sheet, tab: string, width: number) {
  const name = protectionName(tab);
  for (const p of sheet.getProtections(services.SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === name) p.remove();
  }
  // Warning only: the bookkeeper may still rename or move a header, after a confirmation.
  sheet.getRange(1, 1, 1, width).protect().setDescription(name).setWarningOnly(true);
}
