import { daysBetween } from '../dates/calendar';
import type { DateOrder } from '../dates/parseDate';
import { parseDate } from '../dates/parseDate';
import { parseDateColumn } from '../dates/parseDateColumn';
import { CURRENCY_SYMBOLS } from '../model/currencySymbols';
import type { ProfileConventions } from '../model/profile';
import type { TransactionStatus } from '../model/transaction';
import type { DecimalSeparator } from '../money/detectDecimalSeparator';
import { readAmount, readAmountColumn } from './amountReadings';
import { DATE_ORDER_ASSUMED, SIGN_NOTES, type SignConvention, type SignDecision } from './captureDiagnostics';
import type { ChosenMapping } from './chooseMapping';
import type { RowDraft } from './completeCapture';
import { attrOf, type DomNode } from './domTree';
import { inferKind, type PortalKind } from './inferKind';
import { type Cell, layoutOf } from './rowCells';
import type { RowContext } from './rowContext';
import type { TotalLine } from './selfChecks';
import {
  cleanDateText,
  isMonthHeading,
  looksLikeColumnMoney,
  looksLikeDate,
  looksLikeMoney,
  NEGATIVE_CLASS,
  NEGATIVE_WORDS,
  NOT_A_TRANSACTION_ROW,
  PENDING_WORDS,
  POSITIVE_CLASS,
  POSITIVE_WORDS,
  POSTED_WORDS,
  SKIP_STATUS_WORDS,
  TRAILING_STAR,
} from './valueShapes';
import { withoutInvisibles } from './withoutInvisibles';

/** A payment's whole status saying it is not paid yet ("Open", "Unpaid"): no money moved. */
const UNPAID_STATUS = /^(?:open|unpaid|not paid|awaiting payment|offen|ouvert|abierto|openstaand|aperto)$/i;

/** `notTransaction`: rightly left out (a total, a failed payment); `unreadable`: a row that was lost. */
export type SkippedRow = { row: number; reason: string; text: string; notTransaction: boolean };

export type ReadSettings = {
  asOf: string;
  portalKind: PortalKind;
  currency: string;
  fallbackOrder: DateOrder;
  /** `fallbackOrder` is a guess: nothing about the page says it. */
  orderAssumed?: boolean;
  fallbackSeparator: DecimalSeparator;
  conventions: Partial<ProfileConventions>;
  /** A processor's list of payouts, found without a profile: payouts shown positive leave the balance. */
  payoutList?: boolean;
  /** The page explains a trailing "*" as pending ("* Pending transactions may change"). */
  starMeansPending?: boolean;
  /** The page text that says it is a card's activity ("Statement balance"), when there is one. */
  cardCue?: string;
  /** The owner's saved choice for this site: wins over every cue. */
  forcedSign?: SignConvention;
  /** The profile that read the page, named in the sign decision when its conventions decided. */
  profileId?: string;
};

export type ReadResult = {
  drafts: RowDraft[];
  /** Cell texts of the rows behind the drafts, by page row number (filled in by capturePage). */
  rawRows?: Array<{ row: number; cells: string[] }>;
  skipped: SkippedRow[];
  dateOrder?: DateOrder;
  decimalSeparator?: DecimalSeparator;
  notes: string[];
  signConvention?: SignDecision;
  /** Totals lines among the rows ("Total", "Totals"), with the figure under each money column. */
  totals?: TotalLine[];
};

const STRIPE_ID = /\b(?:py|ch|po|txn|re|pi|tr|ipi|dp|pyr|ba)_[A-Za-z0-9]{8,}\b/;
const LINK_ATTRS = ['href'];
const NO_ATTRS: string[] = [];
const ROW_ID_ATTRS = ['data-href', 'data-id', 'data-transaction-id', 'data-object-id', 'id', 'href'];
/** Time zones and weekend processing put a posted date a day or two past the as-of date. */
const FUTURE_SLACK_DAYS = 3;
const PAYPAL_ID = /\/([0-9A-Z]{17})(?:[/?#]|$)/;
export const PENDING_CLASS =
  /(?:^|[\s_-])(?:pend(?:ing)?|processing|authori[sz]ed|vorgemerkt|ausstehend|en-attente|pendiente)(?:$|[\s_-])/i;
/** A description the bank opens with its state: "PENDING - WOOLWORTHS 3301", "Authorisation: …". */
const PENDING_PREFIX = /^\s*(?:pending|authori[sz]ation|vorgemerkt|en attente|pendiente)\s*[-–—:·|]/i;
const CODE_IN_HEADER = /\b([A-Z]{3})\b/;
/** A sign that names one currency ("Debit ₪", "Betrag (€)"); a bare "$" or "¥" names several. */
const SYMBOL_IN_HEADER = /(?:HK|NZ|AU|CA|US|[ASCR])\$|[€£₹₩₪₺₱円]|zł|Kč/;

/** A value the column's convention cannot read ("€85,00" among dollars) is read on its own. */
function parseInRow(text: string, decimalSeparator: DecimalSeparator, currency: string) {
  if (!text) return undefined;
  const inColumn = readAmount(text, { decimalSeparator, currency });
  if (inColumn.ok) return inColumn;
  const alone = readAmount(text, { currency });
  return alone.ok ? alone : inColumn;
}

/** The leaf texts inside a cell, for cells that hold more than one thing ("Nov 21 · Pending"). */
function parts(node: DomNode): string[] {
  if (node.ownText || node.children.length === 0) return node.text ? [node.text] : [];
  return node.children.flatMap(parts);
}

/**
 * The text in a cell that passes `test`: the whole cell, else a piece of it, preferring a piece
 * read together with the next one ("120.00" + "EUR" beside a "Refunded" chip).
 */
function pick(cell: Cell | undefined, test: (text: string) => boolean): string {
  if (!cell) return '';
  if (test(cell.text)) return cell.text;
  const pieces = parts(cell.node);
  for (let i = 0; i < pieces.length; i++) {
    const pair = i + 1 < pieces.length ? `${pieces[i]} ${pieces[i + 1]}` : '';
    if (pair && test(pair)) return pair;
    if (test(pieces[i]!)) return pieces[i]!;
  }
  return '';
}

function isStatusBadge(text: string): boolean {
  return (
    text.length <= 24 &&
    text.trim().split(/\s+/).length <= 3 &&
    (PENDING_WORDS.test(text) || SKIP_STATUS_WORDS.test(text) || POSTED_WORDS.test(text))
  );
}

const NO_BADGES: readonly string[] = Object.freeze([]);

/** Status badges inside a cell: elements whose whole text is a status word (most cells: none, no list made). */
function badgesIn(cell: DomNode): readonly string[] {
  if (cell.children.length === 0) return NO_BADGES;
  let out: string[] | undefined;
  const stack = cell.children.slice();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.text !== cell.text && isStatusBadge(n.text)) {
      if (out) out.push(n.text);
      else out = [n.text];
    } else for (let i = 0; i < n.children.length; i++) stack.push(n.children[i]!);
  }
  return out ?? NO_BADGES;
}

