import ExcelJS from 'exceljs';
import { currencyExponent } from '../../core/model/currency';
import { normalizeHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';

/** One tab as written: its header (the layout's, or an existing book's with the bookkeeper's columns) and rows. */
export type SheetTab = {
  name: string;
  /** The layout columns: found in `header` by name, they decide each cell's type and format. */
  columns: readonly ColumnDef[];
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
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

const HEADER_FILL = 'FFD9E1F2';
/** Columns the bookkeeper edits get their own header colour, so it is plain where typing is expected. */
const BOOKKEEPER_FILL = 'FFFFF2CC';
const BOOKKEEPER_NOTE = 'Yours to edit: Ledgerbridge never overwrites this column.';
const FLAG_COLOR = 'FFC00000';

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
  return String(value);
}

/**
 * Writes the tabs to `.xlsx` bytes with exceljs: bold coloured frozen header (the bookkeeper's
 * columns in their own colour, with a note), autofilter, column widths, money formatted per row
 * currency (its decimals), real dates as `yyyy-mm-dd`, percent and boolean cells, non-zero
 * differences in red, drop-downs for columns with choices; `activeTab` opens the book on that tab. Datetimes (captured at, audit time) stay ISO 8601 text so they read back
 * exactly. Columns not in the layout are written as given.
 */
export async function writeWorkbook(
  tabs: readonly SheetTab[],
  options: { activeTab?: string } = {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ledgerbridge';
  const active = options.activeTab ? tabs.findIndex((t) => t.name === options.activeTab) : -1;
  if (active >= 0) {
    book.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' },
    ];
  }
  for (const tab of tabs) {
    const sheet = book.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const byHeader = new Map(tab.columns.map((c) => [normalizeHeader(c.header), c]));
    const columns = tab.header.map((h) => byHeader.get(normalizeHeader(h)));
    const positionOf = (key: string) => {
      const def = tab.columns.find((c) => c.key === key);
      return def ? tab.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(def.header)) : -1;
    };
    // For each money column, where its row's currency is.
    const currencyIndex = columns.map((c) => (c?.currencyKey ? positionOf(c.currencyKey) : -1));

    const headerRow = sheet.addRow([...tab.header]);
    headerRow.font = { bold: true };
    headerRow.eachCell((cell, n) => {
      const yours = columns[n - 1]?.owner === 'bookkeeper';
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: yours ? BOOKKEEPER_FILL : HEADER_FILL },
      };
      if (yours) cell.note = BOOKKEEPER_NOTE;
    });
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c?.width ?? Math.max(10, String(tab.header[i] ?? '').length + 2);
      if (c?.type === 'date') column.numFmt = 'yyyy-mm-dd';
      if (c?.type === 'percent') column.numFmt = '0.0%';
    });

    // Money: the format most rows need goes on the column (cheap); only other rows get their own.
    const formatOf = (data: readonly unknown[], i: number) => {
      const currency = String(data[currencyIndex[i]!] ?? '');
      return moneyFormat(/^[A-Z]{3}$/.test(currency) ? currency : 'USD');
    };
    const moneyColumns = columns.flatMap((c, i) => (c?.type === 'money' ? [i] : []));
    const columnFormat = new Map<number, string>();
    for (const i of moneyColumns) {
      const counts = new Map<string, number>();
      for (const data of tab.rows) counts.set(formatOf(data, i), (counts.get(formatOf(data, i)) ?? 0) + 1);
      const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? moneyFormat('USD');
      columnFormat.set(i, common);
      sheet.getColumn(i + 1).numFmt = common;
    }
    const choiceColumns = columns.flatMap((c, i) =>
      c?.choices ? [[i, `"${c.choices.join(',')}"`] as const] : [],
    );
    for (const data of tab.rows) {
      const row = sheet.addRow(tab.header.map((_, i) => cellValue(columns[i], data[i])));
      for (const i of moneyColumns) {
        const format = formatOf(data, i);
        if (format !== columnFormat.get(i)) row.getCell(i + 1).numFmt = format;
      }
      for (const [i, list] of choiceColumns) {
        row.getCell(i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
      }
    }
    columns.forEach((c, i) => {
      if (!c?.flagNonZero || tab.rows.length === 0) return;
      const letter = sheet.getColumn(i + 1).letter;
      sheet.addConditionalFormatting({
        ref: `${letter}2:${letter}${tab.rows.length + 1}`,
        rules: [
          {
            type: 'expression',
            formulae: [`AND(ISNUMBER(${letter}2),${letter}2<>0)`],
            priority: 1,
            style: { font: { bold: true, color: { argb: FLAG_COLOR } } },
          },
        ],
      });
    });
    if (tab.header.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.header.length } };
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
