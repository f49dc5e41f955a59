import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { assignIds } from '../../../core/ids/assignIds';
import { Transaction, type TransactionDraft } from '../../../core/model/transaction';

const draft = (description: string): TransactionDraft => ({
  institution: 'chase',
  account: 'Checking ••6789',
  date: '2026-11-20',
  description,
  amount: { minor: -450, currency: 'USD' },
  status: 'posted',
  kind: 'withdrawal',
  origin: { file: 'a.csv', row: 1, capturedAt: '2026-11-21T10:00:00Z' },
});

const csv = (text: string) =>
  importFile({ name: 'a.csv', bytes: new TextEncoder().encode(text) }, { currency: 'USD' });

describe('the tags of untagged lines', () => {
  it('are one frozen empty list: a change in place throws instead of tagging every line', () => {
    const [a, b] = assignIds([draft('Coffee'), draft('Tea')]);
    expect(a!.tags).toEqual([]);
    expect(a!.tags).toBe(b!.tags);
    expect(() => a!.tags.push('x')).toThrow(TypeError);
    expect(b!.tags).toEqual([]);
    expect(Transaction.parse(a).tags).toEqual([]);
  });

  it('are that list for bank CSV rows of every shape, and given tags stay their own', () => {
    const out = csv(
      'Date,Description,Amount,Balance,Reference\n2026-11-20,Coffee,-4.50,95.50,\n2026-11-21,Tea,-3.00,,R1\n',
    );
    if (!out.ok) expect.fail(JSON.stringify(out.problems));
    for (const t of out.transactions) expect(() => t.tags.push('x')).toThrow(TypeError);
    const tagged = assignIds([{ ...draft('Coffee'), tags: ['cafe'] }])[0]!;
    tagged.tags.push('more');
    expect(tagged.tags).toEqual(['cafe', 'more']);
  });
});
