/**
 * Header words of bank CSV exports by role, as normalizeHeader leaves them (lower case, accents
 * folded, punctuation → space): English, German, Dutch, French, Spanish, Italian, Portuguese.
 * Every header match is checked against the column's values before it counts (detectColumnRoles).
 */
const CUR = '(?: (?:in )?[a-z]{3}| r)?'; // "Betrag (EUR)", "Umsatz in EUR", "Valor (R$)"

const words = (list: string) => list.split('|').join('|');
const exact = (list: string) => new RegExp(`^(?:${words(list)})${CUR}$`);

export const BOOKING_DATE = exact(
  'date|datum|fecha|data|dato|' +
    'posted date|posting date|post date|booking date|transaction date|trans date|txn date|book date|date posted|' +
    'buchungstag|buchungsdatum|buchung|umsatztag|belegdatum|transaktionsdatum|' +
    'boekdatum|boekingsdatum|transactiedatum|' +
    'date operation|date de l operation|date d operation|date comptable|date de comptabilisation|' +
    'fecha operacion|fecha de operacion|fecha contable|f operacion|fecha movimiento|' +
    'data operazione|data contabile|data movimento|data registrazione|' +
    'data lancamento|data de lancamento|data do lancamento|data movimento|data mov',
);
export const VALUE_DATE = exact(
  'value date|valuta|valutadatum|wertstellung|wertstellungsdatum|wertstellungstag|rentedatum|' +
    'date de valeur|date valeur|fecha valor|f valor|data valuta|data valore|data valor',
);
export const ANY_DATE = /(?:^| )(?:date|datum|fecha|data)(?: |$)/;

export const AMOUNT = exact(
  'amount|transaction amount|amt|value|net amount|' +
    'betrag|umsatz|summe|' +
    'bedrag|transactiebedrag|' +
    'montant|montant operation|' +
    'importe|monto|cantidad|' +
    'importo|' +
    'valor|valor lancamento|' +
    'belopp',
);
export const ANY_AMOUNT = /(?:^| )(?:amount|betrag|montant|importe|bedrag|importo)(?: |$)/;

export const DEBIT = exact(
  'debit|debits|debit amount|withdrawal|withdrawals|withdrawal amount|money out|paid out|outflow|spent|' +
    'ausgang|ausgaben|soll|lastschrift|belastung|' +
    'debet|af|' +
    'montant debit|debit euros|' +
    'cargo|cargos|debe|' +
    'dare|addebiti|addebito|uscite|' +
    'debito|saida|saidas',
);
export const CREDIT = exact(
  'credit|credits|credit amount|deposit|deposits|deposit amount|money in|paid in|inflow|received|' +
    'eingang|einnahmen|haben|gutschrift|' +
    'bij|' +
    'montant credit|credit euros|' +
    'abono|abonos|haber|ingreso|ingresos|' +
    'avere|accrediti|accredito|entrate|' +
    'credito|entrada|entradas',
);
/** Balance after the line. */
export const BALANCE = exact(
  'balance|running balance|running bal|bal|available balance|ledger balance|closing balance|' +
    'saldo|kontostand|saldo nach buchung|neuer saldo|endsaldo|' +
    'saldo na mutatie|saldo na trn|saldo na transactie|eindsaldo|' +
    'solde|solde apres operation|nouveau solde|' +
    'saldo disponible|saldo contable|' +
    'saldo contabile|saldo disponibile|' +
    'saldo final|saldo apos',
);
/** Balance before the line. */
export const BALANCE_BEFORE = exact(
  'balance before|opening balance|previous balance|' +
    'saldo vor buchung|anfangssaldo|alter saldo|' +
    'saldo voor mutatie|beginsaldo|startsaldo|' +
    'solde avant operation|ancien solde|saldo anterior|saldo iniziale|saldo inicial',
);
export const ANY_BALANCE = /(?:^| )(?:balance|saldo|solde|kontostand)(?: |$)/;

export const CURRENCY = exact(
  'currency|ccy|curr|currency code|iso currency|' +
    'waehrung|wahrung|wahrungscode|' +
    'valutacode|munt|valuta|' +
    'devise|monnaie|moneda|divisa|valuta|moeda',
);
export const DIRECTION = exact(
  'af bij|bij af|s h|soll haben|haben soll|cr dr|dr cr|d c|c d|debit credit|credit debit|dc|' +
    'credit debit indicator|debit credit indicator|cdt dbt ind|sign|sens|debito credito|dare avere|' +
    'tipo movimento|d h',
);
export const STATUS = exact(
  'status|state|transaction status|buchungsstatus|umsatzstatus|estado|statut|stato|situacao',
);
export const REFERENCE = exact(
  'reference|ref|reference number|transaction id|transaction reference|transaction number|id|fitid|' +
    'bank reference|referenz|kundenreferenz|volgnr|transactiereferentie|identificador|' +
    'reference operation|referencia|riferimento|numero documento|documento',
);
export const CHECK_NUMBER = exact(
  'check|cheque|chk|check number|check no|cheque number|check or slip|check or slip #|schecknummer|numero cheque|numero de cheque',
);

/** Counterparty columns: the first part of a description. */
export const PAYEE = exact(
  'payee|payee name|name|merchant|merchant name|counterparty|counterparty name|beneficiary|recipient|' +
    'beguenstigter zahlungspflichtiger|begunstigter zahlungspflichtiger|auftraggeber empfanger|' +
    'auftraggeber begunstigter|auftraggeber beguenstigter|auftraggeber zahlungsempfanger|empfanger zahlungspflichtiger|' +
    'auftraggeber|empfanger|zahlungsempfanger|auftraggeber zahlungsempfanger|name zahlungsbeteiligter|' +
    'zahlungspflichtige r|zahlungsempfanger in|' +
    'naam|naam omschrijving|naam tegenpartij|tegenpartij|naam tegenrekening|' +
    'beneficiaire|tiers|emetteur|' +
    'beneficiario|ordenante|' +
    'controparte|nome|' +
    'favorecido',
);
/** Purpose columns, possibly numbered ("Description 1", "Omschrijving-2"). */
export const PURPOSE =
  /^(?:description|transaction description|narrative|details|transaction details|particulars|reference text|remittance information|memo|verwendungszweck|vorgang verwendungszweck|beschreibung|omschrijving|mededelingen|libelle|libelle operation|libelle simplifie|libelle complet|detail|details de l operation|informations complementaires|concepto|descripcion|concepto comun|observaciones|movimiento|descrizione|descrizione operazione|causale|descricao|historico|lancamento|informacoes)(?: (\d+))?$/;
/** Details that complete the purpose column rather than replace it. */
export const PURPOSE_DETAIL =
  /^(?:detalhes|complemento|informations complementaires|informacoes complementares)$/;

/** Type-of-booking and free-note columns: a description only when nothing above has words. */
export const FALLBACK_TEXT =
  /^(?:buchungstext|umsatzart|text|notes?|note|comment|comments|type|transaction type|mutatiesoort|code|categorie|category|tipo|type operation|nature de l operation)(?: (\d+))?$/;

/** Header languages that write dates day first. */
export const DAY_FIRST_WORDS =
  /\b(?:buchungstag|buchungsdatum|betrag|verwendungszweck|wertstellung|valuta|saldo|kontostand|umsatz|datum|bedrag|omschrijving|naam|mededelingen|tegenrekening|montant|libelle|solde|operation|fecha|importe|concepto|moneda|divisa|descrizione|importo|causale|data|valor|historico|lancamento|descricao)\b/;
