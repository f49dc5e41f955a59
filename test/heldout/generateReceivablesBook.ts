import type { Invoice, InvoiceStatus } from '../../core/model/invoice';
import type { Transaction } from '../../core/model/transaction';
import { seededRandom } from '../core/match/scenarios/random';

/**
 * A generated book for the receivables judge: customers, invoices, and the bank lines that pay
 * them in the ways small businesses get paid — number in the text (several languages and spellings),
 * the customer's name and the exact amount, several invoices at once, in parts, short by a wire
 * fee, over-paid, paid then refunded — among deposits that pay nothing (other income, customers
 * paying amounts that fit no invoice, lines naming nobody). The truth is each invoice's status.
 */
export type ReceivablesBook = {
  invoices: Invoice[];
  transactions: Transaction[];
  truth: Map<string, InvoiceStatus>;
};

const NAMES = [
  'Blue Door Cafe',
  'Harbor Bakery',
  'Green Leaf Market',
  'Pine Street Books',
  'Corner Deli',
  'Sunrise Yoga Studio',
  'Northside Diner',
  'Maple & Oak Co.',
  'Kaffeehaus Müller GmbH',
  'Café Lumière SARL',
  'Tidepool Labs Inc',
  'Fernleaf Florists',
  'Hillside Dental LLC',
  'Redwood Print Shop',
  'Atlas Movers Ltd',
];
const SPELLINGS = [
  (n: string) => `INV ${n}`,
  (n: string) => `Invoice #${n}`,
  (n: string) => `INVOICE NO. ${n}`,
  (n: string) => `Rechnung ${n}`,
  (n: string) => `Rg.-Nr. ${n}`,
  (n: string) => `Factura ${n}`,
  (n: string) => `Facture n° ${n}`,
  (n: string) => `Fattura ${n}`,
  (n: string) => `Factuur ${n}`,
  (n: string) => `INV-${n}`,
  (n: string) => `inv${n}`,
];

const day = (base: string, add: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + add);
  return d.toISOString().slice(0, 10);
};

export function generateReceivablesBook(seed: number, count = 40): ReceivablesBook {
  const { next: r, pick } = seededRandom(seed);
  const customers = NAMES.slice(0, 6 + Math.floor(r() * 9));
  const invoices: Invoice[] = [];
  const transactions: Transaction[] = [];
  const truth = new Map<string, InvoiceStatus>();
  let seq = 0;
  const line = (date: string, description: string, minor: number): Transaction => ({
    schemaVersion: 1,
    id: `g${seed}-${++seq}`,
    institution: 'bank',
    account: 'Checking ••4417',
    date,
    description,
    payee: description,
    amount: { minor, currency: 'USD' },
    status: 'posted',
    kind: minor >= 0 ? 'deposit' : 'withdrawal',
    tags: [],
    origin: { file: 'bank.csv', capturedAt: '2026-12-01T00:00:00Z' },
  });
  const upper = (s: string) => s.toUpperCase().replace(/[^A-Z0-9& ]/g, '');
  for (let i = 0; i < count; i++) {
    const number = String(1000 + seed * 0 + i * 7 + Math.floor(r() * 5));
    if (invoices.some((x) => x.number === number)) continue;
    const customer = pick(customers);
    const issued = day('2026-09-01', Math.floor(r() * 60));
    const amount = (5 + Math.floor(r() * 300)) * 500 + (r() < 0.5 ? 0 : Math.floor(r() * 100));
    invoices.push({
      schemaVersion: 1,
      id: `inv:${number}`,
      number,
      customer,
      issued,
      due: day(issued, 30),
      amount: { minor: amount, currency: 'USD' },
      processorIds: [],
      source: { file: 'invoices.csv' },
    });
  }
  // Open invoices of one customer, for the several-at-once case.
  for (const invoice of invoices) {
    const paidOn = day(invoice.issued, 3 + Math.floor(r() * 40));
    const who = upper(invoice.customer);
    const amount = invoice.amount.minor;
    const mention = pick(SPELLINGS)(invoice.number);
    const roll = r();
    if (roll < 0.2) truth.set(invoice.number, 'open');
    else if (roll < 0.5) {
      transactions.push(line(paidOn, `ACH CREDIT ${who} ${mention}`, amount));
      truth.set(invoice.number, 'paid');
    } else if (roll < 0.62) {
      // Name and exact amount, no number.
      transactions.push(line(paidOn, `DEPOSIT ${who} ONLINE PMT`, amount));
      truth.set(invoice.number, 'paid');
    } else if (roll < 0.72) {
      const part = Math.floor(amount / 2);
      transactions.push(line(paidOn, `WIRE ${who} ${mention} PART 1`, part));
      if (r() < 0.5) {
        transactions.push(line(day(paidOn, 10), `WIRE ${who} ${mention} REST`, amount - part));
        truth.set(invoice.number, 'paid');
      } else truth.set(invoice.number, 'partial');
    } else if (roll < 0.8) {
      transactions.push(line(paidOn, `INCOMING WIRE ${who} ${mention}`, amount - 1500));
      truth.set(invoice.number, 'partial');
    } else if (roll < 0.87) {
      transactions.push(line(paidOn, `${who} ${mention}`, amount + 1000));
      truth.set(invoice.number, 'overpaid');
    } else if (roll < 0.93) {
      transactions.push(line(paidOn, `ACH CREDIT ${who} ${mention}`, amount));
      transactions.push(line(day(paidOn, 5), `REFUND ${who} ${mention}`, -amount));
      truth.set(invoice.number, 'open');
    } else {
      // Paid with no name and no number: nothing can tell, so it stays open in the books.
      transactions.push(line(paidOn, 'MOBILE CHECK DEPOSIT', amount));
      truth.set(invoice.number, 'open');
    }
  }
  // Several invoices of one customer in one payment, naming them all.
  const byCustomer = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    if (
      truth.get(invoice.number) !== 'open' ||
      transactions.some((t) => t.description.includes(invoice.number))
    )
      continue;
    const list = byCustomer.get(invoice.customer) ?? [];
    list.push(invoice);
    byCustomer.set(invoice.customer, list);
  }
  for (const [customer, list] of byCustomer) {
    if (list.length < 2 || r() < 0.5) continue;
    const two = list.slice(0, 2);
    const total = two.reduce((s, i) => s + i.amount.minor, 0);
    const latest = two.map((i) => i.issued).sort()[1]!;
    transactions.push(
      line(
        day(latest, 5),
        `${upper(customer)} PAYMENT INVOICES ${two[0]!.number} AND ${two[1]!.number}`,
        total,
      ),
    );
    for (const i of two) truth.set(i.number, 'paid');
  }
  // Noise: other income, and customers paying amounts that fit nothing.
  for (let k = 0; k < count / 2; k++) {
    transactions.push(
      line(
        day('2026-09-01', Math.floor(r() * 90)),
        pick(['INTEREST PAYMENT', 'SQUARE INC DEPOSIT', 'TRANSFER FROM SAVINGS', 'CASH DEPOSIT']),
        1000 + Math.floor(r() * 90000),
      ),
    );
    transactions.push(
      line(
        day('2026-09-01', Math.floor(r() * 90)),
        `${upper(pick(customers))} DEPOSIT ADVANCE`,
        777 + Math.floor(r() * 9),
      ),
    );
  }
  return { invoices, transactions, truth };
}
