/** Description as it counts for identity: case, spacing and punctuation noise folded away. */
export function normalizeForId(description: string): string {
  // Most bank text is printable ASCII with single inner spaces: then lower case is all there is to do.
  if (plainAscii(description)) return description.toLowerCase();
  // NFKC only where it can change anything: most bank text is plain ASCII.
  const folded = /^[\x00-\x7f]*$/.test(description) ? description : description.normalize('NFKC');
  return folded
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

/** Printable ASCII, no space at either end or twice in a row: what the fold leaves but for case. */
function plainAscii(text: string): boolean {
  const n = text.length;
  if (n > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
