import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBigBankCsv } from './bigCsv';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** LEDGERBRIDGE_BIG_CSV=1 imports the 200 MB file of issue 12 (minutes); by default a 10 MB one streams. */
const MB = process.env.LEDGERBRIDGE_BIG_CSV === '1' ? 200 : 10;
const dir = mkdtempSync(join(tmpdir(), 'lb-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `import` in a child process whose heap is capped at 450 MB (under GNU time when it is
 * there, for the peak resident memory), counting the transactions printed without holding them.
 */
function importCapped(
  file: string,
): Promise<{ code: number | null; printed: number; last: string; peakKb?: number; stderr: string }> {
  const time = existsSync('/usr/bin/time');
  const node = ['--max-old-space-size=450', 'cli/bin.mjs', 'import', file, '--currency', 'USD'];
  const child = time
    ? spawn('/usr/bin/time', ['-f', 'peak-kb %M', 'node', ...node], { cwd: ROOT })
    : spawn('node', node, { cwd: ROOT });
  let printed = 0;
  let tail = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const text = tail + chunk;
    const lines = text.split('\n');
    tail = lines.pop()!;
    for (const line of lines) if (line.startsWith('{')) printed++;
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const peak = /peak-kb (\d+)/.exec(stderr);
      resolve({ code, printed, last: tail, stderr, ...(peak ? { peakKb: Number(peak[1]) } : {}) });
    }),
  );
}

describe(`import of a ${MB} MB bank CSV`, () => {
  it('streams every row out with the heap capped at 450 MB, one transaction per line', {
    timeout: 30 * 60_000,
  }, async () => {
    const file = join(dir, 'big.csv');
    const rows = await writeBigBankCsv(file, MB);
    const r = await importCapped(file);
    expect(r.stderr.replace(/peak-kb \d+\n?/, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.printed).toBe(rows);
    expect(r.last).toBe('');
    if (r.peakKb !== undefined) expect(r.peakKb).toBeLessThan(500 * 1024);
  });
});
