/** Description as it counts for identity: case, spacing and punctuation noise folded away. */
export function normalizeForId(description: string): string {
  // NFKC only where it can change anything: most bank text is plain ASCII.
  const folded = /^[\x00-\x7f]*$/.test(description) ? description : description.normalize('NFKC');
  return folded
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}
