/**
 * Held-out judge for core/capture: runs `capturePage` on every page of test/fixtures/portals-heldout/
 * (pages written without looking at the capture code or its own fixtures) and scores each captured row
 * against the expected one on date, amount, currency and status.
 *
 *   npx tsx test/heldout/evaluateCapture.ts          # per-page table, overall figures, every mismatch
 *   npx tsx test/heldout/evaluateCapture.ts --json   # the same as JSON
 *   npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality [--cli]
 *                                   # another folder of pages; --cli reads each through `ledgerbridge capture`
 *
 * Scoring:
 * - correct: an expected row and a captured row equal on all four fields. Pairing is a maximum matching
 *   on that equality (order does not matter), so a page read in another order is not punished.
 * - wrong: an expected row left over is paired with the most similar left-over captured row (same date,
 *   same magnitude, same description…, at least two of those); the pair counts as captured but not
 *   correct, and the differing fields are listed.
 * - missed: an expected row with no captured row at all.
 * - invented: a captured row that pairs with no expected row (a row made up from a balance, a scheduled
 *   payment, a hidden duplicate, a summary tile…).
 * Row accuracy = correct / expected, over all pages; precision = correct / captured.
 * A page whose meta says `"diagnostics": {"verified": false}` states a figure the rows break: the capture
 * must say so (diagnostics.verified false; through the CLI, a self-check warning on stderr).
 * A page whose meta says `"says": "assumed"` (its evidence does not decide, e.g. dates that read either
 * way) or `"says": "partial"` (one page of several) must carry a note starting with that word
 * (diagnostics.notes; through the CLI, a warning on stderr) whenever it captures rows.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseSavedPage } from '../../cli/parseSavedPage';
import { capturePage } from '../../core/capture/capturePage';
import { decimalToMinor } from '../../core/money/decimalToMinor';
import { formatAmount } from '../../core/money/formatAmount';

export const HELDOUT_DIR = fileURLToPath(new URL('../fixtures/portals-heldout/', import.meta.url));

/** The capture moment every page is evaluated at (its own `asOf` decides the dates). */
export const CAPTURED_AT = '2026-11-23T12:00:00.000Z';

export type ExpectedRow = {
  date: string;
  amount: string;
  currency: string;
  status: 'pending' | 'posted';
  description: string;
};

export type Row = ExpectedRow & { minor: number | undefined };

export type FieldDiff = { field: 'date' | 'amount' | 'currency' | 'status'; expected: string; got: string };

export type PageResult = {
  name: string;
  url: string;
  asOf: string;
  expected: number;
  captured: number;
  correct: number;
  /** Captured, paired with an expected row, but some field differs. */
  wrong: { index: number; expected: Row; got: Row; diffs: FieldDiff[] }[];
  missed: { index: number; expected: Row }[];
  invented: { index: number; got: Row }[];
  /** capturePage threw. */
  error?: string;
  /** What the diagnostics said about the path taken (profile / generic), for the report. */
  path?: string;
  /** The page states a figure its rows break and the capture did not flag it. */
  unflagged?: boolean;
  /** Rows were captured from a page that needs a note (meta `says`) and none was given. */
  unsaid?: boolean;
  /** The capture flagged a failed self-check on a page whose figures all agree. */
  falseAlarm?: boolean;
};

export type Evaluation = {
  pages: PageResult[];
  expected: number;
  captured: number;
  correct: number;
  wrong: number;
  missed: number;
  invented: number;
  accuracy: number;
  /** correct / captured. */
  precision: number;
  /** Pages whose failed self-check was not shown. */
  unflagged: string[];
  /** Pages that needed an "assumed"/"partial" note and captured rows without it. */
  unsaid: string[];
  /** Pages flagged unverified though nothing on them disagrees. */
  falseAlarms: string[];
};

export type Page = {
  name: string;
  html: string;
  file: string;
  url: string;
  asOf: string;
  expected: ExpectedRow[];
  /** False when the page states a count, total or balance its rows break. */
  verified: boolean;
  /** The word a note must start with: the page's evidence does not decide ("assumed"), or it is one
   * page of several ("partial"). */
  says?: string;
};

