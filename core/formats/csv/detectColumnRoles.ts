import { parseDate } from '../../dates/parseDate';
import { CURRENCY_SYMBOLS, isCurrencyCode as isIsoCurrency } from '../../model/currency';
import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { detectDecimalSeparator } from '../../money/detectDecimalSeparator';
import { parseAmount } from '../../money/parseAmount';
import type { ColumnRoles, RoleFacts } from './columnRoles';
import { type DebitCreditPair, findDebitCreditPair } from './debitCreditPair';
import * as W from './headerWords';
import { normalizeHeader } from './normalizeHeader';

const DIRECTION_VALUE =
  /^(?:debit|debet|dr|d|db|s|soll|dbit|af|debito|dare|cargo|-|credit|cr|c|h|haben|crdt|bij|credito|avere|abono|\+)$/i;

type Column = {
  values: string[];
  filled: number;
  distinct: number;
  dates: number;
  amounts: number;
  monetary: boolean;
  iso: number;
  /** Values shaped like a currency (three letters, or a symbol) whether ISO 4217 or not. */
  codeLike: number;
  directions: number;
  textLength: number;
};

const stripAccents = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function describeColumn(values: string[], asOf: string | undefined): Column {
  let filled = 0;
  let dates = 0;
  let amounts = 0;
  let iso = 0;
  let codeLike = 0;
  let directions = 0;
  let textLength = 0;
  let monetary = false;
  const distinct = new Set<string>();
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    filled++;
    distinct.add(v);
    if (parseDate(v, asOf ? { asOf } : {}).ok) dates++;
    const amount = parseAmount(v, { currency: 'USD' }).ok;
    if (amount) {
      amounts++;
      if (/[.,]\d{1,2}(?:\s*\S{0,3})?$|^[-(−+]|[-)]$/.test(v)) monetary = true;
    } else textLength += v.length;
    if (/^[A-Z]{3}$/.test(v) && isIsoCurrency(v)) iso++;
    if (/^(?:[A-Za-z]{2,4}|[^\p{L}\p{N}\s]{1,3})$/u.test(v)) codeLike++;
    if (DIRECTION_VALUE.test(stripAccents(v))) directions++;
  }
  return {
    values,
    filled,
    distinct: distinct.size,
    dates,
    amounts,
    monetary,
    iso,
    codeLike,
    directions,
    textLength,
  };
}

const share = (n: number, c: Column) => (c.filled === 0 ? 0 : n / c.filled);
const isDateColumn = (c: Column) => c.filled > 0 && share(c.dates, c) >= 0.8;
const isMoneyColumn = (c: Column) => c.filled > 0 && share(c.amounts, c) >= 0.8 && c.monetary;
/** A column its header names: mostly of that kind is enough (typo rows are refused one by one). */
const mostlyDates = (c: Column) => c.filled > 0 && share(c.dates, c) >= 0.5;
const mostlyMoney = (c: Column) => c.filled > 0 && share(c.amounts, c) >= 0.5;
/** Debit and credit columns are half empty, and may even be all empty in a short sample. */
const isMoneyOrBlank = (c: Column) => c.filled === 0 || share(c.amounts, c) >= 0.5;
const isCurrencyColumn = (c: Column) => c.filled > 0 && share(c.iso, c) >= 0.9;
/** A column headed "Currency" holding code-shaped values: its rows are checked one by one. */
const namedCurrencyColumn = (c: Column) =>
  isCurrencyColumn(c) || (c.filled > 0 && share(c.codeLike, c) >= 0.9);
const isDirectionColumn = (c: Column) => c.filled > 0 && share(c.directions, c) >= 0.95;
/** A column that cannot describe a line: empty, or one value repeated on every row. */
const isConstant = (c: Column, rows: number) => c.filled === 0 || (rows >= 3 && c.distinct <= 1);

/** Minor units per row (undefined where blank or not an amount), read with the column's separator. */
function minorUnits(c: Column): Array<number | undefined> {
  const decimalSeparator = detectDecimalSeparator(c.values, '.');
  return c.values.map((v) => {
    if (v.trim() === '') return undefined;
    const a = parseAmount(v, { currency: 'USD', decimalSeparator });
    return a.ok ? a.value.minor : undefined;
  });
}

type Chain = { share: number; pairs: number };

/** Share of rows where before + amount = after (the row's own arithmetic). */
function rowIdentity(
  before: Array<number | undefined>,
  amount: Array<number | undefined>,
  after: Array<number | undefined>,
): Chain {
  let pairs = 0;
  let hits = 0;
  for (let i = 0; i < after.length; i++) {
    const b = before[i];
    const a = amount[i];
    const z = after[i];
    if (b === undefined || a === undefined || z === undefined) continue;
    pairs++;
    if (b + a === z) hits++;
  }
  return { share: pairs === 0 ? 0 : hits / pairs, pairs };
}

