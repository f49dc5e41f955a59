import { describe, expect, it } from 'vitest';
import { MATCH_SCHEMA_VERSION, type Match } from '../../../core/model/match';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { discrepancyToRow, matchToRow, rowToDecision } from '../../../core/sheet/matchRow';
import { headersOf, MATCH_COLUMNS, recordToRow } from '../../../core/sheet/workbookLayout';
import { makeTransaction } from './makeTransaction';

const payout = makeTransaction({
  id: 'p',
  institution: 'stripe',
  date: '2026-09-04',
  amount: { minor: -8728, currency: 'USD' },
  externalId: 'txn_1',
});
const deposit = makeTransaction({
  id: 'd',
  date: '2026-09-08',
  amount: { minor: 8728, currency: 'USD' },
  externalId: 'FIT1',
});
const byId = new Map([payout, deposit].map((t) => [t.id, t]));
const match: Match = {
  schemaVersion: MATCH_SCHEMA_VERSION,
  id: 'm_1',
  type: 'payout-deposit',
  members: [
    { id: 'p', role: 'payout' },
    { id: 'd', role: 'deposit' },
  ],
  difference: { minor: 0, currency: 'USD' },
  confidence: 0.95,
  state: 'suggested',
  reason: 'same amount, 1 business day later',
};
const index = indexHeader(headersOf(MATCH_COLUMNS), MATCH_COLUMNS);

describe('matchToRow / rowToDecision', () => {
  it('shows the deposit amount, the latest date and the members', () => {
    expect(matchToRow(match, byId)).toMatchObject({
      matchId: 'm_1',
      kind: 'payout-deposit',
      amount: 87.28,
      date: '2026-09-08',
      members: 'payout p, deposit d',
      externalIds: 'txn_1, FIT1',
    });
  });

  it('reads a rejected or confirmed row back as the decision the matcher takes', () => {
    const row = recordToRow(MATCH_COLUMNS, { ...matchToRow(match, byId), decision: 'Reject' });
    expect(rowToDecision(row, index, { row: 2 })).toEqual({
      ok: true,
      value: { ...match, state: 'rejected' },
    });
    const confirmed = recordToRow(MATCH_COLUMNS, { ...matchToRow(match, byId), decision: 'confirm' });
    expect(rowToDecision(confirmed, index, { row: 2 })).toMatchObject({
      ok: true,
      value: { state: 'confirmed' },
    });
  });

  it('has no decision for an untouched row or a discrepancy', () => {
    expect(rowToDecision(recordToRow(MATCH_COLUMNS, matchToRow(match, byId)), index, { row: 2 })).toEqual({
      ok: true,
      value: undefined,
    });
    const d = discrepancyToRow(
      {
        schemaVersion: 1,
        id: 'd_1',
        type: 'in-transit',
        transactionIds: ['p'],
        amount: { minor: 8728, currency: 'USD' },
        date: '2026-09-04',
        reason: 'r',
      },
      byId,
    );
    expect(
      rowToDecision(recordToRow(MATCH_COLUMNS, { ...d, decision: 'confirm' }), index, { row: 3 }),
    ).toEqual({ ok: true, value: undefined });
  });

  it('names the row and column of a decision it cannot use', () => {
    const row = recordToRow(MATCH_COLUMNS, {
      ...matchToRow(match, byId),
      kind: 'guess',
      decision: 'confirm',
    });
    const read = rowToDecision(row, index, { row: 9 });
    expect(read).toMatchObject({ ok: false, problems: [{ row: 9, field: 'Kind' }] });
  });
});
