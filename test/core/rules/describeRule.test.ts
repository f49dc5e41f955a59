import { describe, expect, it } from 'vitest';
import { describeRule } from '../../../core/rules/describeRule';
import { rule } from './fixtures';

describe('describeRule', () => {
  it('says what a rule does in words', () => {
    const r = rule({
      id: 'payouts',
      stop: true,
      conditions: [
        { field: 'description', op: 'contains', value: ['STRIPE', 'SQUARE INC'] },
        { field: 'amount', op: 'inflow' },
        { field: 'payee', op: 'startsWith', value: 'Test', not: true },
        { field: 'date', op: 'between', min: '2026-01-01', max: '2026-01-31' },
        { field: 'description', op: 'matches', value: '^x', not: true },
        { field: 'amount', op: 'lt', value: '-5', not: true },
        {
          field: 'any',
          conditions: [
            { field: 'kind', op: 'is', value: 'deposit' },
            { field: 'amount', op: 'gte', value: '10' },
          ],
        },
      ],
      actions: [
        { type: 'setCategory', category: 'Processor Payout' },
        { type: 'markTransfer' },
        { type: 'split', parts: [{ category: 'A', amount: '5.00' }], remainder: 'B' },
      ],
    });
    expect(describeRule(r)).toBe(
      'When description contains "STRIPE" or "SQUARE INC" and amount is money in and payee does not start with "Test" ' +
        'and date is between 2026-01-01 and 2026-01-31 and description does not match "^x" and not (amount is less than -5) and (kind is "deposit" or amount is at least 10): ' +
        'set category to "Processor Payout"; mark as a transfer; split "A" 5.00, "B" the rest. Later rules do not run.',
    );
  });

  it('covers rules without conditions and disabled rules', () => {
    expect(
      describeRule(
        rule({ id: 'x', enabled: false, conditions: [], actions: [{ type: 'addTags', tags: ['a', 'b'] }] }),
      ),
    ).toBe('Always: tag "a", "b". (Disabled.)');
  });
});
