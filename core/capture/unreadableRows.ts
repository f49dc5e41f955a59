import type { ColumnMapping } from '../model/profile';
import type { DomNode } from './domTree';
import type { PageShapes } from './findRowGroups';
import type { SkippedRow } from './readRows';
import { columnHeaders, layoutOf, rowCells } from './rowCells';

/** Tag, role, first class and the tags of its cells: rows of one list share it. */
const shapeOf = (n: DomNode) =>
  `${n.tag}[${n.role}].${n.cls.split(/\s+/, 1)[0]}(${n.children.map((c) => c.tag).join(',')})`;

/**
 * Rows shaped like the rows read, beside them, holding a date but nothing that reads as an amount
 * ("5-5", "abc"): groups are built from rows holding an amount, so these would be lost unsaid.
 * Each is named with the text where its amount should be. They are numbered on from `nextRow`
 * (after every row found), so the numbers of the rows read stay as they are.
 */
export function unreadableRows(
  group: DomNode[],
  captured: DomNode[],
  mapping: ColumnMapping,
  shapes: PageShapes,
  asOf: string,
  nextRow: number,
  firstRow: number,
): SkippedRow[] {
  if (captured.length === 0) return [];
  const inGroup = new Set(group);
  const parents = new Set(captured.map((r) => r.parent).filter((p) => p !== undefined));
  const dated = [...parents]
    .flatMap((p) => p.children)
    .filter((n) => !inGroup.has(n) && shapes.money[n.start] === 0 && shapes.dates[n.start]! > 0);
  // The rows' shapes are named only when a dated row without an amount stands beside them.
  if (dated.length === 0) return [];
  const shapesRead = new Set(captured.map(shapeOf));
  const found = dated.filter((n) => shapesRead.has(shapeOf(n))).sort((a, b) => a.start - b.start);
  const layout = layoutOf(captured[0]!);
  const headers = columnHeaders(captured[0]!, layout);
  const keys = [mapping.amount, mapping.debit, mapping.credit].filter((k) => k !== undefined);
  return found.map((n, i) => {
    const cells = rowCells(n, layout, headers, asOf);
    const amount = keys
      .map((k) => cells.find((c) => c.key === k)?.text.trim())
      .find((t) => t !== undefined && t !== '');
    const before = group.filter((r) => r.start < n.start).length;
    const where = before === 0 ? `before row ${firstRow}` : `after row ${firstRow + before - 1}`;
    return {
      row: nextRow + i,
      reason: `${amount ? `the amount ${JSON.stringify(amount)} is not a number` : 'it holds a date but no amount that reads as a number'} (a row like the rows read, ${where})`,
      text: n.text.slice(0, 120),
      notTransaction: false,
    };
  });
}