/** Share of neighbouring rows where the balance moves by the amount, oldest-first or newest-first. */
export function balanceChain(
  amount: Array<number | undefined>,
  balance: Array<number | undefined>,
  sign = 1,
): Chain {
  let pairs = 0;
  let up = 0;
  let down = 0;
  for (let i = 1; i < balance.length; i++) {
    const prev = balance[i - 1];
    const cur = balance[i];
    if (prev === undefined || cur === undefined) continue;
    const a = amount[i];
    const aPrev = amount[i - 1];
    if (a === undefined || aPrev === undefined) continue;
    pairs++;
    if (prev + sign * a === cur) up++;
    if (cur + sign * aPrev === prev) down++;
  }
  return { share: pairs === 0 ? 0 : Math.max(up, down) / pairs, pairs };
}

/**
 * Which side of a debit/credit pair is money out: the signs when they say, else the balance
 * column that moves by credit − debit (and that balance); undefined when nothing decides.
 */
function splitPair(
  pair: DebitCreditPair,
  money: readonly number[],
  u: (i: number) => Array<number | undefined>,
  rows: number,
): { debit: number; credit: number; balance?: number; how: string } | undefined {
  const other = (i: number) => (i === pair.left ? pair.right : pair.left);
  const signed = (debit: number) =>
    Array.from({ length: rows }, (_, r) => {
      const d = u(debit)[r];
      const c = u(other(debit))[r];
      return d === undefined && c === undefined ? undefined : Math.abs(c ?? 0) - Math.abs(d ?? 0);
    });
  const balances = money.filter((i) => i !== pair.left && i !== pair.right);
  const sides = pair.debit === undefined ? [pair.left, pair.right] : [pair.debit];
  for (const debit of sides) {
    for (const b of balances) {
      const chain = balanceChain(signed(debit), u(b));
      if (chain.share >= 0.9 && chain.pairs >= 1)
        return { debit, credit: other(debit), balance: b, how: 'debit/credit pair, the balance moves by it' };
    }
  }
  return pair.debit === undefined
    ? undefined
    : {
        debit: pair.debit,
        credit: other(pair.debit),
        how: 'debit/credit pair: never both on a row, debits signed',
      };
}

