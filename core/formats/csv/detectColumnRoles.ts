import { parseDate } from '../../dates/parseDate';
import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { parseAmount } from '../../money/parseAmount';
import type { ColumnRoles } from './columnRoles';
import { normalizeHeader } from './normalizeHeader';

type Role = Exclude<keyof ColumnRoles, 'description'>;

/** Header words per role, most specific first; English, German, French, Spanish, Dutch, Italian. */
const HEADERS: Array<[Role, RegExp[]]> = [
  [
    'date',
    [
      /^(posted|posting|booking|transaction|trans|txn|book) ?date$/,
      /^(date|datum|fecha|data)$/,
      /^(buchungstag|buchungsdatum|date (d )?operation|date de l operation|fecha (de )?operacion|data operazione|boekdatum|transaktionsdatum)$/,
      /^(valuta|value date|wertstellung|valutadatum|date de valeur)$/,
      /(^| )(date|datum|fecha)( |$)/,
    ],
  ],
  [
    'debit',
    [
      /^(debit|debits|debit amount|withdrawals?|withdrawal amount|money out|paid out|outflow|ausgang|ausgaben|soll|debet|debito|spent)( [a-z]{3})?$/,
    ],
  ],
  [
    'credit',
    [
      /^(credit|credits|credit amount|deposits?|deposit amount|money in|paid in|inflow|eingang|einnahmen|haben|credito|received)( [a-z]{3})?$/,
    ],
  ],
  [
    'amount',
    [
      /^(amount|transaction amount|betrag|montant|importe|bedrag|belopp|summe|umsatz|amt|value)( [a-z]{3})?$/,
      /(^| )(amount|betrag|montant|importe|bedrag)( |$)/,
    ],
  ],
  [
    'balance',
    [/^(running )?(balance|bal|saldo|solde|kontostand)( [a-z]{3})?$/, /(^| )(balance|saldo|solde)( |$)/],
  ],
  ['currency', [/^(currency|ccy|curr|waehrung|wahrung|devise|moneda|currency code)$/]],
  ['status', [/^(transaction )?(status|state)$/]],
  ['checkNumber', [/^(check|cheque|chk)( number| no| #)?$/, /^check or slip( #)?$/]],
  [
    'reference',
    [
      /^(reference|ref|transaction id|transaction reference|id|fitid|referenz|bank reference|transaction number)( no| number)?$/,
    ],
  ],
];

/** Description columns in tiers: the words and the counterparty first; memo-like columns only when none. */
const DESCRIPTION = [
  /^(description|transaction description|narrative|payee|name|merchant|verwendungszweck|buchungstext|beschreibung|libelle( operation)?|concepto|omschrijving|beguenstigter zahlungspflichtiger|empfanger|auftraggeber|counterparty|beneficiary|descripcion|naam|omschrijving)$/,
  /^(memo|details|transaction details|particulars|text|notes?)$/,
  /description|memo|payee|narrative|verwendungszweck|libelle|concepto|omschrijving/,
];

const DIRECTION_VALUES = /^(debit|credit|dr|cr|d|c|s|h|soll|haben|dbit|crdt|af|bij)$/i;

const share = (values: string[], test: (v: string) => boolean) => {
  const filled = values.filter((v) => v.trim() !== '');
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
};

const isDate = (asOf: string | undefined) => (v: string) => parseDate(v, asOf ? { asOf } : {}).ok;
const isAmount = (v: string) => parseAmount(v, { currency: 'USD' }).ok;
const looksMonetary = (values: string[]) => values.some((v) => /[.,]\d{2}\s*\S{0,3}$|^[-(−]/.test(v.trim()));

/**
 * Roles from the header words, then from the values for whatever the headers did not settle:
 * a date column (80% of values read as dates), amount columns (80% read as amounts, with cents
 * or signs, so id columns are not taken for money), a debit/credit indicator column, and the
 * longest text column as the description.
 */
export function detectColumnRoles(
  headers: readonly string[] | undefined,
  rows: readonly string[][],
  asOf?: string,
): Result<ColumnRoles> {
  const width = Math.max(headers?.length ?? 0, ...rows.slice(0, 200).map((r) => r.length));
  const sample = rows.slice(0, 200);
  const column = (i: number) => sample.map((r) => r[i] ?? '');
  const taken = new Set<number>();
  const roles: Partial<ColumnRoles> = {};
  const normalized = (headers ?? []).map(normalizeHeader);

  for (const [role, patterns] of HEADERS) {
    for (const pattern of patterns) {
      const i = normalized.findIndex((h, index) => !taken.has(index) && pattern.test(h));
      if (i !== -1) {
        roles[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  for (let i = 0; i < width; i++) {
    if (taken.has(i)) continue;
    const values = column(i);
    if (values.some((v) => v.trim()) && share(values, (v) => DIRECTION_VALUES.test(v.trim())) === 1) {
      roles.direction = i;
      taken.add(i);
      break;
    }
  }
  if (roles.date === undefined) {
    for (let i = 0; i < width && roles.date === undefined; i++) {
      if (!taken.has(i) && share(column(i), isDate(asOf)) >= 0.8) {
        roles.date = i;
        taken.add(i);
      }
    }
  }
  if (roles.amount === undefined && roles.debit === undefined && roles.credit === undefined) {
    const numeric: number[] = [];
    for (let i = 0; i < width; i++) {
      const values = column(i);
      if (!taken.has(i) && share(values, isAmount) >= 0.8 && looksMonetary(values)) numeric.push(i);
    }
    if (numeric.length > 0) {
      roles.amount = numeric[0]!;
      taken.add(numeric[0]!);
      if (numeric.length > 1 && roles.balance === undefined) {
        roles.balance = numeric[numeric.length - 1]!;
        taken.add(roles.balance);
      }
    }
  }
  const description: number[] = [];
  for (const pattern of DESCRIPTION) {
    normalized.forEach((h, i) => {
      if (!taken.has(i) && !description.includes(i) && pattern.test(h)) description.push(i);
    });
    if (description.length > 0) break;
  }
  if (description.length === 0) {
    let best: { index: number; length: number } | undefined;
    for (let i = 0; i < width; i++) {
      if (taken.has(i)) continue;
      const values = column(i).filter((v) => v.trim() && !isAmount(v));
      const length = values.reduce((sum, v) => sum + v.length, 0) / Math.max(1, sample.length);
      if (!best || length > best.length) best = { index: i, length };
    }
    if (best && best.length > 0) description.push(best.index);
  }

  const named = headers ? ` (headers: ${headers.map((h) => `"${h}"`).join(', ')})` : '';
  if (roles.date === undefined) {
    return fail(
      problem('no_date_column', `no date column found${named}; pass a mapping with "date"`, { line: 1 }),
    );
  }
  if (roles.amount === undefined && roles.debit === undefined && roles.credit === undefined) {
    return fail(
      problem(
        'no_amount_column',
        `no amount (or debit/credit) column found${named}; pass a mapping with "amount"`,
        { line: 1 },
      ),
    );
  }
  return ok({ ...roles, date: roles.date, description });
}
