import { parseDate } from '../dates/parseDate';
import { CURRENCY_SYMBOLS } from '../model/currencySymbols';
import { isCurrencyCode } from '../model/isoCurrencies';
import { clearAmountReadings, readAmount } from './amountReadings';

/**
 * What a cell's text looks like, cheaply: money needs a currency mark or cents, so quantities,
 * check numbers and years do not count; dates need a month word, a separator or a year, so "1.05"
 * stays an amount.
 */
const SYMBOL_MARK = new RegExp(
  `[\\p{Sc}円]|\\b(?:${Object.keys(CURRENCY_SYMBOLS)
    // A lone letter ("R") marks nothing by itself: "R 412,35" is money by its cents.
    .filter((s) => /^[A-Za-z]./.test(s))
    .join('|')})\\b|(?:^|[^A-Za-z])[A-Z]{3}(?:$|[^A-Za-z])`,
  'u',
);
const CENTS = /\d[.,]\d{2}(?!\d)/;
const DIGIT = /\d/;

/** A text of the page that holds a figure with cents ("12.50", "0,85 %"). */
export const showsCents = (n: { ownText: boolean; text: string }): boolean =>
  n.ownText && n.text.length <= 200 && CENTS.test(n.text);

/** Pages repeat the same texts (dates, "Debit", "$4.50"): each is judged once. */
const moneyMemo = new Map<string, boolean>();
/** Per as-of date: "Nov 21" reads differently against another day. */
const dateMemos = new Map<string, Map<string, boolean>>();
const MEMO_LIMIT = 200_000;

/**
 * Each capture starts from nothing: what the memos save is repeats within a page, and a capture
 * measured twice costs the same as the first one the owner makes.
 */
export function clearValueMemos(): void {
  moneyMemo.clear();
  dateMemos.clear();
  clearAmountReadings();
}

