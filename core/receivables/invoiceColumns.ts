import { normalizeHeader } from '../formats/csv/normalizeHeader';

/**
 * Header names each invoice-list export uses for a role (QuickBooks, Xero, FreshBooks, Wave, Stripe
 * Invoicing, Square Invoices, PayPal, and the plain lists bookkeepers keep), in order of preference,
 * in English, German, French, Spanish, Dutch, Italian and Portuguese. Compared after normalizeHeader.
 */
export const INVOICE_COLUMNS = {
  number: [
    'invoice number',
    'invoice #',
    'invoice no',
    'invoice num',
    'invoicenumber',
    'invoice_number',
    'number',
    'num',
    'no',
    '#',
    'doc number',
    'document number',
    'invoice',
    'rechnungsnummer',
    'rechnungsnr',
    'rechnung nr',
    'rechnung',
    'numero de facture',
    'n de facture',
    'facture',
    'numero factura',
    'n factura',
    'factura',
    'numero fattura',
    'fattura',
    'factuurnummer',
    'factuur',
    'numero da fatura',
    'numero fatura',
    'fatura',
  ],
  customer: [
    'customer name',
    'customer',
    'client name',
    'client',
    'contactname',
    'contact name',
    'contact',
    'bill to',
    'billed to',
    'recipient name',
    'recipient',
    'customer full name',
    'company',
    'name',
    'kunde',
    'kundenname',
    'nom du client',
    'cliente',
    'nombre del cliente',
    'klant',
    'klantnaam',
    'nome cliente',
    'nome do cliente',
  ],
  email: [
    'customer email',
    'client email',
    'recipient email',
    'emailaddress',
    'email address',
    'email',
    'e mail',
  ],
  issued: [
    'invoice date',
    'date issued',
    'issue date',
    'invoicedate',
    'issued',
    'date created',
    'created utc',
    'created',
    'date utc',
    'date',
    'transaction date',
    'sent date',
    'rechnungsdatum',
    'datum',
    'date de facture',
    'date de facturation',
    'fecha de factura',
    'fecha de emision',
    'fecha',
    'factuurdatum',
    'data fattura',
    'data da fatura',
    'data de emissao',
    'data',
  ],
  due: [
    'due date',
    'duedate',
    'due date utc',
    'date due',
    'payment due',
    'due',
    'falligkeitsdatum',
    'faelligkeitsdatum',
    'falligkeit',
    'zahlungsziel',
    'date d echeance',
    'echeance',
    'fecha de vencimiento',
    'vencimiento',
    'vervaldatum',
    'data di scadenza',
    'scadenza',
    'data de vencimento',
    'vencimento',
  ],
  amount: [
    'invoice total',
    'total amount',
    'grand total',
    'total',
    'invoice amount',
    'amount',
    'requested amount',
    'amount due',
    'gross',
    'rechnungsbetrag',
    'gesamtbetrag',
    'betrag',
    'montant ttc',
    'total ttc',
    'montant',
    'importe total',
    'importe',
    'totaalbedrag',
    'bedrag',
    'importo totale',
    'importo',
    'valor total',
    'valor',
  ],
  currency: [
    'currency',
    'currency code',
    'wahrung',
    'waehrung',
    'devise',
    'moneda',
    'divisa',
    'valuta',
    'valutacode',
    'moeda',
  ],
  status: ['invoice status', 'status', 'state', 'estado', 'statut', 'stato'],
  /** Line-item exports (FreshBooks, Xero without a total): summed per invoice when no total exists. */
  lineAmount: ['line total', 'line amount', 'lineamount', 'line subtotal', 'item total'],
} as const;

export type InvoiceRole = keyof typeof INVOICE_COLUMNS;

/** Column index per role: the first header that names it, by preference order; each column used once. */
export function findInvoiceColumns(headers: readonly string[]): Partial<Record<InvoiceRole, number>> {
  // `Betrag (EUR)`, `Due Date (UTC)`: what is in brackets qualifies the column, it does not name it.
  const normalized = headers.map((h) => normalizeHeader(h.replace(/\s*[([][^)\]]*[)\]]/g, '')));
  const taken = new Set<number>();
  const found: Partial<Record<InvoiceRole, number>> = {};
  // Specific roles first, so `date` is not taken as the issue date when `due date` exists, etc.
  for (const role of [
    'number',
    'email',
    'due',
    'issued',
    'lineAmount',
    'amount',
    'currency',
    'status',
    'customer',
  ] as const) {
    for (const name of INVOICE_COLUMNS[role]) {
      const i = normalized.findIndex((h, j) => !taken.has(j) && h === name);
      if (i !== -1) {
        found[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  return found;
}
