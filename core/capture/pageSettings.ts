import type { DateOrder } from '../dates/parseDate';
import { CURRENCY_SYMBOLS } from '../model/currencySymbols';
import { isCurrencyCode } from '../model/isoCurrencies';
import type { DecimalSeparator } from '../money/detectDecimalSeparator';
import { attrOf, type DomNode } from './domTree';

/** What the page as a whole says about how to read it when a column cannot tell. */
export type PageSettings = {
  currency: string;
  /** Nothing about the page (option, language, address) named a currency: `currency` is a guess. */
  currencyAssumed: boolean;
  fallbackOrder: DateOrder;
  /** Neither the page's language nor a currency its address names says the day/month order. */
  orderAssumed: boolean;
  fallbackSeparator: DecimalSeparator;
  /** A legend says a trailing "*" marks pending lines. */
  starMeansPending: boolean;
};

/** Where the page's language names a region with its own currency (de-CH, en-GB, fr-CA…). */
const REGION_CURRENCY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  LI: 'CHF',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  IE: 'EUR',
  IN: 'INR',
  SG: 'SGD',
  HK: 'HKD',
  ZA: 'ZAR',
  MX: 'MXN',
  BR: 'BRL',
  JP: 'JPY',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  KR: 'KRW',
  CN: 'CNY',
  TW: 'TWD',
  IL: 'ILS',
  TR: 'TRY',
  PH: 'PHP',
  TH: 'THB',
  ID: 'IDR',
  MY: 'MYR',
  VN: 'VND',
  AE: 'AED',
  RO: 'RON',
  UA: 'UAH',
  NG: 'NGN',
  KE: 'KES',
  AR: 'ARS',
  CL: 'CLP',
  PE: 'PEN',
  PK: 'PKR',
  LK: 'LKR',
  SA: 'SAR',
  KW: 'KWD',
  BH: 'BHD',
  QA: 'QAR',
  JO: 'JOD',
  EG: 'EGP',
  IS: 'ISK',
  BD: 'BDT',
};
const LANG_CURRENCY: Record<string, string> = {
  sv: 'SEK',
  da: 'DKK',
  nb: 'NOK',
  no: 'NOK',
  pl: 'PLN',
  cs: 'CZK',
  hu: 'HUF',
  ja: 'JPY',
  he: 'ILS',
  iw: 'ILS',
  ko: 'KRW',
  zh: 'CNY',
  th: 'THB',
  tr: 'TRY',
  vi: 'VND',
  ro: 'RON',
  uk: 'UAH',
  id: 'IDR',
  is: 'ISK',
  bn: 'BDT',
};
/** A country's own domain (`bank.co.uk`, `banque.fr`) where the page's language names no region. */
const TLD_CURRENCY: Record<string, string> = {
  ...REGION_CURRENCY,
  UK: 'GBP',
  ...Object.fromEntries(
    [
      'DE',
      'FR',
      'ES',
      'IT',
      'NL',
      'AT',
      'BE',
      'PT',
      'FI',
      'GR',
      'SK',
      'SI',
      'EE',
      'LV',
      'LT',
      'LU',
      'MT',
      'CY',
      'HR',
    ].map((c) => [c, 'EUR']),
  ),
};
delete TLD_CURRENCY.US;

