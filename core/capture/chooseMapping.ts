import type { CaptureField, ColumnMapping } from '../model/profile';
import { readAmountColumn } from './amountReadings';
import type { Cell } from './rowCells';
import { looksLikeDate, looksLikeMoney, PENDING_WORDS, POSTED_WORDS, SKIP_STATUS_WORDS } from './valueShapes';

/** A column as seen across a group's rows. */
export type ColumnStats = {
  key: string;
  header: string;
  /** Per row, '' where the row has no such cell. */
  values: string[];
  filled: number;
  dateRatio: number;
  moneyRatio: number;
  statusRatio: number;
  currencyRatio: number;
  idRatio: number;
  distinct: number;
  meanLength: number;
  /** Share of values that mention an amount among words ("Balance: $1,234.00"). */
  moneyInside: number;
};

/** How each field's column was chosen: named in the mapping given, by header words, or by values. */
export type MappingReason = 'given' | 'header' | 'values';

export type ChosenMapping = {
  mapping: ColumnMapping;
  reasons: Partial<Record<CaptureField, MappingReason>>;
  columns: ColumnStats[];
  /** Running balance direction when a balance column checks out: newest row first or last. */
  balanceOrder?: 'newestFirst' | 'oldestFirst';
  /** The amount column is a processor's gross beside a fee and no net: net = amount − fee. */
  netOfFee?: boolean;
};

