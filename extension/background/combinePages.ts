import { assignIds } from '../../core/ids/assignIds';
import type { Transaction } from '../../core/model/transaction';

/**
 * One capture's transactions from the pages "Capture all pages" read. A page that shows every line
 * of the pages before it ("load more") replaces them; otherwise pages add up (paging). Ids are then
 * assigned over all the lines in page order, as for one long page: each page numbered its identical
 * lines from zero, so two real identical coffees on two pages would otherwise get one id.
 */
export function combinePages(pages: readonly Transaction[][]): Transaction[] {
  if (pages.length <= 1) return [...(pages[0] ?? [])];
  let lines: Transaction[] = [];
  for (const page of pages) {
    const ids = new Set(page.map((t) => t.id));
    lines = lines.length > 0 && lines.every((t) => ids.has(t.id)) ? [...page] : [...lines, ...page];
  }
  return assignIds(lines.map(({ id: _id, schemaVersion: _v, ...draft }) => draft));
}
