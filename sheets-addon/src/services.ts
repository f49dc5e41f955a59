/**
 * The subset of the Apps Script services the add-on uses, typed here so the code is checked and so
 * the test emulator implements the same surface. Handlers receive a `Services` object instead of
 * reaching for globals, which keeps them testable and makes every platform dependency visible.
 */

export type CellValue = string | number | boolean | Date;

export interface Range {
  getValues(): CellValue[][];
  setValues(values: CellValue[][]): Range;
  setNumberFormat(format: string): Range;
  setFontWeight(weight: 'bold' | 'normal'): Range;
  setBackground(color: string): Range;
  setDataValidation(rule: DataValidation | null): Range;
  protect(): Protection;
  clearContent(): Range;
}

export interface Protection {
  setDescription(description: string): Protection;
  getDescription(): string;
  setWarningOnly(warningOnly: boolean): Protection;
  getRange(): Range;
  remove(): void;
}

export type DataValidation = object;

export interface DataValidationBuilder {
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder;
  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder;
  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder;
  build(): DataValidation;
}

export interface Sheet {
  getName(): string;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): Range;
  getRange(a1Notation: string): Range;
  getDataRange(): Range;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): Sheet;
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet;
  setFrozenRows(rows: number): void;
  getProtections(type: unknown): Protection[];
  hideSheet(): Sheet;
}

export interface Spreadsheet {
  getSheetByName(name: string): Sheet | null;
  insertSheet(name: string, index?: number): Sheet;
  getSpreadsheetTimeZone(): string;
  toast(message: string, title?: string): void;
}

export interface Menu {
  addItem(caption: string, functionName: string): Menu;
  addToUi(): void;
}

export interface HtmlOutput {
  setTitle(title: string): HtmlOutput;
  setWidth(width: number): HtmlOutput;
  setHeight(height: number): HtmlOutput;
}

export interface Ui {
  createAddonMenu(): Menu;
  showSidebar(html: HtmlOutput): void;
  showModalDialog(html: HtmlOutput, title: string): void;
  alert(message: string): unknown;
}

export interface Lock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface Properties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): Properties;
  deleteProperty(key: string): Properties;
}

export interface TextOutput {
  setMimeType(mimeType: unknown): TextOutput;
}

export type Services = {
  SpreadsheetApp: {
    getActiveSpreadsheet(): Spreadsheet;
    getUi(): Ui;
    newDataValidation(): DataValidationBuilder;
    ProtectionType: { RANGE: unknown; SHEET: unknown };
  };
  LockService: { getDocumentLock(): Lock | null };
  PropertiesService: { getDocumentProperties(): Properties; getScriptProperties(): Properties };
  HtmlService: {
    createHtmlOutputFromFile(filename: string): HtmlOutput;
    createHtmlOutput(html?: string): HtmlOutput;
  };
  ContentService: { createTextOutput(content?: string): TextOutput; MimeType: { JSON: unknown } };
  Utilities: {
    base64Decode(encoded: string): number[];
    getUuid(): string;
    /** Bytes as Java bytes (-128…127). */
    computeDigest(algorithm: unknown, value: string, charset?: unknown): number[];
    DigestAlgorithm: { SHA_256: unknown };
    Charset: { UTF_8: unknown };
  };
  ScriptApp: { getService(): { getUrl(): string | null } };
  /** Milliseconds since the epoch; the emulator's clock in tests. */
  now(): number;
};

/** The real services, read from the Apps Script global scope when a handler runs. */
export function appsScriptServices(): Services {
  const g = globalThis as unknown as Omit<Services, 'now'>;
  return {
    SpreadsheetApp: g.SpreadsheetApp,
    LockService: g.LockService,
    PropertiesService: g.PropertiesService,
    HtmlService: g.HtmlService,
    ContentService: g.ContentService,
    Utilities: g.Utilities,
    ScriptApp: g.ScriptApp,
    now: () => Date.now(),
  };
}
