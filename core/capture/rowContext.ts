import { attrOf, type DomNode } from './domTree';
import { PENDING_WORDS } from './valueShapes';

/** What the page says above a row: the section it is in and the date heading it falls under. */
export type RowContext = {
  section: string;
  dateHeading: string;
  /** The row sits in a block whose class says pending (`<tbody class="pending">`). */
  pendingBlock?: boolean;
};

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'legend', 'summary']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tr', 'th', 'td']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
const HEADING_CLASS = /(?:^|[\s_-])(?:heading|header|title|divider|subheader)(?:$|[\s_-])/i;

/** Section titles and group labels, in document order (an index loop: it asks every node). */
export function findHeadings(all: DomNode[]): DomNode[] {
  const out: DomNode[] = [];
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    if (n.text.length === 0 || n.text.length > 80) continue;
    if (
      HEADING_TAGS.has(n.tag) ||
      n.role === 'heading' ||
      (n.cls !== '' && HEADING_CLASS.test(n.cls) && n.children.length <= 3 && !TABLE_PARTS.has(n.tag)) ||
      ((n.tag === 'tr' || n.role === 'row') && isSubheadingRow(n))
    )
      out.push(n);
  }
  return out;
}

const isCell = (c: DomNode) => c.tag === 'td' || c.tag === 'th' || CELL_ROLES.has(c.role);

/**
 * A table row that titles the rows below it ("Pending – not yet posted", "Posted"): one cell with
 * text, the first, spanning several columns or a row-group header, and no amount in it.
 */
function isSubheadingRow(row: DomNode): boolean {
  // The first cell, and how many: a row with text in a later cell (most rows) is told so at once.
  let first: DomNode | undefined;
  let cells = 0;
  for (let i = 0; i < row.children.length; i++) {
    const c = row.children[i]!;
    if (!isCell(c)) continue;
    if (cells === 0) first = c;
    else if (c.text !== '') return false;
    cells++;
  }
  if (!first?.text) return false;
  // Not an amount, and not a detail line under a row ("Memo: …", "Ref 9450872301").
  if (/\d[.,]\d{2}(?!\d)|\d{4,}(?![./-]\d)|^[\p{L}][\p{L} .]{0,20}:/u.test(first.text)) return false;
  const span = Number(attrOf(first, 'colspan') ?? attrOf(first, 'aria-colspan') ?? '1');
  const scope = first.tag === 'th' ? (attrOf(first, 'scope') ?? '') : '';
  if (span >= 2 || /^(?:rowgroup|colgroup)$/.test(scope)) return true;
  // The only cell of its row, among rows of several cells.
  return (
    cells === 1 &&
    (row.parent?.children.some(
      (r) => r !== row && r.tag === row.tag && r.children.filter(isCell).length >= 3,
    ) ??
      false)
  );
}

/** Labels a container carries for screen readers: `aria-label` on it and its ancestors. */
export function containerLabels(container: DomNode): string {
  const labels: string[] = [];
  for (let n: DomNode | undefined = container; n; n = n.parent) {
    const label = attrOf(n, 'aria-label');
    if (label) labels.push(label);
  }
  return labels.join(' · ');
}

/**
 * One sweep over a group's rows (sorted, disjoint) and the headings and date nodes of the page:
 * each row gets the last section title and the last date heading above it that lie outside rows.
 * A new section title ends the previous date heading; a date heading ends a pending block.
 */
export function rowContexts(
  rows: DomNode[],
  container: DomNode,
  headings: DomNode[],
  dateNodes: DomNode[],
  isDateText: (text: string) => boolean,
): RowContext[] {
  type Event = { node: DomNode; date: boolean };
  const events: Event[] = [];
  for (const h of headings) if (!isDateText(h.text)) events.push({ node: h, date: false });
  for (const d of dateNodes)
    if (d.start >= container.start && d.start <= container.end) events.push({ node: d, date: true });
  events.sort((a, b) => a.node.start - b.node.start);
  const out: RowContext[] = [];
  let section = '';
  let dateHeading = '';
  let e = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    while (e < events.length && events[e]!.node.start < row.start) {
      // Events inside earlier rows were stepped over below, so this one lies between rows.
      const ev = events[e++]!;
      if (ev.date) {
        dateHeading = ev.node.text;
        // Lists open with a "Pending" block and then group posted lines under date headings.
        if (PENDING_WORDS.test(section)) section = '';
      } else {
        section = ev.node.text;
        dateHeading = '';
      }
    }
    out.push({ section, dateHeading });
    while (e < events.length && events[e]!.node.start <= row.end) e++;
  }
  return out;
}
