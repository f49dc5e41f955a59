import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, handWrittenDecoder } from '../../../core/formats/charset/decodeText';
import { decodeWindows1252 } from '../../../core/formats/charset/decodeWindows1252';
import { platformDecoders } from '../../../core/formats/charset/platformDecoders';
import { FIXTURES, imported } from './loadFile';

const enc = (text: string, encoding: BufferEncoding) => new Uint8Array(Buffer.from(text, encoding));
const be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
};
const SAMPLE = 'Date,Payee\n2026-11-02,Café Olé — 5 € “quoted” 🧾\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, astral characters included', () => {
    expect(decodeText(enc(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, charset: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(SAMPLE, 'utf8')]))).toEqual({
      text: SAMPLE,
      charset: 'utf-8',
    });
  });

  it('reads UTF-16 LE and BE, with a BOM and without one', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...enc(SAMPLE, 'utf16le')]))).toEqual({
      text: SAMPLE,
      charset: 'utf-16le',
    });
    expect(decodeText(enc(SAMPLE, 'utf16le'))).toEqual({ text: SAMPLE, charset: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be(SAMPLE)]))).toEqual({
      text: SAMPLE,
      charset: 'utf-16be',
    });
    expect(decodeText(be(SAMPLE))).toEqual({ text: SAMPLE, charset: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, with its 0x80–0x9F characters', () => {
    const bytes = new Uint8Array([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96,
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'Café €5 “q” –', charset: 'windows-1252' });
  });

  it('maps the 0x80–0x9F block to the Windows-1252 characters and the rest as Latin-1', () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    const rest = Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    expect(decodeWindows1252(rest)).toBe(String.fromCharCode(...rest));
  });

  it('round-trips any string through UTF-8 and UTF-16 LE with BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (text) => {
        expect(decodeText(enc(text, 'utf8')).text).toBe(text);
        expect(decodeText(new Uint8Array([0xff, 0xfe, ...enc(text, 'utf16le')])).text).toBe(text);
      }),
    );
  });
});

describe('files in other character sets', () => {
  it.each(['bank-utf16le-bom.txt', 'bank-utf16be.csv'])('imports %s (tab-separated UTF-16)', (name) => {
    const r = imported(`${FIXTURES}${name}`);
    expect(r.transactions.map((t) => [t.date, t.description, t.amount.minor, t.amount.currency])).toEqual([
      ['2026-11-02', 'Café Olé', -450, 'GBP'],
      ['2026-11-03', 'Stripe payout po_1QxYz', 81240, 'GBP'],
      ['2026-11-04', 'Łódź supplier — naïve invoice', -12000, 'GBP'],
    ]);
  });
});

describe('decodeText on the platform TextDecoder, the hand-written decoders where there is none', () => {
  const charsets = ['utf8', 'utf16le', 'latin1'] as const;
  it('gives the same text and charset both ways, for any text in any encoding and for any bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.constantFrom(...charsets),
        (s, encoding) => {
          const bytes = enc(s, encoding);
          expect(decodeText(bytes)).toEqual(decodeText(bytes, handWrittenDecoder));
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(decodeText(bytes)).toEqual(decodeText(bytes, handWrittenDecoder));
      }),
      { numRuns: 500 },
    );
  });

  it('writes U+FFFD for a lone surrogate and an odd last byte in UTF-16, as TextDecoder does', () => {
    // Found by the property above: latin1 bytes of "⋘𔔀 𐀁" read as UTF-16BE hold a lone high surrogate.
    const bytes = new Uint8Array([0xd8, 0x11, 0x00, 0x20, 0x00, 0x01]);
    expect(decodeText(bytes, handWrittenDecoder)).toEqual(decodeText(bytes));
    expect(decodeText(bytes, handWrittenDecoder).text).toBe('\ufffd \u0001');
    const odd = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]);
    expect(decodeText(odd, handWrittenDecoder)).toEqual(decodeText(odd));
  });

  it('uses TextDecoder only for the charsets it decodes right, and none without it (Apps Script)', () => {
    const native = platformDecoders();
    expect(native['utf-8']?.(enc('Café', 'utf8'), 'utf-8')).toBe('Café');
    expect(native['utf-8']?.(new Uint8Array([0xc3, 0x28]), 'utf-8')).toBeUndefined();
    const windows1252 = native['windows-1252'];
    if (windows1252) expect(windows1252(new Uint8Array([0x80]), 'windows-1252')).toBe('€');
    const saved = globalThis.TextDecoder;
    try {
      // @ts-expect-error: Apps Script has no TextDecoder
      delete globalThis.TextDecoder;
      expect(platformDecoders()).toEqual({});
    } finally {
      globalThis.TextDecoder = saved;
    }
  });
});
