/** Glob match over a whole URL: `*` is any run of characters, everything else is literal. */
export function matchesUrl(pattern: string, url: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(url);
}
