// The CLI runs from one esbuild bundle of its TypeScript sources (cli/ and core/), built by
// `npm install` (the prepare script) and rebuilt on the next start whenever a source that went into
// it is newer, so it is never stale. Packages stay external; exceljs, linkedom and the Google
// clients sit behind dynamic imports in the commands that use them, in chunks loaded only then.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Two levels below the root like cli/commands/, so `new URL('../../examples/…', import.meta.url)` still holds. */
export const BUNDLE_DIR = join(ROOT, 'cli', 'dist');
const MANIFEST = 'bundle.json';
/** esbuild's account of the build (which chunk imports what), for tests and the bench. */
export const METAFILE = 'meta.json';

/** The bundle's entry file when every input is older than the build, else undefined. */
export function freshEntry(dir = BUNDLE_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs >= manifest.builtAt) return undefined;
    } catch {
      return undefined;
    }
  }
  const entry = join(dir, manifest.entry);
  return existsSync(entry) ? entry : undefined;
}

/**
 * Builds the bundle into `dir` and returns its entry. Every file is content-named and written by
 * rename, the manifest last, so a CLI starting meanwhile runs either the old bundle or the new one.
 */
export async function buildBundle(dir = BUNDLE_DIR) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new Error(
      'ledgerbridge: the CLI bundle is missing or out of date and esbuild is not installed: run npm install',
      {
        cause: error,
      },
    );
  }
  // Taken before reading any source: an edit during the build makes the result stale, not fresh.
  const builtAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'cli/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['exceljs', 'linkedom', '@googleapis/sheets', 'google-auth-library'],
    outdir: dir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(dir, { recursive: true });
  const written = new Set([MANIFEST, METAFILE]);
  writeFileSync(join(dir, METAFILE), JSON.stringify(result.metafile));
  for (const file of result.outputFiles) {
    written.add(basename(file.path));
    if (existsSync(file.path)) continue; // same name, same content
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)?.[0];
  // Packages change through npm install, which rebuilds (prepare) and rewrites the lock file.
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  const manifest = { builtAt, entry: basename(entry), inputs: [...sources, 'package-lock.json'] };
  const temporary = join(dir, `${MANIFEST}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(manifest, null, 1));
  renameSync(temporary, join(dir, MANIFEST));
  pruneOlderThan(dir, written, 60 * 60 * 1000);
  return join(dir, manifest.entry);
}

/** Earlier builds' files, once no CLI started before this build can still be loading them. */
function pruneOlderThan(dir, keep, ageMs) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!keep.has(name) && Date.now() - statSync(path).mtimeMs > ageMs) rmSync(path, { force: true });
  }
}

/** The entry to import: the bundle as built, or rebuilt first. */
export async function bundleEntry() {
  return pathToFileURL(freshEntry() ?? (await buildBundle())).href;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entry = await buildBundle();
  console.log(`ledgerbridge: CLI bundle ${relative(ROOT, entry)}`);
}
