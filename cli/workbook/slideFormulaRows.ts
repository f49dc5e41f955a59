/**
 * A formula moved `delta` rows down (up when negative), as a spreadsheet does when a row is moved:
 * relative row numbers in A1 references shift, `$`-anchored ones and text in quotes do not.
 */
export function slideFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  // Even parts are outside string literals ("…", with "" inside), odd parts inside.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (all, before: string, column: string, anchor: string, row: string) =>
              anchor ? all : `${before}${column}${Math.max(1, Number(row) + delta)}`,
          ),
    )
    .join('');
}