function remember(memo: Map<string, boolean>, key: string, value: boolean): boolean {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** A footnote mark after a figure or a word ("$246.31*"): pages use it for pending lines. */
export const TRAILING_STAR = /\s*\*+$/;

/**
 * A whole figure grouped in thousands ("3,850,000", "684.500") or signed ("-648"): money on a page
 * in won, yen or dong, which has no cents.
 */
const GROUPED_WHOLE = /^[-−+]?\s?\d{1,3}(?:([,.\u00a0 ])\d{3})(?:\1\d{3})*$|^[-−+]\d{1,9}$/;
let wholeUnitPage = false;

/** A figure under a money column's header: on a page in whole units "85" is money beside "1,230". */
export function looksLikeColumnMoney(text: string): boolean {
  return looksLikeMoney(text) || (wholeUnitPage && SMALL_WHOLE.test(text));
}
const SMALL_WHOLE = /^[-−+]?\s?\d{1,3}$/;

/**
 * "12.750": a dinar's three decimals, money on a page in a currency with thousandths (its figures'
 * shape is then asked in one such currency: the shape, not the unit, is what is judged).
 */
const MILS = /\d[.,]\d{3}(?!\d)/;
let milsPage = false;

/** Whether grouped whole figures count as money: the page's currency has no minor unit. */
export function setWholeUnitMoney(on: boolean): void {
  if (on === wholeUnitPage) return;
  wholeUnitPage = on;
  moneyMemo.clear();
}

/** Whether three-decimal figures count as money: the page's currency has thousandths (KWD, BHD, OMR). */
export function setMilsMoney(on: boolean): void {
  if (on === milsPage) return;
  milsPage = on;
  moneyMemo.clear();
}

/** The general reading, without memo or shortcuts: a cents or currency mark, then the figure parses. */
export function readsAsMoney(text: string): boolean {
  if (text.length === 0 || text.length > 40 || !DIGIT.test(text)) return false;
  const plain = text.endsWith('*') ? text.replace(TRAILING_STAR, '') : text;
  return (
    (CENTS.test(plain) ||
      SYMBOL_MARK.test(plain) ||
      (wholeUnitPage && GROUPED_WHOLE.test(plain)) ||
      (milsPage && MILS.test(plain))) &&
    (isMoneyReading(readAmount(plain, { currency: milsPage ? 'KWD' : 'USD' })) ||
      // Without cents, "684.500 VND" is grouped by its dot.
      (wholeUnitPage && isMoneyReading(readAmount(plain, { currency: 'USD', decimalSeparator: ',' }))))
  );
}

/** A reading in a real currency: "NOV 21" (a month and a day) names no currency "NOV". */
function isMoneyReading(read: ReturnType<typeof readAmount>): boolean {
  return read.ok && isCurrencyCode(read.value.currency);
}

/** ASCII letters in `text` (up to `limit` + 1: enough to say it has more). */
function asciiLetters(text: string, limit: number): number {
  let letters = 0;
  for (let i = 0; i < text.length && letters <= limit; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters;
}

/**
 * ASCII letters a figure parseAmount reads can carry: one credit/debit mark ("Haben", 5), one
 * currency code (3) and one symbol (the longest in CURRENCY_SYMBOLS: "kr", "US$"); any other
 * letter is left among its digits and refused.
 */
const MONEY_LETTERS =
  5 + 3 + Math.max(...Object.keys(CURRENCY_SYMBOLS).map((symbol) => asciiLetters(symbol, symbol.length)));

const LABELLED_FIGURE =
  /^((?:processing\s+)?(?:fees?|net|gross|amount|total|balance|tip|tax|gebühr|netto|brutto|betrag|saldo|frais|montant|solde))\s*:?\s+(\S.{0,30})$/iu;

/** "Fee $1.03", "Amount: £23.40": a label naming a money field before its figure (label, figure). */
export function labelledFigure(text: string): RegExpExecArray | undefined {
  const named = LABELLED_FIGURE.exec(text);
  return named && looksLikeMoney(named[2]!) ? named : undefined;
}

/** readsAsMoney, remembered per text, with descriptions ("ACH DEBIT GUSTO PAYROLL 17") refused by their letters. */
export function looksLikeMoney(text: string): boolean {
  const known = moneyMemo.get(text);
  if (known !== undefined) return known;
  if (text.length === 0 || text.length > 40 || !DIGIT.test(text)) return false;
  // A description is refused by its letters as cheaply as it is looked up: not remembered.
  if (asciiLetters(text, MONEY_LETTERS) > MONEY_LETTERS) return false;
  return remember(moneyMemo, text, readsAsMoney(text));
}

// Cyrillic, CJK and Hangul words for today and yesterday (сегодня, вчора, 今日, 昨天, 오늘, 어제) too.
const DATE_MARK =
  /[A-Za-zÀ-ž]{3}|[年년今昨]|오늘|어제|[\u0400-\u04ff]{5}|\d[/-]\d|\d{4}|(?:^|\s)\d{1,2}\.\d{1,2}\.(?:\d{2})?$/;

const TIME_AFTER =
  /\s*(?:\b(?:at|um|à|a las|alle|om|kl\.?)\b|[·•|,])\s*\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?.*$/i;

const LABEL_BEFORE =
  /^(?:posted(?: on)?|date|booked|transaction date|post date|datum|buchungstag|fecha|date de l'opération)\s*:?\s+/i;
const DETAIL_AFTER = /\s+[·•|]\s+.*$/;
/**
 * Era years: "令和8年11月20日" (Japan's Reiwa era, 2019 its first year), "民國115年" (Taiwan's
 * Minguo, 1912 its first).
 */
const ERA_YEAR = /(令和|平成|民國|民国)\s*(\d{1,3}|元)\s*年/u;
const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988, 民國: 1911, 民国: 1911 };
/** "115/11/20": a Minguo year of three digits first, as Taiwan's banks print it; no other date starts so. */
const ROC_NUMERIC = /^(1[0-4]\d)([/.-])(\d{1,2})\2(\d{1,2})$/;
const ROC_LEAD = /^1[0-4]\d[/.-]/;
/** "2026年11月20日" (Japanese, Chinese), "2026년 11월 20일" (Korean). */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u;
/**
 * A weekday before a date that starts with its day: "Mi, 18.11.2026", "mercredi 18 novembre 2026".
 * "mar" (mardi, martes) only with its dot or comma: bare, it is March ("Mar 2, 2026").
 */
const WEEKDAY_BEFORE =
  /^(?:mar[.,]|mo|di|mi|do|fr|sa|so|lu|ma|me|je|ve|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lun|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mié|jue|vie|sáb|dom|lunes|martes|miércoles|jueves|viernes|sábado|domingo|seg|ter|qua|qui|sex|segunda|terça|quarta|quinta|sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ma|wo|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ti|ke|to|pe|la|su|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\.?,?\s+(?=\d)/iu;
/** "18 de noviembre de 2026" (Spanish, Portuguese): the day, month and year without the "de"s. */
const DE_BETWEEN = /^(\d{1,2})\s+de\s+(\p{L}+\.?)(?:\s+de)?\s+(\d{4})/iu;
/** A day heading's tally after a dash or in brackets: "— 3 transactions", "– −£10.25", "(2)". */
const TALLY_AFTER =
  /\s*(?:\s[—–-]\s+(?:\d+\s+\p{L}+|[-−+]?\s?[$€£¥₹₪]?\s?\d[\d.,\s]*(?:[.,]\d{2})\s?(?:[A-Z]{3}|[$€£¥₹₪])?)|\(\d+\)|\s[-−+]?\s?[$€£¥₹₪]\s?\d[\d.,]*[.,]\d{2})\s*$/u;

/**
 * A date as portals print it among other words: "Nov 20 at 3:45 pm", "Posted: 11/20/2026",
 * "Nov 20 · Dining".
 */
export function cleanDateText(text: string): string {
  // Each step only where its pattern can match (a character it needs is there): most texts asked
  // are descriptions, which hold none of them.
  let s = text;
  // Asked once: an era year keeps its 年, and a Minguo date (digits only) never had one.
  const cjk = CJK_MARK.test(s);
  if (cjk && ERA_YEAR.test(s))
    s = s.replace(
      ERA_YEAR,
      (_, era: string, n: string) => `${ERA_BASE[era]! + (n === '元' ? 1 : Number(n))}年`,
    );
  else if (ROC_LEAD.test(s))
    s = s.replace(
      ROC_NUMERIC,
      (_, y: string, _sep, m: string, d: string) =>
        `${1911 + Number(y)}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
    );
  if (cjk)
    s = s.replace(
      CJK_DATE,
      (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
    );
  if (s.includes('*')) s = s.replace(TRAILING_STAR, '');
  // Before the time: "Mi, 18.11.2026" would read as a time after a comma.
  s = s.replace(WEEKDAY_BEFORE, '');
  if (TIME_MARK.test(s)) s = s.replace(TIME_AFTER, '');
  // The anchored steps only where the text's first or last character lets them match.
  if (LABEL_FIRST.has(s.charCodeAt(0) | 32)) s = s.replace(LABEL_BEFORE, '');
  if (isDigitCode(s.charCodeAt(0))) s = s.replace(DE_BETWEEN, '$1 $2 $3');
  if (DETAIL_MARK.test(s)) s = s.replace(DETAIL_AFTER, '');
  if (TALLY_MARK.test(s)) s = s.replace(TALLY_AFTER, '');
  const last = s.charCodeAt(s.length - 1) | 32;
  // "… ago", "just now": ends in o or w.
  if (last === 111 || last === 119) s = s.replace(EARLIER_TODAY, 'today');
  return s.length === 8 ? s.replace(COMPACT_YMD, '$1-$2-$3') : s;
}

/** The first letters of LABEL_BEFORE's words (p, d, b, t, f), lower case as char codes. */
const LABEL_FIRST = new Set([112, 100, 98, 116, 102]);
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/** "20261120": a date written without separators, as exports print it (a year 19xx or 20xx). */
const COMPACT_YMD = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/** "just now", "12 min ago", "3 hours ago": a line from earlier the same day (the as-of day). */
const EARLIER_TODAY =
  /^(?:just now|moments? ago|an? (?:few )?(?:seconds?|minutes?|hour) ago|\d{1,2}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?) ago)$/i;

/** Characters without which CJK_DATE, TIME_AFTER, DETAIL_AFTER and TALLY_AFTER cannot match. */
const CJK_MARK = /[年년]/;
const TIME_MARK = /\d[:.h]\d/i;
const DETAIL_MARK = /[·•|]/;
const TALLY_MARK = /[—–-]|\)|[$€£¥₹₪]/;

/** Longest text a date (with its day heading's words around it) is looked for in. */
export const DATE_TEXT_LIMIT = 80;

/**
 * A figure led by its currency sign ("$4999.99", "-€12", "( £3"): every date reading starts with a
 * digit or a letter, and no step of cleanDateText or parseDate takes away a lead like this one.
 */
const MONEY_LEAD = /^[-−+(]?\s?[$€£¥₹₪]/;

/** The general reading, without memo or shortcuts: a date mark, then the cleaned text parses. */
export function readsAsDate(text: string, asOf: string): boolean {
  if (text.length === 0 || text.length > DATE_TEXT_LIMIT || !DATE_MARK.test(text)) return false;
  const clean = cleanDateText(text);
  return clean.length <= 40 && parseDate(clean, { asOf }).ok;
}

/** readsAsDate, remembered per text, with figures refused before any regex runs on them. */
export function looksLikeDate(text: string, asOf: string): boolean {
  if (text.length === 0 || text.length > DATE_TEXT_LIMIT) return false;
  if (MONEY_LEAD.test(text) || !DATE_MARK.test(text)) return false;
  // Only short texts repeat (a date cell, a type); a row's whole text is asked once, not looked up.
  if (text.length > REMEMBERED_DATE_LENGTH) return readsAsDate(text, asOf);
  let memo = dateMemos.get(asOf);
  if (!memo) {
    if (dateMemos.size > 8) dateMemos.clear();
    memo = new Map();
    dateMemos.set(asOf, memo);
  }
  const known = memo.get(text);
  if (known !== undefined) return known;
  return remember(memo, text, readsAsDate(text, asOf));
}

const REMEMBERED_DATE_LENGTH = 40;

const MONTH_HEADING_SHAPE = /^\p{L}{3,}\.?(?:\s+\d{4})?$/u;

/**
 * A heading naming a month ("November 2026", "Oktober"): the rows under it show only their day
 * ("20", "20 Fri"). Its first day reads as a date, so the name is a month's.
 */
export function isMonthHeading(text: string, asOf: string): boolean {
  return (
    text.length <= 24 && MONTH_HEADING_SHAPE.test(text) && parseDate(`1 ${text}`, { asOf, order: 'dmy' }).ok
  );
}

/** Whole words, also where they start or end in an accented letter ("à venir", "échoué"). */
function wordsIn(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Words a status badge or column says; `skip` states never moved money. */
export const PENDING_WORDS = wordsIn(
  'pending|uncaptured|processing|reserved|reserviert|reservado|réservé|authori[sz]ed|authori[sz]ations?|in progress|in transit|on hold|ausstehend\\w*|vorgemerkt\\w*|in bearbeitung|en attente|en cours|pendientes?|in behandeling|in sospeso|scheduled for|not yet (?:posted|booked|cleared)|noch nicht gebucht|nicht gebucht|pas encore comptabilisée?s?|non comptabilisée?s?|no contabilizad[oa]s?|todavía no contabilizad[oa]s?|nog niet verwerkt|nog niet geboekt|in attesa|da contabilizzare|non contabilizzat[oi]|čeká\\w*|čaká\\w*|nezaúčtován\\w*|oczekując\\w*|în așteptare|в обработке|очікує|beklemede|függőben|afventer|väntande|awaiting (?:execution|settlement|posting|clearing|approval)|unposted|uncleared|memo[- ]?post(?:ed|ing)?|(?:temporary |pending |card )?holds?',
);
export const POSTED_WORDS = wordsIn(
  'posted|succeeded|successful|paid|completed?|cleared|settled|available|booked|gebucht|abgeschlossen|effectué|comptabilisé|completado|voltooid',
);
export const SKIP_STATUS_WORDS = wordsIn(
  'failed|declined|canceled|cancelled|voided|blocked|incomplete|expired|rejected|scheduled|abgelehnt|storniert|échoué|refusé|rechazado|geplant|programmé|programado',
);

/** Section headings of lists that are not transactions (yet): these rows must not be captured. */
export const NOT_TRANSACTIONS_HEADING = wordsIn(
  'scheduled|upcoming|recurring|future|planned|standing orders?|autopay settings|bill pay schedule|(?:amorti[sz]ation|repayment|payment|loan) schedule|schedule of payments|tilgungsplan|échéancier|cuadro de amortización|piano di ammortamento|geplant|daueraufträge|terminüberweisungen|vorgemerkte aufträge|à venir|programmés?|programad[oa]s?|próxim[oa]s|rates?|interest rates?|apy|account summary|your accounts|accounts overview|kontenübersicht|statements|e-statements|documents|kontoauszüge|relevés',
);

/** Lines inside a transaction table that are not transactions. */
export const NOT_A_TRANSACTION_ROW =
  /^(?:(?:beginning|opening|starting|ending|closing|current|available|previous|new|total|daily|ledger|pending|posted|outstanding|incoming|reserved|account|cleared|collected)\s+(?:balance|total)|(?:available|pending|in transit|on hold|reserved|incoming|outgoing|balance|net volume|gross volume|total volume|net sales|gross sales|available to spend|available now|next payout|upcoming payout)\s*$|(?:previous|prior|last|start|starting|final|statement|closing|opening)(?:\s+(?:statement|closing|opening|period))*\s+balance|balance\s+(?:as\s+)?(?:of|on|at|per)\b|totals?(?=\s*(?::|$|\d|[-$€£(]|for\b))|total\s+(?:fees|interest|purchases|payments|credits|charges|debits|deposits|withdrawals|cash advances)\b|sub-?totals?|saldo(?:\s+\w+)?|(?:alter|neuer|aktueller|letzter)\s+kontostand|kontostand|(?:ancien|nouveau)\s+solde|statement balance|beginsaldo|eindsaldo|anfangssaldo|endsaldo|solde(?:\s+\w+)?|balance (?:brought |carried )?forward|brought forward|carried forward|no (?:more )?transactions|keine umsätze)\b/i;

export const NEGATIVE_CLASS =
  /(?:^|[\s_-])(?:neg|negative|debit|debits|minus|outflow|outgoing|withdrawal|expense|decrease|red|danger|loss|money-?out)(?:$|[\s_-])/i;
export const POSITIVE_CLASS =
  /(?:^|[\s_-])(?:pos|positive|credit|credits|plus|inflow|incoming|deposit|income|increase|green|success|gain|money-?in)(?:$|[\s_-])/i;
export const NEGATIVE_WORDS = wordsIn(
  'withdrawal|debit|minus|negative|money out|spent|sent|paid out|outgoing|purchase|abbuchung|lastschrift|belastung|ausgang|débit|retrait|cargo|afschrijving',
);
export const POSITIVE_WORDS = wordsIn(
  'deposit|credit|plus|positive|received|money in|paid in|incoming|gutschrift|eingang|crédit|abono|bijschrijving',
);
