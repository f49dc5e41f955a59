/** The 0x80–0x9F block, where Windows-1252 differs from Latin-1 (undefined bytes map to themselves). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Windows-1252, the charset of older US and European bank exports (OFX `CHARSET:1252`). */
export function decodeWindows1252(bytes: Uint8Array, start = 0): string {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes.push(b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : b);
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}
