/** UTF-16 code units to a string; surrogate pairs pass through as JS strings are UTF-16 too. */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start = 0): string {
  const parts: string[] = [];
  let codes: number[] = [];
  const end = bytes.length - ((bytes.length - start) % 2);
  for (let i = start; i < end; i += 2) {
    codes.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}
