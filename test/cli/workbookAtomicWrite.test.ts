import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
});
