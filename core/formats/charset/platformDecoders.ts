import type { Charset } from './decodeText';

/** The part of WHATWG `TextDecoder` the decoders use. */
type TextDecoderLike = { decode(input: Uint8Array): string };
type TextDecoderClass = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

/** Decodes bytes in one charset; `undefined` when strict UTF-8 meets malformed bytes. */
export type CharsetDecoder = (bytes: Uint8Array, charset: Charset) => string | undefined;

/** A sample per charset with its expected text: a decoder that gets it wrong is not used. */
const PROBES: Record<Charset, [number[], string]> = {
  'utf-8': [[0x43, 0xc3, 0xa9, 0xe2, 0x82, 0xac], 'Cé€'],
  'utf-16le': [[0x43, 0x00, 0xac, 0x20], 'C€'],
  'utf-16be': [[0x00, 0x43, 0x20, 0xac], 'C€'],
  // Node 20 decodes "windows-1252" as Latin-1 (0x80 → U+0080), so it fails this probe there.
  'windows-1252': [[0x43, 0xe9, 0x80, 0x93], 'Cé€“'],
};

/**
 * The platform's `TextDecoder` (Node, browsers and so the extension) per charset, found by feature
 * detection because Apps Script has none. A charset the platform lacks or decodes wrongly (see
 * PROBES) is left to the hand-written decoder: `undefined` for it here.
 */
export function platformDecoders(): Partial<Record<Charset, CharsetDecoder>> {
  const Decoder = (globalThis as { TextDecoder?: TextDecoderClass }).TextDecoder;
  if (typeof Decoder !== 'function') return {};
  const out: Partial<Record<Charset, CharsetDecoder>> = {};
  for (const charset of Object.keys(PROBES) as Charset[]) {
    let decoder: TextDecoderLike;
    try {
      // ignoreBOM: callers strip the BOM they recognised; a second one is text.
      decoder = new Decoder(charset, { fatal: charset === 'utf-8', ignoreBOM: true });
      const [bytes, text] = PROBES[charset];
      if (decoder.decode(new Uint8Array(bytes)) !== text) continue;
    } catch {
      continue;
    }
    out[charset] = (bytes) => {
      try {
        return decoder.decode(bytes);
      } catch {
        // Only the fatal UTF-8 decoder throws: the bytes are not UTF-8.
        return undefined;
      }
    };
  }
  return out;
}
