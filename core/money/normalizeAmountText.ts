/**
 * Folds the typographic variety of portals and files into plain ASCII: non-breaking and thin
 * spaces become spaces, the Unicode minus and dashes become '-', typographic apostrophes
 * (Swiss grouping) become "'".
 */
export function normalizeAmountText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003]/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g, '-')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\u200b\u200e\u200f\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
