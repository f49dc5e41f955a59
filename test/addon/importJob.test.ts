import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../sheets-addon/src/importJob';
import { IMPORT_CHUNK_ROWS } from '../../sheets-addon/src/importJob';
import { records } from './addonHarness';
import { makeBatch } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

const base64 = (content: string | Buffer) => Buffer.from(content).toString('base64');

describe('Import a file (sidebar)', () => {
  it('shows a self-contained sidebar', () => {
    const addon = loadAddon();
    addon.run('showImportSidebar');
    const html = addon.ui.sidebars[0]!.getContent();
    expect(html).toContain('google.script.run');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
  });

  it('imports a batch the extension exported, and importing it again changes nothing', () => {
    const addon = loadAddon();
    const file = base64(JSON.stringify(makeBatch(30, { batchId: 'export-7' })));
    const first = addon.run('startImport', 'ledgerbridge-export.json', file) as ImportProgress;
    expect(first).toMatchObject({ ok: true, done: true, total: 30, added: 30, errors: [] });
    expect(records(addon, 'Transactions').every((r) => r['Batch ID'] === 'export-7')).toBe(true);
    const again = addon.run('startImport', 'ledgerbridge-export.json', file) as ImportProgress;
    expect(again).toMatchObject({ ok: true, done: true, added: 0, updated: 0, skipped: 30 });
    expect(addon.properties.document.data.size).toBe(0);
    expect(addon.spreadsheet.sheet('_ledgerbridge_import').hidden).toBe(true);
    expect(addon.spreadsheet.sheet('_ledgerbridge_import').snapshot()).toEqual([]);
  });

  it('imports a bank file through core/formats, under the account the bookkeeper names', () => {
    const addon = loadAddon();
    const csv = readFileSync(join(import.meta.dirname, '../fixtures/files/bank-us.csv'));
    const progress = addon.run('startImport', 'bank-us.csv', base64(csv), 'Checking') as ImportProgress;
    expect(progress.ok).toBe(true);
    expect(progress.added).toBeGreaterThan(0);
    const rows = records(addon, 'Transactions');
    expect(rows).toHaveLength(progress.added);
    expect(String(rows[0]!.Source)).toMatch(/^bank-us\.csv row \d+/);
    expect(new Set(rows.map((r) => r.Account))).toEqual(new Set(['Checking']));
    expect(records(addon, 'Audit').at(-1)).toMatchObject({ What: 'import', Added: progress.added });
  });

  it('writes nothing for a bank file whose account nothing decides, and asks which it is', () => {
    const addon = loadAddon();
    const ofx = readFileSync(join(import.meta.dirname, '../fixtures/files/ofx/visa-9921-march.ofx'));
    const first = addon.run('startImport', 'visa.ofx', base64(ofx)) as ImportProgress;
    expect(first).toMatchObject({ ok: true, done: true });
    const before = records(addon, 'Transactions');
    expect(before.length).toBe(first.added);
    const csv = readFileSync(join(import.meta.dirname, '../fixtures/files/bank-us.csv'));
    const asked = addon.run('startImport', 'bank-us.csv', base64(csv)) as ImportProgress & {
      needsAccount?: { file: string; accounts: string[] };
    };
    expect(asked).toMatchObject({ done: true, added: 0, total: 0 });
    expect(asked.needsAccount).toEqual({
      file: 'bank-us.csv',
      accounts: [...new Set(before.map((r) => r.Account))],
    });
    expect(records(addon, 'Transactions')).toEqual(before);
    expect(addon.properties.document.data.has('ledgerbridge.importCursor')).toBe(false);
  });

  it('reports a file it cannot read', () => {
    const addon = loadAddon();
    const progress = addon.run('startImport', 'notes.txt', base64('hello there\n')) as ImportProgress;
    expect(progress).toMatchObject({ ok: false, done: true, added: 0 });
    expect(progress.errors[0]).toMatchObject({ file: 'notes.txt' });
  });

  it('stops before the time limit with a saved cursor and resumes until done', () => {
    // Slow cell transfers (1.5 ms a cell) make a step take minutes, as a busy sheet can.
    const addon = loadAddon({ costs: { perCellMs: 1.5 } });
    const total = IMPORT_CHUNK_ROWS * 2 + 500;
    const file = base64(JSON.stringify(makeBatch(total, { batchId: 'big' })));
    const started = addon.env.nowMs;
    const steps: ImportProgress[] = [addon.run('startImport', 'big.json', file) as ImportProgress];
    expect(addon.env.nowMs - started).toBeLessThan(6 * 60_000);
    expect(steps[0]).toMatchObject({ ok: true, done: false });
    expect(steps[0]!.next % IMPORT_CHUNK_ROWS).toBe(0);
    expect(JSON.parse(addon.properties.document.data.get('ledgerbridge.importCursor')!)).toMatchObject({
      version: 1,
      next: steps[0]!.next,
      total,
    });
    while (!steps.at(-1)!.done) {
      const before = addon.env.nowMs;
      steps.push(addon.run('continueImport') as ImportProgress);
      expect(addon.env.nowMs - before).toBeLessThan(6 * 60_000);
    }
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.at(-1)).toMatchObject({ ok: true, done: true, added: total, updated: 0, skipped: 0 });
    const ids = records(addon, 'Transactions').map((r) => r.ID);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toHaveLength(total);
    expect(records(addon, 'Audit').filter((a) => a.What === 'import')).toHaveLength(
      Math.ceil(total / IMPORT_CHUNK_ROWS),
    );
    expect(addon.properties.document.data.has('ledgerbridge.importCursor')).toBe(false);
    expect(addon.env.unlockedWrites).toEqual([]);
  });
});
