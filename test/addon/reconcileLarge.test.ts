import { beforeAll, describe, expect, it } from 'vitest';
import { BATCH_SCHEMA_VERSION } from '../../core/model/batch';
import { toTransactionJson } from '../../core/model/transactionJson';
import { book } from '../bench/match.bench';
import { connect, post } from './addonHarness';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

/** Payouts, their deposits and noise: about 2 × `payouts` rows (test/bench/match.bench). */
function reconciled(payouts: number) {
  const addon = loadAddon({ realClock: true });
  const token = connect(addon);
  const lines = book(payouts).map(toTransactionJson);
  for (let at = 0; at < lines.length; at += 10_000) {
    const answer = post(addon, {
      token,
      batch: {
        schemaVersion: BATCH_SCHEMA_VERSION,
        batchId: `load-${at}`,
        source: { capturedAt: '2026-01-02T00:00:00.000Z', client: 'test' },
        transactions: lines.slice(at, at + 10_000),
      },
    });
    if (answer.errors.length > 0 || answer.added === 0) throw new Error(JSON.stringify(answer.errors[0]));
  }
  const run = () => {
    addon.env.resetCounts();
    addon.logs.splice(0);
    addon.run('reconcileSheet');
    expect(addon.ui.alerts).toEqual([]);
    const matcherMs = Number(/matcher (\d+) ms/.exec(addon.logs.join('\n'))?.[1]);
    const calls = Object.fromEntries([...addon.env.calls].sort(([a], [b]) => a.localeCompare(b)));
    return { calls, total: addon.env.totalCalls, matcherMs };
  };
  const first = run();
  const again = run();
  const matches = addon.spreadsheet.sheet('Matches').lastRow() - 1;
  return { rows: lines.length, matches, first, again };
}

/** Growing a tab past its rows is one call per tab, once; every other call is counted exactly. */
const steady = (calls: Record<string, number>) => {
  const { 'Sheet.insertRowsAfter': _grew, ...rest } = calls;
  return rest;
};

describe('Reconcile a 50,000-row spreadsheet in the emulator', () => {
  it('makes the same service calls for 50,000 rows as for 500, and reports the matcher’s time', () => {
    const small = reconciled(250);
    const large = reconciled(25_000);
    expect(large.rows).toBeGreaterThanOrEqual(50_000);
    expect(large.matches).toBeGreaterThan(10_000);
    for (const run of ['first', 'again'] as const) {
      expect(steady(large[run].calls)).toEqual(steady(small[run].calls));
      expect(large[run].calls['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(3);
    }
    // Reported, never asserted: the time depends on the machine.
    console.log(
      [
        `reconcile in the Apps Script emulator (compiled bundle):`,
        `  ${small.rows} rows: ${small.first.total} service calls (again: ${small.again.total}), matcher ${small.first.matcherMs} ms`,
        `  ${large.rows} rows: ${large.first.total} service calls (again: ${large.again.total}), matcher ${large.first.matcherMs} ms (again: ${large.again.matcherMs} ms), ${large.matches} Matches rows`,
        `  calls by service (50,000 rows, first run): ${JSON.stringify(large.first.calls)}`,
      ].join('\n'),
    );
    expect(Number.isFinite(large.first.matcherMs)).toBe(true);
  }, 600_000);
});
