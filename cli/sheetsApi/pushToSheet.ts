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
import { type SheetRecord, TAB_KEYS } from '../../core/sheet/workbookLayout';
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
  // Header cells a tab lacked: they go out with the first step's rows.
  const header = new ValueWrites();
  const tabs = await ensureApiLayout(gateway, header);
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
    if (header.size > 0) await header.send(gateway);
    return outcome;
  }

  const audit = tabs.get('Audit')!;
  let auditAt = audit.rows.length + 2;
  // Each step ends with its Audit row, in its last request; a step that fails part-way records
  // what it did write in that row instead, so the Audit tab always says what this push changed.
  const step = async (writes: ValueWrites, record: SheetRecord) => {
    const row = auditAt++;
    const auditCells = (r: SheetRecord) => [
      audit.header.map((_, i) => apiCell(r[audit.columnAt[i]?.key ?? ''], audit.columnAt[i])),
    ];
    writes.add(audit, row, 1, auditCells(record));
    try {
      await writes.send(gateway);
    } catch (error) {
      const written = writes.written.filter((range) => !range.startsWith(`'Audit'!`));
      const failed = {
        ...record,
        action: `${String(record.action)} failed`,
        detail:
          `stopped part-way (${(error as Error).message}); written: ${written.join(', ') || 'nothing'}`.slice(
            0,
            45_000,
          ),
      };
      const note = new ValueWrites();
      note.add(audit, row, 1, auditCells(failed));
      await note.send(gateway).catch(() => {});
      throw error;
    }
  };

  const writes = new ValueWrites();
  if (header.size > 0) writes.merge(header);
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
  await step(writes, { ...plan.audit, action: 'push' });

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
  // Every match becomes a row, so each is made here, once.
  const matches = result.matches.toArray();
  const computed = new ValueWrites();
  // Links first, then what needs a look, then the processor roll-ups behind them (as the .xlsx has it).
  replaceApiRows(
    computed,
    matchesTab,
    [
      ...matches.filter((m) => m.type !== 'payout-rollup').map((m) => matchToRow(m, byId)),
      ...result.discrepancies.map((d) => discrepancyToRow(d, byId)),
      ...matches.filter((m) => m.type === 'payout-rollup').map((m) => matchToRow(m, byId)),
    ],
    TAB_KEYS.Matches,
  );
  const categoriesTab = tabs.get('Categories')!;
  replaceApiRows(
    computed,
    categoriesTab,
    categoryRows(transactions, { overrides: sheet.overrides, known: knownCategories(categoriesTab) }),
    TAB_KEYS.Categories,
  );
  const summary = buildSummary({
    transactions,
    balances: input.balances,
    unmatchedIds: result.unmatched.map((t) => t.id),
  });
  replaceApiRows(computed, tabs.get('Summary')!, summary.map(summaryToRow), TAB_KEYS.Summary);
  outcome.matches = result.matches.length;
  outcome.discrepancies = result.discrepancies.length;
  outcome.unmatched = result.unmatched.length;
  await step(
    computed,
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
  );
  return outcome;
}
