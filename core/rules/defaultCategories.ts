import { LedgerbridgeError } from '../model/errors';
import { parseRule, type Rule } from '../model/rule';

export type CategoryGroup = 'Income' | 'Cost of Goods Sold' | 'Expenses' | 'Transfers' | 'Other';

export type Category = {
  name: string;
  group: CategoryGroup;
  /** The IRS Schedule C (Form 1040) line it is reported on, where there is one. */
  scheduleC?: string;
};

/** A small business's chart of categories, laid out like Schedule C so the accountant can map it. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { name: 'Sales', group: 'Income', scheduleC: '1' },
  { name: 'Returns and Allowances', group: 'Income', scheduleC: '2' },
  { name: 'Other Income', group: 'Income', scheduleC: '6' },
  { name: 'Interest Income', group: 'Income', scheduleC: '6' },
  { name: 'Cost of Goods Sold', group: 'Cost of Goods Sold', scheduleC: '4' },
  { name: 'Advertising', group: 'Expenses', scheduleC: '8' },
  { name: 'Car and Truck', group: 'Expenses', scheduleC: '9' },
  { name: 'Merchant and Processor Fees', group: 'Expenses', scheduleC: '10' },
  { name: 'Contract Labor', group: 'Expenses', scheduleC: '11' },
  { name: 'Insurance', group: 'Expenses', scheduleC: '15' },
  { name: 'Interest Expense', group: 'Expenses', scheduleC: '16b' },
  { name: 'Legal and Professional Services', group: 'Expenses', scheduleC: '17' },
  { name: 'Office Expense', group: 'Expenses', scheduleC: '18' },
  { name: 'Rent or Lease', group: 'Expenses', scheduleC: '20b' },
  { name: 'Repairs and Maintenance', group: 'Expenses', scheduleC: '21' },
  { name: 'Supplies', group: 'Expenses', scheduleC: '22' },
  { name: 'Taxes and Licenses', group: 'Expenses', scheduleC: '23' },
  { name: 'Travel', group: 'Expenses', scheduleC: '24a' },
  { name: 'Meals', group: 'Expenses', scheduleC: '24b' },
  { name: 'Utilities', group: 'Expenses', scheduleC: '25' },
  { name: 'Wages', group: 'Expenses', scheduleC: '26' },
  { name: 'Bank Fees', group: 'Expenses', scheduleC: '27a' },
  { name: 'Software and Subscriptions', group: 'Expenses', scheduleC: '27a' },
  { name: 'Telephone and Internet', group: 'Expenses', scheduleC: '27a' },
  { name: 'Shipping and Postage', group: 'Expenses', scheduleC: '27a' },
  { name: 'Processor Payout', group: 'Transfers' },
  { name: 'Transfer Between Accounts', group: 'Transfers' },
  { name: "Owner's Contribution", group: 'Transfers' },
  { name: "Owner's Draw", group: 'Transfers' },
  { name: 'Uncategorized', group: 'Other' },
];

const PROCESSORS = ['stripe', 'square', 'paypal', 'shopify'];

/**
 * Starter rules the demo and the add-on seed the Rules tab with. Processor lines are categorized
 * by kind in the `pre` stage; bank lines by description in `default`; specific names that must win
 * over broad ones (Uber Eats over Uber) run later by rank.
 */
