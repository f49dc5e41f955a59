import { ALERT_COLUMNS } from '../../core/sheet/workbookLayout';
import { readTab } from './readTab';
import type { Services } from './services';

export type AlertView = { type: string; subject: string; since: string; message: string };

/** The Alerts tab as the last Reconcile wrote it, for the sidebar (one getValues). */
export function listAlerts(services: Services): AlertView[] {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Alerts');
  if (!sheet) return [];
  const tab = readTab(sheet, ALERT_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const at = (row: unknown[], key: string) => {
    const i = tab.index.positions.get(key);
    return i === undefined ? '' : String(row[i] ?? '');
  };
  return tab.rows
    .map((row) => ({
      type: at(row, 'type'),
      subject: at(row, 'subject'),
      since: at(row, 'since'),
      message: at(row, 'message'),
    }))
    .filter((a) => a.type !== '' && a.message !== '');
}
