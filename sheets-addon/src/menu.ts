import type { Ui } from './services';

/** Menu captions and the top-level functions they call (each is a stub the build generates). */
export const MENU_ITEMS = [
  ['Set up reconciliation spreadsheet', 'setUpSpreadsheet'],
  ['Import a file…', 'showImportSidebar'],
  ['Apply rules', 'applyRulesFromSheet'],
  ['Reconcile', 'reconcileSheet'],
  ['Review matches…', 'showReviewSidebar'],
  ['Connect the extension…', 'connectExtension'],
] as const;

export function addMenu(ui: Ui): void {
  const menu = ui.createAddonMenu();
  for (const [caption, functionName] of MENU_ITEMS) menu.addItem(caption, functionName);
  menu.addToUi();
}
