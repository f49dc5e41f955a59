import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Papa from 'papaparse';

const BIN = resolve(__dirname, '../../cli/bin.mjs');

export type ProcessRun = { code: number | null; signal: string | null; stdout: string; stderr: string };

/**
 * Runs the real command line in its own process, as a user would (`node cli/bin.mjs …`). With
 * `fileSizeKb`, the process may write no file larger than that (`ulimit -f`): a disk that fills up
 * half-way through a write.
 */
export function runCliProcess(
  argv: string[],
  cwd: string,
  options: { fileSizeKb?: number } = {},
): Promise<ProcessRun> {
  const child =
    options.fileSizeKb === undefined
      ? spawn(process.execPath, [BIN, ...argv], { cwd })
      : spawn(
          'bash',
          ['-c', `ulimit -f ${options.fileSizeKb} && exec "$0" "$@"`, process.execPath, BIN, ...argv],
          { cwd },
        );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Converts every sheet of `book` to its own UTF-8 CSV with LibreOffice (a private profile under
 * `dir`, so parallel runs do not collide) and parses them. `asShown` exports the formatted text
 * instead of the raw values.
 */
export function sofficeSheets(book: string, dir: string, asShown = false): Map<string, string[][]> {
  const base = basename(book, '.xlsx');
  const out = join(dir, `${base}-${asShown ? 'shown' : 'raw'}-${Date.now()}`);
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      out,
      book,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(out)) {
    const name = file.slice(base.length + 1).replace(/\.csv$/, '');
    sheets.set(
      name,
      Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), { skipEmptyLines: true }).data,
    );
  }
  return sheets;
}