function withoutBadges(text: string, badges: readonly string[]): string {
  let out = text;
  for (const b of badges) {
    const at = out.lastIndexOf(b);
    if (at >= 0) out = `${out.slice(0, at)} ${out.slice(at + b.length)}`;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s*[·•|–-]\s*$/, '')
    .trim();
}

/**
 * The status cell, badges, the other cells (text and hint) and the row's hint, space-separated
 * (what joining them in an array gave), built by concatenation: it runs per row.
 */
function statusWords(
  status: string,
  badges: readonly string[],
  cells: Cell[],
  descriptionKey: string | undefined,
  rowHint: string,
): string {
  let out = status;
  for (let i = 0; i < badges.length; i++) out += ` ${badges[i]}`;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.key !== descriptionKey) out += ` ${c.text} ${c.hint}`;
  }
  return `${out} ${rowHint}`;
}

/** The type, the description and every cell that is not a figure, space-separated: what inferKind reads. */
function wordsOfRow(typeText: string, description: string, cells: Cell[]): string {
  let out = `${typeText} ${description}`;
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i]!.text;
    if (!looksLikeMoney(t)) out += ` ${t}`;
  }
  return out;
}

/** `values.every(test)`, asking `test` once per distinct value: a column repeats its few words. */
function everyDistinct(values: readonly string[], test: (v: string) => boolean): boolean {
  const passed = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (passed.has(v)) continue;
    if (!test(v)) return false;
    passed.add(v);
  }
  return true;
}

function otherDate(cells: Cell[], dateKey: string | undefined, isDate: (t: string) => boolean) {
  return cells.find((c) => c.key !== dateKey && isDate(c.text))?.text;
}

/**
 * The node or one inside it is classed pending (`<span class="pending">`). Rows and cells repeat
 * a few class attributes: `judged` holds the answer for each one asked already.
 */
function hasPendingClass(node: DomNode, judged: Map<string, boolean>): boolean {
  const cls = node.cls;
  if (cls !== '') {
    let pending = judged.get(cls);
    if (pending === undefined) {
      pending = PENDING_CLASS.test(cls);
      judged.set(cls, pending);
    }
    if (pending) return true;
  }
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (hasPendingClass(children[i]!, judged)) return true;
  return false;
}

/** Class tokens of a node and everything inside it. */
function classesWithin(node: DomNode): string {
  let out = node.cls;
  for (const c of node.children) out += ` ${classesWithin(c)}`;
  return out;
}

/** Which way `text` says the money went: one of the two patterns matching it, else neither. */
function signBy(text: string, neg: RegExp, pos: RegExp): -1 | 1 | 0 {
  if (!text) return 0;
  const n = neg.test(text);
  return n !== pos.test(text) ? (n ? -1 : 1) : 0;
}

/** The first of these that tells (asked per unsigned row: no list of pairs made each time). */
function signHint(amountCell: Cell | undefined, row: DomNode, typeText: string): -1 | 1 | 0 {
  return (
    signBy(amountCell ? classesWithin(amountCell.node) : '', NEGATIVE_CLASS, POSITIVE_CLASS) ||
    signBy(amountCell ? amountCell.hint : '', NEGATIVE_WORDS, POSITIVE_WORDS) ||
    signBy(typeText, NEGATIVE_WORDS, POSITIVE_WORDS) ||
    signBy(row.cls, NEGATIVE_CLASS, POSITIVE_CLASS) ||
    signBy(row.hint, NEGATIVE_WORDS, POSITIVE_WORDS)
  );
}

const TYPE_NEGATIVE =
  /\b(debit|withdrawal|purchase|payment|fee|sent|transfer out|pos|atm|check|cheque|lastschrift|abbuchung|kartenzahlung)\b/i;
const TYPE_POSITIVE =
  /\b(credit|deposit|refund|received|transfer in|interest|gutschrift|eingang|dividend)\b/i;

/** A day alone, with its weekday's short name before or after it: "20", "20 Fri", "Mo 16". */
const DAY_ONLY = /^(?:\p{L}{2,3}\.?,?\s+)?(\d{1,2})\.?(?:\s+\p{L}{2,3}\.?)?$/u;

