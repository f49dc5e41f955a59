/**
 * The add-on's entry. Every export becomes a top-level Apps Script function (the build generates
 * the stubs): triggers, menu items, web-app endpoints and `google.script.run` targets.
 */

import { ok } from '../../core/model/result';
import { connectDialogHtml } from './connectDialog';
import { createExtensionToken } from './extensionToken';
import { type GetEvent, handleGet } from './handleGet';
import { handlePost, type PostEvent } from './handlePost';
import { jsonOutput } from './jsonOutput';
import { addMenu } from './menu';
import { appsScriptServices } from './services';
import { setUpWorkbook } from './setUpWorkbook';
import { showProblems } from './showProblems';
import { withDocumentLock } from './withDocumentLock';

const MENU_ACTOR = 'add-on menu';

export function onOpen(_event?: unknown) {
  addMenu(appsScriptServices().SpreadsheetApp.getUi());
}

export function onInstall(event?: unknown) {
  onOpen(event);
}

export function doPost(event?: PostEvent) {
  const services = appsScriptServices();
  try {
    return jsonOutput(services, handlePost(services, event));
  } catch (error) {
    return jsonOutput(services, internalError(error));
  }
}

export function doGet(event?: GetEvent) {
  const services = appsScriptServices();
  try {
    return jsonOutput(services, handleGet(services, event));
  } catch (error) {
    return jsonOutput(services, internalError(error));
  }
}

/** An unexpected failure answered as data; the details stay in the execution log. */
function internalError(error: unknown) {
  console.error(error instanceof Error ? error.stack : String(error));
  return {
    ok: false,
    added: 0,
    updated: 0,
    skipped: 0,
    errors: [
      {
        code: 'internal',
        message: 'the add-on failed unexpectedly; see the script’s executions log',
        path: [],
      },
    ],
  };
}

export function setUpSpreadsheet() {
  const services = appsScriptServices();
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const done = withDocumentLock(services, () => ok(setUpWorkbook(services, spreadsheet, MENU_ACTOR)));
  if (!done.ok) return showProblems(services, done.problems);
  spreadsheet.toast('The reconciliation tabs are ready.', 'Ledgerbridge');
}

export function connectExtension() {
  const services = appsScriptServices();
  const token = createExtensionToken(services);
  const html = services.HtmlService.createHtmlOutput(
    connectDialogHtml(services.ScriptApp.getService().getUrl(), token),
  )
    .setWidth(460)
    .setHeight(260);
  services.SpreadsheetApp.getUi().showModalDialog(html, 'Connect the Ledgerbridge extension');
}
