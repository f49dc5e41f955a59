/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export type GridBox = { row: number; column: number; numRows: number; numColumns: number };

/** `A1`, `B2:D9`, `A:C` (whole columns), `2:5` (whole rows); an optional `Sheet!` prefix is dropped. */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridBox {
  const local = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [from, to = from] = local.split(':') as [string, string?];
  const cell = (ref: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(ref);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found: ${a1}`);
    return { column: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const a = cell(from);
  const b = cell(to!);
  const row = a.row ?? 1;
  const column = a.column ?? 1;
  const lastRow = b.row ?? maxRows;
  const lastColumn = b.column ?? maxColumns;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}

export function toA1(box: GridBox): string {
  const start = `${columnLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetters(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
