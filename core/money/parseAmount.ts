import { CURRENCY_SYMBOLS } from '../model/currency';
import { problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import { type DecimalSeparator, decimalEvidence } from './detectDecimalSeparator';
import { digitsToMinor } from './digitsToMinor';
import { normalizeAmountText } from './normalizeAmountText';

export type ParsedAmount = { minor: number; currency: string };

export type AmountOptions = {
  /** Decided per column (detectDecimalSeparator); when absent, this value alone decides. */
  decimalSeparator?: DecimalSeparator;
  /** The account's or column's currency, used when the text names none (or only `$`). */
  currency?: string;
};

const SYMBOLS = Object.keys(CURRENCY_SYMBOLS).sort((a, b) => b.length - a.length);
/** Symbols that several currencies print: the column's currency wins when it is one of them. */
const SHARED_SYMBOLS: Record<string, (currency: string) => boolean> = {
  $: (c) => c.endsWith('D') || c === 'MXN' || c === 'ARS' || c === 'CLP' || c === 'COP',
  '¥': (c) => c === 'JPY' || c === 'CNY',
  kr: (c) => ['SEK', 'NOK', 'DKK', 'ISK'].includes(c),
  Fr: (c) => c === 'CHF' || c === 'XOF' || c === 'XAF',
};
/** Credit/debit after the figure: `CR`/`DR`, and German banks' `S`/`H` (Soll/Haben). */
const CREDIT_DEBIT = /^(.*?)\s*\b(CR|DR|Cr|Dr|cr|dr|S|H|Soll|Haben)\.?$/;

type Marks = { minus: boolean; parens: number; debit: boolean; code?: string; symbol?: string };

function stripEdges(input: string, marks: Marks): string {
  let s = input;
  for (let guard = 0; guard < 12; guard++) {
    const before = s;
    s = s.trim();
    const cd = CREDIT_DEBIT.exec(s);
    if (cd) {
      if (/^(?:DR|S|Soll)$/i.test(cd[2]!)) marks.debit = true;
      s = cd[1]!;
    }
    if (s.startsWith('(') && s.endsWith(')')) {
      marks.parens++;
      s = s.slice(1, -1);
    }
    if (s.startsWith('-') || s.endsWith('-')) {
      marks.minus = true;
      s = s.startsWith('-') ? s.slice(1) : s.slice(0, -1);
    }
    if (s.startsWith('+')) s = s.slice(1);
    if (s.endsWith('+')) s = s.slice(0, -1);
    const leadCode = /^([A-Z]{3})(?![A-Za-z])/.exec(s);
    if (leadCode) {
      marks.code = leadCode[1];
      s = s.slice(3);
    }
    const tailCode = /(?<![A-Za-z])([A-Z]{3})$/.exec(s);
    if (tailCode) {
      marks.code = tailCode[1];
      s = s.slice(0, -3);
    }
    for (const symbol of SYMBOLS) {
      if (s.startsWith(symbol)) {
        marks.symbol = symbol;
        s = s.slice(symbol.length);
        break;
      }
      if (s.endsWith(symbol) && !/\d/.test(symbol)) {
        marks.symbol = symbol;
        s = s.slice(0, -symbol.length);
        break;
      }
    }
    if (s === before) break;
  }
  // "( 12.00 )" after a symbol was removed: "$(12.00)"
  if (s.startsWith('(') && s.endsWith(')')) {
    marks.parens++;
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
const PLAIN_POINT = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/;
const PLAIN_COMMA = /^(-?)(\d{1,15})(?:,(\d{1,6}))?$/;

export function parseAmount(text: string, options: AmountOptions = {}): Result<ParsedAmount> {
  // Fast path for the plain numbers most files hold ("-1234.50"): no symbols, groups or marks.
  if (options.currency) {
    const plain = (options.decimalSeparator === ',' ? PLAIN_COMMA : PLAIN_POINT).exec(text);
    if (plain) {
      const minor = digitsToMinor(plain[1] === '-', plain[2]!, plain[3] ?? '', options.currency);
      return minor.ok ? ok({ minor: minor.value, currency: options.currency }) : minor;
    }
  }
  const normalized = normalizeAmountText(text);
  if (normalized === '') return fail(problem('empty_amount', 'the amount is empty'));
  const marks: Marks = { minus: false, parens: 0, debit: false };
  const body = stripEdges(normalized, marks);
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
