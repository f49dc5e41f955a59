/** Description as it counts for identity: case, spacing and punctuation noise folded away. */
export function normalizeForId(description: string): string {
  return description
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}
