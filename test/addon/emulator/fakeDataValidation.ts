import type { FakeRange } from './fakeRange';

/** A list rule as built by `SpreadsheetApp.newDataValidation()`: a fixed list or a range's values. */
export class FakeDataValidation {
  constructor(
    private readonly source: string[] | FakeRange,
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
  ) {}

  /** The allowed values now (a range rule follows its range as the bookkeeper edits it). */
  allowed(): string[] {
    if (Array.isArray(this.source)) return this.source;
    const { sheet, box } = this.source;
    const out: string[] = [];
    for (let r = box.row; r < box.row + box.numRows; r++) {
      for (let c = box.column; c < box.column + box.numColumns; c++) {
        const v = sheet.cellAt(r, c)?.value;
        if (v !== undefined && v !== '') out.push(String(v));
      }
    }
    return out;
  }

  accepts(value: unknown): boolean {
    return value === '' || this.allowed().includes(String(value));
  }

  getCriteriaType() {
    return Array.isArray(this.source) ? 'VALUE_IN_LIST' : 'VALUE_IN_RANGE';
  }
}

export class FakeDataValidationBuilder {
  private source: string[] | FakeRange = [];
  private showDropdown = true;
  private allowInvalid = true;

  requireValueInList(values: string[], showDropdown = true) {
    this.source = [...values];
    this.showDropdown = showDropdown;
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true) {
    this.source = range;
    this.showDropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allowInvalid: boolean) {
    this.allowInvalid = allowInvalid;
    return this;
  }
  build() {
    return new FakeDataValidation(this.source, this.showDropdown, this.allowInvalid);
  }
}