export function heldoutPages(dir = HELDOUT_DIR): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')) as {
        url: string;
        asOf: string;
        diagnostics?: { verified?: boolean };
        says?: string;
      };
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as ExpectedRow[];
      const file = join(dir, f);
      const verified = meta.diagnostics?.verified ?? true;
      return {
        name,
        html: readFileSync(file, 'utf8'),
        file,
        url: meta.url,
        asOf: meta.asOf,
        expected,
        verified,
        ...(meta.says ? { says: meta.says } : {}),
      };
    });
}

function expectedRow(e: ExpectedRow): Row {
  const minor = decimalToMinor(e.amount, e.currency);
  return { ...e, minor: minor.ok ? minor.value : undefined };
}

function capturedRow(t: {
  date: string;
  amount: { minor: number; currency: string };
  status: string;
  description: string;
}): Row {
  return {
    date: t.date,
    amount: formatAmount(t.amount.minor, t.amount.currency),
    currency: t.amount.currency,
    status: t.status as Row['status'],
    description: t.description,
    minor: t.amount.minor,
  };
}

/** A row of `ledgerbridge capture`'s JSON (amount a signed decimal string). */
export function cliRow(t: {
  date: string;
  amount: string;
  currency: string;
  status: string;
  description: string;
}): Row {
  const minor = decimalToMinor(t.amount, t.currency);
  return { ...t, status: t.status as Row['status'], minor: minor.ok ? minor.value : undefined };
}

function diffs(e: Row, g: Row): FieldDiff[] {
  const out: FieldDiff[] = [];
  if (e.date !== g.date) out.push({ field: 'date', expected: e.date, got: g.date });
  if (e.minor !== g.minor || e.minor === undefined)
    out.push({ field: 'amount', expected: e.amount, got: g.amount });
  if (e.currency !== g.currency) out.push({ field: 'currency', expected: e.currency, got: g.currency });
  if (e.status !== g.status) out.push({ field: 'status', expected: e.status, got: g.status });
  return out;
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

function descriptionSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

/** How alike a left-over expected row and a left-over captured row are; pairs need ≥ 2. */
function similarity(e: Row, g: Row): number {
  let score = 0;
  if (e.date === g.date) score += 1;
  if (e.minor !== undefined && g.minor !== undefined && Math.abs(e.minor) === Math.abs(g.minor)) score += 1.5;
  if (e.currency === g.currency) score += 0.25;
  if (e.status === g.status) score += 0.25;
  score += 1.5 * descriptionSimilarity(e.description, g.description);
  return score;
}

export function scorePage(
  page: Page,
  got: Row[],
): Omit<PageResult, 'name' | 'url' | 'asOf' | 'path' | 'error'> {
  const expected = page.expected.map(expectedRow);
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  // 1. Exact pairs. Equality on the four fields is an equivalence, so a greedy pass per expected row
  //    (nearest unused captured row with the same key) is a maximum matching.
  const key = (r: Row) => `${r.date}|${r.minor}|${r.currency}|${r.status}`;
  const byKey = new Map<string, number[]>();
  got.forEach((g, j) => {
    const k = key(g);
    byKey.set(k, [...(byKey.get(k) ?? []), j]);
  });
  let correct = 0;
  expected.forEach((e, i) => {
    if (e.minor === undefined) return;
    const candidates = (byKey.get(key(e)) ?? []).filter((j) => !usedG.has(j));
    if (candidates.length === 0) return;
    const j = candidates.reduce((best, c) => (Math.abs(c - i) < Math.abs(best - i) ? c : best));
    usedE.add(i);
    usedG.add(j);
    correct++;
  });
  // 2. Left-overs: best pairs first.
  const pairs: { i: number; j: number; s: number }[] = [];
  expected.forEach((e, i) => {
    if (usedE.has(i)) return;
    got.forEach((g, j) => {
      if (usedG.has(j)) return;
      const s = similarity(e, g);
      if (s >= 2) pairs.push({ i, j, s: s - Math.abs(i - j) * 0.001 });
    });
  });
  pairs.sort((a, b) => b.s - a.s);
  const wrong: PageResult['wrong'] = [];
  for (const p of pairs) {
    if (usedE.has(p.i) || usedG.has(p.j)) continue;
    usedE.add(p.i);
    usedG.add(p.j);
    const e = expected[p.i]!;
    const g = got[p.j]!;
    wrong.push({ index: p.i, expected: e, got: g, diffs: diffs(e, g) });
  }
  wrong.sort((a, b) => a.index - b.index);
  const missed = expected.flatMap((e, i) => (usedE.has(i) ? [] : [{ index: i, expected: e }]));
  const invented = got.flatMap((g, j) => (usedG.has(j) ? [] : [{ index: j, got: g }]));
  return { expected: expected.length, captured: got.length, correct, wrong, missed, invented };
}

function pathTaken(diagnostics: unknown): string | undefined {
  if (!diagnostics || typeof diagnostics !== 'object') return undefined;
  const d = diagnostics as Record<string, unknown>;
  const path = d.path ?? d.source ?? d.mode;
  const profile = d.profile ?? d.profileId;
  const parts = [path, profile].filter((x) => typeof x === 'string' || typeof x === 'number');
  if (parts.length > 0) return parts.join(' ');
  return undefined;
}

const CLI = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));

