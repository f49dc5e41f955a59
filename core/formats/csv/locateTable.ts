import { parseDate } from '../../dates/parseDate';
import { parseAmount } from '../../money/parseAmount';
import type { CsvRecord } from './parseCsv';

export type TableLayout = {
  /** Index (in the records given) of the header record, when the table has one. */
  header?: number;
  /** Index of the first data record. */
  body: number;
  /** The table's width: the commonest number of fields of its data rows. */
  width: number;
};

const isDate = (cell: string) => parseDate(cell).ok;
const isAmount = (cell: string) => parseAmount(cell, { currency: 'USD' }).ok;

type Shape = { length: number; filled: number; date: boolean; data: boolean };

function shapeOf(r: CsvRecord): Shape {
  let filled = 0;
  let date = false;
  let amount = false;
  for (const raw of r.fields) {
    const cell = raw.trim();
    if (cell === '') continue;
    filled++;
    if (!date && isDate(cell)) date = true;
    else if (!amount && isAmount(cell)) amount = true;
  }
  return { length: r.fields.length, filled, date, data: date && amount && filled >= 2 };
}

/**
 * Finds the table in a bank export by evidence, not by position: account lines, titles and
 * summaries often come first. Data rows hold a date and an amount; the table's width is theirs;
 * the body starts at the first data row after which the rows keep that shape, and the record just
 * above it is the header when it holds words only (no date, no amount) and is about as wide.
 */
export function locateTable(
  records: readonly CsvRecord[],
  options: { header?: boolean; skipRows?: number } = {},
): TableLayout {
  const from = options.skipRows ?? 0;
  const sample = records.slice(from, from + 200);
  const shapes = sample.map(shapeOf);
  const counts = new Map<number, number>();
  const data = shapes.filter((s) => s.data);
  for (const s of data.length > 0 ? data : shapes.filter((s) => s.filled >= 2))
    counts.set(s.length, (counts.get(s.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) {
    if (c > best || (c === best && w > width)) {
      width = w;
      best = c;
    }
  }
  const fits = (s: Shape) => Math.abs(s.length - width) <= 1;
  let start = -1;
  let dated = true;
  for (let i = 0; i < shapes.length && start === -1; i++) {
    if (!shapes[i]!.data || !fits(shapes[i]!)) continue;
    const next = shapes.slice(i + 1, i + 6);
    // The rows below keep the shape (a typo row still has the table's width; a preamble line has not).
    // A dated row with an amount is a table row even when a stray delimiter changed its width.
    const alike = next.filter((s) => (fits(s) && s.filled >= 2) || s.data).length;
    if (next.length === 0 || alike >= Math.ceil(next.length * 0.6)) start = i;
  }
  if (start === -1) {
    // No dated rows: the first record as wide as the table starts it.
    start = Math.max(
      0,
      shapes.findIndex((s) => s.length >= width && s.filled >= 2),
    );
    dated = false;
  }
  // Rows ending in a stray delimiter (Chase: `…,1043,`) are one wider than their header.
  const full = sample.slice(start, start + 50).filter((r) => r.fields.length === width);
  if (width > 1 && full.length > 0 && full.every((r) => r.fields[width - 1]!.trim() === '')) width--;

  const wordsOnly = (i: number) =>
    sample[i]!.fields.every((c) => c.trim() === '' || (!isDate(c.trim()) && !isAmount(c.trim())));
  // Walk up through the rows of the table's shape above the first good row (typo rows among
  // them): the first that holds words only is the header.
  let top = start;
  let header: number | undefined;
  for (let j = start - 1; j >= 0 && dated; j--) {
    const s = shapes[j]!;
    const wider = s.data && s.length > width;
    if (!wider && (s.length < width - 1 || s.length > width + 1 || s.filled < Math.min(2, width))) break;
    if (wordsOnly(j)) {
      header = j;
      break;
    }
    top = j;
  }
  if (options.header === false) return { body: from + start, width };
  if (header !== undefined) return { header: from + header, body: from + header + 1, width };
  if (options.header === true) {
    // Told there is a header: the first words-only record as wide as the table, else the first record.
    const h = shapes.findIndex((s, i) => s.length >= width - 1 && s.filled >= 2 && wordsOnly(i));
    const header = h === -1 ? 0 : h;
    return { header: from + header, body: from + header + 1, width };
  }
  // No data rows at all (a header-only file): a words-only first record is the header.
  if (!dated && sample[start] && wordsOnly(start)) {
    return { header: from + start, body: from + start + 1, width };
  }
  return { body: from + top, width };
}
