import type { Profile, ProfileConventions } from '../model/profile';
import { PROFILE_SCHEMA_VERSION } from '../model/schemaVersions';

/**
 * The portals a US small business uses most, written from what is publicly known of their
 * activity pages. Column names list the header wordings seen (`|`); rows are found as on any page,
 * so a redesign that keeps the headers still reads, and one that renames them is reported as drift.
 * A processor's account is named as its own export names it, per currency (`{currency}`), so a sale
 * captured from the dashboard and imported from the export is one transaction.
 */
type ShippedProfile = Omit<Profile, 'schemaVersion' | 'conventions'> & {
  conventions: Partial<ProfileConventions>;
};

const SHIPPED: ShippedProfile[] = [
  {
    id: 'stripe-balance',
    name: 'Stripe — Balance activity',
    institution: 'stripe',
    portalKind: 'processor',
    urlPatterns: [
      'https://dashboard.stripe.com/*balance*',
      'https://dashboard.stripe.com/*balance_transactions*',
    ],
    account: 'Stripe {currency}',
    columns: { amount: 'Net', gross: 'Amount|Gross', fee: 'Fee|Fees', type: 'Type', date: 'Created|Date' },
    conventions: { currency: 'USD' },
  },
  {
    id: 'stripe-payouts',
    name: 'Stripe — Payouts',
    institution: 'stripe',
    portalKind: 'processor',
    urlPatterns: ['https://dashboard.stripe.com/*payouts*'],
    account: 'Stripe {currency}',
    columns: { amount: 'Amount', date: 'Initiated|Created|Date|Arrival date|Est. arrival', status: 'Status' },
    conventions: { currency: 'USD', defaultKind: 'payout', amountSign: 'inverted' },
  },
  {
    id: 'stripe-payments',
    name: 'Stripe — Payments',
    institution: 'stripe',
    portalKind: 'processor',
    urlPatterns: ['https://dashboard.stripe.com/*payments*'],
    account: 'Stripe {currency}',
    columns: { amount: 'Amount', date: 'Date|Created', description: 'Description|Customer' },
    conventions: { currency: 'USD', defaultKind: 'charge' },
  },
  {
    id: 'square-transactions',
    name: 'Square — Transactions',
    institution: 'square',
    portalKind: 'processor',
    urlPatterns: ['https://*squareup.com/dashboard/sales/transactions*'],
    account: 'Square {currency}',
    columns: {},
    conventions: { currency: 'USD', defaultKind: 'charge' },
  },
  {
    id: 'square-transfers',
    name: 'Square — Transfers',
    institution: 'square',
    portalKind: 'processor',
    urlPatterns: ['https://*squareup.com/dashboard/balance*', 'https://*squareup.com/dashboard/*transfers*'],
    account: 'Square {currency}',
    columns: {},
    conventions: { currency: 'USD', defaultKind: 'payout', amountSign: 'inverted' },
  },
  {
    id: 'paypal-activity',
    name: 'PayPal — Activity',
    institution: 'paypal',
    portalKind: 'processor',
    urlPatterns: ['https://www.paypal.com/*activit*', 'https://www.paypal.com/myaccount/transactions*'],
    account: 'PayPal {currency}',
    columns: {},
    conventions: { currency: 'USD' },
  },
  {
    id: 'chase-activity',
    name: 'Chase — Account activity',
    institution: 'chase',
    portalKind: 'bank',
    urlPatterns: ['https://secure*.chase.com/*'],
    columns: { date: 'Date|Posting date|Transaction date', description: 'Description', amount: 'Amount' },
    conventions: { currency: 'USD', dateOrder: 'mdy', decimalSeparator: '.' },
  },
  {
    id: 'bankofamerica-activity',
    name: 'Bank of America — Account activity',
    institution: 'bankofamerica',
    portalKind: 'bank',
    urlPatterns: ['https://secure.bankofamerica.com/*'],
    columns: { date: 'Date', description: 'Description', amount: 'Amount' },
    conventions: { currency: 'USD', dateOrder: 'mdy', decimalSeparator: '.' },
  },
  {
    id: 'wellsfargo-activity',
    name: 'Wells Fargo — Account activity',
    institution: 'wellsfargo',
    portalKind: 'bank',
    urlPatterns: ['https://connect.secure.wellsfargo.com/*'],
    columns: {
      date: 'Date',
      description: 'Description',
      credit: 'Deposits/Credits|Deposits',
      debit: 'Withdrawals/Debits|Withdrawals',
    },
    conventions: { currency: 'USD', dateOrder: 'mdy', decimalSeparator: '.' },
  },
  {
    id: 'mercury-transactions',
    name: 'Mercury — Transactions',
    institution: 'mercury',
    portalKind: 'bank',
    urlPatterns: ['https://app.mercury.com/*transactions*'],
    columns: { date: 'Date', description: 'To/From|Description', amount: 'Amount' },
    conventions: { currency: 'USD', dateOrder: 'mdy', decimalSeparator: '.' },
  },
  {
    id: 'amex-activity',
    name: 'American Express — Card activity',
    institution: 'amex',
    portalKind: 'card',
    urlPatterns: [
      'https://global.americanexpress.com/activity*',
      'https://www.americanexpress.com/*activity*',
    ],
    columns: { date: 'Date', description: 'Description', amount: 'Amount' },
    conventions: { currency: 'USD', dateOrder: 'mdy', decimalSeparator: '.', amountSign: 'inverted' },
  },
];

/**
 * Typed here and checked against the Profile schema by a test, not parsed at load: this file is in
 * the capture content script, which runs afresh on every capture and carries no zod.
 */
export const BUILTIN_PROFILES: Profile[] = SHIPPED.map((p) => ({
  schemaVersion: PROFILE_SCHEMA_VERSION,
  ...p,
  conventions: { amountSign: 'asShown', ...p.conventions },
}));
