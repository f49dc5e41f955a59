import type { EmulatorEnv } from './emulatorEnv';
import { FakeSheet } from './fakeSheet';

/** A spreadsheet: named tabs in order, a time zone, and toasts shown to the user. */
export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  private nextSheetId = 0;

  constructor(
    readonly env: EmulatorEnv,
    readonly id: string,
    readonly timeZone: string,
  ) {
    this.sheets.push(new FakeSheet(this, 'Sheet1', this.nextSheetId++));
  }

  getId() {
    this.env.call('Spreadsheet.getId');
    return this.id;
  }
  getUrl() {
    this.env.call('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.env.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }
  getSheets() {
    this.env.call('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    this.env.call('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    this.env.write('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  toast(message: string, _title?: string) {
    this.env.call('Spreadsheet.toast');
    this.toasts.push(message);
  }

  /** Test helper, not a service call. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no tab named ${name}`);
    return found;
  }
}
