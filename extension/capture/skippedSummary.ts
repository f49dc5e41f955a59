import type { CapturedGroup, DuplicateRegion } from '../../core/capture/captureDiagnostics';
import type { SkippedRow } from '../../core/capture/readRows';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
/** Reasons that differ only in a quoted text or a row number are one reason to the owner. */
const reasonKey = (reason: string) => reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
const REPEATS = /\b(?:repeat|duplicate|copy|twin)/i;

/** A repeated list in the owner's words: where the list read is, by its heading when it has one. */
function repeatWords(d: DuplicateRegion, groups: readonly CapturedGroup[]): string {
  const kept = groups[d.kept]?.section.trim();
  const where = d.kept < d.dropped ? 'above' : 'below';
  const list = kept ? `the list “${kept}” ${where}` : `the list ${where}`;
  return `${rows(d.rows)} skipped: a second copy of ${list} (the same dates and amounts); each row is read once`;
}

/**
 * Rows left out, one line per reason, in words: "5 rows skipped: a second copy of the list above".
 * A repeated region is named once, not row by row.
 */
export function skippedSummary(
  skipped: readonly SkippedRow[],
  duplicates: readonly DuplicateRegion[],
  groups: readonly CapturedGroup[],
): string[] {
  const lines = duplicates.map((d) => repeatWords(d, groups));
  const byReason = new Map<string, { reason: string; rows: number[] }>();
  for (const s of skipped) {
    if (duplicates.length > 0 && REPEATS.test(s.reason)) continue;
    const key = reasonKey(s.reason);
    const group = byReason.get(key) ?? { reason: s.reason, rows: [] };
    group.rows.push(s.row);
    byReason.set(key, group);
  }
  for (const { reason, rows: at } of byReason.values()) {
    const which = at.length <= 3 ? ` (page ${at.length === 1 ? 'row' : 'rows'} ${at.join(', ')})` : '';
    const said = at.length === 1 ? reason : reason.replace(/"[^"]*"/g, '"…"');
    lines.push(`${rows(at.length)} skipped${which}: ${said}`);
  }
  return lines;
}
