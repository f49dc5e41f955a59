import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import { hasSoffice, runCliProcess, sofficeSheets } from './workbookProcess';

const FILES = resolve(__dirname, '../../examples/ridgeline/files');
const dir = mkdtempSync(join(tmpdir(), 'lb-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a workbook write that fails half-way', () => {
  it('leaves the previous book readable and unchanged (the disk fills up mid-write)', async () => {
    const book = join(dir, 'book.xlsx');
    const first = await runCliProcess(
      ['reconcile', join(FILES, 'cascade-bank-2026-09.ofx'), '--out', book],
      dir,
    );
    expect(first).toMatchObject({ code: 0 });
    const before = readFileSync(book);
    const rowsBefore = (await readWorkbook(before)).get('Transactions')!.rows.length;

    // The second, bigger write may not grow any file past half the old book: it fails part-way.
    const limitKb = Math.floor(statSync(book).size / 1024 / 2);
    const second = await runCliProcess(
      ['reconcile', ...readdirSync(FILES).map((f) => join(FILES, f)), '--out', book],
      dir,
      { fileSizeKb: limitKb },
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${book}: cannot write the workbook`);
    expect(second.stdout).not.toContain('Wrote');

    expect(readFileSync(book).equals(before)).toBe(true);
    expect((await readWorkbook(readFileSync(book))).get('Transactions')!.rows).toHaveLength(rowsBefore);
    // Nothing half-written is left beside it.
    expect(readdirSync(dir).filter((f) => f.includes('book.xlsx'))).toEqual(['book.xlsx']);
    if (hasSoffice) {
      const transactions = sofficeSheets(book, dir).get('Transactions')!;
      expect(transactions).toHaveLength(rowsBefore + 1);
    }

    // And the next run, with room to write, updates it.
    const third = await runCliProcess(
      ['reconcile', ...readdirSync(FILES).map((f) => join(FILES, f)), '--out', book],
      dir,
    );
    expect(third.code).toBe(0);
    expect((await readWorkbook(readFileSync(book))).get('Transactions')!.rows.length).toBeGreaterThan(
      rowsBefore,
    );
  });

  it('survives the writer being killed (SIGKILL) mid-write: the old or the whole new book, then a clean next run', async () => {
    const book = join(dir, 'killed.xlsx');
    expect(
      (await runCliProcess(['reconcile', join(FILES, 'cascade-bank-2026-09.ofx'), '--out', book], dir)).code,
    ).toBe(0);
    const before = readFileSync(book);

    // Killed the moment the book's folder changes for the write (its lock file is taken first).
    const child = spawn(process.execPath, [
      resolve(__dirname, '../../cli/bin.mjs'),
      'reconcile',
      ...readdirSync(FILES).map((f) => join(FILES, f)),
      '--out',
      book,
    ]);
    const watcher = watch(dir, (_, name) => {
      if (name && name !== 'killed.xlsx.lock' && name.includes('killed.xlsx')) child.kill('SIGKILL');
    });
    const [, signal] = await new Promise<[number | null, string | null]>((done) =>
      child.on('close', (code, sig) => done([code, sig])),
    );
    watcher.close();
    expect(signal).toBe('SIGKILL');

    // Whatever the moment: the book is the old one, or the complete new one.
    const after = readFileSync(book);
    const rows = (await readWorkbook(after)).get('Transactions')!.rows.length;
    if (!after.equals(before))
      expect(rows).toBeGreaterThan((await readWorkbook(before)).get('Transactions')!.rows.length);
    if (hasSoffice) expect(sofficeSheets(book, dir).get('Transactions')).toHaveLength(rows + 1);

    // The dead run's lock and temporary file do not stop the next run, and are gone after it.
    const next = await runCliProcess(
      ['reconcile', join(FILES, 'cascade-bank-2026-09.ofx'), '--out', book],
      dir,
    );
    expect(next.code).toBe(0);
    expect(existsSync(`${book}.lock`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('killed.xlsx'))).toEqual(['killed.xlsx']);
  });
});
