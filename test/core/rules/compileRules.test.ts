import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../core/rules/compileRules';
import { RuleSubject } from '../../../core/rules/ruleSubject';
import { rule, tx } from './fixtures';

const category = [{ type: 'setCategory', category: 'X' }];

describe('compileRules index', () => {
  const rules = [
    rule({
      id: 'stripe',
      conditions: [{ field: 'description', op: 'contains', value: 'stripe' }],
      actions: category,
    }),
    rule({
      id: 'regex',
      conditions: [{ field: 'description', op: 'matches', value: '^sq \\*blue\\b' }],
      actions: category,
    }),
    rule({
      id: 'fees',
      conditions: [{ field: 'kind', op: 'oneOf', value: ['fee', 'refund'] }],
      actions: category,
    }),
    rule({ id: 'payee', conditions: [{ field: 'payee', op: 'is', value: 'Acme' }], actions: category }),
    rule({
      id: 'renamed',
      conditions: [{ field: 'payee', op: 'is', value: 'Blue Bottle' }],
      actions: category,
    }),
    rule({ id: 'rename', conditions: [], actions: [{ type: 'setPayee', payee: 'Blue Bottle' }] }),
    rule({ id: 'big', conditions: [{ field: 'amount', op: 'gt', value: '100' }], actions: category }),
    rule({ id: 'off', enabled: false, conditions: [], actions: category }),
  ];
  const compiled = compileRules(rules);
  const ids = (t = tx()) => compiled.candidates(new RuleSubject(t)).map((c) => c.rule.id);

  it('evaluates only rules whose literal, regex literal or exact value the transaction has', () => {
    expect(ids(tx({ description: 'COFFEE', payee: 'Someone', kind: 'withdrawal' }))).toEqual([
      'big',
      'rename',
      'renamed',
    ]);
    expect(ids(tx({ description: 'STRIPE PAYOUT', payee: 'Acme', kind: 'fee' }))).toEqual([
      'big',
      'fees',
      'payee',
      'rename',
      'renamed',
      'stripe',
    ]);
    expect(ids(tx({ description: 'SQ *BLUE BOTTLE' }))).toContain('regex');
  });

  it('keeps a payee condition another rule can make true among the candidates', () => {
    expect(ids(tx({ payee: 'Someone' }))).toContain('renamed');
    expect(ids(tx({ payee: 'Someone' }))).not.toContain('payee');
  });
});