function headerCurrency(header: string): string | undefined {
  if (/\beuros?\b|€/i.test(header)) return 'EUR';
  const code = /(?:^|[^A-Za-z])([A-Z]{3})(?:[^A-Za-z]|$)/.exec(
    header.toUpperCase().replace(/^[A-Z]{4,}/, ''),
  );
  if (code && isIsoCurrency(code[1]!) && /[([\s]/.test(header)) return code[1];
  const symbol = /[([]\s*([^\s()[\]\w]{1,3}|[A-Z]{1,2}\$)\s*[)\]]/.exec(header);
  return symbol ? CURRENCY_SYMBOLS[symbol[1]!] : undefined;
}

/**
 * Roles from the header words (every match checked against the column's values), then from the
 * values for what the headers did not settle: a date column, money columns told apart by their
 * arithmetic (before + amount = after on each row; balance(prev) + amount = balance between rows),
 * a debit/credit indicator, a column of ISO currency codes, and the description from the payee and
 * purpose columns — never an empty or constant one.
 */
export function detectColumnRoles(
  headers: readonly string[] | undefined,
  rows: readonly string[][],
  asOf?: string,
): Result<ColumnRoles & { facts: RoleFacts }> {
  const width = Math.max(headers?.length ?? 0, ...rows.map((r) => r.length));
  const columns: Column[] = [];
  for (let i = 0; i < width; i++)
    columns.push(
      describeColumn(
        rows.map((r) => r[i] ?? ''),
        asOf,
      ),
    );
  const normalized = (headers ?? []).map(normalizeHeader);
  const taken = new Set<number>();
  const roles: Partial<ColumnRoles> = {};
  const facts: RoleFacts = { found: {} };
  const claim = (role: keyof ColumnRoles, i: number, how: string) => {
    (roles as Record<string, unknown>)[role] = i;
    taken.add(i);
    facts.found[role] = how;
  };
  const byHeader = (role: keyof ColumnRoles, pattern: RegExp, fits: (c: Column) => boolean) => {
    if (roles[role] !== undefined) return;
    const i = normalized.findIndex(
      (h, index) => !taken.has(index) && pattern.test(h) && fits(columns[index]!),
    );
    if (i !== -1) claim(role, i, `header "${headers![i]!.trim()}"`);
  };

  if (headers) {
    facts.dayFirstLanguage = normalized.some((h) => W.DAY_FIRST_WORDS.test(h));
    byHeader('date', W.BOOKING_DATE, mostlyDates);
    byHeader('date', W.VALUE_DATE, mostlyDates);
    byHeader('balanceBefore', W.BALANCE_BEFORE, isMoneyOrBlank);
    byHeader('balance', W.BALANCE, isMoneyOrBlank);
    byHeader('direction', W.DIRECTION, isDirectionColumn);
    byHeader('debit', W.DEBIT, isMoneyOrBlank);
    byHeader('credit', W.CREDIT, isMoneyOrBlank);
    if (roles.debit === undefined || roles.credit === undefined) {
      // A lone "Soll" or "Haben" column is no pair.
      for (const role of ['debit', 'credit'] as const) {
        if (roles[role] !== undefined) {
          taken.delete(roles[role]!);
          delete roles[role];
          delete facts.found[role];
        }
      }
      byHeader('amount', W.AMOUNT, mostlyMoney);
      byHeader('amount', W.ANY_AMOUNT, mostlyMoney);
    }
    byHeader('balance', W.ANY_BALANCE, isMoneyOrBlank);
    byHeader('currency', W.CURRENCY, namedCurrencyColumn);
    byHeader('status', W.STATUS, () => true);
    byHeader('checkNumber', W.CHECK_NUMBER, () => true);
    byHeader('reference', W.REFERENCE, () => true);
    byHeader('date', W.ANY_DATE, mostlyDates);
    for (const role of ['amount', 'debit', 'credit'] as const) {
      const i = roles[role];
      const named = i === undefined ? undefined : headerCurrency(headers[i]!);
      if (named) facts.headerCurrency ??= named;
    }
  }

  if (roles.date === undefined) {
    const i = columns.findIndex((c, index) => !taken.has(index) && isDateColumn(c));
    if (i !== -1) claim('date', i, 'values');
  }
  // A second date column (value date) is no description and no money.
  columns.forEach((c, i) => {
    if (!taken.has(i) && isDateColumn(c) && c.amounts === 0) taken.add(i);
  });
  if (roles.direction === undefined) {
    const i = columns.findIndex((c, index) => !taken.has(index) && isDirectionColumn(c) && c.distinct <= 4);
    if (i !== -1) claim('direction', i, 'values (debit/credit marks)');
  }
  if (roles.currency === undefined) {
    const candidates = columns.map((_, i) => i).filter((i) => !taken.has(i) && isCurrencyColumn(columns[i]!));
    // Two currency columns (ING: one after the balance, one after the amount): the amount's own.
    const money = roles.amount ?? roles.debit ?? roles.credit;
    const i = candidates.find((c) => money !== undefined && c === money + 1) ?? candidates[0];
    if (i !== undefined) claim('currency', i, 'values (ISO codes)');
  }
  columns.forEach((c, i) => {
    if (!taken.has(i) && isCurrencyColumn(c)) taken.add(i);
  });

  const hasMoney = () => roles.amount !== undefined || roles.debit !== undefined;
  if (!hasMoney()) {
    const money = columns.map((_, i) => i).filter((i) => !taken.has(i) && isMoneyColumn(columns[i]!));
    const units = new Map(money.map((i) => [i, minorUnits(columns[i]!)]));
    const u = (i: number) => units.get(i)!;
    let decided = false;
    const pair = findDebitCreditPair(money, u, rows.length);
    if (pair) {
      const split = splitPair(pair, money, u, rows.length);
      if (!split) {
        const label = (i: number) => (headers?.[i]?.trim() ? `"${headers[i]!.trim()}"` : `column ${i + 1}`);
        return fail(
          problem(
            'debit_credit_undecided',
            `${label(pair.left)} and ${label(pair.right)} are never filled on the same row, so they read as a debit/credit pair, but neither signs nor a balance column tell which is which; pass a mapping with "debit" and "credit"`,
            { line: 1 },
          ),
        );
      }
      claim('debit', split.debit, `values (${split.how})`);
      claim('credit', split.credit, `values (${split.how})`);
      if (split.balance !== undefined && roles.balance === undefined)
        claim('balance', split.balance, 'values (moves by the debit/credit amounts)');
      decided = true;
    }
    // before + amount = after on every row: the after column is the balance, and the before
    // column is the one that repeats the previous row's after.
    for (const z of money) {
      for (const x of money) {
        for (const y of money) {
          if (decided || x >= y || x === z || y === z) continue;
          if (rowIdentity(u(x), u(y), u(z)).share < 0.9) continue;
          const continues = (b: number) => {
            const before = u(b);
            const after = u(z);
            let hits = 0;
            for (let r = 1; r < after.length; r++)
              if (before[r] !== undefined && (before[r] === after[r - 1] || before[r - 1] === after[r]))
                hits++;
            return hits;
          };
          const [before, amount] = continues(x) >= continues(y) ? [x, y] : [y, x];
          claim('amount', amount, 'values (before + amount = after on each row)');
          claim('balanceBefore', before, 'values (repeats the previous balance)');
          if (roles.balance === undefined)
            claim('balance', z, 'values (before + amount = after on each row)');
          decided = true;
        }
      }
    }
    if (!decided && roles.balance === undefined) {
      for (const b of money) {
        for (const a of money) {
          if (decided || a === b) continue;
          if (balanceChain(u(a), u(b)).share >= 0.9 && balanceChain(u(a), u(b)).pairs >= 1) {
            claim('amount', a, 'values (the balance column moves by it)');
            claim('balance', b, 'values (moves by the amount from row to row)');
            decided = true;
          }
        }
      }
    }
    const rest = money.filter((i) => !taken.has(i));
    if (!decided && rest.length > 0) {
      claim('amount', rest[0]!, 'values (first money column)');
      if (rest.length > 1 && roles.balance === undefined)
        claim('balance', rest[rest.length - 1]!, 'values (last money column)');
    }
  }
  // A column its header calls the amount, whose values are mostly not amounts: still the amount,
  // so each bad value is refused by its line rather than the whole file.
  if (!hasMoney() && headers) byHeader('amount', W.AMOUNT, (c) => c.amounts > 0);
  for (const i of [roles.balance, roles.balanceBefore]) if (i !== undefined) taken.add(i);

  const description = chooseDescription(normalized, columns, taken, rows.length);
  const parties = description.filter((i) => W.PAYEE.test(normalized[i] ?? ''));
  if (parties.length === 2) facts.partyColumns = parties;
  for (const i of description) taken.add(i);
  facts.found.description =
    description.length === 0
      ? 'none'
      : description.map((i) => (headers ? `"${headers[i]!.trim()}"` : `column ${i + 1}`)).join(' + ');

  const named = headers ? ` (headers: ${headers.map((h) => `"${h}"`).join(', ')})` : '';
  if (roles.date === undefined) {
    return fail(
      problem('no_date_column', `no date column found${named}; pass a mapping with "date"`, { line: 1 }),
    );
  }
  if (!hasMoney() && roles.credit === undefined) {
    return fail(
      problem(
        'no_amount_column',
        `no amount (or debit/credit) column found${named}; pass a mapping with "amount"`,
        { line: 1 },
      ),
    );
  }
  return ok({ ...roles, date: roles.date, description, facts });
}

/** The words of a `^(?:a|b|c)…` pattern, in their order of preference. */
const alternatives = (p: RegExp) =>
  p.source.slice(p.source.indexOf('(?:') + 3, p.source.indexOf(')')).split('|');

/** Payee columns, then the best-named purpose columns (all of a numbered set), skipping empty and constant ones. */
function chooseDescription(
  normalized: string[],
  columns: Column[],
  taken: Set<number>,
  rows: number,
): number[] {
  const usable = (i: number) => !taken.has(i) && !isConstant(columns[i]!, rows) && columns[i]!.textLength > 0;
  // Two counterparty columns (Volksbank: payer and payee, the holder in one of them): both.
  const payee = normalized.flatMap((h, i) => (W.PAYEE.test(h) && usable(i) ? [i] : [])).slice(0, 2);
  const numbered = (pattern: RegExp) => {
    let best: { rank: number; word: string } | undefined;
    normalized.forEach((h, i) => {
      const m = pattern.exec(h);
      if (!m || !usable(i)) return;
      const word = h.replace(/ \d+$/, '');
      const rank = alternatives(pattern).indexOf(word) >>> 0;
      if (!best || rank < best.rank) best = { rank, word };
    });
    if (!best) return [];
    const word = (best as { word: string }).word;
    return normalized
      .map((h, i) => ({ i, m: pattern.exec(h) }))
      .filter(({ i, m }) => m && normalized[i]!.replace(/ \d+$/, '') === word && usable(i))
      .sort((a, b) => Number(a.m![1] ?? 0) - Number(b.m![1] ?? 0))
      .map(({ i }) => i);
  };
  let purpose = numbered(W.PURPOSE);
  if (purpose.length === 0 && payee.length === 0) purpose = numbered(W.FALLBACK_TEXT);
  const detail = normalized.flatMap((h, i) => (W.PURPOSE_DETAIL.test(h) && usable(i) ? [i] : []));
  const chosen = [...payee, ...purpose, ...(purpose.length > 0 ? detail : [])];
  if (chosen.length > 0) return chosen;
  // No header says: the column with the most words that is neither a date, money, nor constant.
  let best: { index: number; length: number } | undefined;
  columns.forEach((c, i) => {
    if (!usable(i) || isDateColumn(c) || isMoneyColumn(c) || isCurrencyColumn(c)) return;
    if (!best || c.textLength > best.length) best = { index: i, length: c.textLength };
  });
  return best ? [best.index] : [];
}
