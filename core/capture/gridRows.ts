import { attrOf, type DomNode } from './domTree';
import type { RowContext } from './rowContext';

/** Where data grids (ag-Grid, ARIA grids) say a row's place: the DOM order may be any. */
const ROW_INDEX_ATTRS = ['aria-rowindex', 'row-index', 'data-row-index', 'data-rowindex'];
const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);

function rowIndexOf(row: DomNode): number | undefined {
  for (let i = 0; i < ROW_INDEX_ATTRS.length; i++) {
    const v = attrOf(row, ROW_INDEX_ATTRS[i]!);
    if (v !== null && /^\d+$/.test(v.trim())) return Number(v);
  }
  return undefined;
}

/**
 * A virtualized grid's rows in the order a person reads them (by their row index), with their
 * contexts; unchanged when any row lacks an index or the DOM order already is that order.
 */
export function inVisualOrder(
  rows: DomNode[],
  contexts: RowContext[],
): { rows: DomNode[]; contexts: RowContext[] } {
  const indexes: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const index = rowIndexOf(rows[i]!);
    // One row without an index leaves the DOM order: the rows after it need not be asked.
    if (index === undefined) return { rows, contexts };
    indexes.push(index);
  }
  const order = rows.map((_, i) => i).sort((a, b) => indexes[a]! - indexes[b]!);
  if (order.every((o, i) => o === i)) return { rows, contexts };
  return { rows: order.map((o) => rows[o]!), contexts: order.map((o) => contexts[o]!) };
}

/**
 * A grid with pinned columns renders each row in two or three containers ("ag-pinned-left-cols-
 * container" holding the date, the centre holding the rest): the other parts of each row, found
 * by the same row index within the same grid. Undefined when the rows carry no index.
 */
export function rowPartners(rows: DomNode[], all: DomNode[]): Map<DomNode, DomNode[]> | undefined {
  const first = rows[0];
  if (!first || rowIndexOf(first) === undefined) return undefined;
  let grid = first.parent;
  while (grid && !GRID_ROLES.has(grid.role)) grid = grid.parent;
  if (!grid) return undefined;
  const own = new Set(rows);
  const byIndex = new Map<number, DomNode[]>();
  for (let k = grid.start; k <= grid.end; k++) {
    const n = all[k];
    if (n?.role !== 'row' || own.has(n)) continue;
    const index = rowIndexOf(n);
    if (index === undefined) continue;
    const list = byIndex.get(index);
    if (list) list.push(n);
    else byIndex.set(index, [n]);
  }
  if (byIndex.size === 0) return undefined;
  const out = new Map<DomNode, DomNode[]>();
  for (const row of rows) {
    const parts = byIndex.get(rowIndexOf(row)!)?.filter((p) => p.end < row.start || p.start > row.end);
    if (parts && parts.length > 0) out.set(row, parts);
  }
  return out.size > 0 ? out : undefined;
}
