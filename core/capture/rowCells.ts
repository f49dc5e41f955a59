import { attrOf, type DomNode } from './domTree';
import { labelledFigure, looksLikeDate, looksLikeMoney } from './valueShapes';

/** One cell of a row, named by the key its column is known by (header text, `.class` or `#n`). */
export type Cell = {
  key: string;
  /** Header text for the column, when the page shows one. */
  header: string;
  node: DomNode;
  text: string;
  hint: string;
};

export type RowLayout = 'table' | 'grid' | 'cards';

const CELL_ROLES = new Set(['gridcell', 'cell', 'rowheader', 'columnheader']);
const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
const SEMANTIC_CLASS =
  /(date|amount|amt|desc|description|merchant|payee|name|title|memo|balance|bal|status|state|badge|type|category|ref|reference|currency|fee|net|gross|debit|credit|time|when|value|price|total|detail|counterparty|party|id)/i;
const UTILITY_CLASS =
  /[:[\]/]|\d|^(?:css|sc|jsx|emotion|svelte|ng|tw)-|^(?:text|font|bg|border|rounded|flex|grid|items|justify|content|gap|space|w|h|min|max|leading|tracking|shadow|ring|inline|block|hidden|truncate|whitespace|overflow|relative|absolute|col|row|self|order|tabular|hover|focus|align|float|d|sr|is|has|u|js)(?:-|$)|^-?[pm][xytrbl]?-(?:px|auto)$|^[pm][xytrbl]?$/;

/** A card block that labels its own figure: "Fee $1.03", "Net: $23.97", "Balance 1.204,00 €". */
export function layoutOf(row: DomNode): RowLayout {
  if (row.tag === 'tr') return 'table';
  if (row.role === 'row') return 'grid';
  return 'cards';
}

const headerText = (n: DomNode) => (n.text || n.hint).replace(/[↑↓▲▼⇅]/g, '').trim();

function colspan(n: DomNode): number {
  const given = attrOf(n, 'colspan');
  if (given === null) return 1;
  const span = Number(given);
  return Number.isInteger(span) && span > 0 ? span : 1;
}

/** Cells that name columns: at least two short labels, no figures (so no amount, date or id). */
function isLabelRow(cells: DomNode[]): boolean {
  const named = cells.filter((c) => /\p{L}{2}/u.test(headerText(c)));
  return named.length >= 2 && cells.every((c) => headerText(c).length <= 40 && !/\d/.test(headerText(c)));
}

/** Header texts by 0-based column, from the table's or grid's header row. */
export function columnHeaders(row: DomNode, layout: RowLayout): string[] {
  if (layout === 'cards') return [];
  let container = row.parent;
  while (container && !(layout === 'table' ? container.tag === 'table' : GRID_ROLES.has(container.role))) {
    container = container.parent;
  }
  if (!container) return [];
  if (layout === 'table') {
    const expand = (tr: DomNode) => {
      const out: string[] = [];
      for (const c of tr.children) {
        if (c.tag === 'th' || c.tag === 'td') for (let i = 0; i < colspan(c); i++) out.push(headerText(c));
      }
      return out;
    };
    // Of several header rows ("Money" over "Out | In") the last names the columns.
    const thead = container.children.find((c) => c.tag === 'thead');
    const headRows = thead?.children.filter((tr) => tr.tag === 'tr') ?? [];
    if (headRows.length > 0) return expand(headRows[headRows.length - 1]!);
    // Without a thead, a first row of th cells (browsers wrap it in a tbody), or of short labels
    // without figures above rows of values (old portals style `<td><b>Date</b></td>` as headers).
    for (const section of [container, ...container.children.filter((c) => c.tag === 'tbody')]) {
      // A title row spanning the table ("Account History") may sit above the labels.
      const trs = section.children.filter((c) => c.tag === 'tr');
      for (const [i, tr] of trs.slice(0, 3).entries()) {
        const cells = tr.children.filter((c) => c.tag === 'th' || c.tag === 'td');
        const filled = cells.filter((c) => c.text !== '');
        const title = filled.length === 1 && !/\d/.test(filled[0]!.text) && i + 1 < trs.length;
        if (title && (cells.length === 1 || colspan(filled[0]!) > 1)) continue;
        if (cells.length > 0 && cells.every((c) => c.tag === 'th')) return expand(tr);
        if (i + 1 < trs.length && isLabelRow(cells)) return expand(tr);
        break;
      }
    }
    return [];
  }
  const out: string[] = [];
  const stack = [container];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.role === 'columnheader') {
      const index = Number(attrOf(n, 'aria-colindex') ?? Number.NaN) - 1;
      if (Number.isInteger(index) && index >= 0) out[index] = headerText(n);
      else out.push(headerText(n));
      continue;
    }
    if (n.role === 'row' && out.length > 0) break;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return Array.from(out, (h) => h ?? '');
}

