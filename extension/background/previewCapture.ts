import type { SelfCheck } from '../../core/capture/captureDiagnostics';
import { accountWords } from '../../core/model/accountWords';
import type { Transaction } from '../../core/model/transaction';
import { toTransactionJson } from '../../core/model/transactionJson';
import { applyRules } from '../../core/rules/applyRules';
import type { PageCapture } from '../capture/captureDocument';
import type { CaptureRecord, Verification } from '../db/schema';
import type { CapturePreview } from '../messages/responses';
import { classifyCapture } from './classifyCapture';
import { combinePages } from './combinePages';
import type { BackgroundDeps } from './deps';
import { storedForMerge } from './storedForMerge';

export const PREVIEW_ROWS = 100;

export const NOTHING_FOUND =
  'No transactions found on this page. Open the page that lists your activity (transactions, ' +
  'payments or payouts) and capture again.';
const MAPPING_HINT = ' If this page does list them, correct the column mapping below.';

/** Pages read from one portal, or one imported file, on their way to a preview. */
export type Captured = {
  kind: CaptureRecord['kind'];
  source: string;
  pages: PageCapture[];
};

/** A line as its page showed it: survives combinePages, which assigns ids afresh. */
const lineKey = (t: Transaction) =>
  `${t.origin.row ?? ''}\u241f${t.date}\u241f${t.amount.minor}\u241f${t.description}`;

/** The checks of every page (named by page when there are several) and the lines failed ones point at. */
function checksOf(pages: readonly PageCapture[]): { checks: SelfCheck[]; broken: Set<string> } {
  const broken = new Set<string>();
  const checks = pages.flatMap((p, i) => {
    for (const c of p.checks) {
      if (c.ok) continue;
      const rows = new Set(c.rows);
      for (const t of p.transactions)
        if (t.origin.row !== undefined && rows.has(t.origin.row)) broken.add(lineKey(t));
    }
    return pages.length > 1
      ? p.checks.map((c) => ({ ...c, message: `page ${i + 1}: ${c.message}` }))
      : p.checks;
  });
  return { checks, broken };
}

export function verificationOf(pages: readonly PageCapture[]): Verification {
  if (pages.some((p) => !p.verified || p.checks.some((c) => !c.ok))) return 'unverified';
  return pages.some((p) => p.checks.length > 0) ? 'checked' : 'unchecked';
}

/**
 * Keeps what was read as an unsaved capture (so the preview survives the service worker stopping)
 * and says what saving it would do.
 */
export async function previewCapture(deps: BackgroundDeps, captured: Captured): Promise<CapturePreview> {
  const { db } = deps;
  const capturedAt = deps.now().toISOString();
  // Categorized as it arrives, so the preview and the store show the rules' categories.
  const rules = await db.rules.toArray();
  const incoming = applyRules(combinePages(captured.pages.map((p) => p.transactions)), rules).transactions;
  const first = captured.pages[0];
  const { checks, broken } = checksOf(captured.pages);
  const diagnostics: CaptureRecord['diagnostics'] = {
    pages: captured.pages.length,
    mapping: first?.mapping ?? {},
    headers: first?.headers ?? [],
    columns: first?.columns ?? [],
    warnings: captured.pages.flatMap((p) => p.warnings),
    skipped: captured.pages.flatMap((p, i) =>
      captured.pages.length > 1 ? p.skipped.map((s) => `page ${i + 1}: ${s}`) : p.skipped,
    ),
    checks,
    signConvention: first?.signConvention ?? { convention: 'as-shown', decidedBy: 'assumed' },
    brokenIds: incoming.filter((t) => broken.has(lineKey(t))).map((t) => t.id),
  };
  const verification = verificationOf(captured.pages);
  if (incoming.length === 0) {
    const why = captured.pages.find((p) => p.emptyReason)?.emptyReason;
    const hint = diagnostics.headers.length > 0 ? MAPPING_HINT : '';
    const message = `${NOTHING_FOUND}${hint}${why ? ` (Why: ${why}.)` : ''}`;
    return {
      ...previewBase(capturedAt, captured.source, diagnostics, verification),
      found: 0,
      new: 0,
      alreadyCaptured: 0,
      changed: 0,
      message,
      rows: [],
    };
  }
  const captureId = deps.newId();
  const record: CaptureRecord = {
    id: captureId,
    kind: captured.kind,
    source: captured.source,
    host: hostOf(captured.source),
    capturedAt,
    state: 'preview',
    counts: { found: incoming.length, added: 0, unchanged: 0, changed: 0 },
    incoming,
    diagnostics,
    verification,
  };
  let rowOffset = 0;
  const raw = captured.pages.flatMap((p) => {
    const rows = p.rows.map((r) => ({ captureId, row: rowOffset + r.row, cells: r.cells }));
    rowOffset += p.rows.length;
    return rows;
  });
  const preview = await describeCapture(deps, record);
  await db.transaction('rw', db.captures, db.raw, async () => {
    await db.captures.put({ ...record, counts: preview.counts });
    await db.raw.bulkPut(raw);
  });
  return preview.preview;
}

function previewBase(
  capturedAt: string,
  source: string,
  d: CaptureRecord['diagnostics'],
  verification: Verification,
): Omit<CapturePreview, 'found' | 'new' | 'alreadyCaptured' | 'changed' | 'rows'> {
  return {
    source,
    capturedAt,
    pages: d.pages,
    mapping: d.mapping,
    headers: d.headers,
    columns: d.columns ?? d.headers.map((h) => ({ key: h, label: h, samples: [] })),
    warnings: d.warnings,
    skipped: d.skipped ?? [],
    checks: d.checks ?? [],
    verification,
    signConvention: d.signConvention ?? { convention: 'as-shown', decidedBy: 'assumed' },
  };
}

/** The preview of a stored, unsaved capture, against what is stored now. */
export async function describeCapture(deps: BackgroundDeps, record: CaptureRecord) {
  const existing = await storedForMerge(deps.db, record.incoming);
  const { counts, changeOf } = classifyCapture(existing, record.incoming);
  const broken = new Set(record.diagnostics.brokenIds ?? []);
  // The first rows, and every row a failed check points at, so the owner sees what is wrong.
  const shown = record.incoming.filter((t, i) => i < PREVIEW_ROWS || broken.has(t.id));
  const preview: CapturePreview = {
    captureId: record.id,
    ...previewBase(record.capturedAt, record.source, record.diagnostics, record.verification),
    found: counts.found,
    new: counts.added,
    alreadyCaptured: counts.unchanged,
    changed: counts.changed,
    accounts: accountsOf(record.incoming),
    rows: shown.map((t) => ({
      change: changeOf(t),
      transaction: toTransactionJson(t),
      ...(broken.has(t.id) ? { broken: true } : {}),
    })),
  };
  return { counts, preview };
}

/** Each account the lines go to, in the owner's words, and its number of lines, in page order. */
function accountsOf(lines: readonly Transaction[]): Array<{ name: string; rows: number }> {
  const rows = new Map<string, number>();
  for (const t of lines) {
    const name = accountWords(t.institution, t.account);
    rows.set(name, (rows.get(name) ?? 0) + 1);
  }
  return [...rows].map(([name, n]) => ({ name, rows: n }));
}

export function hostOf(source: string): string {
  try {
    return new URL(source).host;
  } catch {
    return '';
  }
}