function tldCurrency(url: string | undefined): string | undefined {
  const host = /^[a-z][\w+.-]*:\/\/([^/?#:]+)/i.exec(url ?? '')?.[1];
  const tld = host?.slice(host.lastIndexOf('.') + 1).toUpperCase();
  return tld ? TLD_CURRENCY[tld] : undefined;
}

/** Currencies of countries that write the month first (or both ways): they decide no order. */
const MONTH_FIRST_CURRENCIES = new Set(['USD', 'CAD', 'PHP']);
const EURO_LANGS = /^(de|fr|es|it|nl|pt|fi|el|sk|sl|et|lv|lt|ga|mt|lb)\b/i;
const DAY_FIRST_LANGS = /^(?!en-us|en$|en-ca|en-ph)[a-z]{2}/i;
const COMMA_LANGS = /^(de|fr|es|it|nl|pt|fi|el|sk|sl|et|lv|lt|da|sv|nb|no|pl|cs|hu|ro|tr|ru|id|is|uk)\b/i;
const ACCOUNT_WORD =
  /checking|savings|account|konto|compte|cuenta|conto|rekening|card|visa|mastercard|platinum|business|operating|credit/i;
// "ending 31007" as Amex writes it, but not a date ("period ending 2026-11-30").
const ACCOUNT_MASK =
  /(?:••+|·{2,}|\*{2,}|[xX]{2,}|ending(?: in| with)?:?|endet auf|…|\.{3}|\(-|-)\s*(\d{4,5})\b(?![-/.]\d)/;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/;
/**
 * What a card account's page says about it (outside its rows): a payment due, a credit limit, a card
 * number. Scripts without word boundaries (Japanese, Hebrew, Cyrillic) are matched as they stand.
 */
const CARD_WORDS =
  /\b(?:statement balance|minimum (?:payment|amount) due|minimum payment|payment due(?: date)?|available credit|credit limit|credit line|card ending(?: in)?|card member|cardmember|last statement balance|cash advance limit|rewards balance|kreditrahmen|kreditkartenlimit|kartenlimit|verfügungsrahmen|verfügbarer kredit|plafond(?! de retrait)|limite de crédit|límite de crédito|limite di credito|bestedingslimiet|kredietlimiet|kredietruimte)\b|(?:ご利用可能額|ご利用限度額|利用可能額|利用限度額|מסגרת אשראי|מסגרת הכרטיס|信用额度|可用额度|кредитный лимит)|\b(?:visa|mastercard|master card|amex|american express|discover)\b[^\n]{0,40}?(?:ending(?: in)?\s*\d{4}|(?:•|\*|x|·){2,}\s*\d{4})/i;

/** The first text outside the rows that says the page is a card account's, if any. */
export function findCardCue(nodes: DomNode[]): string | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (!n.ownText || n.text.length >= 200) continue;
    const m = CARD_WORDS.exec(n.text);
    if (m) return m[0];
  }
  return undefined;
}

const STAR_LEGEND =
  /\*\s*(?:=|:|-|–|indicates|denotes|means|marks)?\s*(?:\w+\s+){0,3}(?:pending|not yet posted|processing|vorgemerkt|en attente)|(?:pending|not yet posted|processing)[^*]{0,40}\*/i;

function contentLanguage(doc: Document | null | undefined): string | undefined {
  for (const meta of Array.from(doc?.getElementsByTagName?.('meta') ?? [])) {
    // By name in any case: a saved page's parser may keep `HTTP-EQUIV` as written.
    const attr = (name: string) =>
      Array.from(meta.attributes).find((a) => a.name.toLowerCase() === name)?.value ?? '';
    if (attr('http-equiv').toLowerCase() === 'content-language')
      return attr('content').split(',')[0]!.trim() || undefined;
  }
  return undefined;
}

function langOf(root: Document | Element): string {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const own = root.nodeType === 1 ? (root as Element).closest?.('[lang]')?.getAttribute('lang') : undefined;
  const top = doc?.documentElement;
  // Older portals say it in XHTML's attribute or a Content-Language meta instead.
  return own ?? top?.getAttribute('lang') ?? top?.getAttribute('xml:lang') ?? contentLanguage(doc) ?? '';
}

/**
 * Finds the account name the page shows, masked to its last four: `Business Checking ••6789`.
 * Text inside transaction rows ("Card ••8812" on one line) does not name the page's account.
 */
export function findAccount(all: DomNode[], rows: DomNode[]): string | undefined {
  // Rows are disjoint: one sweep in document order says which nodes lie inside one (`all` is in
  // document order), instead of walking up from every node.
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  let r = 0;
  const candidates: Array<{ node: DomNode; name: string }> = [];
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    while (r < sorted.length && sorted[r]!.end < n.start) r++;
    const row = sorted[r];
    if (!n.ownText || n.text.length > 80 || (row && row.start <= n.start)) continue;
    const named = accountNamedIn(n.text);
    if (named) candidates.push({ node: n, name: named });
  }
  return pageOwnAccount(candidates);
}