/**
 * A card cell's column: a telling class or test id on it or its wrappers, else its own first
 * plain class, so an optional badge does not shift the columns after it.
 */
function classKey(node: DomNode, row: DomNode): string | undefined {
  for (let n: DomNode | undefined = node; n && n !== row; n = n.parent) {
    for (const token of n.cls.split(/\s+/)) {
      if (token && !UTILITY_CLASS.test(token) && SEMANTIC_CLASS.test(token)) return `.${token}`;
    }
    for (const attr of ['data-testid', 'data-test', 'data-field', 'data-column', 'data-qa']) {
      const v = attrOf(n, attr);
      if (v) return `[${attr}=${v}]`;
    }
  }
  const own = node.cls.split(/\s+/).find((token) => token && !UTILITY_CLASS.test(token));
  return own ? `.${own}` : undefined;
}

/**
 * The text blocks of a card row: a node with text of its own is a cell, and so is a node whose
 * whole text is one amount or one date even when split over spans ("$" "1,234" ".56").
 */
function cardCells(node: DomNode, asOf: string, out: DomNode[]): void {
  if (!node.text && !node.hint) return;
  if (node.ownText || node.children.length === 0) {
    if (node.text) out.push(node);
    return;
  }
  if (node.children.length > 1 && (looksLikeMoney(node.text) || looksLikeDate(node.text, asOf))) {
    out.push(node);
    return;
  }
  for (const c of node.children) cardCells(c, asOf, out);
}

function rowspan(n: DomNode): number {
  const given = attrOf(n, 'rowspan');
  if (given === null) return 1;
  const span = Number(given);
  return Number.isInteger(span) && span > 1 ? Math.min(span, 1000) : 1;
}

const isTableCell = (c: DomNode) => c.tag === 'td' || c.tag === 'th';

/** Whether a cell of a table row reaches into the rows below (index loops: asked of every cell). */
function spansRows(rows: DomNode[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.tag !== 'tr') continue;
    for (let k = 0; k < r.children.length; k++) {
      const c = r.children[k]!;
      if (isTableCell(c) && rowspan(c) > 1) return true;
    }
  }
  return false;
}

/**
 * Cells of rows above that reach down into each row (`<td rowspan="3">20.11.2026</td>` dating three
 * entries), by column, as HTML lays out a table; undefined when no cell spans rows.
 */
export function spannedCells(rows: DomNode[]): Array<Map<number, DomNode>> | undefined {
  if (!spansRows(rows)) return undefined;
  const out: Array<Map<number, DomNode>> = [];
  let reaching = new Map<number, { node: DomNode; left: number }>();
  for (const row of rows) {
    const carried = new Map<number, DomNode>();
    const next = new Map<number, { node: DomNode; left: number }>();
    for (const [col, r] of reaching) {
      carried.set(col, r.node);
      if (r.left > 1) next.set(col, { node: r.node, left: r.left - 1 });
    }
    out.push(carried);
    let col = 0;
    for (const c of row.children) {
      if (!isTableCell(c)) continue;
      while (carried.has(col)) col++;
      const down = rowspan(c);
      for (let k = 0; k < colspan(c); k++) if (down > 1) next.set(col + k, { node: c, left: down - 1 });
      col += colspan(c);
    }
    reaching = next;
  }
  return out;
}