/** The page through `ledgerbridge capture` as a user runs it: rows from stdout, self-check warnings on stderr. */
function captureByCli(page: Page): { got: Row[]; flagged: boolean; notes: string[] } {
  const run = spawnSync(
    process.execPath,
    [CLI, 'capture', resolve(page.file), '--url', page.url, '--as-of', page.asOf],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0 && !run.stdout.trim().startsWith('[')) {
    if (/no transactions/i.test(run.stderr)) return { got: [], flagged: false, notes: [] };
    throw new Error(`capture exited ${run.status}: ${run.stderr.trim()}`);
  }
  return {
    got: (JSON.parse(run.stdout) as Parameters<typeof cliRow>[0][]).map(cliRow),
    flagged: /not verified|self-check/i.test(run.stderr),
    notes: Array.from(run.stderr.matchAll(/warning: (.*)/g), (m) => m[1]!),
  };
}

export function evaluatePage(page: Page, via: 'engine' | 'cli' = 'engine'): PageResult {
  let got: Row[];
  let path: string | undefined;
  let flagged: boolean;
  let notes: string[];
  try {
    if (via === 'cli') ({ got, flagged, notes } = captureByCli(page));
    else {
      const document = parseSavedPage(page.html);
      const result = capturePage(document, { url: page.url, asOf: page.asOf, capturedAt: CAPTURED_AT });
      got = result.transactions.map(capturedRow);
      path = pathTaken(result.diagnostics);
      flagged = !result.diagnostics.verified;
      notes = result.diagnostics.notes;
    }
  } catch (error) {
    return failedPage(page, error);
  }
  return scoreCapture(page, got, flagged, path, notes);
}

