import { type TabName, tabDef } from '../../core/sheet/workbookLayout';
import type { Services, Sheet, Spreadsheet } from './services';
import { setUpTab } from './setUpTab';

/** A workbook tab, created with its header when it is missing (a batch may arrive before setup). */
export function workbookSheet(services: Services, spreadsheet: Spreadsheet, name: TabName): Sheet {
  return spreadsheet.getSheetByName(name) ?? setUpTab(services, spreadsheet, tabDef(name)).sheet;
}
