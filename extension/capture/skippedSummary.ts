import type { DuplicateRegion } from '../../core/capture/captureDiagnostics';
import type { SkippedRow } from '../../core/capture/readRows';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
/** Reasons that differ only in a quoted text or a row number are one reason to the owner. */
const reasonKey = (reason: string) => reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
const REPEATS = /\b(?:repeat|duplicate|copy|twin)/i;

/**
 * Rows left out, one line per reason, in words: "12 rows skipped: a hidden duplicate of the table
 * above". A duplicated region is named once, by its own message, not row by row.
 */
export function skippedSummary(
  skipped: readonly SkippedRow[],
  duplicates: readonly DuplicateRegion[],
): string[] {
  const lines = duplicates.map((d) => `${rows(d.rows)} skipped: ${d.message}`);
  const groups = new Map<string, { reason: string; rows: number[] }>();
  for (const s of skipped) {
    if (duplicates.length > 0 && REPEATS.test(s.reason)) continue;
    const key = reasonKey(s.reason);
    const group = groups.get(key) ?? { reason: s.reason, rows: [] };
    group.rows.push(s.row);
    groups.set(key, group);
  }
  for (const { reason, rows: at } of groups.values()) {
    const which = at.length <= 3 ? ` (page ${at.length === 1 ? 'row' : 'rows'} ${at.join(', ')})` : '';
    const said = at.length === 1 ? reason : reason.replace(/"[^"]*"/g, '"…"');
    lines.push(`${rows(at.length)} skipped${which}: ${said}`);
  }
  return lines;
}