const WORDS: Record<CaptureField | 'net', RegExp> = {
  date: /дата|التاريخ|일자|거래일|日期|日付|交易日|取引日|\bdato\b|tarih|dátum|päivä|date|datum|fecha|\bdata\b|posted|booked|\bwhen\b|\bday\b|jour|buchungstag|valuta|wertstellung|\btime\b/i,
  amount:
    /сумма|المبلغ|mutasi|beløb|beløp|belopp|kwota|částka|tutar|összeg|summa|määrä|amount|betrag|montant|importe|bedrag|importo|\bvalor\b|\bsum\b|\bamt\b|\bvalue\b|\bprice\b|total/i,
  debit:
    /списание|расход|مدين|출금|지급|支出|取款|出金|引出|借方|uttak|ut fra konto|uttag|hævet|obciążeni|wypłat|výdaj|borç|terhelés|uscite|\bdare\b|saídas?|debet|debit|withdrawals?|withdrawn|money out|paid out|outflow|charges|\bsoll\b|ausgang|ausgaben|belastung|débit|retraits?|cargos?|afschrijving|\bout\b/i,
  credit:
    /зачисление|поступлени|приход|دائن|입금|收入|存入|入金|預入|貸方|贷方|innskudd|inn på konto|insättning|indsat|uznani|wpłat|příjem|alacak|jóváírás|entrate|\bavere\b|entradas?|kredit|credit|deposits?|dépôts?|money in|paid in|inflow|\bhaben\b|eingang|einnahmen|gutschrift|crédit|abonos?|bijschrijving|\bin\b/i,
  balance:
    /остаток|الرصيد|잔액|余额|餘額|残高|bakiye|zůstatek|egyenleg|balance|saldo|solde|kontostand|running|\bbal\b/i,
  description:
    /описание|назначение|الوصف|البيان|keterangan|적요|내용|摘要|内容|備考|forklaring|\btekst\b|beskriv|\bopis|popis|açıklama|közlemény|kuvaus|selite|desc|details?|merchant|payee|\bname\b|beschreibung|verwendungszweck|buchungstext|libell|concepto|omschrijving|descrizione|memo|narrative|counterparty|customer|recipient|\bfrom\b|\bto\b|party|transaction$|title|empfänger|auftraggeber|bénéficiaire/i,
  status: /status|\bstate\b|zustand|statut|estado/i,
  currency: /^(?:currency|ccy|cur|curr|währung|devise|moneda|valuta)$/i,
  type: /^(?:type|typ|art|kind|transaction type|umsatzart|buchungsart|activity type)$|\btype$/i,
  id: /\bid\b|reference|\bref\b|ref\.|confirmation|receipt|referenz|référence|transaction (?:no|number|#)/i,
  fee: /\bfees?\b|gebühr|frais|comisi/i,
  gross: /gross|brutto|\bbrut\b/i,
  net: /^net\b|\bnet$|netto/i,
};
/** A header that is the row's total and nothing else: "Total", "Total (USD)", "Grand total". */
const WHOLE_TOTAL = /^(?:total|grand total|net total|summe|gesamt|totale)(?:\s*\((?:[A-Z]{3}|\p{Sc})\))?$/iu;
/** What a processor pays out after fees: where one is shown, a "Total" beside it is the gross. */
const PAID_OUT = /\bnet\b|netto|payout|auszahlung|versement/i;
/** Headers that name a money column without naming what moved: a price, a value, a total. */
const WEAK_AMOUNT = /\b(?:price|value|valor|total|sum)\b/i;
/** Date columns a bank shows next to the posted date; used only when no posted date exists. */
const SECONDARY_DATE = /trans(?:action)?\.? date|value|valuta|wertstellung|initiated|created|authori/i;
const PRIMARY_DATE = /post|book|buchung|settle/i;
/** The figure the account was charged, beside the purchase's own (installments, foreign purchases). */
const BILLED_AMOUNT =
  /\bbill(?:ed|ing) amount|\bamount billed|\bcharged amount|\bamount charged|\bsettle(?:d|ment) amount|abrechnungsbetrag|montant (?:débité|prélevé|facturé)|importe (?:cargado|cobrado|facturado)|סכום (?:ל)?חיוב|請求金額|お支払(?:い)?金額|今回(?:ご)?請求額|入账金额|结算金额/i;
/** A foreign-currency figure shown beside the booked amount: never the transaction's amount. */
const ORIGINAL_AMOUNT =
  /\boriginal|\borig\b|foreign|fremdwährung|ursprungs|montant (?:d'origine|en devise)|devise d'origine|importe (?:original|en divisa)|oorspronkelijk|in (?:original|local) currency/i;

const ID_SHAPE = /^(?:py|ch|po|txn|re|pi|tr|ipi|in|dp|pyr|ba|ich|ipy)_[A-Za-z0-9]{6,}$|^[A-Z0-9]{12,20}$/;
const CURRENCY_SHAPE = /^[A-Z]{3}$/;
/** What a portal prints in an empty cell: "–" under Money in on a payment's row, "n/a", "…". */
const PLACEHOLDER = /^(?:[-–—−‒]{1,3}|n\/?a|\.{1,3}|…|0+(?:[.,]0{1,2})?)$/i;
/** No figure: an empty cell, or what a portal prints there ("–", "0" under Deposit on a withdrawal's row). */
const blank = (v: string) => v === '' || PLACEHOLDER.test(v);

function words(c: ColumnStats): string {
  return (c.header || c.key).replace(/^[.#]|[-_]/g, ' ');
}

export function columnStats(rows: Cell[][], asOf: string): ColumnStats[] {
  const order: string[] = [];
  const byKey = new Map<string, { header: string; values: string[] }>();
  rows.forEach((cells, r) => {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      let col = byKey.get(cell.key);
      if (!col) {
        col = { header: cell.header, values: Array(rows.length).fill('') };
        byKey.set(cell.key, col);
        order.push(cell.key);
      }
      col.values[r] = cell.text;
    }
  });
  return order.map((key) => {
    const { header, values } = byKey.get(key)!;
    // One pass over the column's values; a value the column repeats ("Debit", "Oct 28, 2026") is
    // judged once.
    let filled = 0;
    let dates = 0;
    let money = 0;
    let status = 0;
    let currency = 0;
    let ids = 0;
    let length = 0;
    let inside = 0;
    let distinct = 0;
    const judged = new Map<string, number>();
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v === '') continue;
      let shape = judged.get(v);
      if (shape === undefined) {
        shape = PLACEHOLDER.test(v) ? BLANK : shapeOf(v, asOf);
        judged.set(v, shape);
        if (shape !== BLANK) distinct++;
      }
      if (shape === BLANK) continue;
      filled++;
      length += v.length;
      if (shape & DATE) dates++;
      if (shape & MONEY) money++;
      if (shape & STATUS) status++;
      if (shape & CURRENCY) currency++;
      if (shape & ID) ids++;
      if (shape & INSIDE) inside++;
    }
    const n = Math.max(filled, 1);
    return {
      key,
      header,
      values,
      filled,
      dateRatio: dates / n,
      moneyRatio: money / n,
      statusRatio: status / n,
      currencyRatio: currency / n,
      idRatio: ids / n,
      distinct,
      meanLength: length / n,
      moneyInside: inside / n,
    };
  });
}

/** What one value of a column is, as bits: a placeholder (`BLANK`) is none of them. */
const DATE = 1;
const MONEY = 2;
const STATUS = 4;
const CURRENCY = 8;
const ID = 16;
const INSIDE = 32;
const BLANK = 64;

function shapeOf(v: string, asOf: string): number {
  let shape = 0;
  if (looksLikeDate(v, asOf)) shape |= DATE;
  if (looksLikeMoney(v)) shape |= MONEY;
  if (
    v.length < 30 &&
    LETTER.test(v) &&
    (PENDING_WORDS.test(v) || POSTED_WORDS.test(v) || SKIP_STATUS_WORDS.test(v))
  )
    shape |= STATUS;
  if (CURRENCY_SHAPE.test(v)) shape |= CURRENCY;
  if (ID_SHAPE.test(v)) shape |= ID;
  if (MONEY_INSIDE.test(v)) shape |= INSIDE;
  return shape;
}

const MONEY_INSIDE = /\d[.,]\d{2}(?!\d)/;
/** Every status word is spelt in letters: a figure or a numeric date ("$4,999.99") names no status. */
const LETTER = /\p{L}/u;

/** Checks `balance` against `amount` row to row; returns the direction it runs in, if any. */
export function runningBalanceOrder(
  amounts: Array<number | undefined>,
  balances: Array<number | undefined>,
): 'newestFirst' | 'oldestFirst' | undefined {
  let newest = 0;
  let oldest = 0;
  let pairs = 0;
  for (let i = 0; i + 1 < balances.length; i++) {
    const a = amounts[i];
    const b = balances[i];
    const next = balances[i + 1];
    const nextAmount = amounts[i + 1];
    if (b === undefined || next === undefined) continue;
    pairs++;
    if (a !== undefined && Math.abs(b - next) === Math.abs(a)) newest++;
    if (nextAmount !== undefined && Math.abs(next - b) === Math.abs(nextAmount)) oldest++;
  }
  if (pairs === 0) return undefined;
  if (newest >= oldest && newest * 10 >= pairs * 6) return 'newestFirst';
  if (oldest > newest && oldest * 10 >= pairs * 6) return 'oldestFirst';
  return undefined;
}

function minorValues(c: ColumnStats): Array<number | undefined> {
  const parsed = readAmountColumn(c.values, { currency: 'USD' });
  return parsed.amounts.map((r) => (r?.ok ? r.value.minor : undefined));
}

/** Resolves a mapping entry ("Amount|Net", "#3", ".txn-amount") to a column key of this group. */
export function resolveColumn(ref: string, columns: ColumnStats[]): string | undefined {
  const alternatives = ref.split('|').map((a) => a.trim().toLowerCase());
  for (const alt of alternatives) {
    const hit = columns.find((c) => c.key.toLowerCase() === alt || c.header.toLowerCase() === alt);
    if (hit) return hit.key;
  }
  // Headers carry extras a profile need not name: "Date ▼", "Amount (USD)".
  for (const alt of alternatives) {
    const hit = columns.find((c) => c.header.toLowerCase().startsWith(`${alt} `));
    if (hit) return hit.key;
  }
  return undefined;
}

/**
 * Decides which column is which: a mapping given (by a profile or the owner) first, then header
 * words, then the values themselves (dates, amounts, a running balance, status words, ids).
 */
export function chooseMapping(columns: ColumnStats[], given: ColumnMapping = {}): ChosenMapping {
  const mapping: ColumnMapping = {};
  const reasons: ChosenMapping['reasons'] = {};
  const used = new Set<string>();
  const set = (field: CaptureField, key: string, reason: MappingReason) => {
    mapping[field] = key;
    reasons[field] = reason;
    used.add(key);
  };
  for (const [field, ref] of Object.entries(given) as Array<[CaptureField, string]>) {
    const key = resolveColumn(ref, columns);
    if (key) set(field, key, 'given');
  }
  const free = () => columns.filter((c) => !used.has(c.key) && c.filled > 0);
  const byHeader = (field: CaptureField | 'net', test: (c: ColumnStats) => boolean) =>
    free().filter((c) => WORDS[field].test(words(c)) && test(c));
  const money = (c: ColumnStats) => c.moneyRatio >= 0.5;

  if (!mapping.date) {
    const dated = byHeader('date', (c) => c.dateRatio >= 0.5);
    const rank = (c: ColumnStats) =>
      PRIMARY_DATE.test(words(c)) ? 2 : SECONDARY_DATE.test(words(c)) ? 0 : 1;
    const best = dated.sort((a, b) => rank(b) - rank(a))[0];
    if (best) set('date', best.key, 'header');
  }
  // Kept out of every money field: the booked amount is in another column (or nothing is read).
  for (const c of columns) if (!used.has(c.key) && ORIGINAL_AMOUNT.test(words(c))) used.add(c.key);
  // A column headed "Total" alone beside "Total product charges", "Fees", "Other"…: the row's
  // total is what moved, the others are its parts (never a debit, a fee to take off again).
  const whole =
    mapping.amount || free().some((c) => money(c) && PAID_OUT.test(words(c)))
      ? undefined
      : free().find((c) => money(c) && WHOLE_TOTAL.test(words(c).trim()));
  if (whole) {
    set('amount', whole.key, 'header');
    for (const c of free()) if (money(c) && !WORDS.balance.test(words(c))) used.add(c.key);
  }
  // "Net credit" before "Gross credit": a settlement report's debit and credit beside their gross.
  const grossLast = (c: ColumnStats) => (WORDS.net.test(words(c)) ? 0 : WORDS.gross.test(words(c)) ? 2 : 1);
  for (const field of ['balance', 'fee', 'gross', 'debit', 'credit'] as const) {
    if (mapping[field]) continue;
    const hits = byHeader(field, money);
    const hit =
      field === 'debit' || field === 'credit' ? hits.sort((a, b) => grossLast(a) - grossLast(b))[0] : hits[0];
    if (hit) set(field, hit.key, 'header');
  }
  const billed = free().find((c) => money(c) && BILLED_AMOUNT.test(words(c)));
  if (billed && !mapping.amount && !(mapping.debit && mapping.credit)) {
    set('amount', billed.key, 'header');
    // The purchase's own figure beside it is no other money field (a balance, a credit).
    for (const c of free())
      if (money(c) && /amount|סכום|金額|betrag|montant|importe/i.test(words(c))) used.add(c.key);
  }
  if (!mapping.amount && !(mapping.debit && mapping.credit)) {
    const net = byHeader('net', money)[0];
    // "Amount" before "Price" or "Value" (a brokerage's quantity × price), then the fuller column.
    const amount = byHeader('amount', money).sort(
      (a, b) =>
        Number(WEAK_AMOUNT.test(words(a))) - Number(WEAK_AMOUNT.test(words(b))) || b.filled - a.filled,
    )[0];
    if (net && mapping.fee) {
      set('amount', net.key, 'header');
      if (amount && !mapping.gross) set('gross', amount.key, 'header');
    } else if (amount) set('amount', amount.key, 'header');
    else if (net) set('amount', net.key, 'header');
  }
  // "Amount" and "Fee" with no "Net": the amount shown is the gross, what reached the balance is less the fee.
  const netOfFee = Boolean(
    mapping.fee &&
      mapping.amount &&
      !mapping.gross &&
      !WORDS.net.test(words(columns.find((c) => c.key === mapping.amount)!)),
  );
  for (const field of ['status', 'currency', 'type', 'id', 'description'] as const) {
    if (mapping[field]) continue;
    const hit = byHeader(field, (c) => c.moneyRatio < 0.5 && c.dateRatio < 0.5)[0];
    if (hit) set(field, hit.key, 'header');
  }

  // By values, for columns without telling headers.
  if (!mapping.date) {
    const best = free()
      .filter((c) => c.dateRatio >= 0.6)
      .sort((a, b) => b.filled - a.filled)[0];
    if (best) set('date', best.key, 'values');
  }
  const moneyCols = free().filter((c) => c.moneyRatio >= 0.6);
  if (!mapping.amount && !mapping.debit && !mapping.credit && moneyCols.length > 0) {
    const [first, second, third] = moneyCols;
    // Two columns never filled on one row are money out and money in; a balance line fills neither.
    const complementary =
      first &&
      second &&
      first.values.every((v, i) => blank(v) || blank(second.values[i]!)) &&
      first.values.filter((v, i) => blank(v) !== blank(second.values[i]!)).length * 10 >=
        first.values.length * 8;
    if (complementary) {
      set('debit', first.key, 'values');
      set('credit', second.key, 'values');
      if (third && !mapping.balance) set('balance', third.key, 'values');
    } else if (first) {
      set('amount', first.key, 'values');
      if (second && !mapping.balance) set('balance', second.key, 'values');
    }
  }
  let balanceOrder: ChosenMapping['balanceOrder'];
  if (mapping.balance) {
    const balanceCol = columns.find((c) => c.key === mapping.balance)!;
    const amounts = amountMinors(columns, mapping);
    balanceOrder = runningBalanceOrder(amounts, minorValues(balanceCol));
    // An unlabelled second amount that does not run as a balance is not a balance.
    if (!balanceOrder && reasons.balance === 'values') {
      delete mapping.balance;
      delete reasons.balance;
    }
  }
  if (!mapping.status) {
    const hit = free().find((c) => c.statusRatio >= 0.5 && c.moneyRatio < 0.5);
    if (hit) set('status', hit.key, 'values');
  }
  if (!mapping.currency) {
    const hit = free().find((c) => c.currencyRatio >= 0.8);
    if (hit) set('currency', hit.key, 'values');
  }
  if (!mapping.id) {
    const hit = free().find((c) => c.idRatio >= 0.8);
    if (hit) set('id', hit.key, 'values');
  }
  if (!mapping.description) {
    // The fullest, most varied text column without amounts in it; the first of equals.
    const order = new Map(columns.map((c, i) => [c.key, i]));
    const text = free()
      .filter((c) => c.moneyRatio < 0.5 && c.dateRatio < 0.5 && c.statusRatio < 0.5)
      .sort(
        (a, b) =>
          b.filled - a.filled ||
          a.moneyInside - b.moneyInside ||
          b.distinct - a.distinct ||
          order.get(a.key)! - order.get(b.key)!,
      )[0];
    if (text) set('description', text.key, 'values');
  }
  return {
    mapping,
    reasons,
    columns,
    ...(balanceOrder ? { balanceOrder } : {}),
    ...(netOfFee ? { netOfFee } : {}),
  };
}

function amountMinors(columns: ColumnStats[], mapping: ColumnMapping): Array<number | undefined> {
  const col = (key?: string) => columns.find((c) => c.key === key);
  const amount = col(mapping.amount);
  if (amount) return minorValues(amount);
  const debit = col(mapping.debit);
  const credit = col(mapping.credit);
  const d = debit ? minorValues(debit) : [];
  const c = credit ? minorValues(credit) : [];
  const n = Math.max(d.length, c.length);
  return Array.from({ length: n }, (_, i) => {
    if (d[i] !== undefined) return -Math.abs(d[i]!);
    return c[i];
  });
}
