import type { Problem } from '../../core/model/problem';
import { ok, type Result } from '../../core/model/result';
import { applyRules } from '../../core/rules/applyRules';
import { readRules } from './readRules';
import { readTransactions } from './readTransactions';
import type { Services } from './services';
import { upsertTransactions, type WriteCounts } from './upsertTransactions';
import { workbookSheet } from './workbookSheet';

/**
 * Apply rules from the menu: the Rules tab over the Transactions tab, written back through the
 * same upsert as a batch (only rows whose category, payee, tags… changed; Category Override and
 * Notes never). The caller holds the document lock.
 */
export function applyRulesToWorkbook(
  services: Services,
  actor: string,
): Result<WriteCounts & { problems: Problem[] }> {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const { rules, problems } = readRules(spreadsheet);
  const read = readTransactions(
    workbookSheet(services, spreadsheet, 'Transactions'),
    spreadsheet.getSpreadsheetTimeZone(),
  );
  problems.push(...read.problems);
  const applied = applyRules(read.transactions, rules);
  problems.push(...applied.problems);
  const written = upsertTransactions(services, {
    transactions: applied.transactions,
    batchId: `rules-${new Date(services.now()).toISOString()}`,
    actor,
    action: 'rules',
    detail: `${rules.length} rules`,
    keepProvenance: true,
  });
  if (!written.ok) return written;
  const { added, updated, skipped, refused } = written.value;
  return ok({ added, updated, skipped, problems: [...problems, ...refused] });
}