/** Under a month heading ("November 2026"), the day a row shows makes its date ("20 November 2026"). */
function dayUnderMonth(cells: Cell[], heading: string, asOf: string): string {
  if (heading === '' || !isMonthHeading(heading, asOf)) return '';
  for (const c of cells) {
    const day = Number(DAY_ONLY.exec(c.text.trim())?.[1] ?? 0);
    if (day >= 1 && day <= 31) return `${day} ${heading}`;
  }
  return '';
}

/** Sections of a bank statement by the way their lines went. */
const SECTION_OUT =
  /\b(?:checks?\s+paid|cheques?\s+paid|(?:electronic\s+|atm\s+(?:&|and)\s+debit\s+card\s+|other\s+)?withdrawals?(?:\s+and\s+(?:other\s+)?(?:debits|subtractions))?|debits|payments\s+made|fees\s+charged|service\s+fees|money\s+out|paid\s+out)\b/i;
const SECTION_IN =
  /\b(?:deposits?(?:\s+and\s+(?:other\s+)?(?:additions|credits))?|other\s+credits|additions|money\s+in|paid\s+in)\b/i;

const SECTION_IN_WORD = /credit|deposit|paid\s+in|money\s+in|addition/i;
const SECTION_OUT_WORD = /debit|withdraw|paid\s+out|money\s+out|checks?\s+paid|cheques?\s+paid|fee/i;

/** A processor's balance activity types: what comes in, what goes out, and the ones only it has. */
const PROCESSOR_IN_TYPE = /^(?:payments?|charges?|sales?|invoice(?: payment)?)$/i;
const PROCESSOR_OUT_TYPE =
  /^(?:refunds?|payouts?|(?:\w+ )?fees?|chargebacks?|disputes?|transfers?|withdrawals?|payment refund)$/i;
// Not fees: a bank's own Type column says "Fee" beside "Payment" (a bill paid).
const PROCESSOR_BALANCE_TYPE =
  /^(?:payouts?|chargebacks?|payment refund|(?:stripe|paypal|square|processing) fees?)$/i;

// Direction words a bank prints in a column of their own: Dutch Af/Bij, Italian Dare/Avere, Spanish Cargo/Abono.
const DEBIT_MARK = /^(?:DR|D|S|Soll|Debit|Débit|Debet|Af|Dare|Cargo|Out)\.?$/i;
const CREDIT_MARK = /^(?:CR|C|H|Haben|Credit|Crédit|Bij|Avere|Abono|In)\.?$/i;
const CREDIT_DEBIT_MARK = /\b(?:CR|DR|DB|Soll|Haben)\.?\s*$|\d\s*[SH]\s*$/i;

