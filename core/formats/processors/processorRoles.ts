import { normalizeHeader } from '../csv/normalizeHeader';

/**
 * The parts a column can play in a processor export, each with the header words the processors
 * use for it — across their export generations and, for PayPal, the languages it downloads in
 * (English, Spanish, German, French, Dutch, Italian, Portuguese). Most specific first: the first
 * synonym a file has wins.
 */
const ROLE_WORDS = {
  balanceTransactionId: ['balance_transaction_id', 'balance transaction id'],
  id: ['id'],
  transactionId: [
    'transaction id',
    'id. de transacción',
    'id de transacción',
    'identificador de transacción',
    'transaktionscode',
    'transaktions-id',
    'numéro de transaction',
    'n° de transaction',
    'id de transaction',
    'transactiereferentie',
    'transactie-id',
    'transactiecode',
    'codice transazione',
    'id transazione',
    'código da transação',
    'id da transação',
    'código de transação',
  ],
  paymentId: ['payment id'],
  depositId: ['deposit id', 'transfer id', 'payout id'],
  created: [
    'created_utc',
    'created (utc)',
    'created date (utc)',
    'created',
    'created date',
    'created_at',
    'date (utc)',
  ],
  arrival: [
    'arrival date (utc)',
    'arrival date',
    'arrival_date',
    'expected arrival date',
    'expected arrival',
  ],
  initiated: [
    'initiated date',
    'initiated',
    'initiated at',
    'transfer date',
    'deposit date',
    'date initiated',
  ],
  date: ['date', 'fecha', 'datum', 'data', 'transaction date'],
  availableOn: ['available_on_utc', 'available on (utc)', 'available on'],
  currency: ['currency', 'divisa', 'moneda', 'währung', 'devise', 'valuta', 'moeda'],
  gross: ['gross', 'bruto', 'brutto', 'brut', 'lordo', 'importe bruto'],
  fee: [
    'fee',
    'fees',
    'comisión',
    'comision',
    'tarifa',
    'gebühr',
    'gebühren',
    'frais',
    'kosten',
    'tariffa',
    'commissione',
    'taxa',
  ],
  net: ['net', 'neto', 'netto', 'líquido', 'net amount', 'net total', 'net deposit', 'net transfer'],
  amount: ['amount', 'importe', 'betrag', 'montant', 'bedrag', 'importo', 'valor', 'total', 'deposit amount'],
  amountRefunded: ['amount refunded', 'refunded amount'],
  convertedAmount: ['converted amount'],
  convertedCurrency: ['converted currency'],
  refundedDate: ['refunded date (utc)', 'refunded date'],
  reportingCategory: ['reporting_category', 'reporting category'],
  type: ['type', 'tipo', 'typ', 'event type', 'transaction type', 'deposit type', 'transfer type'],
  status: ['status', 'transaction status', 'estado', 'état', 'etat', 'statut', 'stato', 'situação'],
  name: ['name', 'nombre', 'nom', 'naam', 'nome', 'customer name'],
  description: ['description', 'descripción', 'beschreibung', 'omschrijving', 'descrizione', 'descrição'],
  source: ['source_id', 'source'],
  payout: ['automatic_payout_id', 'payout_id', 'transfer', 'payout'],
  destination: ['destination', 'bank account', 'deposit details', 'destination name', 'bank'],
  balance: ['balance', 'saldo', 'guthaben', 'solde'],
  balanceImpact: [
    'balance impact',
    'impacto en el saldo',
    'auswirkung auf guthaben',
    'impact sur le solde',
    'effect op saldo',
    'impatto sul saldo',
    'impacto no saldo',
  ],
  referenceTxnId: [
    'reference txn id',
    'id. de transacción de referencia',
    'id de transacción de referencia',
    'zugehöriger transaktionscode',
    'numéro de la transaction de référence',
    'numéro de transaction de référence',
    'referentie transactie-id',
    'referentie-transactiereferentie',
    'codice transazione di riferimento',
    'código da transação de referência',
  ],
  itemTitle: [
    'item title',
    'título del artículo',
    'artikelbezeichnung',
    "titre de l'objet",
    'objectnaam',
    'titolo oggetto',
    'título do item',
  ],
  subject: ['subject', 'asunto', 'betreff', 'objet', 'onderwerp', 'oggetto', 'assunto'],
  note: ['note', 'nota', 'hinweis', 'remarque', 'notitie', 'observação'],
  item: ['item'],
  quantity: ['qty', 'quantity', 'count'],
  totalCollected: ['total collected'],
  grossSales: ['gross sales'],
  netSales: ['net sales'],
  amountRefundedSquare: ['refunds'],
  captured: ['captured'],
  sellerMessage: ['seller message', 'decline reason'],
  time: ['time', 'hora', 'uhrzeit', 'heure', 'tijd', 'orario', 'ora'],
  timeZone: [
    'timezone',
    'time zone',
    'zona horaria',
    'zeitzone',
    'fuseau horaire',
    'tijdzone',
    'fuso orario',
    'fuso horário',
  ],
} as const;

export type ProcessorRole = keyof typeof ROLE_WORDS;

export const ROLE_NAMES: Record<ProcessorRole, readonly string[]> = Object.fromEntries(
  Object.entries(ROLE_WORDS).map(([role, words]) => [role, words.map(normalizeHeader)]),
) as unknown as Record<ProcessorRole, readonly string[]>;

/** Where each role is in a header row: the first synonym present wins, and one column plays one role. */
export function locateRoles(
  headers: readonly string[],
  roles: readonly ProcessorRole[] = Object.keys(ROLE_NAMES) as ProcessorRole[],
): Partial<Record<ProcessorRole, number>> {
  const normalized = headers.map(normalizeHeader);
  const found: Partial<Record<ProcessorRole, number>> = {};
  const taken = new Set<number>();
  for (const role of roles) {
    for (const name of ROLE_NAMES[role]) {
      const i = normalized.findIndex((h, index) => h === name && !taken.has(index));
      if (i !== -1) {
        found[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  return found;
}
