import { FakeDataValidationBuilder } from './fakeDataValidation';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import type { FakeUi } from './fakeUi';

export function fakeSpreadsheetApp(spreadsheet: FakeSpreadsheet, ui: FakeUi) {
  const env = spreadsheet.env;
  return {
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    getActiveSpreadsheet() {
      env.call('SpreadsheetApp.getActiveSpreadsheet');
      return spreadsheet;
    },
    getUi() {
      env.call('SpreadsheetApp.getUi');
      return ui;
    },
    newDataValidation() {
      return new FakeDataValidationBuilder();
    },
  };
}
