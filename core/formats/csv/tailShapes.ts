import type { CsvRecord } from './parseCsv';

type Seen = { rows: number; decimals: number | 'mixed'; length: number | 'mixed' };

/** Digits after a final `.` or `,` (`/[.,](\d+)$/`), 0 for another value ending in a digit, else undefined. */
export function decimalsOf(v: string): number | undefined {
  let i = v.length;
  while (i > 0 && isDigit(v.charCodeAt(i - 1))) i--;
  const digits = v.length - i;
  if (digits === 0) return undefined;
  const before = v.charCodeAt(i - 1);
  return before === 46 || before === 44 ? digits : 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const hasDigit = (v: string) => {
  for (let i = 0; i < v.length; i++) if (isDigit(v.charCodeAt(i))) return true;
  return false;
};

/**
 * The shape of each record's last value, per record width: a file that stops without a line
 * break may stop inside that value (`-3.2` of `-3.25`, `2026-03-0`). Such a value is cut when
 * every other row of that width agrees on its decimals (or, for a date, its length) and it falls short.
 */
export class TailShapes {
  private readonly byWidth = new Map<number, Seen>();
  private previous: CsvRecord | undefined;

  /** Records in order; each is counted once the next arrives, so the last one is never its own measure. */
  see(r: CsvRecord): void {
    if (this.previous) this.count(this.previous);
    this.previous = r;
  }

  private count(r: CsvRecord): void {
    const v = r.fields[r.fields.length - 1]?.trim() ?? '';
    if (!hasDigit(v)) return;
    const seen = this.byWidth.get(r.fields.length) ?? {
      rows: 0,
      decimals: decimalsOf(v) ?? 'mixed',
      length: v.length,
    };
    if (seen.rows > 0) {
      if (seen.decimals !== decimalsOf(v)) seen.decimals = 'mixed';
      if (seen.length !== v.length) seen.length = 'mixed';
    }
    seen.rows++;
    this.byWidth.set(r.fields.length, seen);
  }

  cutShort(last: CsvRecord): boolean {
    const v = last.fields[last.fields.length - 1]?.trim() ?? '';
    const seen = this.byWidth.get(last.fields.length);
    if (!seen || seen.rows < 2 || !/\d/.test(v)) return false;
    const decimals = decimalsOf(v);
    if (
      typeof seen.decimals === 'number' &&
      seen.decimals > 0 &&
      decimals !== undefined &&
      decimals < seen.decimals
    )
      return true;
    // Lengths only decide for dates and times (amounts and ids rightly vary in length).
    return (
      typeof seen.length === 'number' && /\d[-/:.]\d/.test(v) && decimals === 0 && v.length < seen.length
    );
  }
}
