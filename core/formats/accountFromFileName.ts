import { maskedAccount } from './accountLabel';

export type NamedAccount = { name: string; evidence: string; digits?: string; kind?: string };

/** Account kinds as download names spell them, in several languages. */
const KINDS: Array<[RegExp, string]> = [
  [
    /^(checking|checkings|chequing|cheque|current|giro|girokonto|betaalrekening|corriente|courant|dda|chk)$/,
    'Checking',
  ],
  [/^(savings?|sparkonto|spar|sav|epargne|ahorro|ahorros|risparmio|spaarrekening|poupanca)$/, 'Savings'],
  [/^(creditcard|card|visa|mastercard|amex|kreditkarte|cc|tarjeta|carte)$/, 'Card'],
  [/^(moneymarket|mma)$/, 'Money Market'],
  [/^(loan|mortgage|heloc|lineofcredit|loc)$/, 'Loan'],
];

/** Words in download names that say nothing about which account it is. */
const NOISE =
  /^(export|exports|exported|download|downloads|activity|transactions?|txns?|statement|statements|stmt|estatement|history|account|accounts|acct|acc|konto|kontoauszug|umsaetze|umsatze|umsatzliste|csv|data|report|file|bank|movimientos|extracto|releve|mouvements|transacties|afschrift|estratto|movimenti|extrato|ending|end|in|no|nr|num|number|of|for|from|to|the|and|all|new|copy|x+|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|q[1-4]|ytd|month|monthly|week|weekly|year|annual|business|personal|my|final|version|v\d*|full|ofx|qfx|qif|xls|xlsx|pdf)$/;

const DATES = [
  /(?<!\d)(19|20)\d{2}[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/g,
  /(?<!\d)(0?[1-9]|[12]\d|3[01])[-_.](0?[1-9]|1[0-2])[-_.]((19|20)\d{2}|\d{2})(?!\d)/g,
  /(?<!\d)(0?[1-9]|1[0-2])[-_.](0?[1-9]|[12]\d|3[01])[-_.]((19|20)\d{2}|\d{2})(?!\d)/g,
  /(?<!\d)(19|20)\d{2}[-_.](0?[1-9]|1[0-2])(?!\d)/g,
  /(?<!\d)(0?[1-9]|1[0-2])[-_.](19|20)\d{2}(?!\d)/g,
  /(?<!\d)(19|20)\d{2}(0[1-9]|1[0-2])(?!\d)/g,
  /(?<!\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(19|20)\d{2}(?!\d)/g,
  /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d{2}(?!\d)/g,
  // A year alone (`statement_2026.csv`) is a date, not an account number.
  /(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/g,
];

const IBAN = /(?<![A-Z0-9])([A-Z]{2}\d{2}[A-Z0-9]{11,30})(?![A-Z0-9])/i;

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
function validIban(iban: string): boolean {
  const moved = (iban.slice(4) + iban.slice(0, 4)).toUpperCase();
  let rest = 0;
  for (const ch of moved) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * The account a file's name says it holds, the way banks name downloads: an IBAN
 * (`Export_DE89370400440532013000.csv`), an account number or its last digits next to a kind or a
 * bank (`Chase4417_Activity_20261101.CSV`, `checking_4417_2026-11.csv`, `savings_4421.csv`), or a
 * kind alone (`savings.csv`). Dates in the name (20261101, 2026-11, 11-01-2026, a year) are not
 * account numbers. Undefined when the name says nothing certain — two numbers, or only a bank's name.
 */
export function accountFromFileName(path: string): NamedAccount | undefined {
  const file = path.split(/[\\/]/).pop() ?? path;
  const stem = file.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const quoted = `"${file}"`;
  const iban = IBAN.exec(stem.replace(/[\s]/g, ''))?.[1];
  if (iban && validIban(iban)) {
    return {
      name: maskedAccount('Account', iban),
      evidence: `${quoted}: IBAN ${iban.toUpperCase()}`,
      digits: iban.slice(-4),
    };
  }
  let text = stem;
  for (const pattern of DATES) text = text.replace(pattern, ' ');
  // `Chase4417` → `Chase 4417`; `CreditCard` → `Credit Card`
  const tokens = text
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = tokens.map((t) => t.toLowerCase()).join(' ');
  const numbers = tokens.filter((t) => /^\d{3,17}$/.test(t));
  let kind: string | undefined;
  for (const [pattern, label] of KINDS) {
    if (tokens.some((t) => pattern.test(t.toLowerCase())) || pattern.test(joined.replace(/ /g, ''))) {
      kind = label;
      break;
    }
  }
  if (!kind && /\bcredit card\b|\bmoney market\b/.test(joined))
    kind = /credit/.test(joined) ? 'Card' : 'Money Market';
  const words = tokens.filter(
    (t) =>
      /^[A-Za-z]{3,}$/.test(t) &&
      !NOISE.test(t.toLowerCase()) &&
      !KINDS.some(([p]) => p.test(t.toLowerCase())),
  );
  const bank =
    words.length === 1 && !/^(credit|money|market|line)$/i.test(words[0]!)
      ? capitalize(words[0]!)
      : undefined;
  if (numbers.length > 1) return undefined;
  const digits = numbers[0];
  if (digits) {
    const label = [bank, kind].filter(Boolean).join(' ') || 'Account';
    return {
      name: maskedAccount(label, digits),
      evidence: `${quoted}: account number ending ${digits.slice(-4)}`,
      digits: digits.slice(-4),
      ...(kind ? { kind } : {}),
    };
  }
  if (kind)
    return { name: [bank, kind].filter(Boolean).join(' '), evidence: `${quoted}: "${kind.toLowerCase()}"` };
  return undefined;
}
