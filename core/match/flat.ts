/**
 * The text as one flat string. A string built by `+` or a template is a tree of its pieces until
 * something reads a character of it, and a tree per match outweighs the match and survives with it;
 * reading one character makes V8 copy the pieces into one string at once (then the tree is garbage).
 * Cheaper than `[...].join('')`, which gives the same flat string. Other engines lose nothing.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
