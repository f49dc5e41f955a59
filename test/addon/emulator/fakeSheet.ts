import { parseA1 } from './a1Notation';
import type { FakeDataValidation } from './fakeDataValidation';
import type { FakeProtection } from './fakeProtection';
import { FakeRange } from './fakeRange';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

export type Cell = {
  value: string | number | boolean | Date;
  formula?: string | undefined;
  format?: string;
  validation?: FakeDataValidation | undefined;
  bold?: boolean;
  background?: string;
  /** A cell note; setValues and clearContent leave it, as in Sheets. */
  note?: string;
};

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** One tab: a grid with the size limits, frozen rows and protections of a real sheet. */
export class FakeSheet {
  /** rows[r][c] for 0-based r, c; created on first write. */
  private rows: Cell[][] = [];
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  get env() {
    return this.spreadsheet.env;
  }

  cellAt(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  cell(row: number, column: number): Cell {
    if (!this.rows[row - 1]) this.rows[row - 1] = [];
    const line = this.rows[row - 1]!;
    if (!line[column - 1]) line[column - 1] = { value: '' };
    return line[column - 1]!;
  }

  private hasContent(cell: Cell | undefined) {
    return cell !== undefined && (cell.value !== '' || Boolean(cell.formula));
  }

  lastRow(): number {
    for (let r = this.rows.length; r > 0; r--)
      if (this.rows[r - 1]?.some((c) => this.hasContent(c))) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) if (this.hasContent(line[c - 1])) last = c;
    }
    return last;
  }

  getName() {
    this.env.call('Sheet.getName');
    return this.name;
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1) {
    this.env.call('Sheet.getRange');
    const box =
      typeof rowOrA1 === 'string'
        ? parseA1(rowOrA1, this.maxRows, this.maxColumns)
        : { row: rowOrA1, column: column!, numRows, numColumns };
    if (box.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (box.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (box.row < 1 || box.column < 1) throw new Error(OUTSIDE);
    if (box.row + box.numRows - 1 > this.maxRows || box.column + box.numColumns - 1 > this.maxColumns) {
      throw new Error(OUTSIDE);
    }
    return new FakeRange(this, box);
  }

  getDataRange() {
    this.env.call('Sheet.getDataRange');
    return new FakeRange(this, {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.lastRow()),
      numColumns: Math.max(1, this.lastColumn()),
    });
  }

  getLastRow() {
    this.env.call('Sheet.getLastRow');
    return this.lastRow();
  }
  getLastColumn() {
    this.env.call('Sheet.getLastColumn');
    return this.lastColumn();
  }
  getMaxRows() {
    this.env.call('Sheet.getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    this.env.call('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this.env.write('Sheet.insertRowsAfter');
    this.rows.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.env.write('Sheet.insertColumnsAfter');
    for (const line of this.rows) line?.splice(afterPosition, 0, ...new Array(howMany));
    this.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number) {
    this.env.write('Sheet.deleteRows');
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    return this;
  }

  /** Moves whole columns, as a bookkeeper dragging a column header does. */
  moveColumns(columnSpec: FakeRange, destinationIndex: number) {
    this.env.write('Sheet.moveColumns');
    const from = columnSpec.getColumn() - 1;
    const count = columnSpec.getNumColumns();
    for (const line of this.rows) {
      if (!line) continue;
      while (line.length < Math.max(from + count, destinationIndex)) line.push({ value: '' });
      const moved = line.splice(from, count);
      const at = destinationIndex - 1 > from ? destinationIndex - 1 - count : destinationIndex - 1;
      line.splice(at, 0, ...moved);
    }
  }

  appendRow(values: unknown[]) {
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    this.maxColumns = Math.max(this.maxColumns, values.length);
    new FakeRange(this, { row, column: 1, numRows: 1, numColumns: values.length }).setValues([values]);
    return this;
  }

  setFrozenRows(rows: number) {
    this.env.write('Sheet.setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows() {
    this.env.call('Sheet.getFrozenRows');
    return this.frozenRows;
  }

  getProtections(type: unknown) {
    this.env.call('Sheet.getProtections');
    return this.protections.filter((p) => p.type === type);
  }

  hideSheet() {
    this.env.write('Sheet.hideSheet');
    this.hidden = true;
    return this;
  }
  isSheetHidden() {
    this.env.call('Sheet.isSheetHidden');
    return this.hidden;
  }

  /** Test helper, not a service call: the stored values with formulas shown as formulas. */
  snapshot(): unknown[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = this.cellAt(r + 1, c + 1);
        if (!cell) return '';
        if (cell.formula) return { formula: cell.formula };
        return cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      }),
    );
  }
}
