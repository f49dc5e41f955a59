import { contains, type DomNode } from './domTree';
import {
  DATE_TEXT_LIMIT,
  isMonthHeading,
  labelledFigure,
  looksLikeDate,
  looksLikeMoney,
} from './valueShapes';

/** Rows that repeat one structure, e.g. the `tr`s of one table or the cards of one list. */
export type RowGroup = {
  rows: DomNode[];
  /** Nearest node holding every row: where date headings and section titles are looked for. */
  container: DomNode;
  /** Rows holding an amount and a date (their own or a heading's above them). */
  quality: number;
  /** Of those, rows holding their own date, and rows holding words too: real rows beat their
   * own cells read as rows. */
  dated: number;
  described: number;
};

export type PageShapes = {
  /** Per node (by `start`): number of amount-shaped / date-shaped leaves under it. */
  money: Int32Array;
  dates: Int32Array;
  /** Per node: pieces of text that are neither amount nor date (descriptions, names). */
  words: Int32Array;
  /** Topmost date-only nodes in document order: candidates for date headings. */
  dateNodes: DomNode[];
};

const TABLE_PARTS = new Set(['td', 'th', 'thead', 'tbody', 'tfoot', 'table']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const ROW_LIMIT = { money: 4, tableMoney: 8, dates: 3 };
/** A word (two letters running): asked per node, so made once here, not per evaluation of a literal. */
const WORD = /\p{L}{2}/u;

/** One pass over the tree: what holds amounts and dates. */
export function measureShapes(all: DomNode[], asOf: string): PageShapes {
  const n = all.length;
  const money = new Int32Array(n);
  const dates = new Int32Array(n);
  const words = new Int32Array(n);
  const isDate = new Uint8Array(n);
  const dateNodes: DomNode[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const node = all[i]!;
    let m = 0;
    let d = 0;
    let w = 0;
    let childDate = false;
    // Index loops: the capture runs once per injection, mostly before the engine optimizes it,
    // and an array iterator costs most there.
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      const c = children[k]!;
      m += money[c.start]!;
      d += dates[c.start]!;
      w += words[c.start]!;
      if (isDate[c.start]) childDate = true;
    }
    const short = node.text.length > 0 && node.text.length <= 40;
    // A wrapper around one child with the same text (td > a > text) is what its child is.
    const only =
      node.children.length === 1 && node.children[0]!.text === node.text ? node.children[0] : undefined;
    if (only && !node.ownText) {
      money[node.start] = m;
      dates[node.start] = d;
      words[node.start] = w;
      isDate[node.start] = isDate[only.start]!;
      continue;
    }
    // "Amount: £23.40" in one element: a card that labels each of its lines.
    const isMoney =
      short && (looksLikeMoney(node.text) || (node.ownText && labelledFigure(node.text) !== undefined));
    if (isMoney && m === 0) m = 1;
    // Day headings run longer than cells ("Tuesday, 14 October 2026 — 3 transactions").
    if (node.text.length <= DATE_TEXT_LIMIT && looksLikeDate(node.text, asOf)) {
      isDate[node.start] = 1;
      if (!childDate) d += 1;
    } else if (node.ownText && !isMoney && WORD.test(node.text)) w += 1;
    money[node.start] = m;
    dates[node.start] = d;
    words[node.start] = w;
  }
  // A type column ("Debit", "Credit") asks the same few words on every row: each is read once.
  const monthHeadings = new Map<string, boolean>();
  for (let i = 0; i < n; i++) {
    const node = all[i]!;
    if (isDate[node.start] && !(node.parent && isDate[node.parent.start])) dateNodes.push(node);
    // A month heading dates the rows under it that show only their day.
    else if (words[node.start] === 1 && node.ownText) {
      let heading = monthHeadings.get(node.text);
      if (heading === undefined) {
        heading = isMonthHeading(node.text, asOf);
        monthHeadings.set(node.text, heading);
      }
      if (heading) dateNodes.push(node);
    }
  }
  return { money, dates, words, dateNodes };
}

const sig = (n: DomNode) => `${n.tag}[${n.role}]`;
/** Cards also by their first class, so an amount cell and a balance cell are not one kind of row. */
const cardSig = (n: DomNode) => `${sig(n)}.${n.cls.split(/\s+/, 1)[0]}`;

function ancestorWhere(n: DomNode, test: (a: DomNode) => boolean): DomNode | undefined {
  for (let a = n.parent; a; a = a.parent) if (test(a)) return a;
  return undefined;
}

const isTable = (a: DomNode) => a.tag === 'table';
const isGrid = (a: DomNode) => a.role === 'grid' || a.role === 'table' || a.role === 'treegrid';

/** A table's or grid's rows all group under one key: made once per container, shared (never changed). */
type KeysMade = {
  tables: Map<DomNode, Array<[string, DomNode]>>;
  grids: Map<DomNode, Array<[string, DomNode]>>;
};

function containerKeys(
  made: Map<DomNode, Array<[string, DomNode]>>,
  container: DomNode,
  kind: 'tr' | 'row',
): Array<[string, DomNode]> {
  let keys = made.get(container);
  if (!keys) {
    keys = [[`${kind}@${container.start}`, container]];
    made.set(container, keys);
  }
  return keys;
}

