/**
 * What the fold below would change beyond case: a character other than printable ASCII and the
 * space, two spaces in a row, a space at either end. One expression: most bank text has none,
 * and the expression finds that in less time than a loop over the characters.
 */
const NOT_PLAIN = /[^\x21-\x7e ]| {2}|^ | $/;

/** Description as it counts for identity: case, spacing and punctuation noise folded away. */
export function normalizeForId(description: string): string {
  // Most bank text is printable ASCII with single inner spaces: then lower case is all there is to do.
  if (!NOT_PLAIN.test(description)) return description.toLowerCase();
  // NFKC only where it can change anything: most bank text is plain ASCII.
  const folded = /^[\x00-\x7f]*$/.test(description) ? description : description.normalize('NFKC');
  return folded
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}
