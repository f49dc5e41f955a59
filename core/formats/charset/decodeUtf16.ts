/** U+FFFD, what a decoder writes for a code unit it cannot use. */
const REPLACEMENT = 0xfffd;

/**
 * UTF-16 code units to a string. Surrogate pairs pass through (JS strings are UTF-16 too); a lone
 * surrogate, and an odd byte left at the end, become U+FFFD as TextDecoder writes them, so the text
 * is the same with and without the platform's decoder.
 */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start = 0): string {
  const parts: string[] = [];
  let codes: number[] = [];
  const end = bytes.length - ((bytes.length - start) % 2);
  const unitAt = (i: number) =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let i = start; i < end; i += 2) {
    const unit = unitAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 2 < end ? unitAt(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        codes.push(unit, next);
        i += 2;
      } else codes.push(REPLACEMENT);
    } else if (unit >= 0xdc00 && unit <= 0xdfff) codes.push(REPLACEMENT);
    else codes.push(unit);
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  if (end < bytes.length) codes.push(REPLACEMENT);
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}
