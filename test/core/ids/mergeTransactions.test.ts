import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds } from '../../../core/ids/assignIds';
import { mergeTransactions } from '../../../core/ids/mergeTransactions';
import type { Transaction, TransactionDraft } from '../../../core/model/transaction';

const draft = (over: Partial<TransactionDraft> = {}): TransactionDraft => ({
  institution: 'chase',
  account: 'Checking ••6789',
  date: '2026-11-20',
  description: 'BLUE BOTTLE COFFEE',
  amount: { minor: -450, currency: 'USD' },
  status: 'posted',
  kind: 'charge',
  origin: { url: 'https://bank.example/activity', capturedAt: '2026-11-21T10:00:00Z' },
  ...over,
});

/** Applies a merge to a store the way every writer does. */
function applyMerge(store: Map<string, Transaction>, incoming: Transaction[]) {
  const result = mergeTransactions(store.values(), incoming);
  for (const t of result.added) store.set(t.id, t);
  for (const { after } of result.changed) store.set(after.id, after);
  return result;
}

describe('assignIds', () => {
  it('keeps two identical coffees as two, with stable ids', () => {
    const ids = assignIds([draft(), draft()]).map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
    expect(assignIds([draft(), draft()]).map((t) => t.id)).toEqual(ids);
  });

  it('derives the id from the source id when there is one', () => {
    const a = assignIds([draft({ externalId: 'FIT123', description: 'A' })])[0]!;
    const b = assignIds([
      draft({ externalId: 'FIT123', description: 'changed text', date: '2026-11-21' }),
    ])[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^lb_[0-9a-f]{24}$/);
  });

  it('ignores case and spacing in descriptions', () => {
    const a = assignIds([draft({ description: 'Blue  Bottle Coffee' })])[0]!;
    const b = assignIds([draft({ description: 'BLUE BOTTLE COFFEE ' })])[0]!;
    expect(a.id).toBe(b.id);
  });
});

describe('mergeTransactions', () => {
  it('adds nothing when the same capture is merged again', () => {
    const store = new Map<string, Transaction>();
    const capture = assignIds([draft(), draft(), draft({ amount: { minor: 12000, currency: 'USD' } })]);
    expect(applyMerge(store, capture).added).toHaveLength(3);
    const again = applyMerge(store, capture);
    expect(again.added).toHaveLength(0);
    expect(again.unchanged).toHaveLength(3);
    expect(store.size).toBe(3);
  });

  it('links a posted line to the pending line it replaces, never duplicating it', () => {
    const store = new Map<string, Transaction>();
    const pending = assignIds([
      draft({ status: 'pending', description: 'BLUE BOTTLE PENDING', date: '2026-11-19' }),
    ]);
    applyMerge(store, pending);
    store.set(pending[0]!.id, { ...store.get(pending[0]!.id)!, notes: 'client meeting' });
    const posted = assignIds([draft({ description: 'BLUE BOTTLE COFFEE OAKLAND CA', date: '2026-11-21' })]);
    const result = applyMerge(store, posted);
    expect(result.added).toHaveLength(1);
    expect(result.superseded).toHaveLength(1);
    const postedStored = store.get(posted[0]!.id)!;
    expect(postedStored.supersedes).toBe(pending[0]!.id);
    expect(postedStored.notes).toBe('client meeting');
    expect(store.get(pending[0]!.id)!.supersededBy).toBe(posted[0]!.id);
    // Live lines: everything not superseded — one coffee, not two.
    expect([...store.values()].filter((t) => !t.supersededBy)).toHaveLength(1);
  });

  it('lets a restaurant tip change the posted amount when the text agrees', () => {
    const store = new Map<string, Transaction>();
    applyMerge(
      store,
      assignIds([
        draft({ status: 'pending', description: 'TST* NOPA SF', amount: { minor: -5000, currency: 'USD' } }),
      ]),
    );
    const result = applyMerge(
      store,
      assignIds([
        draft({ description: 'TST* NOPA SAN FRANCISCO', amount: { minor: -6000, currency: 'USD' } }),
      ]),
    );
    expect(result.superseded).toHaveLength(1);
  });

  it('does not supersede a pending line that is still shown as pending', () => {
    const store = new Map<string, Transaction>();
    const pending = assignIds([draft({ status: 'pending' })]);
    applyMerge(store, pending);
    const both = assignIds([
      draft({ status: 'pending' }),
      draft({ date: '2026-11-21', description: 'OTHER SHOP' }),
    ]);
    const result = applyMerge(store, both);
    expect(result.superseded).toHaveLength(0);
  });

  it('treats the same line changing from pending to posted as a change, keeping bookkeeper fields', () => {
    const store = new Map<string, Transaction>();
    const [p] = assignIds([draft({ status: 'pending' })]);
    applyMerge(store, [p!]);
    store.set(p!.id, { ...p!, category: 'Meals', notes: 'team' });
    const [q] = assignIds([draft({ status: 'posted' })]);
    const result = applyMerge(store, [q!]);
    expect(result.changed).toHaveLength(1);
    expect(store.get(q!.id)).toMatchObject({ status: 'posted', category: 'Meals', notes: 'team' });
  });

  it('property: overlapping imports merge as a multiset and re-import is idempotent', () => {
    const line = fc.record({
      day: fc.integer({ min: 1, max: 5 }),
      minor: fc.constantFrom(-450, -1200, 5000),
      text: fc.constantFrom('COFFEE', 'RENT', 'STRIPE PAYOUT'),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const drafts = lines.map((l) =>
          draft({
            date: `2026-11-0${l.day}`,
            amount: { minor: l.minor, currency: 'USD' },
            description: l.text,
          }),
        );
        const store = new Map<string, Transaction>();
        applyMerge(store, assignIds(drafts));
        expect(store.size).toBe(drafts.length); // identical lines stay distinct
        const again = applyMerge(store, assignIds(drafts));
        expect(again.added).toHaveLength(0);
        expect(store.size).toBe(drafts.length);
      }),
    );
  });
});
