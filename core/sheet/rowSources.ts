import type { HeaderIndex } from './headerIndex';
import type { SheetRecord } from './workbookLayout';

/** The cells that name a row (a match id; institution, account, month and currency), as one string. */
const keyText = (values: readonly unknown[]): string =>
  JSON.stringify(values.map((v) => String(v ?? '').trim()));

/**
 * For each record, the existing data row (0-based) that holds the same key, so what people wrote
 * on that row can move with it; undefined for a new key, or when the tab lacks a key column. With
 * several old rows of one key, the first is used.
 */
export function rowSources(
  rows: readonly (readonly unknown[])[],
  index: HeaderIndex,
  records: readonly SheetRecord[],
  key: string | readonly string[],
): Array<number | undefined> {
  const keys = typeof key === 'string' ? [key] : key;
  const at = keys.map((k) => index.positions.get(k));
  if (at.some((p) => p === undefined)) return records.map(() => undefined);
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const cells = at.map((p) => row[p!]);
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    const text = keyText(cells);
    if (!rowOf.has(text)) rowOf.set(text, i);
  });
  return records.map((record) => rowOf.get(keyText(keys.map((k) => record[k]))));
}
