import { CURRENCY_SYMBOLS } from '../model/currencySymbols';
import { currencyExponent } from '../model/isoCurrencies';
import { problem } from '../model/problemRecord';
import { fail, ok, type Result } from '../model/result';
import { type DecimalSeparator, decimalEvidence } from './detectDecimalSeparator';
import { digitsToMinor } from './digitsToMinor';
import { normalizeAmountText } from './normalizeAmountText';
import { plainMinor } from './plainMinor';

export type ParsedAmount = { minor: number; currency: string };

export type AmountOptions = {
  /** Decided per column (detectDecimalSeparator); when absent, this value alone decides. */
  decimalSeparator?: DecimalSeparator;
  /** The account's or column's currency, used when the text names none (or only `$`). */
  currency?: string;
};

const SYMBOLS = Object.keys(CURRENCY_SYMBOLS).sort((a, b) => b.length - a.length);
const RUPEES = new Set(['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR']);
function isRupee(currency: string): boolean {
  return RUPEES.has(currency);
}
/** Symbols that several currencies print: the column's currency wins when it is one of them. */
const SHARED_SYMBOLS: Record<string, (currency: string) => boolean> = {
  $: (c) => c.endsWith('D') || c === 'MXN' || c === 'ARS' || c === 'CLP' || c === 'COP',
  '¥': (c) => c === 'JPY' || c === 'CNY',
  kr: (c) => ['SEK', 'NOK', 'DKK', 'ISK'].includes(c),
  'kr.': (c) => ['SEK', 'NOK', 'DKK', 'ISK'].includes(c),
  Fr: (c) => c === 'CHF' || c === 'XOF' || c === 'XAF',
  Rs: isRupee,
  'Rs.': isRupee,
};
const LEADING_SYMBOLS = new Set(['$', '€', '£']);

/** `-$1,234.56`, `€4.50`: the general reading's result, in one pass; undefined for anything else. */
function symbolFigure(text: string, options: AmountOptions): ParsedAmount | undefined {
  const minus = text.charCodeAt(0) === 45 ? 1 : 0;
  const symbol = text.charAt(minus);
  if (!LEADING_SYMBOLS.has(symbol)) return undefined;
  const first = text.charCodeAt(minus + 1);
  if (!(first >= 48 && first <= 57)) return undefined;
  const figure = text.slice(minus + 1);
  const currency =
    options.currency && SHARED_SYMBOLS[symbol]?.(options.currency)
      ? options.currency
      : CURRENCY_SYMBOLS[symbol]!;
  const separator = options.decimalSeparator ?? decimalEvidence(figure) ?? '.';
  const minor = plainMinor(figure, separator === ',', true, currencyExponent(currency));
  if (Number.isNaN(minor)) return undefined;
  return { minor: minus && minor !== 0 ? -minor : minor, currency };
}

const WHOLE_UNITS = /(\d)[.,]-$/;

/** Credit/debit after the figure: `CR`/`DR` (`DB` in Indonesia), and German banks' `S`/`H` (Soll/Haben). */
const CREDIT_DEBIT = /^(.*?)\s*\b(CR|DR|DB|Cr|Dr|Db|cr|dr|S|H|Soll|Haben)\.?$/;

type Marks = {
  minus: boolean;
  parens: number;
  debit: boolean;
  /** Sign marks seen (minus, plus, parentheses, CR/DR): more than one is no amount (`--5`, `(-5)`). */
  signs: number;
  /** Currency codes seen: two are no amount (`EUR 5 USD`). */
  units: number;
  /** Currency symbols seen: two are no amount (`$5€`). */
  symbols: number;
  code?: string;
  symbol?: string;
};

function stripEdges(input: string, marks: Marks): string {
  let s = input;
  for (let guard = 0; guard < 12; guard++) {
    const before = s;
    s = s.trim();
    const cd = CREDIT_DEBIT.exec(s);
    if (cd) {
      if (/^(?:DR|DB|S|Soll)$/i.test(cd[2]!)) marks.debit = true;
      marks.signs++;
      s = cd[1]!;
    }
    if (s.startsWith('(') && s.endsWith(')')) {
      marks.parens++;
      marks.signs++;
      s = s.slice(1, -1);
    }
    if (s.startsWith('-') || s.endsWith('-')) {
      marks.minus = true;
      marks.signs++;
      s = s.startsWith('-') ? s.slice(1) : s.slice(0, -1);
    }
    if (s.startsWith('+') || s.endsWith('+')) {
      marks.signs++;
      s = s.startsWith('+') ? s.slice(1) : s.slice(0, -1);
    }
    const leadCode = /^([A-Z]{3})(?![A-Za-z])/.exec(s);
    if (leadCode) {
      marks.code = leadCode[1];
      marks.units++;
      s = s.slice(3);
    }
    const tailCode = /(?<![A-Za-z])([A-Z]{3})$/.exec(s);
    if (tailCode) {
      marks.code = tailCode[1];
      marks.units++;
      s = s.slice(0, -3);
    }
    for (const symbol of SYMBOLS) {
      if (s.startsWith(symbol)) {
        marks.symbol = symbol;
        marks.symbols++;
        s = s.slice(symbol.length);
        break;
      }
      if (s.endsWith(symbol) && !/\d/.test(symbol)) {
        marks.symbol = symbol;
        marks.symbols++;
        s = s.slice(0, -symbol.length);
        break;
      }
    }
    if (s === before) break;
  }
  // "( 12.00 )" after a symbol was removed: "$(12.00)"
  if (s.startsWith('(') && s.endsWith(')')) {
    marks.parens++;
    marks.signs++;
    s = s.slice(1, -1).trim();
  }
  return s;
}

