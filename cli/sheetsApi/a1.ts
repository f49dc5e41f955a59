/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** `'Tab'!B2:D9` for a block starting at (row, column), 1-based. */
export function blockRange(tab: string, row: number, column: number, rows: number, columns: number): string {
  const quoted = `'${tab.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

export const wholeTab = (tab: string) => `'${tab.replace(/'/g, "''")}'`;
