/**
 * The add-on's entry. Every export becomes a top-level Apps Script function (the build generates
 * the stubs): triggers, menu items, web-app endpoints and `google.script.run` targets.
 */

import { describeProblem, type Problem, problem } from '../../core/model/problem';
import { ok } from '../../core/model/result';
import { applyRulesToWorkbook } from './applyRulesToWorkbook';
import { connectDialogHtml } from './connectDialog';
import { createExtensionToken } from './extensionToken';
import { type GetEvent, handleGet } from './handleGet';
import { handlePost, type PostEvent } from './handlePost';
import { continueImport as continueImportJob, startImport as startImportJob } from './importJob';
import { jsonOutput } from './jsonOutput';
import { knownAccounts } from './knownAccounts';
import { listAlerts } from './listAlerts';
import { addMenu } from './menu';
import { readImportFile } from './readImportFile';
import { reconcileWorkbook } from './reconcileWorkbook';
import {
  type Decision,
  matchesToReview as listMatchesToReview,
  decideMatch as writeDecision,
} from './reviewMatches';
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

export function applyRulesFromSheet() {
  const services = appsScriptServices();
  const done = withDocumentLock(services, () => applyRulesToWorkbook(services, MENU_ACTOR));
  if (!done.ok) return showProblems(services, done.problems);
  services.SpreadsheetApp.getActiveSpreadsheet().toast(
    `${done.value.updated} transactions recategorized, ${done.value.skipped} unchanged.`,
    'Rules applied',
  );
  if (done.value.problems.length > 0) showProblems(services, done.value.problems);
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

export function showImportSidebar() {
  showSidebar('Ledgerbridge: import');
}

export function showReviewSidebar() {
  showSidebar('Ledgerbridge: review matches');
}

function showSidebar(title: string) {
  const services = appsScriptServices();
  services.SpreadsheetApp.getUi().showSidebar(
    services.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(title),
  );
}

/**
 * Sidebar: a chosen file, base64-encoded (bank files need not be UTF-8), booked to `account` when the
 * bookkeeper named one. A bank file whose account nothing decides writes nothing and answers
 * `needsAccount`, with the accounts already in the Transactions tab to choose from.
 */
export function startImport(fileName: string, base64: string, account?: string) {
  const services = appsScriptServices();
  const bytes = Uint8Array.from(services.Utilities.base64Decode(base64), (b) => b & 255);
  const named = typeof account === 'string' && account.trim() ? account.trim() : undefined;
  const read = readImportFile(fileName, bytes, new Date(services.now()).toISOString(), named);
  const stopped = (errors: Problem[]) => ({
    ok: false,
    done: true,
    file: fileName,
    total: 0,
    next: 0,
    added: 0,
    updated: 0,
    skipped: 0,
    errors,
  });
  if (!read.ok) return stopped(read.problems);
  if (read.value.undecided) {
    return {
      ...stopped([
        problem(
          'account_undecided',
          'nothing in this file or its name says which account it belongs to; choose or name the account',
          { file: fileName },
        ),
      ]),
      needsAccount: { file: fileName, accounts: knownAccounts(services) },
    };
  }
  return startImportJob(services, { name: fileName, ...read.value });
}

/** Sidebar: the next steps of an import, from the saved cursor. */
export function continueImport() {
  return continueImportJob(appsScriptServices());
}

export function reconcileSheet() {
  const services = appsScriptServices();
  const done = withDocumentLock(services, () => reconcileWorkbook(services, MENU_ACTOR));
  if (!done.ok) return showProblems(services, done.problems);
  const o = done.value;
  services.SpreadsheetApp.getActiveSpreadsheet().toast(
    `${o.matches} matches (${o.suggested} to review), ${o.discrepancies} discrepancies, ${o.unmatched} unmatched; ${o.openInvoices} of ${o.invoices} invoices owed; ${o.alerts} alerts.`,
    'Reconciled',
  );
  if (o.problems.length > 0) showProblems(services, o.problems);
}

/** Sidebar: the alerts of the last Reconcile (the Alerts tab). */
export function currentAlerts() {
  return listAlerts(appsScriptServices());
}

/** Sidebar: suggested matches without a decision. */
export function matchesToReview() {
  return listMatchesToReview(appsScriptServices());
}

/** Sidebar: confirm or reject one match; answers the matches still to review. */
export function decideMatch(matchId: string, decision: Decision) {
  const services = appsScriptServices();
  const done = withDocumentLock(services, () => writeDecision(services, matchId, decision, MENU_ACTOR));
  if (!done.ok) throw new Error(done.problems.map(describeProblem).join('\n'));
  return listMatchesToReview(services);
}
