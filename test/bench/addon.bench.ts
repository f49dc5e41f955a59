import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromTransactionJson } from '../../core/model/transactionJson';
import { transactionToRow } from '../../core/sheet/transactionRow';
import { headersOf, recordToRow, TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { connect, post } from '../addon/addonHarness';
import { makeBatch } from '../addon/batchFixture';
import { createEmulator } from '../addon/emulator/createEmulator';
import { buildBundle, loadAddon } from '../addon/loadAddon';
import { fmt, medianMs, table } from './measure';

const ROWS = 1_000;

/** The add-on's doPost (compiled bundle in node:vm): calls and emulated time for one batch. */
function addonUpsert(existing: number) {
  const addon = loadAddon();
  const token = connect(addon);
  // Lays out the workbook (and fills it) before measuring.
  post(addon, { token, batch: makeBatch(existing, { first: 1_000_000 }) });
  addon.env.resetCounts();
  const start = addon.env.nowMs;
  const answer = post(addon, { token, batch: makeBatch(ROWS) });
  if (answer.added !== ROWS) throw new Error(`expected ${ROWS} added, got ${JSON.stringify(answer)}`);
  return { calls: addon.env.totalCalls, emulatedMs: addon.env.nowMs - start };
}

/** 1,000 changed rows spread through a 10,000-row tab: the writes cover the rows between them. */
function addonUpdate() {
  const addon = loadAddon();
  const token = connect(addon);
  post(addon, { token, batch: makeBatch(10_000) });
  const changed = makeBatch(10_000, { batchId: 'changed' });
  changed.transactions = changed.transactions.filter((_, i) => i % 10 === 0);
  for (const t of changed.transactions) t.category = 'Meals';
  addon.env.resetCounts();
  const start = addon.env.nowMs;
  const answer = post(addon, { token, batch: changed });
  if (answer.updated !== 1_000) throw new Error(`expected 1,000 updated, got ${JSON.stringify(answer)}`);
  return { calls: addon.env.totalCalls, emulatedMs: addon.env.nowMs - start };
}

/** The baseline: a writer that finds each id by reading its cell and writes each row on its own. */
function naiveUpsert(existing: number) {
  const emulator = createEmulator();
  const sheet = emulator.spreadsheet.insertSheet('Transactions');
  sheet.maxColumns = TRANSACTION_COLUMNS.length;
  sheet.appendRow(headersOf(TRANSACTION_COLUMNS));
  const rows = makeBatch(existing, { first: 1_000_000 }).transactions.map((j) => {
    const t = fromTransactionJson(j);
    if (!t.ok) throw new Error('bad fixture');
    return recordToRow(TRANSACTION_COLUMNS, transactionToRow(t.value)).map((v) =>
      typeof v === 'string' ? `'${v}` : (v ?? ''),
    );
  });
  for (const row of rows) sheet.appendRow(row);
  emulator.env.resetCounts();
  const start = emulator.env.nowMs;
  for (const j of makeBatch(ROWS).transactions) {
    const t = fromTransactionJson(j);
    if (!t.ok) throw new Error('bad fixture');
    const ids = sheet.getRange(2, 1, Math.max(1, sheet.getLastRow() - 1), 1).getValues();
    const at = ids.findIndex(([id]) => id === t.value.id);
    const row = recordToRow(TRANSACTION_COLUMNS, transactionToRow(t.value)).map((v) =>
      typeof v === 'string' ? `'${v}` : (v ?? ''),
    );
    if (at >= 0) sheet.getRange(at + 2, 1, 1, row.length).setValues([row]);
    else sheet.appendRow(row);
  }
  return { calls: emulator.env.totalCalls, emulatedMs: emulator.env.nowMs - start };
}

export default async function addonBench() {
  const build = await buildBundle();
  const gzipped = gzipSync(readFileSync(join(build.outDir, 'Code.js'))).length;
  console.log(
    `bundle: sheets-addon/dist/Code.js ${fmt(build.codeBytes / 1024)} KB (${fmt(gzipped / 1024)} KB gzipped), ${build.exports.length} top-level functions`,
  );
  const lines: Array<Record<string, string | number>> = [];
  for (const existing of [0, 10_000]) {
    const ours = addonUpsert(existing);
    const naive = naiveUpsert(existing);
    lines.push({
      'rows already in the tab': existing,
      'add-on calls / 1,000 rows': ours.calls,
      'naive calls / 1,000 rows': naive.calls,
      'calls ratio': `${fmt(naive.calls / ours.calls)}×`,
      'add-on emulated s': fmt(ours.emulatedMs / 1000, 2),
      'naive emulated s': fmt(naive.emulatedMs / 1000, 2),
      'time ratio': `${fmt(naive.emulatedMs / ours.emulatedMs)}×`,
    });
  }
  console.log(
    `1,000 rows upserted through doPost (emulated: 25 ms a call + 0.002 ms a cell)\n${table(lines)}`,
  );
  const addon = loadAddon();
  const setupStart = addon.env.nowMs;
  addon.run('setUpSpreadsheet');
  console.log(
    `Set up reconciliation spreadsheet (once): ${addon.env.totalCalls} calls, ${fmt((addon.env.nowMs - setupStart) / 1000, 2)} s emulated`,
  );
  const updated = addonUpdate();
  console.log(
    `1,000 rows updated (spread over a 10,000-row tab): ${updated.calls} calls, ${fmt(updated.emulatedMs / 1000, 2)} s emulated`,
  );
  const wall = await medianMs(() => addonUpsert(0), 3);
  console.log(
    `wall time in Node for the add-on's 1,000-row doPost (vm, emulator): ${fmt(wall, 0)} ms median`,
  );
}
