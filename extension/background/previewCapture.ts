import { toTransactionJson } from '../../core/model/transactionJson';
import { applyRules } from '../../core/rules/applyRules';
import type { PageCapture } from '../capture/captureDocument';
import type { CaptureRecord } from '../db/schema';
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
  const base = {
    source: captured.source,
    capturedAt,
    pages: captured.pages.length,
    mapping: first?.mapping ?? {},
    headers: first?.headers ?? [],
    warnings: captured.pages.flatMap((p) => p.warnings),
  };
  if (incoming.length === 0) {
    const why = captured.pages.find((p) => p.emptyReason)?.emptyReason;
    const hint = base.headers.length > 0 ? MAPPING_HINT : '';
    const message = `${NOTHING_FOUND}${hint}${why ? ` (Why: ${why}.)` : ''}`;
    return { ...base, found: 0, new: 0, alreadyCaptured: 0, changed: 0, message, rows: [] };
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
    diagnostics: { pages: base.pages, mapping: base.mapping, headers: base.headers, warnings: base.warnings },
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

/** The preview of a stored, unsaved capture, against what is stored now. */
export async function describeCapture(deps: BackgroundDeps, record: CaptureRecord) {
  const existing = await storedForMerge(deps.db, record.incoming);
  const { counts, changeOf } = classifyCapture(existing, record.incoming);
  const d = record.diagnostics;
  const preview: CapturePreview = {
    captureId: record.id,
    source: record.source,
    capturedAt: record.capturedAt,
    pages: d.pages,
    mapping: d.mapping,
    headers: d.headers,
    warnings: d.warnings,
    found: counts.found,
    new: counts.added,
    alreadyCaptured: counts.unchanged,
    changed: counts.changed,
    rows: record.incoming
      .slice(0, PREVIEW_ROWS)
      .map((t) => ({ change: changeOf(t), transaction: toTransactionJson(t) })),
  };
  return { counts, preview };
}

export function hostOf(source: string): string {
  try {
    return new URL(source).host;
  } catch {
    return '';
  }
}
