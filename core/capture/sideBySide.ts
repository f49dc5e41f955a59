import type { Cell } from './rowCells';

/**
 * Headers that repeat one block ("Check No. | Date paid | Amount | Check No. | Date paid |
 * Amount", as statements list checks paid): the width of a block, when a row holds several records.
 */
export function recordWidth(headers: string[]): number | undefined {
  const n = headers.length;
  for (let width = 2; width * 2 <= n; width++) {
    if (n % width !== 0 || headers.slice(0, width).some((h) => h === '')) continue;
    if (headers.every((h, i) => h === headers[i % width])) return width;
  }
  return undefined;
}

/** A row's side-by-side records, each keyed as the first block's columns; empty blocks dropped. */
export function splitRecords(cells: Cell[], width: number): Cell[][] {
  const out: Cell[][] = [];
  for (let start = 0; start < cells.length; start += width) {
    const block = cells.slice(start, start + width);
    if (block.every((c) => c.text.trim() === '')) continue;
    out.push(block.map((c, i) => ({ ...c, key: cells[i]!.key })));
  }
  return out;
}
