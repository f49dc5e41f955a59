import fc from 'fast-check';
import { parseRule, type Rule } from '../../../core/model/rule';
import type { Transaction } from '../../../core/model/transaction';

/** Small vocabularies so random rules and transactions actually meet. */
const WORDS = ['STRIPE', 'SQ *BLUE', 'BOTTLE', 'UBER', 'EATS', 'ADOBE', 'payout', 'Coffee', 'fee', 'é'];
const ACCOUNTS = ['Checking ••6789', 'Savings ••1111', 'Stripe balance'];
const INSTITUTIONS = ['chase', 'stripe', 'square'];
const KINDS = ['charge', 'fee', 'payout', 'deposit', 'withdrawal'] as const;
const CATEGORIES = ['Meals', 'Travel', 'Sales', 'Fees'];
const DATES = ['2026-01-01', '2026-01-15', '2026-01-31', '2026-02-10'];
const AMOUNTS = ['-50', '-12.5', '-0.01', '0', '10', '99.99', '1000'];
const PATTERNS = [
  '^stripe',
  'uber( eats)?$',
  'b[aeiou]ttle',
  '\\bfee\\b',
  'sq \\*',
  'bottle\\b',
  '(?:co)+ffee',
  'co+f{2}ee',
  '[0-9]',
];

export const transactionArb: fc.Arbitrary<Transaction> = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
    payee: fc.constantFrom('Stripe', 'Blue Bottle', 'Uber', 'Adobe'),
    account: fc.constantFrom(...ACCOUNTS),
    institution: fc.constantFrom(...INSTITUTIONS),
    kind: fc.constantFrom(...KINDS),
    currency: fc.constantFrom('USD', 'USD', 'JPY', 'EUR'),
    minor: fc.integer({ min: -200_000, max: 200_000 }),
    date: fc.constantFrom(...DATES),
    status: fc.constantFrom('pending', 'posted'),
  })
  .map((r) => ({
    schemaVersion: 1 as const,
    id: `tx-${r.words.join('-')}-${r.minor}-${r.date}`,
    institution: r.institution,
    account: r.account,
    date: r.date,
    description: r.words.join(' '),
    payee: r.payee,
    amount: { minor: r.minor, currency: r.currency },
    status: r.status as 'pending' | 'posted',
    kind: r.kind,
    tags: [],
    origin: { capturedAt: '2026-02-11T00:00:00Z' },
  }));

const textCondition = fc.oneof(
  fc.record({
    field: fc.constantFrom('description', 'payee'),
    op: fc.constantFrom('contains', 'startsWith', 'is'),
    value: fc.constantFrom(...WORDS),
  }),
  fc.record({
    field: fc.constantFrom('description', 'payee'),
    op: fc.constant('contains'),
    value: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    field: fc.constant('description'),
    op: fc.constant('matches'),
    value: fc.constantFrom(...PATTERNS),
  }),
  fc.record({ field: fc.constant('account'), op: fc.constant('is'), value: fc.constantFrom(...ACCOUNTS) }),
  // Payees and categories that rules also set: the index must not skip these.
  fc.record({
    field: fc.constant('payee'),
    op: fc.constant('is'),
    value: fc.constantFrom('Uber Eats', 'Stripe', 'uber'),
  }),
  fc.record({
    field: fc.constant('payee'),
    op: fc.constant('oneOf'),
    value: fc.uniqueArray(fc.constantFrom('Blue Bottle Coffee', 'Adobe', 'Stripe'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    field: fc.constant('institution'),
    op: fc.constant('oneOf'),
    value: fc.uniqueArray(fc.constantFrom(...INSTITUTIONS), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ field: fc.constant('kind'), op: fc.constant('is'), value: fc.constantFrom(...KINDS) }),
  fc.record({ field: fc.constant('currency'), op: fc.constant('is'), value: fc.constantFrom('USD', 'JPY') }),
  fc.record({
    field: fc.constant('status'),
    op: fc.constant('is'),
    value: fc.constantFrom('pending', 'posted'),
  }),
  fc.record({
    field: fc.constant('category'),
    op: fc.constant('is'),
    value: fc.constantFrom(...CATEGORIES, 'Gifts'),
  }),
);

const amountCondition = fc.oneof(
  fc.record({
    field: fc.constant('amount'),
    op: fc.constantFrom('is', 'gt', 'gte', 'lt', 'lte'),
    value: fc.constantFrom(...AMOUNTS),
  }),
  fc.record({ field: fc.constant('amount'), op: fc.constantFrom('inflow', 'outflow') }),
  fc.tuple(fc.constantFrom(...AMOUNTS), fc.constantFrom(...AMOUNTS)).map(([a, b]) => ({
    field: 'amount',
    op: 'between',
    min: Number(a) <= Number(b) ? a : b,
    max: Number(a) <= Number(b) ? b : a,
  })),
);

const dateCondition = fc.oneof(
  fc.record({
    field: fc.constant('date'),
    op: fc.constantFrom('is', 'before', 'after', 'onOrBefore', 'onOrAfter'),
    value: fc.constantFrom(...DATES),
  }),
  fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES)).map((pair) => {
    const [min, max] = [...pair].sort();
    return { field: 'date', op: 'between', min, max };
  }),
);

const leaf = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: textCondition }, amountCondition, dateCondition),
    fc.boolean(),
    fc.nat(9),
  )
  .map(([c, not, roll]) => (not && roll === 0 ? { ...c, not: true } : c));

const condition = fc.oneof(
  { weight: 6, arbitrary: leaf },
  fc.record({
    field: fc.constantFrom('all', 'any'),
    conditions: fc.array(leaf, { minLength: 1, maxLength: 3 }),
  }),
);

const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('setCategory'), category: fc.constantFrom(...CATEGORIES) }),
  },
  fc.record({
    type: fc.constant('setPayee'),
    payee: fc.constantFrom('Stripe Inc', 'Uber Eats', 'Blue Bottle Coffee'),
  }),
  fc.record({
    type: fc.constant('addTags'),
    tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
  }),
  fc.record({ type: fc.constant('markTransfer') }),
  fc.record({ type: fc.constant('appendNote'), note: fc.constantFrom('check receipt', 'owner') }),
  fc.constant({
    type: 'split',
    parts: [
      { category: 'Meals', percent: 33.3333 },
      { category: 'Travel', percent: 66.6667 },
    ],
  }),
  fc.constant({
    type: 'split',
    parts: [{ category: 'Supplies', amount: '5.00' }],
    remainder: 'Office Expense',
  }),
);

export const ruleArb = (id: string): fc.Arbitrary<Rule> =>
  fc
    .record({
      stage: fc.constantFrom('pre', 'default', 'post'),
      rank: fc.integer({ min: 0, max: 3 }),
      stop: fc.boolean(),
      conditionsOp: fc.constantFrom('and', 'or'),
      conditions: fc.array(condition, { maxLength: 3 }),
      actions: fc.array(action, { minLength: 1, maxLength: 3 }),
      enabled: fc.nat(5).map((n) => n !== 0),
    })
    .map((r) => {
      const parsed = parseRule({ ...r, id });
      if (!parsed.ok) throw new Error(`arbitrary built an invalid rule: ${JSON.stringify(parsed.problems)}`);
      return parsed.value;
    });

/** Rules with distinct ids, so the id tie-break is exercised but never ambiguous. */
export const rulesArb = (max = 8): fc.Arbitrary<Rule[]> =>
  fc
    .integer({ min: 0, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`r${i}`))));
