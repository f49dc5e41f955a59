import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { readTab } from './readTab';
import type { Services } from './services';

/** The accounts already in the Transactions tab, in first-seen order, for the sidebar to offer. */
export function knownAccounts(services: Services): string[] {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Transactions');
  if (!sheet) return [];
  const tab = readTab(sheet, TRANSACTION_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const at = tab.index.positions.get('account');
  if (at === undefined) return [];
  const seen = new Set<string>();
  for (const row of tab.rows) {
    const account = String(row[at] ?? '').trim();
    if (account) seen.add(account);
  }
  return [...seen];
}
