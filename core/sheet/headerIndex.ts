import { type Problem, problem } from '../model/problem';
import type { ColumnDef } from './workbookLayout';

export type HeaderIndex = {
  /** Column key → 0-based position in the header row, for the layout columns that were found. */
  positions: Map<string, number>;
  /** Required layout columns the header lacks. */
  missing: ColumnDef[];
  /** Problems for the missing required columns, naming the sheet and the header expected. */
  problems: Problem[];
};

/** Headers compare case-insensitively and ignoring spacing: "category  override" finds "Category Override". */
export const normalizeHeader = (value: unknown): string =>
  String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Finds the layout's columns in a header row by name, wherever the bookkeeper moved them.
 * Columns not in the layout are the bookkeeper's own and are simply not indexed.
 */
export function indexHeader(
  header: readonly unknown[],
  columns: readonly ColumnDef[],
  sheet?: string,
): HeaderIndex {
  const byName = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name && !byName.has(name)) byName.set(name, i);
  });
  const positions = new Map<string, number>();
  const missing: ColumnDef[] = [];
  for (const column of columns) {
    const at = byName.get(normalizeHeader(column.header));
    if (at !== undefined) positions.set(column.key, at);
    else if (column.required) missing.push(column);
  }
  const problems = missing.map((c) =>
    problem('missing_column', `the ${sheet ? `${sheet} ` : ''}header has no "${c.header}" column`, {
      path: sheet ? [sheet] : [],
      field: c.header,
      row: 1,
    }),
  );
  return { positions, missing, problems };
}
