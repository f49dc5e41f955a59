import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../cli/nodeSha256Hex';
import { importFile } from '../../core/formats/importFile';
import { assignIds } from '../../core/ids/assignIds';
import { normalizeForId } from '../../core/ids/normalizeForId';
import { sha256Hex } from '../../core/ids/sha256Hex';
import type { TransactionDraft } from '../../core/model/transaction';

/** UTF-16 code units of every kind, lone surrogates included (both encoders must write U+FFFD). */
const utf16 = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  ),
  maxLength: 300,
});

const base = {
  institution: 'chase',
  account: 'Checking ••6789',
  date: '2026-11-20',
  amount: { minor: -450, currency: 'USD' },
  status: 'posted',
  kind: 'charge',
  origin: { url: 'https://bank.example/activity', capturedAt: '2026-11-21T10:00:00Z' },
} as const satisfies Omit<TransactionDraft, 'description'>;

const DESCRIPTIONS = [
  'BLUE BOTTLE COFFEE',
  '  Blue\tBottle  Coffee ',
  'Café ＡＢＣ\u00a0x',
  'PG&E "WEB" PAYMENT',
  'x\ud800y',
  '',
  'SQ *BLUE DOOR CAFE, OAKLAND CA #1',
  'a'.repeat(200),
];
const drafts = (): TransactionDraft[] => [
  ...DESCRIPTIONS.map((description) => ({ ...base, description })),
  { ...base, description: 'BLUE BOTTLE COFFEE' },
  { ...base, description: 'A', externalId: 'FIT1' },
  { ...base, description: 'B', externalId: 'FIT1' },
];
/** Ids these drafts got before ids could be hashed by the platform: they must never change. */
const PINNED = [
  'lb_bfa7c3bc7d3fdf2d905652c5',
  'lb_13a446696a98b32d9c88b08e',
  'lb_a3342a8601cc8eb7ecf5f249',
  'lb_1cfc016189338216bedf3fd9',
  'lb_d5351762aa3f6e1c7638d267',
  'lb_bb00a7fb9d08da3446d197eb',
  'lb_7aef17ba66ae6e429ae49501',
  'lb_3a9b6d433e361751ae886c9e',
  'lb_1d0907f79d420e815c4a978c',
  'lb_a7c4896b9f9231d76bb39676',
  'lb_2b5166fa11e48fe07c0a6b03',
];

describe('ids hashed by node:crypto', () => {
  it('nodeSha256Hex gives the pure-JS sha256Hex on any text and length', () => {
    fc.assert(
      fc.property(utf16, fc.integer({ min: 1, max: 32 }), (text, bytes) => {
        expect(nodeSha256Hex(text, bytes)).toBe(sha256Hex(text, bytes));
        expect(nodeSha256Hex(text)).toBe(sha256Hex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('both give the digest one character per byte (binary), the bytes the hex spells', () => {
    const bytesOf = (hex: string) =>
      String.fromCharCode(...hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));
    fc.assert(
      fc.property(utf16, (text) => {
        const hex = sha256Hex(text);
        expect(nodeSha256Hex.binary!(text)).toBe(bytesOf(hex));
        expect(sha256Hex.binary(text)).toBe(bytesOf(hex.slice(0, 24)));
      }),
      { numRuns: 2000 },
    );
  });

  it('ids are the pinned ones with either hasher', () => {
    expect(assignIds(drafts()).map((t) => t.id)).toEqual(PINNED);
    expect(assignIds(drafts(), nodeSha256Hex).map((t) => t.id)).toEqual(PINNED);
  });

  it('a bank CSV imports to the same ids with either hasher', () => {
    const rows = ['Date,Description,Amount'];
    for (let i = 0; i < 500; i++)
      rows.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},"Café  #${i % 37}",-${(i % 9) + 1}.50`);
    const bytes = new TextEncoder().encode(`${rows.join('\n')}\n`);
    const ids = (o: ReturnType<typeof importFile>) => (o.ok ? o.transactions.map((t) => t.id) : []);
    const pure = ids(importFile({ name: 'a.csv', bytes }, { currency: 'USD' }));
    expect(pure).toHaveLength(500);
    expect(new Set(pure).size).toBe(500);
    expect(ids(importFile({ name: 'a.csv', bytes }, { currency: 'USD', sha256Hex: nodeSha256Hex }))).toEqual(
      pure,
    );
  });

  it('normalizeForId is the full fold on any text (its ASCII shortcut changes nothing)', () => {
    const fold = (s: string) =>
      (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFKC'))
        .toLowerCase()
        .replace(/[\u00a0\s]+/g, ' ')
        .trim();
    const ascii = fc.string({ unit: fc.constantFrom(' ', ' ', '\t', 'a', 'B', '#', '\n', '\u00a0', 'é') });
    fc.assert(
      fc.property(fc.oneof(utf16, ascii), (s) => {
        expect(normalizeForId(s)).toBe(fold(s));
      }),
      { numRuns: 3000 },
    );
  });
});
