import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import { auditRow } from '../../core/sheet/auditRow';
import { AUDIT_COLUMNS, MATCH_COLUMNS } from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { readTab } from './readTab';
import type { Services } from './services';
import { toCellInput } from './toCellInput';
import { workbookSheet } from './workbookSheet';

export type MatchToReview = {
  matchId: string;
  kind: string;
  amount: unknown;
  currency: string;
  confidence: unknown;
  reason: string;
};

export type Decision = 'confirm' | 'reject';

/** Suggested matches the bookkeeper has not decided yet, for the sidebar. */
export function matchesToReview(services: Services): MatchToReview[] {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Matches');
  if (!sheet) return [];
  const tab = readTab(sheet, MATCH_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const cell = (row: unknown[], key: string) => {
    const i = tab.index.positions.get(key);
    return i === undefined ? '' : row[i];
  };
  return tab.rows
    .filter((row) => cell(row, 'state') === 'suggested' && String(cell(row, 'decision')).trim() === '')
    .map((row) => ({
      matchId: String(cell(row, 'matchId')),
      kind: String(cell(row, 'kind')),
      amount: cell(row, 'amount'),
      currency: String(cell(row, 'currency')),
      confidence: cell(row, 'confidence'),
      reason: String(cell(row, 'reason')),
    }));
}

/**
 * Writes the bookkeeper's decision into the match's Decision cell (the same cell they can type
 * in); the next Reconcile keeps it. The caller holds the document lock.
 */
export function decideMatch(
  services: Services,
  matchId: string,
  decision: Decision,
  actor: string,
): Result<true> {
  if (decision !== 'confirm' && decision !== 'reject') {
    return fail(problem('invalid_decision', `"${String(decision)}" is neither confirm nor reject`));
  }
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = workbookSheet(services, spreadsheet, 'Matches');
  const tab = readTab(sheet, MATCH_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const idAt = tab.index.positions.get('matchId');
  const decisionAt = tab.index.positions.get('decision');
  const rowIndex = idAt === undefined ? -1 : tab.rows.findIndex((row) => row[idAt] === matchId);
  if (rowIndex < 0 || decisionAt === undefined) {
    return fail(problem('unknown_match', `no match ${matchId} in the Matches tab; run Reconcile again`));
  }
  sheet.getRange(rowIndex + 2, decisionAt + 1).setValues([[toCellInput(decision, tab.columnAt[decisionAt])]]);
  appendRecords(workbookSheet(services, spreadsheet, 'Audit'), AUDIT_COLUMNS, [
    auditRow({
      at: new Date(services.now()).toISOString(),
      actor,
      action: 'review',
      added: 0,
      updated: 1,
      skipped: 0,
      detail: `${decision} ${matchId}`,
    }),
  ]);
  return ok(true);
}