// "45,-" is whole euros, not a trailing minus. Constants, not literals: asked twice per row.
const MINUS_MARK = /^[-−–(]|(?<![.,])[-−–)]$|\bD[RB]\.?$|\bSoll$|\d\s*S$/i;
const MINUS_LEAD = /^[^\d]*[-−–(]/;
const PLUS_MARK = /^\+|^[^\d]*\+|\bCR\.?$|\bHaben$|\d\s*H$/i;
const DIGIT = /\d/;

function explicitSign(text: string): -1 | 1 | 0 {
  const t = text.trim();
  if (MINUS_MARK.test(t) || MINUS_LEAD.test(t)) return -1;
  if (PLUS_MARK.test(t)) return 1;
  return 0;
}

/** Turns the cells of one group's rows into drafts, using the chosen mapping. */
export function readRows(
  rows: DomNode[],
  cells: Cell[][],
  contexts: RowContext[],
  chosen: ChosenMapping,
  settings: ReadSettings,
  firstRowNumber: number,
): ReadResult {
  const { mapping } = chosen;
  const notes: string[] = [];
  // Each field's cells looked up once for all rows: steps below ask for them again and again.
  const byKey = new Map<string, Array<Cell | undefined>>();
  const columnOf = (key: string) => {
    let column = byKey.get(key);
    if (!column) {
      column = cells.map((row) => row.find((c) => c.key === key));
      byKey.set(key, column);
    }
    return column;
  };
  const cellOf = (r: number, field: keyof typeof mapping) => {
    const key = mapping[field];
    return key ? columnOf(key)[r] : undefined;
  };
  const isDate = (t: string) => looksLikeDate(t, settings.asOf);
  const dateTexts = rows.map(
    (_, r) =>
      pick(cellOf(r, 'date'), isDate) ||
      (layoutOf(rows[r]!) === 'cards' ? (cells[r]!.find((c) => isDate(c.text))?.text ?? '') : '') ||
      dayUnderMonth(cells[r]!, contexts[r]!.dateHeading, settings.asOf),
  );
  // Rows repeat their days: each distinct date text is read once, the order decided over all.
  const cleaned = new Map<string, string>();
  const rowDateTexts = dateTexts.map((t, r) => {
    const shown = t || contexts[r]!.dateHeading;
    let clean = cleaned.get(shown);
    if (clean === undefined) {
      clean = cleanDateText(shown);
      cleaned.set(shown, clean);
    }
    return clean;
  });
  const distinctDates = [...new Set(rowDateTexts)];
  const distinctColumn = parseDateColumn(distinctDates, {
    asOf: settings.asOf,
    fallbackOrder: settings.fallbackOrder,
    ...(settings.conventions.dateOrder ? { order: settings.conventions.dateOrder } : {}),
  });
  if (distinctColumn.basis === 'locale' && settings.orderAssumed)
    notes.push(
      `${DATE_ORDER_ASSUMED}: dates read ${settings.fallbackOrder === 'mdy' ? 'month' : 'day'} first`,
    );
  const readDate = new Map(distinctDates.map((t, i) => [t, distinctColumn.dates[i]]));
  const dateColumn = { order: distinctColumn.order, dates: rowDateTexts.map((t) => readDate.get(t)) };
  // A field the mapping does not name has no text on any row.
  const moneyText = (field: 'amount' | 'debit' | 'credit' | 'balance' | 'fee' | 'gross') =>
    mapping[field]
      ? rows.map((_, r) => pick(cellOf(r, field), looksLikeColumnMoney))
      : new Array<string>(rows.length).fill('');
  // A card whose amount sits one cell over (an optional badge before it) still has an amount.
  const otherMoneyKeys = new Set([
    mapping.balance,
    mapping.fee,
    mapping.gross,
    mapping.debit,
    mapping.credit,
  ]);
  const amountTexts = moneyText('amount').map((t, r) =>
    t || !mapping.amount
      ? t
      : ([...cells[r]!].reverse().find((c) => !otherMoneyKeys.has(c.key) && looksLikeMoney(c.text))?.text ??
        ''),
  );
  const debitTexts = moneyText('debit');
  const creditTexts = moneyText('credit');
  // A trailing "*" on a row's figure, date or description marks it pending where the page's legend
  // says so, or where only some rows carry it; the mark is not part of the figure.
  const starred = rows.map(
    (_, r) =>
      amountTexts[r]!.endsWith('*') ||
      debitTexts[r]!.endsWith('*') ||
      creditTexts[r]!.endsWith('*') ||
      dateTexts[r]!.endsWith('*') ||
      (cellOf(r, 'description')?.text.endsWith('*') ?? false),
  );
  const starCount = starred.filter(Boolean).length;
  const starPending = starCount > 0 && (settings.starMeansPending === true || starCount < rows.length);
  for (const texts of [amountTexts, debitTexts, creditTexts]) {
    texts.forEach((t, r) => {
      if (t.endsWith('*')) texts[r] = t.replace(TRAILING_STAR, '');
    });
  }
  const balanceTexts = moneyText('balance');
  const feeTexts = moneyText('fee');
  // Fees marked "−" beside fees marked "+": the "+" ones are fees given back (a refund's).
  const feesReturnedByPlus =
    mapping.fee !== undefined &&
    feeTexts.some((t) => t !== '' && explicitSign(t) < 0) &&
    feeTexts.some((t) => t !== '' && explicitSign(t) > 0);
  const grossTexts = moneyText('gross');
  // One decimal convention for amounts, debits and credits together, decided from all of them.
  const amountColumn = readAmountColumn([...amountTexts, ...debitTexts, ...creditTexts], {
    currency: settings.currency,
    fallbackSeparator: settings.fallbackSeparator,
    ...(settings.conventions.decimalSeparator
      ? { decimalSeparator: settings.conventions.decimalSeparator }
      : {}),
  });
  const separator = amountColumn.decimalSeparator;
  const headerCurrency = (field: 'amount' | 'debit' | 'credit') => {
    const key = mapping[field];
    const header = chosen.columns.find((c) => c.key === key)?.header ?? '';
    const symbol = SYMBOL_IN_HEADER.exec(header)?.[0];
    return CODE_IN_HEADER.exec(header)?.[1] ?? (symbol ? CURRENCY_SYMBOLS[symbol] : undefined);
  };
  const columnCurrency =
    headerCurrency('amount') ??
    headerCurrency('debit') ??
    headerCurrency('credit') ??
    balanceCurrency(balanceTexts, settings.currency);

  const columnSigned = amountTexts.some((t) => explicitSign(t) === -1);
  // A column of only "DR"/"CR" (D/C, S/H, Debit/Credit) beside the amounts says which way each went.
  const indicatorKey = mapping.amount
    ? chosen.columns.find(
        (c) =>
          c.key !== mapping.amount &&
          c.key !== mapping.description &&
          c.filled > 0 &&
          everyDistinct(c.values, (v) => v === '' || DEBIT_MARK.test(v.trim()) || CREDIT_MARK.test(v.trim())),
      )?.key
    : undefined;
  const indicatorCells = indicatorKey ? columnOf(indicatorKey) : undefined;
  // A type column naming payouts or fees beside payments or charges: a processor's balance, where a
  // payment is money in (on a bank's page "Payment" is money out).
  const typeValues = mapping.type ? (chosen.columns.find((c) => c.key === mapping.type)?.values ?? []) : [];
  const processorTypes =
    !everyDistinct(typeValues, (v) => !PROCESSOR_BALANCE_TYPE.test(v)) &&
    !everyDistinct(typeValues, (v) => !PROCESSOR_IN_TYPE.test(v));
  // "+ 9,000.00" beside "72.00": a column that marks only money in shows money out unsigned.
  const onlyPlusSigned = !columnSigned && amountTexts.some((t) => /^\s*\+|^[^\d]*\+/.test(t));
  const drafts: ReadResult['drafts'] = [];
  const skipped: SkippedRow[] = [];
  const totals: TotalLine[] = [];
  let previousDate: string | undefined;
  // Signed sums (as shown) of the lines read since the last heading or subtotal line.
  const sums = {
    all: 0,
    out: 0,
    in: 0,
    abs: 0,
    n: 0,
    afterTotal: false,
    section: contexts[0]?.section ?? '',
  };
  let usedAsOfForPending = false;
  const kindTexts: string[] = [];
  const amountShown: string[] = [];
  /** Per draft: −1 read from the debit column, 1 from the credit column, 0 from an amount. */
  const sides: Array<-1 | 0 | 1> = [];
  const pastAsOf = new Map<string, number>();
  const daysAfterAsOf = (date: string) => {
    let days = pastAsOf.get(date);
    if (days === undefined) {
      days = daysBetween(settings.asOf, date);
      pastAsOf.set(date, days);
    }
    return days;
  };

  // The column's own reading stands unless this row names its currency elsewhere.
  const fromColumn = (offset: number, r: number, text: string, rowCurrency: string) => {
    const read = amountColumn.amounts[offset * rows.length + r];
    return read?.ok && rowCurrency === settings.currency ? read : parseInRow(text, separator, rowCurrency);
  };
  const pendingClasses = new Map<string, boolean>();
  // One function for every row, not a closure made per row.
  const skipRow = (r: number, reason: string, notTransaction = false) => {
    skipped.push({ row: firstRowNumber + r, reason, text: rows[r]!.text.slice(0, 120), notTransaction });
  };
  // The cells of the fields asked on every row, fetched once (cellOf looks the column up each time).
  const fieldCells = (field: keyof typeof mapping) => {
    const key = mapping[field];
    return key ? columnOf(key) : undefined;
  };
  const descriptionCells = fieldCells('description');
  const statusCells = fieldCells('status');
  const currencyCells = fieldCells('currency');
  const typeCells = fieldCells('type');
  const dateCells = fieldCells('date');
  const idCells = fieldCells('id');

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNumber = firstRowNumber + r;
    const context = contexts[r]!;
    // Status badges often sit inside the description cell ("Gusto [Pending]").
    const descriptionCell = descriptionCells?.[r];
    // A badge is its own element also beside the cell's own text ("HOME DEPOT <span>Authorized</span>").
    const badges = descriptionCell ? badgesIn(descriptionCell.node) : NO_BADGES;
    let description = descriptionCell?.text ?? '';
    if (badges.length > 0) {
      const descriptionParts = parts(descriptionCell!.node);
      const kept = descriptionParts.filter((p) => !isStatusBadge(p));
      description =
        kept.length < descriptionParts.length ? kept.join(' ') : withoutBadges(description, badges);
    }
    if (NOT_A_TRANSACTION_ROW.test(description) || NOT_A_TRANSACTION_ROW.test(row.text)) {
      skipRow(r, 'a balance or total line, not a transaction', true);
      // Totals are checked against the rows above them; balance lines bound the rows between them.
      const total = TOTAL_LABEL.test(description || row.text);
      totals.push({
        row: rowNumber,
        label: (description || row.text).slice(0, 60),
        ...(debitTexts[r] ? { debit: debitTexts[r] } : {}),
        ...(creditTexts[r] ? { credit: creditTexts[r] } : {}),
        ...(amountTexts[r] ? { amount: amountTexts[r] } : {}),
        ...(total
          ? {}
          : { balanceLine: true as const, ...(balanceTexts[r] ? { balance: balanceTexts[r] } : {}) }),
      });
      continue;
    }
    const statusCellText = statusCells?.[r]?.text ?? '';
    const statusText = statusWords(statusCellText, badges, cells[r]!, mapping.description, row.hint);
    if (
      SKIP_STATUS_WORDS.test(statusCellText) ||
      UNPAID_STATUS.test(statusCellText.trim()) ||
      (badges.length > 0 && badges.some((b) => SKIP_STATUS_WORDS.test(b) || UNPAID_STATUS.test(b.trim()))) ||
      (!mapping.status && SKIP_STATUS_WORDS.test(statusText))
    ) {
      const said = SKIP_STATUS_WORDS.exec(statusText) ?? UNPAID_STATUS.exec(statusCellText.trim());
      skipRow(r, `status "${(said ?? [''])[0]}": no money moved`, true);
      continue;
    }
    const pending =
      (starPending && starred[r] === true) ||
      PENDING_WORDS.test(statusText) ||
      hasPendingClass(row, pendingClasses) ||
      PENDING_WORDS.test(context.section) ||
      PENDING_PREFIX.test(description) ||
      context.pendingBlock === true;
    const status: TransactionStatus = pending ? 'pending' : 'posted';

    // Currency: the amount's own mark, a currency column, the column header, then the page.
    const currencyCell = currencyCells?.[r]?.text.trim();
    const rowCurrency =
      (currencyCell && /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : undefined) ??
      columnCurrency ??
      settings.currency;
    let amount = fromColumn(0, r, amountTexts[r]!, rowCurrency);
    let sign: -1 | 1 | 0 = amount ? explicitSign(amountTexts[r]!) : 0;
    let side: -1 | 0 | 1 = 0;
    if (!amount) {
      const debit = fromColumn(1, r, debitTexts[r]!, rowCurrency);
      const credit = fromColumn(2, r, creditTexts[r]!, rowCurrency);
      if (debit?.ok && Math.abs(debit.value.minor) > 0) {
        amount = debit;
        sign = side = -1;
      } else if (credit?.ok) {
        amount = credit;
        sign = side = 1;
      } else amount = debit ?? credit;
    }
    if (!amount) {
      // A figure shown where the amount goes but not read as one is a row lost, never a balance line.
      const unread = [cellOf(r, 'amount'), cellOf(r, 'debit'), cellOf(r, 'credit')].find(
        (c) => c !== undefined && /\d/.test(c.text),
      );
      const balanceOnly = Boolean(balanceTexts[r]) && !unread;
      skipRow(
        r,
        unread
          ? `the amount "${unread.text.trim()}" is not read as money (no cents, sign or currency mark)`
          : balanceOnly
            ? 'a balance line, not a transaction'
            : 'no amount',
        balanceOnly,
      );
      continue;
    }
    if (!amount.ok) {
      skipRow(r, `amount: ${amount.problems[0]!.message}`);
      continue;
    }
    const typeText = typeCells?.[r]?.text ?? '';
    // A column that shows minus signs shows its unsigned values as money in.
    const indicator = indicatorCells ? (indicatorCells[r]?.text.trim() ?? '') : '';
    if (sign === 0 && indicator) sign = DEBIT_MARK.test(indicator) ? -1 : 1;
    if (sign === 0 && onlyPlusSigned) sign = -1;
    let typeSigned = false;
    if (sign === 0 && processorTypes && typeText) {
      const out = PROCESSOR_OUT_TYPE.test(typeText);
      if (out !== PROCESSOR_IN_TYPE.test(typeText)) {
        sign = out ? -1 : 1;
        typeSigned = true;
      }
    }
    if (sign === 0 && !columnSigned) sign = signHint(cellOf(r, 'amount'), row, typeText);
    // A statement's section says which way its unsigned lines went ("Checks Paid", "Deposits and Additions").
    if (sign === 0 && !columnSigned && settings.portalKind !== 'card' && context.section) {
      // "Debits and credits", "Deposits and withdrawals": a heading naming both ways says neither.
      const out = SECTION_OUT.test(context.section) && !SECTION_IN_WORD.test(context.section);
      const into = SECTION_IN.test(context.section) && !SECTION_OUT_WORD.test(context.section);
      if (out !== into) sign = out ? -1 : 1;
    }
    if (sign === 0 && !columnSigned && typeText) {
      const n = TYPE_NEGATIVE.test(typeText);
      const p = TYPE_POSITIVE.test(typeText);
      if (n !== p) sign = n ? -1 : 1;
    }
    const shown = Math.abs(amount.value.minor) * (sign === -1 ? -1 : 1);
    const currency = amount.value.currency;
    const fee = parseInRow(feeTexts[r]!, separator, rowCurrency);
    const netOfFee = chosen.netOfFee === true && fee?.ok === true && fee.value.currency === currency;
    // The fee charged is positive, a fee given back negative (net = gross − fee, as processors book it).
    let feeCharged = fee?.ok
      ? Math.abs(fee.value.minor) * (feesReturnedByPlus && explicitSign(feeTexts[r]!) > 0 ? -1 : 1)
      : 0;
    const minor = netOfFee ? shown - feeCharged : shown;

    const balance = parseInRow(balanceTexts[r]!, separator, rowCurrency);

    const parsedDate = dateColumn.dates[r];
    // A date cell holding digits that are no date (2026-02-30, 13/45/2026) is a typo, not a day printed once.
    const typed = dateTexts[r] ? '' : (dateCells?.[r]?.text.trim() ?? '');
    const blank = !dateTexts[r] && !DIGIT.test(typed) && !contexts[r]!.dateHeading;
    const beside = blank ? otherDate(cells[r]!, mapping.date, isDate) : undefined;
    let date = parsedDate?.ok ? parsedDate.value : undefined;
    // A blank posted date beside a transaction date: the transaction date is all there is.
    if (!date && beside) {
      const other = parseDate(cleanDateText(beside), { asOf: settings.asOf, order: dateColumn.order });
      if (other.ok) date = other.value;
    }
    // A blank date under a dated row: banks print the day once.
    const inherited = !date && blank && previousDate !== undefined && mapping.date !== undefined;
    if (inherited) date = previousDate;
    if (!date && pending) {
      date = settings.asOf;
      usedAsOfForPending = true;
    }
    if (!date) {
      skipRow(
        r,
        parsedDate && !parsedDate.ok
          ? `date: ${parsedDate.problems[0]!.message}`
          : /\d/.test(typed)
            ? `date: "${typed}" is not a real date`
            : 'no date',
      );
      continue;
    }
    // "November total  −$357.52" among the rows: a label of a total whose figure is the sum of the
    // rows since the last heading or total (all, money out or money in) is a subtotal, not a line.
    if (TOTAL_LABEL.test(description) && (inherited || sums.n >= 2) && sums.n > 0) {
      const shownAbs = Math.abs(shown);
      if ([sums.all, sums.out, sums.in, sums.abs].some((s) => Math.abs(s) === shownAbs)) {
        skipRow(r, 'a subtotal: its figure is the sum of the rows above it', true);
        sums.afterTotal = true;
        continue;
      }
    }
    if (sums.afterTotal || context.section !== sums.section) {
      sums.all = sums.out = sums.in = sums.abs = sums.n = 0;
      sums.afterTotal = false;
      sums.section = context.section;
    }
    sums.n++;
    sums.all += shown;
    sums.abs += Math.abs(shown);
    if (shown < 0) sums.out += shown;
    else sums.in += shown;
    previousDate = date;
    // A posted line cannot lie in the future: dated well past the as-of date it is scheduled.
    if (!pending && daysAfterAsOf(date) > FUTURE_SLACK_DAYS) {
      skipRow(r, `dated ${date}, after ${settings.asOf}: scheduled, not yet a transaction`, true);
      continue;
    }

    const idText = idCells?.[r]?.text.trim();
    const linked = findLinkedId(row, settings.portalKind === 'processor' || settings.payoutList === true);
    const externalId = linked ?? (idText && /^[A-Za-z0-9_-]{4,}$/.test(idText) ? idText : undefined);
    let gross = netOfFee
      ? ({ ok: true, value: { minor: shown, currency } } as const)
      : parseInRow(grossTexts[r]!, separator, rowCurrency);
    // The type that signed the amount signs its gross too ("Payout 2,400.00 … 2,400.00").
    if (typeSigned && sign < 0 && gross?.ok && gross.value.minor > 0 && explicitSign(grossTexts[r]!) === 0)
      gross = { ok: true, value: { ...gross.value, minor: -gross.value.minor } } as const;

    const descriptionText = withoutInvisibles(description || row.text.slice(0, 80));
    // Optional fields assigned, not spread from a new object each; in the same order, origin last.
    const draft = {
      date,
      description: descriptionText,
      amount: { minor, currency },
      status,
      kind: 'unknown',
    } as ReadResult['drafts'][number];
    if (externalId) draft.externalId = externalId;
    if (balance?.ok) draft.balance = balance.value;
    // Where gross and net are both shown, their difference says whether the fee was charged or given back.
    if (fee?.ok && !netOfFee && gross?.ok && gross.value.currency === currency) {
      const difference = gross.value.minor - minor;
      if (Math.abs(difference) === Math.abs(fee.value.minor)) feeCharged = difference;
    }
    if (fee?.ok) draft.fee = { minor: feeCharged, currency: fee.value.currency };
    if (gross?.ok) draft.gross = gross.value;
    draft.origin = { row: rowNumber };
    drafts.push(draft);
    kindTexts.push(wordsOfRow(typeText, descriptionText, cells[r]!));
    amountShown.push(
      indicator && sign !== 0 ? `${amountTexts[r]!} ${sign < 0 ? 'DR' : 'CR'}` : amountTexts[r]!,
    );
    sides.push(side);
  }
  // Two money columns told apart only by their place: the running balance says which is which.
  const guessedSides = chosen.reasons.debit === 'values' && chosen.reasons.credit === 'values';
  signFromBalances(drafts, chosen.balanceOrder, amountShown, notes, guessedSides ? sides : undefined);
  // Fee and gross columns make any page a processor's: its positive lines are charges.
  // A list with fees, gross sums or a type per line holds a payout's lines or a balance, not payouts.
  const payouts =
    settings.payoutList === true &&
    settings.portalKind !== 'card' &&
    !mapping.fee &&
    !mapping.gross &&
    !mapping.type;
  const portalKind =
    payouts || (settings.portalKind === 'bank' && (mapping.fee || mapping.gross || processorTypes))
      ? 'processor'
      : settings.portalKind;
  const signedBy = columnSigned
    ? 'minus signs on the page'
    : mapping.debit !== undefined && mapping.credit !== undefined
      ? 'money-out and money-in columns'
      : undefined;
  const decision = decideSign(settings, drafts, payouts, signedBy);
  const invert = decision.convention !== 'as-shown';
  if (decision.convention !== 'as-shown' && decision.decidedBy !== 'forced')
    notes.push(SIGN_NOTES[decision.convention]);
  const defaultKind = settings.conventions.defaultKind ?? (payouts ? ('payout' as const) : undefined);
  drafts.forEach((d, i) => {
    if (payouts && d.externalId && /^po_/.test(d.externalId)) d.description = `Payout ${d.externalId}`;
    // "CR"/"DR" name the side of the account whatever the page's sign convention: never flipped.
    // On a card page showing every amount unsigned, payments and credits are known by their words.
    const creditLine =
      decision.convention === 'card-flipped' && !columnSigned && CARD_CREDIT_WORDS.test(d.description);
    if (invert && !CREDIT_DEBIT_MARK.test(amountShown[i]!) && !creditLine)
      d.amount = { ...d.amount, minor: -d.amount.minor };
    d.kind = inferKind({
      text: kindTexts[i]!,
      externalId: d.externalId,
      minor: d.amount.minor,
      portalKind,
      defaultKind,
    });
    // A payout leaves the processor's balance: shown unsigned among sales, it is money out, as
    // the processor's own export has it.
    if (
      portalKind === 'processor' &&
      d.kind === 'payout' &&
      d.amount.minor > 0 &&
      explicitSign(amountShown[i]!) === 0
    ) {
      d.amount = { ...d.amount, minor: -d.amount.minor };
      if (d.gross && d.gross.minor > 0) d.gross = { ...d.gross, minor: -d.gross.minor };
    }
  });
  if (usedAsOfForPending) notes.push('pending rows without a date were dated as of the capture date');
  if (chosen.netOfFee && drafts.some((d) => d.gross))
    notes.push('no net column: each amount is the gross shown less its fee, as the processor books it');
  return {
    drafts,
    skipped,
    dateOrder: dateColumn.order,
    decimalSeparator: separator,
    notes,
    signConvention: decision,
    totals,
  };
}

