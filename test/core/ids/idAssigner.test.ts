import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../../cli/nodeSha256Hex';
import { IdAssigner } from '../../../core/ids/assignIds';
import { normalizeForId } from '../../../core/ids/normalizeForId';
import { sha256Hex } from '../../../core/ids/sha256Hex';
import type { Transaction, TransactionDraft } from '../../../core/model/transaction';

const SEP = '\u001f';

/** The ids as first written: a key per line by template, counted in a Map by the 52-bit slot. */
function reference(drafts: readonly TransactionDraft[]): string[] {
  const seen = new Map<number, number>();
  return drafts.map((d) => {
    const key = d.externalId
      ? `src${SEP}${d.institution}${SEP}${d.account}${SEP}${d.externalId}${SEP}`
      : `content${SEP}${d.institution}${SEP}${d.account}${SEP}${d.date}${SEP}${d.amount.minor}${SEP}${d.amount.currency}${SEP}${normalizeForId(d.description)}${SEP}`;
    const first = sha256Hex(d.externalId ? key : `${key}0`, 12);
    const slot = Number.parseInt(first.slice(0, 13), 16);
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    return `lb_${n === 0 ? first : sha256Hex(key + n, 12)}`;
  });
}

/** Lines from a few accounts, often identical (repeats), some with the source's own id. */
const draft: fc.Arbitrary<TransactionDraft> = fc
  .record({
    institution: fc.constantFrom('chase', 'generic'),
    account: fc.constantFrom('Checking ••6789', 'Bank account'),
    date: fc.constantFrom('2026-11-20', '2026-11-21'),
    minor: fc.constantFrom(-450, 0, 125000, -1),
    currency: fc.constantFrom('USD', 'EUR'),
    description: fc.constantFrom('BLUE BOTTLE', 'Blue  Bottle ', 'Café ＡＢＣ', 'x\ud800y', ''),
    externalId: fc.option(fc.constantFrom('FIT1', 'FIT2'), { freq: 4 }),
  })
  .map(({ minor, currency, externalId, ...rest }) => ({
    ...rest,
    amount: { minor, currency },
    status: 'posted' as const,
    kind: 'withdrawal' as const,
    origin: { file: 'a.csv', row: 1, capturedAt: '2026-11-21T10:00:00Z' },
    ...(externalId ? { externalId } : {}),
  }));

describe('IdAssigner', () => {
  it('gives the ids as first written, one at a time or all together, with either hasher', () => {
    fc.assert(
      fc.property(
        fc.array(draft, { maxLength: 1200, size: 'max' }),
        fc.integer({ min: 0, max: 1200 }),
        (drafts, cut) => {
          const want = reference(drafts);
          const copy = () => drafts.map((d) => ({ ...d }));
          const one = new IdAssigner();
          expect(copy().map((d) => one.one(d).id)).toEqual(want);
          // A hasher that gives hex only: its digest read back from the hex.
          const hexOnly = new IdAssigner((text, bytes) => sha256Hex(text, bytes));
          expect(copy().map((d) => hexOnly.one(d).id)).toEqual(want);
          // all() in two calls on one assigner, cut anywhere (past its batch of 512 too).
          const all = new IdAssigner(nodeSha256Hex, drafts.length);
          const at = Math.min(cut, drafts.length);
          const out: Transaction[] = [];
          const c = copy();
          all.all(c.slice(0, at), out);
          all.all(c.slice(at), out, at);
          expect(out.map((t) => t.id)).toEqual(want);
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
