/** `"Posting Date "` → `posting date`; `Betrag (EUR)` → `betrag eur`; accents folded. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

/** Index of the first header matching one of the names (in order of preference), or undefined. */
export function findColumn(headers: readonly string[], names: readonly string[]): number | undefined {
  const normalized = headers.map(normalizeHeader);
  for (const name of names) {
    const i = normalized.indexOf(normalizeHeader(name));
    if (i !== -1) return i;
  }
  return undefined;
}
