import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildBundle, freshEntry, METAFILE } from '../../cli/bundle.mjs';
import { main } from '../../cli/main';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
/** The packages only some commands need: none may load when the CLI starts. */
const HEAVY = ['exceljs', 'linkedom', '@googleapis/sheets', 'google-auth-library'];

type Metafile = {
  outputs: Record<
    string,
    { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }
  >;
};

describe('the CLI bundle', () => {
  it('is what `node cli/bin.mjs` runs, and prints what the sources print', async () => {
    let fromSources = '';
    await main(['--help'], {
      stdout: { write: (s: string) => (fromSources += s) },
      stderr: process.stderr,
      cwd: ROOT,
    });
    const { stdout } = await run('node', ['cli/bin.mjs', '--help'], { cwd: ROOT });
    expect(stdout).toBe(fromSources);
    expect(stdout).toContain('reconcile');
  });

  it('loads exceljs, linkedom and the Google clients only in the commands that use them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-bundle-'));
    const entry = await buildBundle(dir);
    const { outputs } = JSON.parse(readFileSync(join(dir, METAFILE), 'utf8')) as Metafile;
    const atStart = new Set<string>();
    const lazily = new Set<string>();
    const walk = (file: string, eager: boolean) => {
      for (const i of outputs[file]?.imports ?? []) {
        const isEager = eager && i.kind === 'import-statement';
        if (i.external) (isEager ? atStart : lazily).add(i.path);
        else if (isEager ? !atStart.has(`file:${i.path}`) : !lazily.has(`file:${i.path}`)) {
          (isEager ? atStart : lazily).add(`file:${i.path}`);
          walk(i.path, isEager);
        }
      }
    };
    const entryKey = Object.keys(outputs).find((k) => basename(k) === basename(entry))!;
    walk(entryKey, true);
    for (const name of HEAVY) {
      expect(atStart, name).not.toContain(name);
      expect(lazily, name).toContain(name);
    }
  });

  it('counts as stale once a source is newer than the build, so the next start rebuilds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-bundle-'));
    const entry = await buildBundle(dir);
    expect(freshEntry(dir)).toBe(entry);
    const manifest = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as { builtAt: number };
    // As if every source had been edited after the build.
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify({ ...manifest, builtAt: 0 }));
    expect(freshEntry(dir)).toBeUndefined();
  });
});
