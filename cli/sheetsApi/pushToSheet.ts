import { reconcile } from '../../core/match/reconcile';
import type { StatementBalance } from '../../core/model/account';
import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { auditRow } from '../../core/sheet/auditRow';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { discrepancyToRow, matchToRow, rowToDecision } from '../../core/sheet/matchRow';
import { planUpsert } from '../../core/sheet/planUpsert';
import { rowToTransaction } from '../../core/sheet/transactionRow';
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

function readBack(tab: ApiTab, problems: Problem[]): Transaction[] {
  const out: Transaction[] = [];
  tab.rows.forEach((row, i) => {
    if (row.every((c) => c === '' || c === null || c === undefined)) return;
    const read = rowToTransaction(row, tab.index, { row: i + 2 });
    if (read.ok) out.push(read.value.transaction);
    else problems.push(...read.problems);
  });
  return out;
}

/**
 * Writes transactions into a Google Sheet in the add-on's layout through the Sheets API: upsert by
 * id (only source and computed cells of changed rows; bookkeeper columns never), then Matches and
 * Summary from a reconcile of everything the sheet holds, and Audit rows. Reads once; writes in a
 * few large requests. Pushing the same data again writes nothing.
 */
export async function pushToSheet(gateway: SheetsGateway, input: PushInput): Promise<PushOutcome> {
  const writes = new ValueWrites();
  const tabs = await ensureApiLayout(gateway, writes);
  const tx = tabs.get('Transactions')!;
  const problems: Problem[] = [...tx.index.problems];
  const plan = planUpsert(tx.header, tx.rows, input.transactions, {
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

  const byId = new Map(readBack(tx, problems).map((t) => [t.id, t]));
  for (const t of input.transactions) byId.set(t.id, t);
  const transactions = [...byId.values()];
  const matchesTab = tabs.get('Matches')!;
  const decisions: Match[] = [];
  matchesTab.rows.forEach((row, i) => {
    const decision = rowToDecision(row, matchesTab.index, { row: i + 2 });
    if (!decision.ok) problems.push(...decision.problems);
    else if (decision.value) decisions.push(decision.value);
  });
  const result = reconcile({ transactions, decisions });
  replaceApiRows(
    writes,
    matchesTab,
    [
      ...result.matches.map((m) => matchToRow(m, byId)),
      ...result.discrepancies.map((d) => discrepancyToRow(d, byId)),
    ],
    'matchId',
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
