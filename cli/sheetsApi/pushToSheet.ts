import { reconcile } from '../../core/match/reconcile';
import type { StatementBalance } from '../../core/model/account';
import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { applyRules } from '../../core/rules/applyRules';
import { DEFAULT_CATEGORIES, STARTER_RULES } from '../../core/rules/defaultCategories';
import { auditRow } from '../../core/sheet/auditRow';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { type CategoryInfo, categoryRows } from '../../core/sheet/categoryRows';
import { discrepancyToRow, matchToRow, rowToDecision } from '../../core/sheet/matchRow';
import { planUpsert } from '../../core/sheet/planUpsert';
import { readTransactionRows } from '../../core/sheet/readTransactionRows';
import { rowsToRules, ruleToRow } from '../../core/sheet/ruleRows';
import { apiCell } from './apiCell';
import type { ApiTab } from './apiTab';
import { ensureApiLayout } from './ensureApiLayout';
import { replaceApiRows } from './replaceApiRows';
import type { SheetsGateway } from './sheetsGateway';
import { ValueWrites } from './valueWrites';

export type PushInput = {
  transactions: readonly Transaction[];
  /** Statement balances the files stated, for the Summary. */
  balances: readonly StatementBalance[];
  batchId: string;
  actor: string;
  /** ISO 8601 time of the push. */
  now: string;
};

export type PushOutcome = {
  added: number;
  updated: number;
  skipped: number;
  matches: number;
  discrepancies: number;
  unmatched: number;
  /** Sheet rows that could not be read back; left out of Reconcile. */
  problems: Problem[];
};

/** Adjacent positions as [first, count] runs. */
function runs(positions: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of positions) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === p) last[1]++;
    else out.push([p, 1]);
  }
  return out;
}

/** The Transactions tab read back, with the bookkeeper's Category Override by id. */
function readBack(tab: ApiTab, problems: Problem[]) {
  const read = readTransactionRows(tab.rows, tab.index);
  problems.push(...read.problems);
  return read;
}

const isBlank = (rows: unknown[][]) =>
  rows.every((row) => row.every((c) => c === '' || c === null || c === undefined));

/** The categories kept in the Categories tab, or the default chart for a new one. */
function knownCategories(tab: ApiTab): CategoryInfo[] {
  const at = tab.index.positions.get('category');
  const groupAt = tab.index.positions.get('group');
  if (at === undefined || isBlank(tab.rows))
    return DEFAULT_CATEGORIES.map((c) => ({ category: c.name, group: c.group }));
  const seen = new Map<string, CategoryInfo>();
  for (const row of tab.rows) {
    const category = String(row[at] ?? '').trim();
    const group = groupAt === undefined ? '' : String(row[groupAt] ?? '').trim();
    if (category && !seen.has(category)) seen.set(category, group ? { category, group } : { category });
  }
  return [...seen.values()];
}

/**
 * Writes transactions into a Google Sheet in the add-on's layout through the Sheets API: categorized
 * by the sheet's rules, upserted by id (only source and computed cells of changed rows; bookkeeper
 * columns never), then Matches, Categories and Summary from a reconcile of everything the sheet
 * holds, and Audit rows. Reads once; writes in a
 * few large requests. Pushing the same data again writes nothing.
 */
export async function pushToSheet(gateway: SheetsGateway, input: PushInput): Promise<PushOutcome> {
  const writes = new ValueWrites();
  const tabs = await ensureApiLayout(gateway, writes);
  const tx = tabs.get('Transactions')!;
  const problems: Problem[] = [...tx.index.problems];
  // Files arrive uncategorized: the sheet's rules (the starter rules in a new sheet) categorize them.
  const rulesTab = tabs.get('Rules')!;
  const newRules = isBlank(rulesTab.rows);
  const readRules = newRules
    ? { rules: [...STARTER_RULES], problems: [] }
    : rowsToRules(rulesTab.rows, rulesTab.index);
  problems.push(...readRules.problems);
  const incoming = applyRules(input.transactions, readRules.rules).transactions;
  const plan = planUpsert(tx.header, tx.rows, incoming, {
    batchId: input.batchId,
    now: input.now,
    actor: input.actor,
  });
  const outcome: PushOutcome = {
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped,
    matches: 0,
    discrepancies: 0,
    unmatched: 0,
    problems,
  };
  if (plan.added + plan.updated === 0) {
    // Only a repaired header, if anything, to write.
    if (writes.size > 0) await writes.send(gateway);
    return outcome;
  }

  const owned = runs(tx.columnAt.flatMap((c, i) => (c && c.owner !== 'bookkeeper' ? [i] : [])));
  for (const u of plan.updates) {
    for (const [start, count] of owned) {
      const cells = u.row.slice(start, start + count).map((v, k) => apiCell(v, tx.columnAt[start + k]));
      writes.add(tx, u.rowIndex + 2, start + 1, [cells]);
    }
  }
  writes.add(
    tx,
    tx.rows.length + 2,
    1,
    plan.appends.map((row) => tx.header.map((_, i) => apiCell(row[i], tx.columnAt[i]))),
  );

  if (newRules) replaceApiRows(writes, rulesTab, STARTER_RULES.map(ruleToRow));
  const sheet = readBack(tx, problems);
  const byId = new Map(sheet.transactions.map((t) => [t.id, t]));
  for (const t of incoming) byId.set(t.id, t);
  const transactions = [...byId.values()];
  const matchesTab = tabs.get('Matches')!;
  const decisions: Match[] = [];
  matchesTab.rows.forEach((row, i) => {
    const decision = rowToDecision(row, matchesTab.index, { row: i + 2 });
    if (!decision.ok) problems.push(...decision.problems);
    else if (decision.value) decisions.push(decision.value);
  });
  const result = reconcile({ transactions, decisions });
  // Links first, then what needs a look, then the processor roll-ups behind them (as the .xlsx has it).
  replaceApiRows(
    writes,
    matchesTab,
    [
      ...result.matches.filter((m) => m.type !== 'payout-rollup').map((m) => matchToRow(m, byId)),
      ...result.discrepancies.map((d) => discrepancyToRow(d, byId)),
      ...result.matches.filter((m) => m.type === 'payout-rollup').map((m) => matchToRow(m, byId)),
    ],
    'matchId',
  );
  const categoriesTab = tabs.get('Categories')!;
  replaceApiRows(
    writes,
    categoriesTab,
    categoryRows(transactions, { overrides: sheet.overrides, known: knownCategories(categoriesTab) }),
    'category',
  );
  const summary = buildSummary({
    transactions,
    balances: input.balances,
    unmatchedIds: result.unmatched.map((t) => t.id),
  });
  replaceApiRows(writes, tabs.get('Summary')!, summary.map(summaryToRow));
  outcome.matches = result.matches.length;
  outcome.discrepancies = result.discrepancies.length;
  outcome.unmatched = result.unmatched.length;

  const audit = tabs.get('Audit')!;
  const auditRecords = [
    { ...plan.audit, action: 'push' },
    auditRow({
      at: input.now,
      actor: input.actor,
      action: 'reconcile',
      batchId: input.batchId,
      added: 0,
      updated: 0,
      skipped: 0,
      detail: `${outcome.matches} matches, ${outcome.discrepancies} discrepancies, ${outcome.unmatched} unmatched`,
    }),
  ];
  writes.add(
    audit,
    audit.rows.length + 2,
    1,
    auditRecords.map((record) =>
      audit.header.map((_, i) => apiCell(record[audit.columnAt[i]?.key ?? ''], audit.columnAt[i])),
    ),
  );
  await writes.send(gateway);
  return outcome;
}
