import { decodeUtf8 } from './decodeUtf8';
import { decodeUtf16 } from './decodeUtf16';
import { decodeWindows1252 } from './decodeWindows1252';
import { type CharsetDecoder, platformDecoders } from './platformDecoders';

export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** The hand-written decoders, for platforms without TextDecoder (Apps Script). */
export const handWrittenDecoder: CharsetDecoder = (bytes, charset) => {
  switch (charset) {
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'utf-16le':
      return decodeUtf16(bytes, true);
    case 'utf-16be':
      return decodeUtf16(bytes, false);
    case 'windows-1252':
      return decodeWindows1252(bytes);
  }
};

const native = platformDecoders();
const platform: CharsetDecoder = (bytes, charset) => (native[charset] ?? handWrittenDecoder)(bytes, charset);

/**
 * Bytes → text: a BOM decides; else UTF-16 is recognised by its NUL pattern; else the bytes are
 * UTF-8 if they are valid UTF-8 (ASCII is), and Windows-1252 otherwise. Declared charsets in file
 * headers are not trusted: banks often declare 1252 and send UTF-8, or the reverse. The platform's
 * TextDecoder does the decoding where there is one; `decoder` is there for tests of the fallback.
 */
export function decodeText(
  bytes: Uint8Array,
  decoder: CharsetDecoder = platform,
): { text: string; charset: Charset } {
  // UTF-16 is read in whole code units: a trailing odd byte is dropped, as the hand decoder does.
  const even = (from: number) => bytes.subarray(from, bytes.length - ((bytes.length - from) % 2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    return { text: decoder(body, 'utf-8') ?? decoder(body, 'windows-1252')!, charset: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decoder(even(2), 'utf-16le')!, charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decoder(even(2), 'utf-16be')!, charset: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decoder(even(0), utf16)!, charset: utf16 };
  const utf8 = decoder(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };
  return { text: decoder(bytes, 'windows-1252')!, charset: 'windows-1252' };
}
