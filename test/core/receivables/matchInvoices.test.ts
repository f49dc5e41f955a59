import { describe, expect, it } from 'vitest';
import type { Invoice, InvoiceApplication } from '../../../core/model/invoice';
import type { Match } from '../../../core/model/match';
import type { Transaction } from '../../../core/model/transaction';
import { invoiceStandings, receivablesAging } from '../../../core/receivables/invoiceStandings';
import { matchInvoices } from '../../../core/receivables/matchInvoices';

const invoice = (
  number: string,
  customer: string,
  amount: number,
  due: string,
  extra: Partial<Invoice> = {},
): Invoice => ({
  schemaVersion: 1,
  id: `inv:${number}`,
  number,
  customer,
  issued: '2026-10-01',
  due,
  amount: { minor: amount, currency: 'USD' },
  processorIds: [],
  source: { file: 'invoices.csv' },
  ...extra,
});

let seq = 0;
const tx = (
  date: string,
  description: string,
  amount: number,
  extra: Partial<Transaction> = {},
): Transaction => ({
  schemaVersion: 1,
  id: `t${++seq}`,
  institution: 'bank',
  account: 'Checking ••4417',
  date,
  description,
  payee: description,
  amount: { minor: amount, currency: 'USD' },
  status: 'posted',
  kind: amount >= 0 ? 'deposit' : 'withdrawal',
  tags: [],
  origin: { file: 'bank.csv', capturedAt: '2026-12-01T00:00:00Z' },
  ...extra,
});

const books = () => [
  invoice('1042', 'Blue Door Cafe', 120000, '2026-11-15'),
  invoice('1043', 'Harbor Bakery', 45000, '2026-11-20'),
  invoice('1044', 'Harbor Bakery', 30000, '2026-11-24'),
  invoice('RE-2026-118', 'Bäckerei Schmidt', 148000, '2026-11-16'),
  invoice('W-2026-033', 'Green Leaf Market', 187550, '2026-11-19'),
];

function run(
  invoices: Invoice[],
  transactions: Transaction[],
  matches: Match[] = [],
  decisions: InvoiceApplication[] = [],
) {
  const applications = matchInvoices({ invoices, transactions, matches, decisions });
  const standings = invoiceStandings(invoices, applications, '2026-12-06');
  const by = Object.fromEntries(
    standings.map((s) => [
      s.invoice.number,
      {
        status: s.status,
        paid: s.paid.minor,
        remaining: s.remaining.minor,
        payments: s.payments,
        settled: s.settled,
        flags: s.flags,
      },
    ]),
  );
  return { applications, standings, by };
}