const STARTER_RULE_INPUTS: unknown[] = [
  {
    id: 'starter-processor-fees',
    name: 'Processor fees',
    stage: 'pre',
    rank: 10,
    conditions: [
      { field: 'institution', op: 'oneOf', value: PROCESSORS },
      { field: 'kind', op: 'is', value: 'fee' },
    ],
    actions: [{ type: 'setCategory', category: 'Merchant and Processor Fees' }],
  },
  {
    id: 'starter-processor-sales',
    name: 'Processor charges are sales',
    stage: 'pre',
    rank: 20,
    conditions: [
      { field: 'institution', op: 'oneOf', value: PROCESSORS },
      { field: 'kind', op: 'is', value: 'charge' },
    ],
    actions: [{ type: 'setCategory', category: 'Sales' }],
  },
  {
    id: 'starter-processor-refunds',
    name: 'Refunds and disputes',
    stage: 'pre',
    rank: 30,
    conditions: [
      { field: 'institution', op: 'oneOf', value: PROCESSORS },
      { field: 'kind', op: 'oneOf', value: ['refund', 'dispute'] },
    ],
    actions: [{ type: 'setCategory', category: 'Returns and Allowances' }],
  },
  {
    id: 'starter-processor-payouts',
    name: 'Processor payouts are transfers',
    stage: 'pre',
    rank: 40,
    stop: true,
    conditions: [{ field: 'kind', op: 'is', value: 'payout' }],
    actions: [{ type: 'setCategory', category: 'Processor Payout' }, { type: 'markTransfer' }],
  },
  {
    id: 'starter-payout-deposits',
    name: 'Bank deposits from processors are transfers',
    stage: 'default',
    rank: 10,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: ['STRIPE', 'SQUARE INC', 'SQ *', 'PAYPAL TRANSFER', 'SHOPIFY'],
      },
      { field: 'amount', op: 'inflow' },
    ],
    actions: [{ type: 'setCategory', category: 'Processor Payout' }, { type: 'markTransfer' }],
  },
  {
    id: 'starter-bank-fees',
    name: 'Bank fees',
    rank: 20,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: ['SERVICE CHARGE', 'MONTHLY MAINTENANCE FEE', 'OVERDRAFT', 'WIRE FEE', 'ATM FEE'],
      },
      { field: 'amount', op: 'outflow' },
    ],
    actions: [{ type: 'setCategory', category: 'Bank Fees' }],
  },
  {
    id: 'starter-interest',
    name: 'Interest earned',
    rank: 30,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: ['INTEREST PAYMENT', 'INTEREST PAID', 'INTEREST EARNED'],
      },
      { field: 'amount', op: 'inflow' },
    ],
    actions: [{ type: 'setCategory', category: 'Interest Income' }],
  },
  {
    id: 'starter-payroll',
    name: 'Payroll',
    rank: 40,
    conditions: [{ field: 'description', op: 'contains', value: ['GUSTO', 'ADP PAYROLL', 'PAYCHEX'] }],
    actions: [{ type: 'setCategory', category: 'Wages' }],
  },
  {
    id: 'starter-software',
    name: 'Software',
    rank: 50,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: [
          'ADOBE',
          'GSUITE',
          'GOOGLE WORKSPACE',
          'INTUIT',
          'SLACK',
          'ZOOM.US',
          'DROPBOX',
          'GITHUB',
          'MICROSOFT',
        ],
      },
    ],
    actions: [{ type: 'setCategory', category: 'Software and Subscriptions' }],
  },
  {
    id: 'starter-telecom',
    name: 'Phone and internet',
    rank: 60,
    conditions: [{ field: 'description', op: 'contains', value: ['COMCAST', 'VERIZON', 'AT&T', 'T-MOBILE'] }],
    actions: [{ type: 'setCategory', category: 'Telephone and Internet' }],
  },
  {
    id: 'starter-shipping',
    name: 'Shipping',
    rank: 70,
    conditionsOp: 'or',
    conditions: [
      { field: 'description', op: 'contains', value: ['USPS', 'FEDEX', 'SHIPPO', 'STAMPS.COM'] },
      // A word on its own: "UPS" is inside too many other names (GROUPS, CUPS).
      { field: 'description', op: 'matches', value: '\\bUPS\\b' },
    ],
    actions: [{ type: 'setCategory', category: 'Shipping and Postage' }],
  },
  {
    id: 'starter-travel',
    name: 'Travel',
    rank: 80,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: [
          'UBER',
          'LYFT',
          'DELTA AIR',
          'UNITED AIRLINES',
          'AMERICAN AIRLINES',
          'AIRBNB',
          'MARRIOTT',
          'HILTON',
        ],
      },
    ],
    actions: [{ type: 'setCategory', category: 'Travel' }],
  },
  {
    id: 'starter-meals',
    name: 'Meals (after travel, so Uber Eats is a meal)',
    rank: 90,
    conditions: [
      {
        field: 'description',
        op: 'contains',
        value: [
          'UBER EATS',
          'UBER *EATS',
          'DOORDASH',
          'GRUBHUB',
          'STARBUCKS',
          'BLUE BOTTLE',
          'RESTAURANT',
          'COFFEE',
        ],
      },
    ],
    actions: [{ type: 'setCategory', category: 'Meals' }],
  },
  {
    id: 'starter-owner-transfers',
    name: 'Transfers between own accounts',
    rank: 100,
    conditions: [{ field: 'description', op: 'matches', value: '\\b(online )?transfer (to|from)\\b' }],
    actions: [{ type: 'setCategory', category: 'Transfer Between Accounts' }, { type: 'markTransfer' }],
  },
];

/** Validated once at load: a broken starter rule is a bug, not an input problem. */
export const STARTER_RULES: readonly Rule[] = STARTER_RULE_INPUTS.map((input) => {
  const parsed = parseRule(input);
  if (!parsed.ok) {
    const why = parsed.problems.map((p) => p.message).join('; ');
    throw new LedgerbridgeError(`starter rule is invalid: ${why}`, 'invalid_starter_rule');
  }
  return parsed.value;
});
