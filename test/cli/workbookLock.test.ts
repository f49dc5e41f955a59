import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import { reconcileToBook } from '../../cli/workbook/reconcileToBook';
import { runCliProcess } from './workbookProcess';

const FILES = resolve(__dirname, '../../examples/ridgeline/files');
const dir = mkdtempSync(join(tmpdir(), 'lb-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function accountsIn(book: string): Promise<Set<string>> {
  const tab = (await readWorkbook(readFileSync(book))).get('Transactions')!;
  const at = tab.header.indexOf('Account');
  return new Set(tab.rows.map((r) => String(r[at])));
}

describe('two runs on one workbook', () => {
  it('never both report success while one run’s rows are lost', async () => {
    const book = join(dir, 'shared.xlsx');
    // Each run brings its own account: a run that succeeded must have its account in the book.
    const inputs = [
      'cascade-bank-2026-09.ofx',
      'cascade-card-2026-09.qfx',
      'square-transfers-2026-09-10.csv',
    ];
    const runs = await Promise.all(
      inputs.map((file) => runCliProcess(['reconcile', join(FILES, file), '--out', book], dir)),
    );
    const accounts = await accountsIn(book);
    const expected = await Promise.all(
      inputs.map(async (file) => {
        const alone = join(dir, `${file}.xlsx`);
        await reconcileToBook([join(FILES, file)], { out: alone, now: '2026-11-01T00:00:00Z', actor: 't' });
        return [...(await accountsIn(alone))];
      }),
    );
    runs.forEach((run, i) => {
      if (run.code === 0) {
        expect(run.stdout).toContain(`Wrote ${book}`);
        for (const account of expected[i]!) expect(accounts, `${inputs[i]} said it wrote`).toContain(account);
      } else {
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/another run is writing this workbook: .*pid \d+ on /);
      }
    });
    expect(runs.some((r) => r.code === 0)).toBe(true);
    expect(existsSync(`${book}.lock`)).toBe(false);
  });

  it('waits for a live holder then stops naming it; a lock left by a killed run is cleared', async () => {
    const book = join(dir, 'held.xlsx');
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    await new Promise((r) => holder.once('spawn', r));
    const lock = {
      pid: holder.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      command: 'ledgerbridge-cli reconcile',
    };
    writeFileSync(`${book}.lock`, JSON.stringify(lock));
    const waits: string[] = [];
    const options = {
      out: book,
      now: '2026-11-01T00:00:00Z',
      actor: 'test',
      lockWaitMs: 300,
      onWait: (m: string) => waits.push(m),
    };
    await expect(reconcileToBook([join(FILES, 'cascade-bank-2026-09.ofx')], options)).rejects.toThrow(
      `another run is writing this workbook: ledgerbridge-cli reconcile, pid ${holder.pid} on ${hostname()}`,
    );
    expect(waits).toEqual([expect.stringContaining(`pid ${holder.pid}`)]);
    expect(existsSync(book)).toBe(false);

    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    const result = await reconcileToBook([join(FILES, 'cascade-bank-2026-09.ofx')], options);
    expect(result.upsert?.added).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('held.xlsx'))).toEqual(['held.xlsx']);
  });
});
