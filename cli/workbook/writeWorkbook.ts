import ExcelJS from 'exceljs';
import { currencyExponent } from '../../core/model/currency';
import { normalizeHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { slideFormulaRows } from './slideFormulaRows';

/** One tab as written: its header (the layout's, or an existing book's with the bookkeeper's columns) and rows. */
export type SheetTab = {
  name: string;
  /** The layout columns: found in `header` by name, they decide each cell's type and format. */
  columns: readonly ColumnDef[];
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
  /**
   * Rows recomputed by key (Matches, Categories, Summary): for each row, the data row of the
   * existing tab (0-based) it continues, or undefined for a new one. What people put on that row —
   * their cells, notes, fills, formats — moves with it. Absent: row i continues row i, in place.
   */
  from?: readonly (number | undefined)[];
  /** Left exactly as the existing book has it (the Rules tab the bookkeeper edits). */
  untouched?: boolean;
  /** The layout's bookkeeper columns are written too (a rules file replacing the Rules tab). */
  ownsAll?: boolean;
};

/** A fresh tab from layout records. */
export function tabFromRecords(
  name: string,
  columns: readonly ColumnDef[],
  records: readonly SheetRecord[],
): SheetTab {
  return {
    name,
    columns,
    header: columns.map((c) => c.header),
    rows: records.map((r) => columns.map((c) => r[c.key] ?? null)),
  };
}

/** A formula the bookkeeper wrote in their own cell, with the value it showed; written back as a formula. */
export class KeptFormula {
  constructor(
    readonly formula: string,
    readonly result: unknown,
  ) {}
}

export const moneyFormat = (currency: string): string => {
  const exponent = currencyExponent(currency);
  const digits = exponent > 0 ? `.${'0'.repeat(exponent)}` : '';
  return `#,##0${digits};-#,##0${digits}`;
};

/** A `YYYY-MM-DD` string as the Date exceljs writes as a date serial (UTC midnight). */
function isoToDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The cell value exceljs stores. Strings are always plain string cells — exceljs writes a formula
 * only for a `{ formula }` object, which this never builds — so portal text such as
 * `=HYPERLINK(…)` stays text (and no apostrophe is needed, see core/sheet/escapeFormula).
 */
function cellValue(column: ColumnDef | undefined, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  // Only a bookkeeper's own formula, read back from their book, is ever written as one.
  if (value instanceof KeptFormula) {
    return column && column.owner !== 'bookkeeper'
      ? (value.result as ExcelJS.CellValue)
      : { formula: value.formula, result: value.result as never };
  }
  if (column?.type === 'date' && typeof value === 'string') return isoToDate(value) ?? value;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  return fitXlsxCell(String(value));
}

/** Excel holds at most 32,767 characters in a cell; a book with a longer one opens as damaged. */
const XLSX_CELL_CHARS = 32_767;

/** Text over Excel's cell limit, cut with the count of what was left out shown in the cell itself. */
function fitXlsxCell(text: string): string {
  if (text.length <= XLSX_CELL_CHARS) return text;
  const kept = text.slice(0, XLSX_CELL_CHARS - 40);
  return `${kept} … (${text.length - kept.length} characters more)`;
}

const HEADER_FILL = 'FFD9E1F2';
/** Columns the bookkeeper edits get their own header colour, so it is plain where typing is expected. */
const BOOKKEEPER_FILL = 'FFFFF2CC';
const BOOKKEEPER_NOTE = 'Yours to edit: Ledgerbridge never overwrites this column.';
const FLAG_COLOR = 'FFC00000';
/** The conditional format this writer puts on difference columns (replaced, not stacked, on each write). */
const flagFormula = (letter: string) => `AND(ISNUMBER(${letter}2),${letter}2<>0)`;
const FLAG_FORMULA = /^AND\(ISNUMBER\([A-Z]+2\),[A-Z]+2<>0\)$/;

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** What a cell holds, to move it to another row: its value (a formula as a formula), style and note. */
type CellCopy = {
  value: ExcelJS.CellValue;
  formula?: string;
  row: number;
  style: Partial<ExcelJS.Style>;
  note?: ExcelJS.Cell['note'];
};

function copyOf(cell: ExcelJS.Cell, row: number): CellCopy {
  const copy: CellCopy = { value: cell.value, row, style: cell.style };
  // A shared formula names its master cell: kept as the plain formula it stands for.
  if (cell.type === ExcelJS.ValueType.Formula) {
    copy.formula = cell.formula;
    copy.value = cell.result as ExcelJS.CellValue;
  }
  if (cell.note !== undefined) copy.note = cell.note;
  return copy;
}

/** exceljs keeps data validations by address; its typings leave this out. */
type DataValidationsOf = { dataValidations: { remove(address: string): void } };

/** exceljs has no way to remove a note but to drop the comment it keeps. */
const dropNote = (cell: ExcelJS.Cell) => {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
};

function pasteCell(cell: ExcelJS.Cell, copy: CellCopy | undefined, row: number): void {
  if (!copy) {
    cell.value = null;
    cell.style = {};
    dropNote(cell);
    return;
  }
  cell.value = copy.formula
    ? { formula: slideFormulaRows(copy.formula, row - copy.row), result: copy.value as never }
    : copy.value;
  cell.style = copy.style;
  if (copy.note !== undefined) cell.note = copy.note;
  else dropNote(cell);
}

const sameValue = (a: ExcelJS.CellValue, b: ExcelJS.CellValue): boolean =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : (isBlank(a) && isBlank(b)) || a === b;

/** Sets a style property on one cell only (loaded cells share style objects). */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const style = cell.style ?? {};
  if (Object.entries(patch).every(([k, v]) => style[k as keyof ExcelJS.Style] === v)) return;
  cell.style = { ...style, ...patch };
}