/** A page's captured rows (and whether the capture flagged a failed self-check) against its expected rows. */
/** A page whose capture threw: every expected row missed, and the error said. */
export function failedPage(page: Page, error: unknown): PageResult {
  return {
    name: page.name,
    url: page.url,
    asOf: page.asOf,
    ...scorePage(page, []),
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}

export function scoreCapture(
  page: Page,
  got: Row[],
  flagged: boolean,
  path?: string,
  notes: readonly string[] = [],
): PageResult {
  const unflagged = !page.verified && !flagged;
  const unsaid = page.says !== undefined && got.length > 0 && !notes.some((n) => n.startsWith(page.says!));
  const falseAlarm = page.verified && flagged;
  return {
    name: page.name,
    url: page.url,
    asOf: page.asOf,
    ...scorePage(page, got),
    ...(path ? { path } : {}),
    ...(unflagged ? { unflagged } : {}),
    ...(unsaid ? { unsaid } : {}),
    ...(falseAlarm ? { falseAlarm } : {}),
  };
}

export function evaluateHeldout(dir = HELDOUT_DIR, via: 'engine' | 'cli' = 'engine'): Evaluation {
  return summarize(heldoutPages(dir).map((p) => evaluatePage(p, via)));
}

export function summarize(pages: PageResult[]): Evaluation {
  const sum = (f: (p: PageResult) => number) => pages.reduce((n, p) => n + f(p), 0);
  const expected = sum((p) => p.expected);
  const correct = sum((p) => p.correct);
  const captured = sum((p) => p.captured);
  return {
    pages,
    expected,
    captured,
    correct,
    wrong: sum((p) => p.wrong.length),
    missed: sum((p) => p.missed.length),
    invented: sum((p) => p.invented.length),
    accuracy: expected === 0 ? 0 : correct / expected,
    precision: captured === 0 ? 1 : correct / captured,
    unflagged: pages.filter((p) => p.unflagged).map((p) => p.name),
    unsaid: pages.filter((p) => p.unsaid).map((p) => p.name),
    falseAlarms: pages.filter((p) => p.falseAlarm).map((p) => p.name),
  };
}

const show = (r: Row) => `${r.date} ${r.amount} ${r.currency} ${r.status} "${r.description.slice(0, 60)}"`;

export function formatEvaluation(ev: Evaluation): string {
  const lines: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const nameWidth = Math.max(8, ...ev.pages.map((p) => p.name.length));
  lines.push(
    `${'page'.padEnd(nameWidth)} ${pad('expected', 8)} ${pad('captured', 8)} ${pad('correct', 7)} ${pad('wrong', 5)} ${pad('missed', 6)} ${pad('invented', 8)} ${pad('accuracy', 8)}`,
  );
  for (const p of ev.pages) {
    const acc = p.expected === 0 ? '-' : `${((100 * p.correct) / p.expected).toFixed(1)}%`;
    lines.push(
      `${p.name.padEnd(nameWidth)} ${pad(p.expected, 8)} ${pad(p.captured, 8)} ${pad(p.correct, 7)} ${pad(p.wrong.length, 5)} ${pad(p.missed.length, 6)} ${pad(p.invented.length, 8)} ${pad(acc, 8)}${p.error ? '  (threw)' : ''}`,
    );
  }
  lines.push(
    `${'OVERALL'.padEnd(nameWidth)} ${pad(ev.expected, 8)} ${pad(ev.captured, 8)} ${pad(ev.correct, 7)} ${pad(ev.wrong, 5)} ${pad(ev.missed, 6)} ${pad(ev.invented, 8)} ${pad(`${(100 * ev.accuracy).toFixed(1)}%`, 8)}`,
  );
  lines.push(
    `rows right ${ev.correct}/${ev.expected} (${(100 * ev.accuracy).toFixed(1)}%), captured correct ${ev.correct}/${ev.captured} (${(100 * ev.precision).toFixed(1)}%), failed self-checks not shown: ${ev.unflagged.length ? ev.unflagged.join(', ') : 'none'}, flagged though nothing disagrees: ${ev.falseAlarms.length ? ev.falseAlarms.join(', ') : 'none'}, assumption or partial list not said: ${ev.unsaid.length ? ev.unsaid.join(', ') : 'none'}`,
  );
  const failing = ev.pages.filter((p) => p.error || p.wrong.length || p.missed.length || p.invented.length);
  if (failing.length > 0) lines.push('', 'Mismatches:');
  for (const p of failing) {
    lines.push('', `## ${p.name}  (${p.url}, as of ${p.asOf}${p.path ? `, ${p.path}` : ''})`);
    if (p.error) lines.push(`  capturePage threw: ${p.error.split('\n').slice(0, 4).join('\n    ')}`);
    for (const w of p.wrong) {
      const what = w.diffs.map((d) => `${d.field}: expected ${d.expected}, got ${d.got}`).join('; ');
      lines.push(`  wrong    row ${w.index + 1}: ${what}`, `           expected ${show(w.expected)}`);
      lines.push(`           got      ${show(w.got)}`);
    }
    for (const m of p.missed) lines.push(`  missed   row ${m.index + 1}: ${show(m.expected)}`);
    for (const x of p.invented) lines.push(`  invented (captured #${x.index + 1}): ${show(x.got)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : HELDOUT_DIR;
  const ev = evaluateHeldout(dir, process.argv.includes('--cli') ? 'cli' : 'engine');
  if (process.argv.includes('--json')) console.log(JSON.stringify(ev, null, 2));
  else console.log(formatEvaluation(ev));
}
