/**
 * Strict UTF-8 decoding written by hand: core may not assume TextDecoder (Apps Script lacks it).
 * Returns undefined on the first malformed sequence so the caller can fall back to Windows-1252.
 */
export function decodeUtf8(bytes: Uint8Array, start = 0): string | undefined {
  const parts: string[] = [];
  let codes: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...codes));
    codes = [];
  };
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp: number;
    let extra: number;
    if (b < 0x80) {
      cp = b;
      extra = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      extra = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      extra = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      extra = 3;
    } else return undefined;
    if (i + extra >= bytes.length && extra > 0) return undefined;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values beyond Unicode are malformed.
    if ((extra === 2 && cp < 0x800) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      codes.push(0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff));
    } else codes.push(cp);
    if (codes.length >= 8192) flush();
    i += extra + 1;
  }
  flush();
  return parts.join('');
}
