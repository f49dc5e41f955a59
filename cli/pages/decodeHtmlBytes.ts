import { decodeWindows1252 } from '../../core/formats/charset/decodeWindows1252';

/**
 * A saved page's bytes as text, the way a browser picks the encoding: a byte-order mark, then the
 * charset the transport named (an MHTML part's header), then the page's own `<meta>` (looked for in
 * its first 1024 bytes, as the HTML standard's prescan does), then UTF-8 when the bytes are valid
 * UTF-8, else windows-1252 — what a browser falls back to for Western pages. A page saved in its
 * original encoding (ISO-8859-1, windows-1252, Shift_JIS…) keeps its £, € and accents.
 */
export function decodeHtmlBytes(
  bytes: Uint8Array,
  transportCharset?: string,
): { text: string; charset: string; note?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, 'utf-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  const declared = transportCharset ?? metaCharset(bytes);
  if (declared) {
    const label = declared.trim().toLowerCase();
    // The standard reads a page that claims UTF-16 without a BOM as UTF-8.
    const wanted = /^utf-?16/.test(label) ? 'utf-8' : label;
    if (supported(wanted)) {
      if (isUtf8Label(wanted) && !validUtf8(bytes)) {
        return {
          ...decodeAs(bytes, 'windows-1252'),
          note: `the page says it is ${declared} but its bytes are not: read as windows-1252`,
        };
      }
      // A page re-encoded to UTF-8 by whatever saved it, its old <meta> kept: text in a single-byte
      // charset is almost never valid UTF-8 once it holds a byte above 0x7F.
      if (!isUtf8Label(wanted) && singleByte(wanted) && hasHighBytes(bytes) && validUtf8(bytes)) {
        return {
          ...decodeAs(bytes, 'utf-8'),
          note: `the page says it is ${declared} but its bytes are UTF-8: read as UTF-8`,
        };
      }
      return decodeAs(bytes, wanted);
    }
    const fallback = validUtf8(bytes) ? 'utf-8' : 'windows-1252';
    return { ...decodeAs(bytes, fallback), note: `unknown charset "${declared}": read as ${fallback}` };
  }
  return decodeAs(bytes, validUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

function decodeAs(bytes: Uint8Array, charset: string) {
  const decoder = new TextDecoder(charset);
  // Node's TextDecoder reads windows-1252 (and the labels the standard maps to it: latin1,
  // iso-8859-1, ascii) as Latin-1, losing € “ ” – …: our own decoder does it right.
  if (decoder.encoding === 'windows-1252')
    return { text: decodeWindows1252(bytes), charset: decoder.encoding };
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}

/** Charsets of one byte a character (the WHATWG encodings windows-125x, ISO-8859-x, KOI8). */
const singleByte = (label: string) =>
  /^(windows-125\d|windows-874|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/.test(
    new TextDecoder(label).encoding,
  );

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

const isUtf8Label = (label: string) => /^(utf-?8|unicode-1-1-utf-8)$/.test(label);

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const META = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` names. */
function metaCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) head += String.fromCharCode(bytes[i]!);
  return META.exec(head)?.[1];
}