describe('payments matched to invoices', () => {
  it('finds invoice numbers in free text in several languages', () => {
    const a = tx('2026-11-14', 'ACH CREDIT BLUE DOOR CAFE INV 1042', 120000);
    const b = tx('2026-11-17', 'Gutschrift Überweisung Bäckerei Schmidt Rechnungsnr. RE-2026-118', 148000);
    const c = tx('2026-11-18', 'TRANSFERENCIA RECIBIDA Factura nº 1043', 45000);
    const { by, applications } = run(books(), [a, b, c]);
    expect(by['1042']).toMatchObject({
      status: 'paid',
      remaining: 0,
      payments: [a.id],
      settled: '2026-11-14',
    });
    expect(by['RE-2026-118']).toMatchObject({ status: 'paid', payments: [b.id] });
    expect(by['1043']).toMatchObject({ status: 'paid', payments: [c.id] });
    expect(by['1044']!.status).toBe('open');
    for (const x of applications) {
      expect(x.basis).toBe('invoice-number');
      expect(x.reason).toMatch(/names invoice/);
      expect(x.confidence).toBeGreaterThan(0.8);
    }
  });

  it('accumulates partial payments and dates the settlement by the last one', () => {
    const p1 = tx('2026-11-10', 'WIRE FROM BLUE DOOR CAFE INVOICE #1042 PART 1', 60000);
    const { by: half } = run(books(), [p1]);
    expect(half['1042']).toMatchObject({ status: 'partial', paid: 60000, remaining: 60000 });
    const p2 = tx('2026-11-20', 'WIRE FROM BLUE DOOR CAFE INVOICE #1042 BALANCE', 60000);
    const { by } = run(books(), [p1, p2]);
    expect(by['1042']).toMatchObject({
      status: 'paid',
      paid: 120000,
      remaining: 0,
      payments: [p1.id, p2.id],
      settled: '2026-11-20',
    });
  });

  it('spreads one payment over the several invoices it names', () => {
    const p = tx('2026-11-21', 'HARBOR BAKERY PMT INVOICES 1043 AND 1044', 75000);
    const { by } = run(books(), [p]);
    expect(by['1043']).toMatchObject({ status: 'paid', remaining: 0 });
    expect(by['1044']).toMatchObject({ status: 'paid', remaining: 0 });
  });

  it('flags an over-payment with a negative remaining, and a short wire-fee payment as partial', () => {
    const over = tx('2026-11-12', 'BLUE DOOR CAFE INV-1042', 125000);
    const short = tx('2026-11-17', 'Bäckerei Schmidt RE-2026-118', 146500);
    const { by } = run(books(), [over, short]);
    expect(by['1042']).toMatchObject({ status: 'overpaid', paid: 125000, remaining: -5000 });
    expect(by['1042']!.flags.join()).toMatch(/over-paid by 50\.00 USD/);
    expect(by['RE-2026-118']).toMatchObject({ status: 'partial', remaining: 1500 });
    expect(by['RE-2026-118']!.flags.join()).toMatch(/short by 15\.00 USD, possibly a bank's wire fee/);
  });

  it('re-opens an invoice when the payment is refunded', () => {
    const paid = tx('2026-11-12', 'BLUE DOOR CAFE INV-1042', 120000);
    const refund = tx('2026-11-25', 'REFUND BLUE DOOR CAFE INV-1042', -120000, { kind: 'withdrawal' });
    const { by } = run(books(), [paid, refund]);
    expect(by['1042']).toMatchObject({
      status: 'open',
      paid: 0,
      remaining: 120000,
      payments: [paid.id, refund.id],
    });
    expect(by['1042']!.settled).toBeUndefined();
  });

  it("never applies a payment to another customer's invoice it names", () => {
    const p = tx('2026-11-21', 'HARBOR BAKERY PAYMENT INV 1042', 120000);
    const { by, applications } = run(books(), [p]);
    expect(by['1042']!.status).toBe('open');
    expect(applications.filter((a) => a.invoiceNumber === '1042')).toEqual([]);
  });

  it('matches by customer and amount: one open invoice exactly, or exactly a combination', () => {
    const green = tx('2026-11-19', 'ACH CREDIT GREEN LEAF MARKET', 187550);
    const harbor = tx('2026-11-26', 'HARBOR BAKERY ONLINE PMT', 75000);
    const { by, applications } = run(books(), [green, harbor]);
    expect(by['W-2026-033']).toMatchObject({ status: 'paid' });
    expect(by['1043']).toMatchObject({ status: 'paid' });
    expect(by['1044']).toMatchObject({ status: 'paid' });
    expect(applications.every((a) => a.basis === 'customer-amount')).toBe(true);
    expect(applications.find((a) => a.invoiceNumber === '1043')!.reason).toMatch(
      /exactly what invoices 1043, 1044 owe together/,
    );
  });

  it('leaves alone a payment that names neither an invoice nor a customer, and amounts alone never decide', () => {
    const p = tx('2026-11-19', 'MOBILE DEPOSIT', 120000);
    const { applications } = run(books(), [p]);
    expect(applications).toEqual([]);
  });

  it('follows a processor charge by its id, and never counts the payout deposit as a payment', () => {
    const stripeInvoice = invoice('8F2C1A-0012', 'Tidepool Labs', 15000, '2026-11-17', {
      processorIds: ['in_1QaZ9bKx7Lm2Np3Q', 'ch_3QaZ9cKx7Lm2Np3Q0aB1cD2e'],
    });
    const charge = tx('2026-11-04', 'Payment for Invoice', 14535, {
      institution: 'stripe',
      account: 'Stripe USD',
      kind: 'charge',
      gross: { minor: 15000, currency: 'USD' },
      fee: { minor: 465, currency: 'USD' },
      memo: 'ch_3QaZ9cKx7Lm2Np3Q0aB1cD2e',
      externalId: 'txn_3QaZ9cKx7Lm2Np3Q0xyz',
      payoutId: 'po_1QcD',
    });
    const payout = tx('2026-11-06', 'STRIPE PAYOUT', -14535, {
      institution: 'stripe',
      account: 'Stripe USD',
      kind: 'payout',
      externalId: 'po_1QcD',
    });
    const deposit = tx('2026-11-07', 'STRIPE TRANSFER ST-X1Y2 TIDEPOOL', 14535);
    const link: Match = {
      schemaVersion: 1,
      id: 'm1',
      type: 'payout-deposit',
      members: [
        { id: payout.id, role: 'payout' },
        { id: deposit.id, role: 'deposit' },
      ],
      difference: { minor: 0, currency: 'USD' },
      confidence: 0.99,
      state: 'suggested',
      reason: 'payout',
    };
    const { by, applications } = run([stripeInvoice], [charge, payout, deposit], [link]);
    expect(by['8F2C1A-0012']).toMatchObject({
      status: 'paid',
      paid: 15000,
      remaining: 0,
      payments: [charge.id],
    });
    expect(applications.map((a) => a.basis)).toEqual(['processor-id']);
  });

  it('keeps a confirmed decision and never re-suggests a rejected one', () => {
    const p = tx('2026-11-14', 'BLUE DOOR CAFE INV 1042', 120000);
    const first = run(books(), [p]).applications[0]!;
    const rejected = run(books(), [p], [], [{ ...first, state: 'rejected' }]);
    expect(rejected.by['1042']!.status).toBe('open');
    const other = tx('2026-11-16', 'CHECK DEPOSIT 5521', 45000);
    const confirmed = run(
      books(),
      [other],
      [],
      [
        {
          ...first,
          id: 'x',
          invoiceId: 'inv:1043',
          invoiceNumber: '1043',
          paymentId: other.id,
          amount: { minor: 45000, currency: 'USD' },
          state: 'confirmed',
          basis: 'decision',
        },
      ],
    );
    expect(confirmed.by['1043']).toMatchObject({ status: 'paid', payments: [other.id] });
  });

  it('ages what is still owed per customer and in total', () => {
    const { standings } = run(books(), [tx('2026-11-14', 'BLUE DOOR CAFE INV 1042', 120000)]);
    const aging = receivablesAging(standings);
    const total = aging.find((r) => r.customer === 'Total')!;
    // 2026-12-06: 1043 (16 days late), 1044 (12), RE-2026-118 (20), W-2026-033 (17): all 1–30.
    expect(total.buckets['1-30']).toBe(45000 + 30000 + 148000 + 187550);
    expect(total.total).toBe(total.buckets['1-30']);
    expect(aging.find((r) => r.customer === 'Harbor Bakery')!.total).toBe(75000);
    expect(aging.some((r) => r.customer === 'Blue Door Cafe')).toBe(false);
  });
});

describe('ISO 11649 creditor references', () => {
  it('reads them whole or in printed groups, with words after them, and checks their digits', async () => {
    const { creditorReferences } = await import('../../../core/receivables/invoiceReferences');
    expect(creditorReferences('Hotel Seeblick — RF5510431 Hotel Seeblick')).toEqual(['10431']);
    expect(creditorReferences('SCOR RF18 5390 0754 7034 AB Zahlung')).toEqual(['539007547034']);
    expect(creditorReferences('RF19 5390 0754 7034')).toEqual([]); // wrong check digits
  });
});

describe('invoice numbers written together', () => {
  it('reads `INV 1043/1044` as two invoices', () => {
    const p = tx('2026-11-21', 'HARBOR BAKERY INV 1043/1044', 75000);
    const { by } = run(books(), [p]);
    expect([by['1043']!.status, by['1044']!.status]).toEqual(['paid', 'paid']);
  });
});