/** Nodes that hold rows, and under which keys their children group. */
function groupKeys(row: DomNode, made: KeysMade): Array<[string, DomNode]> {
  const p = row.parent;
  if (!p) return [];
  if (row.tag === 'tr') return containerKeys(made.tables, ancestorWhere(row, isTable) ?? p, 'tr');
  if (row.role === 'row') return containerKeys(made.grids, ancestorWhere(row, isGrid) ?? p, 'row');
  if (TABLE_PARTS.has(row.tag) || CELL_ROLES.has(row.role)) return [];
  // Cards may sit in one list, or in one list per day/section: both are the same group.
  const own = cardSig(row);
  const keys: Array<[string, DomNode]> = [[`${own}@${p.start}`, p]];
  const gp = p.parent;
  if (gp) keys.push([`${own}<${sig(p)}@${gp.start}`, gp]);
  const ggp = gp?.parent;
  if (gp && ggp) keys.push([`${own}<${sig(p)}<${sig(gp)}@${ggp.start}`, ggp]);
  return keys;
}

/**
 * The rows that `counted` accepts lying under a date heading: a date node inside `container`, outside
 * every row of the group (a date inside another row is that row's own, not a heading), before them.
 */
function rowsWithHeadingDates(
  rows: DomNode[],
  counted: (row: DomNode) => boolean,
  container: DomNode,
  dateNodes: DomNode[],
): Set<DomNode> {
  const out = new Set<DomNode>();
  let lo = 0;
  let hi = dateNodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateNodes[mid]!.start < container.start) lo = mid + 1;
    else hi = mid;
  }
  let r = 0;
  let seen = false;
  for (let i = lo; i < dateNodes.length && dateNodes[i]!.start <= container.end; i++) {
    // Past the last row with a heading seen, the date nodes left change nothing.
    if (seen && r === rows.length) break;
    const d = dateNodes[i]!;
    while (r < rows.length && rows[r]!.end < d.start) {
      if (seen && counted(rows[r]!)) out.add(rows[r]!);
      r++;
    }
    if (r < rows.length && contains(rows[r]!, d)) continue;
    seen = true;
  }
  if (seen) for (; r < rows.length; r++) if (counted(rows[r]!)) out.add(rows[r]!);
  return out;
}

/**
 * Finds the repeated structures whose members each hold an amount and a date, and picks the
 * best non-overlapping ones: several tables may hold transactions (pending and posted), most
 * others (summaries, rates) fail the amount-and-date test.
 */
export function findRowGroups(all: DomNode[], shapes: PageShapes): RowGroup[] {
  const buckets = new Map<string, { container: DomNode; rows: DomNode[] }>();
  const made: KeysMade = { tables: new Map(), grids: new Map() };
  for (let i = 0; i < all.length; i++) {
    const node = all[i]!;
    if (shapes.money[node.start] === 0) continue;
    const keys = groupKeys(node, made);
    for (let k = 0; k < keys.length; k++) {
      // By index, not destructured: destructuring steps an iterator over the pair.
      const key = keys[k]![0];
      const container = keys[k]![1];
      let b = buckets.get(key);
      if (!b) {
        b = { container, rows: [] };
        buckets.set(key, b);
      }
      b.rows.push(node);
    }
  }
  const candidates: RowGroup[] = [];
  for (const { container, rows } of buckets.values()) {
    // A table row is one record however many money columns it has (a seller's charges, promotions,
    // fees, other and total); a box of other elements holding more figures is a list.
    const moneyLimit =
      rows[0]!.tag === 'tr' || rows[0]!.role === 'row' ? ROW_LIMIT.tableMoney : ROW_LIMIT.money;
    const sized = rows.filter(
      (r) => shapes.money[r.start]! <= moneyLimit && shapes.dates[r.start]! <= ROW_LIMIT.dates,
    );
    const dated = sized.filter((r) => shapes.dates[r.start]! > 0).length;
    let quality = dated;
    if (quality < sized.length) {
      // A row under a date heading still holds its own words; a lone amount cell does not.
      const undated = (r: DomNode) =>
        shapes.dates[r.start] === 0 &&
        shapes.words[r.start]! > 0 &&
        shapes.money[r.start]! <= ROW_LIMIT.money &&
        shapes.dates[r.start]! <= ROW_LIMIT.dates;
      quality += rowsWithHeadingDates(rows, undated, container, shapes.dateNodes).size;
    }
    const described = sized.filter((r) => shapes.words[r.start]! > 0).length;
    const tabular = rows[0]!.tag === 'tr' || rows[0]!.role === 'row';
    if (quality >= (tabular ? 1 : 2) && quality * 2 >= rows.length) {
      candidates.push({ rows, container, quality, dated, described });
    }
  }
  // Equal groups found at several levels: prefer rows with their own dates, deeper rows, then
  // the tightest container.
  candidates.sort(
    (a, b) =>
      b.quality - a.quality ||
      b.dated - a.dated ||
      b.described - a.described ||
      b.rows[0]!.depth - a.rows[0]!.depth ||
      b.container.depth - a.container.depth,
  );
  const accepted: RowGroup[] = [];
  const taken = new Set<DomNode>();
  const aboveTaken = new Set<DomNode>();
  const overlaps = (r: DomNode) => {
    if (aboveTaken.has(r)) return true;
    for (let a: DomNode | undefined = r; a; a = a.parent) if (taken.has(a)) return true;
    return false;
  };
  for (const c of candidates) {
    if (c.rows.some(overlaps)) continue;
    accepted.push(c);
    for (const r of c.rows) {
      taken.add(r);
      for (let a = r.parent; a && !aboveTaken.has(a); a = a.parent) aboveTaken.add(a);
    }
  }
  return accepted.sort((a, b) => a.rows[0]!.start - b.rows[0]!.start);
}