/**
 * Of the accounts named outside the rows, the list's own: the only one; else the one marked as the
 * page shown (an account switcher's current entry); else the only one outside navigation; else one
 * in a heading; else the first. A sidebar listing every account does not name the page's.
 */
function pageOwnAccount(named: ReadonlyArray<{ node: DomNode; name: string }>): string | undefined {
  const only = (list: ReadonlyArray<{ name: string }>) =>
    list.length > 0 && list.every((c) => c.name.slice(-4) === list[0]!.name.slice(-4))
      ? list[0]!.name
      : undefined;
  return (
    only(named) ??
    only(named.filter((c) => within(c.node, isMarkedCurrent))) ??
    only(named.filter((c) => !within(c.node, isNavigation))) ??
    only(named.filter((c) => /^h[1-6]$/.test(c.node.tag))) ??
    named[0]?.name
  );
}

const within = (n: DomNode, test: (a: DomNode) => boolean) => {
  for (let a: DomNode | undefined = n; a; a = a.parent) if (test(a)) return true;
  return false;
};
const CURRENT_CLASS = /(?:^|[\s_-])(?:active|selected|current)(?:$|[\s_-])/i;
const isMarkedCurrent = (a: DomNode) => {
  const current = attrOf(a, 'aria-current');
  return (
    (current !== null && current !== 'false') ||
    attrOf(a, 'aria-selected') === 'true' ||
    (a.cls !== '' && CURRENT_CLASS.test(a.cls))
  );
};
const isNavigation = (a: DomNode) =>
  a.tag === 'nav' ||
  a.tag === 'aside' ||
  a.role === 'navigation' ||
  a.role === 'menu' ||
  a.role === 'tablist';