const labelled = (n: DomNode) => attrOf(n, 'data-label') ?? attrOf(n, 'data-title') ?? '';

/**
 * `key` as the row's cells so far leave it: the second cell keyed "Amount" becomes "Amount~2".
 * `seen` holds the keys as they were asked (a row has a few cells: a list, not a map per row).
 */
function unique(seen: string[], key: string): string {
  let n = 1;
  for (let i = 0; i < seen.length; i++) if (seen[i] === key) n++;
  seen.push(key);
  return n > 1 ? `${key}~${n}` : key;
}

/** A table's cell in column `col` (0-based), named by its own label or the column's header. */
function tableCell(cells: Cell[], seen: string[], c: DomNode, headers: string[], col: number): void {
  const header = labelled(c) || headers[col] || '';
  cells.push({ key: unique(seen, header || `#${col + 1}`), header, node: c, text: c.text, hint: c.hint });
}

/**
 * The cells of one row, keyed so that the same column gets the same key on every row. `carried`:
 * cells of rows above spanning into this one, by column (see spannedCells).
 */
const LABEL = /^[\p{L}][\p{L} ]{0,23}:$/u;

/**
 * "<b>Type:</b> Debit": a line that starts with its own label element names its column by it
 * (label, value), as a header would.
 */
function ownLabel(b: DomNode): [string, string, string] | undefined {
  const first = b.children[0];
  if (!first || !LABEL.test(first.text) || !b.text.startsWith(first.text)) return undefined;
  const value = b.text.slice(first.text.length).trim();
  return value ? [b.text, first.text.slice(0, -1), value] : undefined;
}

export function rowCells(
  row: DomNode,
  layout: RowLayout,
  headers: string[],
  asOf: string,
  carried?: Map<number, DomNode>,
  /** The same row's other parts in a grid with pinned columns (see gridRows.rowPartners). */
  partners?: DomNode[],
): Cell[] {
  const cells: Cell[] = [];
  const seen: string[] = [];
  if (layout === 'table') {
    let col = 0;
    const children = row.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.tag !== 'td' && c.tag !== 'th') continue;
      for (let above = carried?.get(col); above; above = carried?.get(col))
        tableCell(cells, seen, above, headers, col++);
      tableCell(cells, seen, c, headers, col);
      col += colspan(c);
    }
    for (let above = carried?.get(col); above; above = carried?.get(col))
      tableCell(cells, seen, above, headers, col++);
    return cells;
  }
  if (layout === 'grid') {
    const found: DomNode[] = [];
    const parts = partners ? [...partners, row].sort((a, b) => a.start - b.start) : [row];
    const stack = parts.flatMap((p) => p.children).reverse();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (CELL_ROLES.has(n.role)) found.push(n);
      else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
    found.forEach((c, i) => {
      const index = Number(attrOf(c, 'aria-colindex') ?? Number.NaN) - 1;
      const col = Number.isInteger(index) && index >= 0 ? index : i;
      const header = labelled(c) || headers[col] || '';
      cells.push({ key: unique(seen, header || `#${col + 1}`), header, node: c, text: c.text, hint: c.hint });
    });
    return cells;
  }
  const blocks: DomNode[] = [];
  cardCells(row, asOf, blocks);
  blocks.forEach((b, i) => {
    // "Fee $1.03", "Net: $23.97": the label names the column, the figure is the value.
    const figure = labelledFigure(b.text) ?? ownLabel(b);
    const header = labelled(b) || (figure ? figure[1]! : '');
    const key = unique(seen, header || classKey(b, row) || `#${i + 1}`);
    cells.push({ key, header, node: b, text: figure ? figure[2]! : b.text, hint: b.hint });
  });
  return cells;
}
