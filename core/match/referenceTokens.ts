/**
 * Reference-like tokens in a text (payout ids, trace ids, `ST-…` codes): at least 6 characters with
 * a digit, separators folded away so `ST-AB12CD` and `stab12cd` meet. Plain words and short numbers
 * are left out because they are shared by unrelated lines.
 */
export function referenceTokens(...texts: Array<string | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const raw of text.split(/[^A-Za-z0-9_-]+/)) {
      if (raw.length < 6 || !/\d/.test(raw)) continue;
      const token = raw.replace(/[-_]/g, '').toUpperCase();
      if (token.length < 6) continue;
      // A bare number must be long, and not a YYYYMMDD date, to be an id rather than a date or an amount.
      if (/^\d+$/.test(token) && (token.length < 8 || /^(19|20)\d{6}$/.test(token))) continue;
      out.add(token);
    }
  }
  return [...out];
}