/**
 * Which way the page's signs run: the owner's saved choice, then a profile, then the page's cues
 * (a card page whose charges show positive, a payout list), else as shown — and says what decided.
 */
function decideSign(
  settings: ReadSettings,
  drafts: ReadResult['drafts'],
  payouts: boolean,
  /** What on the page gives the signs: minus signs, or a column for each side. */
  signedBy: string | undefined,
): SignDecision {
  if (settings.forcedSign) return { convention: settings.forcedSign, decidedBy: 'forced' };
  const sign = settings.conventions.amountSign;
  if (sign !== undefined) {
    const by = `profile ${settings.profileId ?? ''}`.trim();
    if (sign === 'asShown') return { convention: 'as-shown', decidedBy: by };
    const convention = settings.portalKind === 'card' ? 'card-flipped' : 'payouts-flipped';
    return { convention, decidedBy: by };
  }
  if (settings.portalKind === 'card' && chargesShownPositive(drafts))
    return { convention: 'card-flipped', decidedBy: settings.cardCue ?? 'card page' };
  if (payouts && drafts.filter((d) => d.amount.minor > 0).length * 2 > drafts.length)
    return { convention: 'payouts-flipped', decidedBy: 'a list of payouts' };
  return { convention: 'as-shown', decidedBy: signedBy ?? 'assumed' };
}

