import { type GridBox, toA1 } from './a1Notation';
import { coerceCellInput } from './coerceCellInput';
import type { FakeDataValidation } from './fakeDataValidation';
import { FakeProtection } from './fakeProtection';
import type { FakeSheet } from './fakeSheet';

const MAX_CELL_CHARS = 50_000;

/** A rectangle of a FakeSheet; every method is one counted service call, as in Apps Script. */
export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: GridBox,
  ) {}

  private get env() {
    return this.sheet.env;
  }

  private get cellCount() {
    return this.box.numRows * this.box.numColumns;
  }

  private map<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.box.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.box.numColumns; c++) line.push(fn(this.box.row + r, this.box.column + c));
      out.push(line);
    }
    return out;
  }

  private checkShape(values: unknown[][], what: string) {
    if (!Array.isArray(values)) throw new Error(`${what}: expected a 2-D array`);
    if (values.length !== this.box.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.box.numRows}.`,
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.box.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.box.numColumns}.`,
        );
      }
    }
  }

  private each(fn: (row: number, column: number) => void): void {
    for (let r = 0; r < this.box.numRows; r++) {
      for (let c = 0; c < this.box.numColumns; c++) fn(this.box.row + r, this.box.column + c);
    }
  }

  getValues() {
    this.env.call('Range.getValues', this.cellCount);
    return this.map((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      if (!cell) return '';
      if (cell.formula) return '#FORMULA';
      const v = cell.value;
      return v instanceof Date ? this.env.makeDate(v.getTime()) : v;
    });
  }

  getFormulas() {
    this.env.call('Range.getFormulas', this.cellCount);
    return this.map((r, c) => this.sheet.cellAt(r, c)?.formula ?? '');
  }

  setValues(values: unknown[][]) {
    this.checkShape(values, 'setValues');
    this.env.write('Range.setValues', this.cellCount);
    const tz = this.sheet.spreadsheet.timeZone;
    const stored = values.map((line, r) =>
      line.map((input, c) => {
        const row = this.box.row + r;
        const column = this.box.column + c;
        const existing = this.sheet.cellAt(row, column);
        // Sheets refuses the whole call when one input (as typed, apostrophe included) is too long.
        if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
          throw new Error(
            `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
        }
        const cell = coerceCellInput(input, existing?.format ?? '', tz);
        const rule = existing?.validation;
        if (rule && !rule.allowInvalid && !rule.accepts(cell.value)) {
          throw new Error(
            `The data you entered in cell ${toA1({ row, column, numRows: 1, numColumns: 1 })} violates the data validation rules set on this cell.`,
          );
        }
        return cell;
      }),
    );
    stored.forEach((line, r) => {
      line.forEach((cell, c) => {
        const target = this.sheet.cell(this.box.row + r, this.box.column + c);
        target.value = cell.value;
        target.formula = cell.formula;
      });
    });
    return this;
  }

  clearContent() {
    this.env.write('Range.clearContent', this.cellCount);
    this.each((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      if (cell) {
        cell.value = '';
        cell.formula = undefined;
      }
    });
    return this;
  }

  setNumberFormat(format: string) {
    this.env.write('Range.setNumberFormat');
    this.each((r, c) => {
      this.sheet.cell(r, c).format = format;
    });
    return this;
  }

  setNote(note: string) {
    this.env.write('Range.setNote');
    this.each((r, c) => {
      this.sheet.cell(r, c).note = note;
    });
    return this;
  }

  getNotes() {
    this.env.call('Range.getNotes', this.cellCount);
    return this.map((r, c) => this.sheet.cellAt(r, c)?.note ?? '');
  }

  setFontWeight(weight: string) {
    this.env.write('Range.setFontWeight');
    this.each((r, c) => {
      this.sheet.cell(r, c).bold = weight === 'bold';
    });
    return this;
  }

  setBackground(color: string) {
    this.env.write('Range.setBackground');
    this.each((r, c) => {
      this.sheet.cell(r, c).background = color;
    });
    return this;
  }

  setDataValidation(rule: FakeDataValidation | null) {
    this.env.write('Range.setDataValidation');
    this.each((r, c) => {
      this.sheet.cell(r, c).validation = rule ?? undefined;
    });
    return this;
  }

  protect() {
    this.env.write('Range.protect');
    const protection = new FakeProtection(this.sheet, 'RANGE', this);
    this.sheet.protections.push(protection);
    return protection;
  }

  getRow() {
    return this.box.row;
  }
  getColumn() {
    return this.box.column;
  }
  getNumRows() {
    return this.box.numRows;
  }
  getNumColumns() {
    return this.box.numColumns;
  }
  getLastRow() {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn() {
    return this.box.column + this.box.numColumns - 1;
  }
  getA1Notation() {
    return toA1(this.box);
  }
}