function groupsAreWellFormed(intPart: string, group: RegExp): boolean {
  const groups = intPart.split(group);
  if (groups.length === 1) return true;
  const [first, ...rest] = groups;
  if (!first || first.length > 3) return false;
  const last = rest.pop()!;
  // Western groups of three; Indian lakh/crore groups of two before the last three.
  return last.length === 3 && rest.every((g) => g.length === 3 || g.length === 2);
}

/**
 * Reads an amount as portals and files print it: `-1,234.56`, `(1,234.56)`, `1.234,56 €`,
 * `-45,00 EUR`, `1 234,56`, `$12`, `12.00 CR`/`DR`, `43,87 S`/`H`, `+ $5.00`, `−5`, non-breaking spaces.
 */
export function parseAmount(text: string, options: AmountOptions = {}): Result<ParsedAmount> {
  // The plain numbers most files hold ("-1234.50", "1,234.50", "1.234,50") in one pass, the decimal
  // separator as the general reading below would take it; anything else, refusals included, by it.
  if (options.currency) {
    const separator = options.decimalSeparator ?? decimalEvidence(text) ?? '.';
    const minor = plainMinor(text, separator === ',', true, currencyExponent(options.currency));
    if (!Number.isNaN(minor)) return ok({ minor, currency: options.currency });
  }
  // Portal figures: one symbol before a plain figure, after an optional minus ("-$1,234.56").
  const symbolic = symbolFigure(text, options);
  if (symbolic) return ok(symbolic);
  // "45,-", "1.250,–", "Fr. 45.–": whole units, the dash standing for no cents (never a minus).
  const normalized = normalizeAmountText(text).replace(WHOLE_UNITS, '$1');
  if (normalized === '') return fail(problem('empty_amount', 'the amount is empty'));
  const marks: Marks = { minus: false, parens: 0, debit: false, signs: 0, units: 0, symbols: 0 };
  const body = stripEdges(normalized, marks);
  // `$5.00 USD` agrees with itself; `€5 USD` or `EUR 5 USD` does not.
  const symbolCode = marks.symbol ? CURRENCY_SYMBOLS[marks.symbol] : undefined;
  const clash =
    marks.units > 1 ||
    marks.symbols > 1 ||
    (marks.code !== undefined &&
      symbolCode !== undefined &&
      symbolCode !== marks.code &&
      !SHARED_SYMBOLS[marks.symbol!]?.(marks.code));
  if (marks.signs > 1 || clash) {
    return fail(
      problem(
        'invalid_amount',
        `"${text.trim()}" is not an amount: it has ${marks.signs > 1 ? 'more than one sign' : 'more than one currency'}`,
      ),
    );
  }
  if (!/^\d|^[.,]\d/.test(body) || !/^[0-9.,' ]+$/.test(body) || /[.,' ]$/.test(body)) {
    return fail(problem('invalid_amount', `"${text.trim()}" is not an amount`));
  }
  const decimal = options.decimalSeparator ?? decimalEvidence(body) ?? '.';
  const group = decimal === '.' ? /[,' ]/ : /[.' ]/;
  const parts = body.split(decimal);
  if (parts.length > 2) {
    return fail(
      problem('invalid_amount', `"${text.trim()}" has more than one decimal separator "${decimal}"`),
    );
  }
  const [intRaw, fracRaw = ''] = parts as [string, string?];
  if (!groupsAreWellFormed(intRaw, group) || /[^0-9]/.test(fracRaw)) {
    return fail(
      problem(
        'invalid_amount',
        `"${text.trim()}" does not read as an amount with "${decimal}" as the decimal separator`,
      ),
    );
  }
  let currency = marks.code;
  if (!currency && marks.symbol) {
    const shared = SHARED_SYMBOLS[marks.symbol];
    currency =
      options.currency && shared?.(options.currency) ? options.currency : CURRENCY_SYMBOLS[marks.symbol];
  }
  currency ??= options.currency;
  if (!currency) {
    return fail(problem('missing_currency', `"${text.trim()}" names no currency and none was given for it`));
  }
  const negative = marks.minus || marks.parens > 0 || marks.debit;
  const minor = digitsToMinor(negative, intRaw.replace(/[^0-9]/g, ''), fracRaw, currency);
  if (!minor.ok) return minor;
  return ok({ minor: minor.value, currency });
}
