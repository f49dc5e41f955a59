import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/workbookCli';

export type Outcome = { code: number; stdout: string; stderr: string };

export function scratch(): { dir: string; write(name: string, content: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), 'lb-hostile-'));
  return {
    dir,
    write(name, content) {
      writeFileSync(join(dir, name), content);
      return name;
    },
  };
}

/** The command for reading one file as a user would: pages are captured, the rest imported. */
export function readArgs(file: string): string[] {
  return file.endsWith('.html')
    ? ['capture', file, '--url', 'https://bank.example/activity', '--as-of', '2026-04-01']
    : ['import', file];
}

export const run = runCli;

/** Transactions printed on stdout (`import`/`capture` arrays, `reconcile --json` objects). */
export function printed(out: Outcome): Array<Record<string, string>> {
  if (out.code !== 0) return [];
  const json = JSON.parse(out.stdout) as unknown;
  return (Array.isArray(json) ? json : (json as { transactions: [] }).transactions) as Array<
    Record<string, string>
  >;
}

const WHERE = /\b(line|row|field|element|column)\b|<[A-Za-z]+>/;

/**
 * What every run on bad input must do: exit 0, 1 or 2 (never 70, never a stack trace); a refusal
 * names the file and where in it; a run that reads fewer rows than the input had says where.
 */
export function expectHandled(out: Outcome, file: string, opts: { rows?: number; locate?: boolean } = {}) {
  const context = `exit ${out.code}\nstderr: ${out.stderr.slice(0, 600)}`;
  expect([0, 1, 2], context).toContain(out.code);
  expect(out.stderr, context).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  if (out.code !== 0) {
    expect(out.stderr, context).toContain(file);
    if (opts.locate !== false) expect(out.stderr, context).toMatch(WHERE);
    return;
  }
  if (opts.rows !== undefined && opts.rows > 0) {
    const got = printed(out);
    expect(got.length, `${context}\nan input with rows read as none`).toBeGreaterThan(0);
    if (got.length < opts.rows) {
      expect(out.stderr, `${context}\nrows left out without a warning naming where`).toContain(file);
      expect(out.stderr, context).toMatch(WHERE);
    }
  }
}
