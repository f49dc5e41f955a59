/**
 * Reference-like tokens in a text (payout ids, trace ids, `ST-…` codes): at least 6 characters with
 * a digit, separators folded away so `ST-AB12CD` and `stab12cd` meet. Plain words and short numbers
 * are left out because they are shared by unrelated lines.
 *
 * Read in one scan over runs of `[A-Za-z0-9_-]`: every payout and bank line is read, and splitting
 * by a pattern made an array and a string per word even though nearly no word is a reference.
 */
export function referenceTokens(...texts: Array<string | undefined>): string[] {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    let start = 0;
    /** Letters and digits in the run (separators `-` and `_` not counted), digits among them. */
    let kept = 0;
    let digits = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0;
      const digit = c >= 48 && c <= 57;
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (digit || letter || c === 45 || c === 95) {
        if (digit) digits++;
        if (digit || letter) kept++;
        continue;
      }
      if (i - start >= 6 && digits > 0 && kept >= 6) addToken(out, text.slice(start, i), kept, digits);
      start = i + 1;
      kept = 0;
      digits = 0;
    }
  }
  return out;
}

function addToken(out: string[], raw: string, kept: number, digits: number): void {
  const token = (kept === raw.length ? raw : raw.replace(/[-_]/g, '')).toUpperCase();
  // A bare number must be long, and not a YYYYMMDD date, to be an id rather than a date or an amount.
  if (digits === kept && (kept < 8 || /^(19|20)\d{6}$/.test(token))) return;
  if (!out.includes(token)) out.push(token);
}