/** A totals line (not a balance line): its figures are checked against the rows. */
export const TOTAL_LABEL = /\b(?:totals?|sub-?totals?|summe|gesamt|sum)\b/i;

/** A card line that is money in for the holder, by its words alone. */
const CARD_CREDIT_WORDS =
  /\bthank\s*you\b|\bautopay\b|\bpayment\s+(?:received|posted|-\s*thank)|^(?:online\s+|mobile\s+|ach\s+)?(?:payment|pymt|credit|refund|return)\b|\b(?:refund|return(?:ed)?|statement credit|credit adjustment|reversal|cashback|cash back)\b/i;

const CARD_CREDIT_LINE = /payment|thank you|credit|refund|return|adjustment|autopay|reversal/i;

/**
 * Card portals show charges as positive: on a page that reads like a card, when every line shown
 * negative is a payment or a credit, the signs are the card's and get flipped.
 */
function chargesShownPositive(drafts: ReadResult['drafts']): boolean {
  const negatives = drafts.filter((d) => d.amount.minor < 0);
  const credits = (list: ReadResult['drafts']) => list.every((d) => CARD_CREDIT_LINE.test(d.description));
  // A statement's "Payments and Credits" section alone: negative there is the issuer's way.
  if (negatives.length === drafts.length) return drafts.length > 0 && credits(drafts);
  // Only payments and credits, shown positive: the holder's way already.
  if (negatives.length === 0 && credits(drafts)) return false;
  // A card's activity is mostly charges: most lines positive are its charges, whatever words the
  // few negative ones use ("Pago recibo", "返品", "Storno").
  if (negatives.length * 2 < drafts.length) return true;
  return credits(negatives);
}

