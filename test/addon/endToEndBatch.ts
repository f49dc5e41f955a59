import type { Batch } from '../../core/model/batch';
import type { TransactionJson } from '../../core/model/transactionJson';
import { toBatch } from '../../extension/export/toBatch';

export const capturedAt = '2026-02-03T10:00:00.000Z';
const line = (
  t: Partial<TransactionJson> & Pick<TransactionJson, 'id' | 'date' | 'amount'>,
): TransactionJson => ({
  schemaVersion: 1,
  institution: 'chase',
  account: 'Checking ••6789',
  description: 'LINE',
  payee: 'Payee',
  currency: 'USD',
  status: 'posted',
  kind: 'withdrawal',
  tags: [],
  origin: { url: 'https://secure.chase.com/activity', capturedAt },
  ...t,
});
const stripe = (t: Partial<TransactionJson> & Pick<TransactionJson, 'id' | 'date' | 'amount'>) =>
  line({
    institution: 'stripe',
    account: 'Stripe balance',
    origin: { url: 'https://dashboard.stripe.com/balance', capturedAt },
    ...t,
  });

/** A month of a small business as the extension captured it: Stripe sales paid out to Chase. */
export const capturedLines: TransactionJson[] = [
  stripe({
    id: 'ch_1',
    date: '2026-01-05',
    amount: '96.80',
    gross: '100.00',
    fee: '3.20',
    kind: 'charge',
    externalId: 'ch_1',
    payoutId: 'po_1',
    description: 'Payment from Ann',
  }),
  stripe({
    id: 'ch_2',
    date: '2026-01-06',
    amount: '48.25',
    gross: '50.00',
    fee: '1.75',
    kind: 'charge',
    externalId: 'ch_2',
    payoutId: 'po_1',
    description: '=HYPERLINK("http://x","Payment")',
  }),
  stripe({
    id: 'po_1',
    date: '2026-01-07',
    amount: '-145.05',
    kind: 'payout',
    externalId: 'po_1',
    payoutId: 'po_1',
    description: 'STRIPE PAYOUT',
  }),
  line({ id: 'b1', date: '2026-01-03', amount: '-4.50', balance: '995.50', description: 'SQ *BLUE BOTTLE' }),
  line({
    id: 'b2',
    date: '2026-01-09',
    amount: '145.05',
    balance: '1140.55',
    kind: 'deposit',
    description: 'STRIPE TRANSFER ST-7Q2',
  }),
  line({ id: 'b3', date: '2026-01-20', amount: '-800.00', balance: '340.55', description: 'RENT JANUARY' }),
  line({ id: 'b4', date: '2026-02-02', amount: '-40.55', balance: '300.00', description: 'UTILITIES' }),
];

/** The lines above as the extension exports them. */
export function endToEndBatch(batchId = 'export-1'): Batch {
  return toBatch(capturedLines, { batchId, exportedAt: capturedAt, client: 'ledgerbridge-extension/0.1.0' });
}
