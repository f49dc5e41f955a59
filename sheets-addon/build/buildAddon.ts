import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { topLevelStubs } from './topLevelStubs';

const addonDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(addonDir, 'src', 'main.ts');

/** The global the bundle assigns; the stubs call through it. */
export const BUNDLE_GLOBAL = 'Ledgerbridge';

export type BuildResult = { outDir: string; exports: string[]; codeBytes: number };

const common: esbuild.BuildOptions = {
  entryPoints: [entry],
  bundle: true,
  write: false,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  // Apps Script's V8 runtime has ES2020 (BigInt, used by core/rules); newer syntax is lowered.
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Writes via a temporary file and a rename, so a reader (a test file running alongside) never sees half a file. */
async function writeAtomically(path: string, content: string | Uint8Array) {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

/**
 * Bundles `src/main.ts` (with core/ and zod) into one Apps Script file: an IIFE assigning the
 * module to a global, followed by one top-level function per export (Apps Script only calls
 * top-level functions: triggers, menu items, doGet/doPost, google.script.run targets). Copies
 * appsscript.json and the sidebar HTML next to it.
 */
export async function buildAddon(outDir = join(addonDir, 'dist')): Promise<BuildResult> {
  const probe = await esbuild.build({ ...common, format: 'esm', metafile: true });
  const exports = Object.values(probe.metafile!.outputs).flatMap((o) => o.exports);
  const bundle = await esbuild.build({ ...common, format: 'iife', globalName: BUNDLE_GLOBAL, minify: true });
  const code = `${bundle.outputFiles![0]!.text}\n${topLevelStubs(BUNDLE_GLOBAL, exports)}`;
  await mkdir(outDir, { recursive: true });
  await writeAtomically(join(outDir, 'Code.js'), code);
  await writeAtomically(join(outDir, 'appsscript.json'), await readFile(join(addonDir, 'appsscript.json')));
  await writeAtomically(join(outDir, 'Sidebar.html'), await readFile(join(addonDir, 'src', 'Sidebar.html')));
  return { outDir, exports, codeBytes: Buffer.byteLength(code) };
}