/** The account one text names, masked to its last four ("Business Checking ••6789"), if it names one. */
export function accountNamedIn(text: string): string | undefined {
  const m = ACCOUNT_MASK.exec(text);
  const name = m
    ? text
        .slice(0, m.index)
        // The last crumb of a trail ("Accounts › Operating ••2291"), or the part after a divider.
        .replace(/^.*(?:[·|›»→▸❯]|\s[>/]\s)/, '')
        .replace(/(?:\bn[°º]|\bno\.?|#|[(:\-–])\s*$/i, '')
        .trim()
        .slice(-40)
    : '';
  if (m && ACCOUNT_WORD.test(name)) return `${name} ••${m[1]}`;
  // "A/c No: XXXXXXXX4521 · Current Account": the name after the number.
  const after = m
    ? text
        .slice(m.index + m[0].length)
        .replace(/^[\s·|,:–—-]+/, '')
        .split(/[·|,;(]/, 1)[0]!
        .trim()
    : '';
  if (
    m &&
    /^\p{L}[\p{L} ]{0,38}$/u.test(after) &&
    !/^(?:to|from|for)\b/i.test(after) &&
    ACCOUNT_WORD.test(after)
  )
    return `${after} ••${m[1]}`;
  const iban = IBAN.exec(text);
  return iban ? `IBAN ••${iban[0].replace(/\s/g, '').slice(-4)}` : undefined;
}

/** "Account currency: KWD", "Mata Uang | : IDR", "Währung: EUR", "العملة: ريال (ر.س)". */
const CURRENCY_LABEL =
  /^(?:[\p{L} ]{0,20}\b)?(?:(?:all )?amounts? (?:are )?(?:shown |stated |displayed )?in|currency|währung|devise|moneda|valuta|divisa|mata uang|валюта|العملة|通貨|货币|幣別|통화)\s*[:：]?\s*(.*)$/iu;
const CODE_OR_SIGN = new RegExp(
  `(?<![\\p{L}])(?:[A-Z]{3}|${Object.keys(CURRENCY_SYMBOLS)
    .filter((s) => s.length > 1 || !/[$¥]/.test(s))
    .map((s) => s.replace(/[.$]/g, '\\$&'))
    .join('|')})(?![\\p{L}])`,
  'gu',
);

/** The one currency a label on the page names, by code or sign (in its own text or the next one). */
/**
 * A word every CURRENCY_LABEL match holds: nearly every text on the page is turned away by this
 * plain search, not by the label's leading letters tried at each of 20 places.
 */
const LABEL_WORD =
  /amount|currency|währung|devise|moneda|valuta|divisa|mata uang|валюта|العملة|通貨|货币|幣別|통화/iu;

const LABEL_SEPARATOR = /\s[·|•]\s/;

function labelAmong(text: string): RegExpExecArray | null {
  if (!LABEL_SEPARATOR.test(text)) return null;
  for (const part of text.split(LABEL_SEPARATOR)) {
    const m = LABEL_WORD.test(part) ? CURRENCY_LABEL.exec(part.trim()) : null;
    if (m && m[1] !== '') return m;
  }
  return null;
}

function labelledCurrency(all: DomNode[]): string | undefined {
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    if (!n.ownText || n.text.length > 120 || !LABEL_WORD.test(n.text)) continue;
    // "Merchant account: Harbor · Batch 212 · Currency EUR": a label among others on one line.
    const m = CURRENCY_LABEL.exec(n.text.trim()) ?? labelAmong(n.text);
    if (!m) continue;
    const next = all.slice(i + 1).find((x) => x.ownText);
    const said = m[1] !== '' ? m[1]! : next && next.text.length <= 40 ? next.text : '';
    const named = new Set(
      Array.from(said.matchAll(CODE_OR_SIGN), (c) => CURRENCY_SYMBOLS[c[0]] ?? c[0]).filter(isCurrencyCode),
    );
    if (named.size === 1) return [...named][0];
  }
  return undefined;
}

/**
 * The currency of the country the page's own IBAN names ("Current Account PK36 INDV…"); one inside
 * a row is a payee's, not the account's.
 */
function ibanCurrency(all: DomNode[]): string | undefined {
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    // Its place first: on a page of many rows most texts are in one, and no pattern is tried on them.
    if (!n.ownText || n.text.length > 120 || inRow(n)) continue;
    const iban = IBAN.exec(n.text);
    if (iban) return TLD_CURRENCY[iban[0].slice(0, 2)];
  }
  return undefined;
}

function inRow(n: DomNode): boolean {
  for (let a: DomNode | undefined = n; a; a = a.parent)
    if (a.tag === 'tr' || a.tag === 'li' || a.role === 'row') return true;
  return false;
}

/** One ISO code the page prints on its own in three or more places (a Currency column): its currency. */
function soleCodeShown(all: DomNode[]): string | undefined {
  let code: string | undefined;
  let seen = 0;
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    if (n.text.length !== 3 || !n.ownText || !/^[A-Z]{3}$/.test(n.text) || !isCurrencyCode(n.text)) continue;
    if (code !== undefined && n.text !== code) return undefined;
    code = n.text;
    seen++;
  }
  return seen >= 3 ? code : undefined;
}

export function pageSettings(
  root: Document | Element,
  all: DomNode[],
  defaultCurrency?: string,
  url?: string,
): PageSettings {
  const lang = langOf(root);
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang)?.[1]?.toUpperCase();
  const named =
    defaultCurrency ??
    labelledCurrency(all) ??
    (region ? REGION_CURRENCY[region] : undefined) ??
    tldCurrency(url) ??
    ibanCurrency(all) ??
    (EURO_LANGS.test(lang) ? 'EUR' : LANG_CURRENCY[lang.slice(0, 2).toLowerCase()]) ??
    soleCodeShown(all);
  const currency = named ?? 'USD';
  const starMeansPending = all.some(
    (n) => n.ownText && n.text.length < 200 && n.text.includes('*') && STAR_LEGEND.test(n.text),
  );
  // A bare "en" names no country; a currency named by the address does (pounds, rupees: day first).
  const langDecides = lang !== '' && !/^en$/i.test(lang);
  const dayFirstCurrency = named !== undefined && !MONTH_FIRST_CURRENCIES.has(named);
  return {
    starMeansPending,
    currency,
    currencyAssumed: named === undefined,
    fallbackOrder: (langDecides ? DAY_FIRST_LANGS.test(lang) : dayFirstCurrency) ? 'dmy' : 'mdy',
    orderAssumed: !langDecides && !dayFirstCurrency,
    fallbackSeparator: COMMA_LANGS.test(lang) ? ',' : '.',
  };
}