/**
 * Lays one tab onto a sheet, new or from an existing book. Only cells Ledgerbridge owns (source and
 * computed columns of the layout) are written; the bookkeeper's columns and columns they added are
 * written only on new rows, and their notes, fills and formats are never touched — on tabs
 * recomputed by key (`tab.from`) they move with their row. Header cells the sheet already has keep
 * their look; new ones get a bold coloured header (the bookkeeper's columns in their own colour,
 * with a note). Money is formatted per row currency (its decimals), dates `yyyy-mm-dd`, percents;
 * non-zero differences in red; drop-downs for columns with choices; autofilter over the header.
 * Datetimes (captured at, audit time) stay ISO 8601 text so they read back exactly.
 */
function layTab(sheet: ExcelJS.Worksheet, tab: SheetTab): void {
  const byHeader = new Map(tab.columns.map((c) => [normalizeHeader(c.header), c]));
  const columns = tab.header.map((h) => byHeader.get(normalizeHeader(h)));
  const owned = columns.map((c) => c !== undefined && (tab.ownsAll || c.owner !== 'bookkeeper'));
  const width = tab.header.length;
  const oldRowCount = Math.max(0, sheet.rowCount - 1);
  const positionOf = (key: string) => {
    const def = tab.columns.find((c) => c.key === key);
    return def ? tab.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(def.header)) : -1;
  };
  // For each money column, where its row's currency is.
  const currencyIndex = columns.map((c) => (c?.currencyKey ? positionOf(c.currencyKey) : -1));
  const formatOf = (column: ColumnDef | undefined, data: readonly unknown[], i: number) => {
    if (column?.type === 'date') return 'yyyy-mm-dd';
    if (column?.type === 'percent') return '0.0%';
    if (column?.type !== 'money') return undefined;
    const currency = String(data[currencyIndex[i]!] ?? '');
    return moneyFormat(/^[A-Z]{3}$/.test(currency) ? currency : 'USD');
  };

  const headerRow = sheet.getRow(1);
  // A new tab's header row is bold as a whole, so columns people add later look the same.
  if (headerRow.cellCount === 0) headerRow.font = { bold: true };
  tab.header.forEach((text, i) => {
    const cell = headerRow.getCell(i + 1);
    if (normalizeHeader(cell.value) === normalizeHeader(text) && !isBlank(cell.value)) return;
    const yours = columns[i]?.owner === 'bookkeeper';
    cell.value = text;
    cell.style = {
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: yours ? BOOKKEEPER_FILL : HEADER_FILL } },
    };
    if (yours) cell.note = BOOKKEEPER_NOTE;
    const column = sheet.getColumn(i + 1);
    column.width = columns[i]?.width ?? Math.max(10, text.length + 2);
  });

  // Rows recomputed by key: first copy every old cell, as rows are about to be written over.
  const moved = tab.from !== undefined;
  const copies: CellCopy[][] = [];
  if (moved) {
    for (let r = 0; r < oldRowCount; r++) {
      const row = sheet.getRow(r + 2);
      copies.push(Array.from({ length: width }, (_, i) => copyOf(row.getCell(i + 1), r + 2)));
    }
  }
  const choices = columns.map((c) => (c?.choices ? `"${c.choices.join(',')}"` : undefined));
  tab.rows.forEach((data, r) => {
    const row = sheet.getRow(r + 2);
    const source = moved ? tab.from![r] : undefined;
    for (let i = 0; i < width; i++) {
      const cell = row.getCell(i + 1);
      const value = cellValue(columns[i], data[i]);
      if (moved) {
        if (owned[i] || source === undefined) {
          pasteCell(cell, source === undefined ? undefined : copies[source]?.[i], r + 2);
          cell.value = value;
        } else pasteCell(cell, copies[source]?.[i], r + 2);
      } else if (owned[i]) {
        if (!sameValue(cell.value, value)) cell.value = value;
      } else if (isBlank(cell.value) && !isBlank(value)) cell.value = value;
      const format = owned[i] ? formatOf(columns[i], data, i) : undefined;
      if (format) restyle(cell, { numFmt: format });
      if (choices[i]) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [choices[i]!] };
    }
  });
  // Old rows past the new end: a recomputed tab clears them; an in-place tab its owned cells.
  for (let r = tab.rows.length; r < oldRowCount; r++) {
    const row = sheet.getRow(r + 2);
    for (let i = 0; i < width; i++) {
      const cell = row.getCell(i + 1);
      if (moved) pasteCell(cell, undefined, r + 2);
      else if (owned[i]) cell.value = null;
      if (choices[i]) (sheet as unknown as DataValidationsOf).dataValidations.remove(cell.address);
    }
  }

  sheet.removeConditionalFormatting(
    (cf: ExcelJS.ConditionalFormattingOptions) =>
      !cf.rules.some((rule) => 'formulae' in rule && FLAG_FORMULA.test(String(rule.formulae?.[0] ?? ''))),
  );
  columns.forEach((c, i) => {
    if (!c?.flagNonZero || tab.rows.length === 0) return;
    const letter = sheet.getColumn(i + 1).letter;
    sheet.addConditionalFormatting({
      ref: `${letter}2:${letter}${tab.rows.length + 1}`,
      rules: [
        {
          type: 'expression',
          formulae: [flagFormula(letter)],
          priority: 1,
          style: { font: { bold: true, color: { argb: FLAG_COLOR } } },
        },
      ],
    });
  });
  if (width > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
}

/**
 * The workbook as `.xlsx` bytes. With `base` (an existing book, loaded), the tabs are laid onto it
 * in place (see layTab): tabs, columns, notes and formatting the bookkeeper added stay as they are,
 * and only the cells Ledgerbridge owns are rewritten. Without it, a new book. `activeTab` opens the
 * book on that tab.
 */
export async function writeWorkbook(
  tabs: readonly SheetTab[],
  options: { activeTab?: string; base?: ExcelJS.Workbook } = {},
): Promise<Uint8Array> {
  const book = options.base ?? new ExcelJS.Workbook();
  if (!options.base) book.creator = 'Ledgerbridge';
  for (const tab of tabs) {
    const existing = book.getWorksheet(tab.name);
    if (existing && tab.untouched) continue;
    layTab(existing ?? book.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: 1 }] }), tab);
  }
  const active = options.activeTab ? book.worksheets.findIndex((s) => s.name === options.activeTab) : -1;
  if (active >= 0) {
    book.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' },
    ];
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
