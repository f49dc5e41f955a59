import ExcelJS from 'exceljs';

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** One tab as read: the header row and the data rows, each as wide as the header. */
export type ReadTab = {
  header: string[];
  /** Cell values as the spreadsheet shows them (a formula's result). */
  rows: unknown[][];
  /** The formulas behind cells, by `row:column` (0-based in `rows`), so a rewrite can keep them. */
  formulas: Map<string, string>;
};

/** A cell's value as a spreadsheet shows it: formulas give their result, rich text its plain text. */
function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return plainValue((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return null;
  return null;
}

/**
 * Reads every tab of an `.xlsx`: used to keep the bookkeeper's columns when `reconcile --out`
 * writes over an existing book, and by the tests. Date cells come back as UTC-midnight Dates.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Map<string, ReadTab>> {
  return readTabs(await loadWorkbook(bytes));
}

/** An `.xlsx` as exceljs holds it: read, and updated in place by writeWorkbook's `base`. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

/** Every tab of a loaded book: its header and data rows. */
export function readTabs(book: ExcelJS.Workbook): Map<string, ReadTab> {
  const tabs = new Map<string, ReadTab>();
  book.eachSheet((sheet) => {
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, n) => {
      header[n - 1] = String(plainValue(cell.value) ?? '');
    });
    const width = header.length;
    const rows: unknown[][] = [];
    const formulas = new Map<string, string>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(
        Array.from({ length: width }, (_, i) => {
          const cell = row.getCell(i + 1);
          if (cell.formula) formulas.set(`${r - 2}:${i}`, cell.formula);
          return plainValue(cell.value);
        }),
      );
    }
    // Blank rows inside the data keep their place (row numbers in messages stay right); trailing ones go.
    while (rows.length > 0 && rows[rows.length - 1]!.every(isBlank)) rows.pop();
    tabs.set(sheet.name, {
      header: Array.from({ length: width }, (_, i) => header[i] ?? ''),
      rows,
      formulas,
    });
  });
  return tabs;
}
