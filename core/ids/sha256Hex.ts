import { sha256 } from '@noble/hashes/sha2.js';

/** UTF-8 bytes without TextEncoder, which Apps Script's V8 runtime does not provide. */
function utf8Bytes(text: string): Uint8Array {
  if (/^[\x00-\x7f]*$/.test(text)) {
    const ascii = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) ascii[i] = text.charCodeAt(i);
    return ascii;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Pure-JS SHA-256 as lowercase hex (the first `bytes` bytes); runs the same in the browser, Apps Script and Node. */
export function sha256Hex(text: string, bytes = 32): string {
  const digest = sha256(utf8Bytes(text));
  let out = '';
  for (let i = 0; i < bytes; i++) out += HEX[digest[i]!];
  return out;
}