/**
 * Portal ids sit in row links and data attributes even where the row does not show them: Stripe
 * `py_…`/`txn_…` anywhere, PayPal's 17-character ids as a link's last path segment. In the text
 * only on processor pages: a bank line quoting `po_…` is the bank's line, not the payout.
 */
function findLinkedId(row: DomNode, inText: boolean): string | undefined {
  const stack = [row];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const attrs = n === row ? ROW_ID_ATTRS : n.tag === 'a' ? LINK_ATTRS : NO_ATTRS;
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs[i]!;
      const v = attrOf(n, attr);
      const m = v ? STRIPE_ID.exec(v) : null;
      if (m) return m[0];
      const p = v && attr.endsWith('href') ? PAYPAL_ID.exec(v) : null;
      if (p && /\d/.test(p[1]!) && /[A-Z]/.test(p[1]!)) return p[1];
    }
    const m = inText && n.ownText ? STRIPE_ID.exec(n.text) : null;
    if (m) return m[0];
    const children = n.children;
    for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
  return undefined;
}

/**
 * Unsigned amounts next to a running balance: the balance says which way the money went.
 * Only rows whose text showed no sign are changed.
 */
function signFromBalances(
  drafts: ReadResult['drafts'],
  order: ChosenMapping['balanceOrder'],
  amountShown: string[],
  notes: string[],
  /** Given when the debit and credit columns were told apart by their place alone. */
  sides?: Array<-1 | 0 | 1>,
): void {
  if (!order || drafts.length < 2) return;
  let changed = 0;
  const checked = new Set<number>();
  // Per column guessed as money out (−1) or in (1): rows the balance confirms, rows it contradicts.
  const agree = { [-1]: 0, 1: 0 } as Record<-1 | 1, number>;
  const disagree = { [-1]: 0, 1: 0 } as Record<-1 | 1, number>;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const j = order === 'newestFirst' ? i + 1 : i - 1;
    const prior = drafts[j]?.balance;
    if (!d.balance || !prior) continue;
    const delta = d.balance.minor - prior.minor;
    if (Math.abs(delta) !== Math.abs(d.amount.minor) || explicitSign(amountShown[i]!) !== 0 || delta === 0) {
      continue;
    }
    checked.add(i);
    const side = sides?.[i];
    if (side) {
      if (Math.sign(delta) === side) agree[side]++;
      else disagree[side]++;
    }
    const minor = Math.sign(delta) * Math.abs(d.amount.minor);
    if (minor !== d.amount.minor) {
      d.amount = { ...d.amount, minor };
      changed++;
    }
  }
  // Every checked row of a column ran the other way: so do its rows the balance cannot check
  // (the oldest row, rows beside a gap).
  let swapped = 0;
  if (sides) {
    for (let i = 0; i < drafts.length; i++) {
      const side = sides[i];
      if (!side || checked.has(i) || agree[side] > 0 || disagree[side] === 0) continue;
      const d = drafts[i]!;
      d.amount = { ...d.amount, minor: -d.amount.minor };
      swapped++;
    }
  }
  if (changed > 0) notes.push(`${changed} unsigned amounts were signed from the running balance`);
  if (swapped > 0)
    notes.push(
      `${swapped} amounts the running balance cannot check were signed as the balance shows their column runs`,
    );
}

/**
 * The currency every balance cell is marked in ("12,345.67 ₪"), when it is not the page's: the
 * account's currency, which unmarked amounts beside those balances are in too.
 */
function balanceCurrency(balances: string[], pageCurrency: string): string | undefined {
  let seen: string | undefined;
  for (let i = 0; i < balances.length; i++) {
    const t = balances[i]!;
    if (t === '') continue;
    const read = readAmount(t, { currency: pageCurrency });
    if (!read.ok || (seen !== undefined && read.value.currency !== seen)) return undefined;
    seen = read.value.currency;
  }
  return seen === pageCurrency ? undefined : seen;
}
