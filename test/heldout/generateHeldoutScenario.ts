/**
 * Held-out reconciliation scenarios, written independently of the match engine's own test
 * generator: one small business's month of Stripe, Square and PayPal activity plus its bank
 * statements, shaped the way the importers in core/formats/processors produce processor lines,
 * with the ground truth of which payout line was settled by which bank line.
 *
 * What makes a month hard on purpose: deposits 1–5 business days late across weekends and US
 * holidays (months are weighted towards July, November and December), several payouts landing as
 * one deposit, identical payout amounts on nearby days (fixed-price memberships, round PayPal
 * withdrawals), refunds larger than sales (a payout that debits the bank), deposits whose text
 * names no processor, checking ↔ savings transfers, customer checks, Zelle, customer ACH and loan
 * proceeds whose amounts equal a payout's, PayPal purchases debiting the bank, deposits of payouts
 * from before the period, and payouts still in transit at the period end.
 *
 * Fairness rules the generator keeps (so a miss is the engine's, not the scenario's):
 * - Deposits of one processor arrive in payout order (ACH batches are first in, first out).
 * - A deposit whose payout is not in the data (paid before the period or after its end) never has
 *   the amount of a payout that is in the data.
 * - Every deposit lands 1–5 business days after its payout (US bank calendar).
 */
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../core/dates/businessDays';
import { addDays, endOfMonth } from '../../core/dates/calendar';
import { assignIds } from '../../core/ids/assignIds';
import type { Transaction, TransactionDraft } from '../../core/model/transaction';

export type Processor = 'stripe' | 'square' | 'paypal';

export type TruthLinkType = 'payout-deposit' | 'many-to-one' | 'refund-debit';

export type TruthLink = {
  /** Id of the processor's payout line. */
  payout: string;
  /** Id of the bank line that settled it. */
  bank: string;
  type: TruthLinkType;
};

export type HeldoutScenario = {
  seed: number;
  /** A short summary: month, processors, bank. */
  name: string;
  transactions: Transaction[];
  periodEnd: string;
  /** Ids of processor payout lines (kind `payout`). */
  payoutIds: Set<string>;
  /** Ids of bank lines (checking and savings). */
  bankIds: Set<string>;
  links: TruthLink[];
  /** Payout lines paid out on or before the period end whose deposit lands after it. */
  inTransit: string[];
  /** What each line is in the generator's story, for failure reports. */
  notes: Map<string, string>;
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
  weighted: <T>(xs: ReadonlyArray<readonly [T, number]>) => T;
  alnum: (n: number) => string;
  digits: (n: number) => string;
};

function makeRng(seed: number): Rng {
  const next = mulberry32(seed * 2654435761 + 12345);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: (xs) => {
      const total = xs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [x, w] of xs) {
        r -= w;
        if (r < 0) return x;
      }
      return xs[xs.length - 1]![0];
    },
    alnum: (n) => Array.from({ length: n }, () => ALNUM[Math.floor(next() * ALNUM.length)]).join(''),
    digits: (n) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join(''),
  };
}

// ---------------------------------------------------------------------------------------------
// The business and its processors

type Profile = 'cafe' | 'retail' | 'services' | 'subscription';

type SaleLine = {
  processor: Processor;
  date: string;
  kind: 'charge' | 'refund' | 'fee' | 'dispute';
  gross: number;
  fee: number;
  net: number;
  description: string;
  payee?: string;
  externalId: string;
  /** Index of the payout that settled it (Stripe, Square). */
  payout?: number;
};

type Payout = {
  index: number;
  processor: Processor;
  date: string;
  /** Money to the bank (negative: the processor debits the bank). */
  net: number;
  lines: SaleLine[];
  ref: string;
  externalId: string;
  depositDate: string;
  /** Payouts sharing a group number land as one bank line. */
  group?: number;
  inData: boolean;
  note: string;
};

const CUSTOMERS = [
  'Maria Lopez',
  'James Chen',
  'Priya Patel',
  'Tom Becker',
  'Aisha Johnson',
  'Luca Rossi',
  'Emma Wilson',
  'Noah Kim',
  'Sofia Garcia',
  'Oliver Brown',
];
const BUSINESSES = [
  'ACME COFFEE LLC',
  'BLUE HERON YOGA',
  'NORTHWIND GOODS INC',
  'MAPLE STREET BAKERY',
  'RIVERSIDE DESIGN CO',
  'SUMMIT FITNESS LLC',
];
const COMPANIES = [
  'GREENLEAF PROPERTIES',
  'HARBOR DENTAL GROUP',
  'CITY OF SPRINGFIELD',
  'BRIGHTPATH SCHOOLS',
  'LAKESIDE MEDICAL',
];

function feeOf(processor: Processor, gross: number): number {
  if (processor === 'stripe') return Math.round(gross * 0.029) + 30;
  if (processor === 'square') return Math.round(gross * 0.026) + 15;
  return Math.round(gross * 0.0349) + 49;
}

function grossFor(rng: Rng, profile: Profile): number {
  switch (profile) {
    case 'cafe':
      return rng.int(350, 4200);
    case 'retail':
      return rng.int(1500, 25000);
    case 'services':
      return rng.pick([15000, 25000, 45000, 60000, rng.int(10000, 150000)]);
    case 'subscription':
      return rng.pick([2900, 4900, 4900, 9900]);
  }
}

function salesPerDay(rng: Rng, profile: Profile, date: string): number {
  const weekend = !isBusinessDay(date);
  switch (profile) {
    case 'cafe':
      return rng.int(weekend ? 4 : 6, weekend ? 14 : 18);
    case 'retail':
      return rng.int(0, weekend ? 7 : 5);
    case 'services':
      return weekend ? rng.int(0, 1) : rng.int(0, 2);
    case 'subscription':
      return rng.weighted([
        [0, 2],
        [1, 4],
        [2, 2],
        [3, 1],
      ]);
  }
}

function generateSales(
  rng: Rng,
  processor: Processor,
  profile: Profile,
  from: string,
  to: string,
): SaleLine[] {
  const lines: SaleLine[] = [];
  const recent: number[] = [];
  const extId = () =>
    processor === 'stripe'
      ? `txn_${rng.alnum(24)}`
      : processor === 'square'
        ? rng.alnum(22)
        : `${rng.digits(1)}${rng.alnum(16)}`;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const n = salesPerDay(rng, profile, d);
    for (let i = 0; i < n; i++) {
      const gross = grossFor(rng, profile);
      const fee = feeOf(processor, gross);
      recent.push(gross);
      const payee = rng.pick(CUSTOMERS);
      lines.push({
        processor,
        date: d,
        kind: 'charge',
        gross,
        fee,
        net: gross - fee,
        description:
          processor === 'stripe'
            ? rng.pick([
                `Invoice ${rng.int(1000, 1999)}`,
                'Subscription update',
                `Order #${rng.int(5000, 9999)}`,
              ])
            : processor === 'square'
              ? rng.pick(['Custom Amount', 'Latte, Croissant', 'Gift Card', 'Item sale'])
              : payee,
        payee,
        externalId: extId(),
      });
    }
    if (recent.length > 0 && rng.chance(0.06)) {
      // A refund of an earlier sale. Stripe keeps its fee; Square and PayPal return part of theirs.
      const gross = -rng.pick(recent);
      const fee = processor === 'stripe' ? 0 : -Math.round(Math.abs(gross) * 0.025);
      lines.push({
        processor,
        date: d,
        kind: 'refund',
        gross,
        fee,
        net: gross - fee,
        description: processor === 'paypal' ? rng.pick(CUSTOMERS) : 'Refund',
        externalId: extId(),
      });
    }
    if (processor === 'stripe' && rng.chance(0.01)) {
      const gross = -rng.pick(recent.length ? recent : [5000]);
      lines.push({
        processor,
        date: d,
        kind: 'dispute',
        gross,
        fee: 1500,
        net: gross - 1500,
        description: 'Chargeback withdrawal',
        externalId: extId(),
      });
    }
    if (processor === 'stripe' && d.endsWith('-02') && rng.chance(0.5)) {
      const gross = -rng.int(500, 4000);
      lines.push({
        processor,
        date: d,
        kind: 'fee',
        gross,
        fee: 0,
        net: gross,
        description: 'Billing - Usage Fee',
        externalId: extId(),
      });
    }
  }
  return lines;
}

/** Deposit delay in business days, by processor (1–5). */
function delayFor(rng: Rng, processor: Processor): number {
  if (processor === 'stripe')
    return rng.weighted([
      [1, 15],
      [2, 55],
      [3, 15],
      [4, 9],
      [5, 6],
    ]);
  if (processor === 'square')
    return rng.weighted([
      [1, 70],
      [2, 20],
      [3, 6],
      [5, 4],
    ]);
  return rng.weighted([
    [1, 35],
    [2, 30],
    [3, 20],
    [4, 10],
    [5, 5],
  ]);
}

function schedulePayouts(
  rng: Rng,
  processor: Processor,
  sales: SaleLine[],
  from: string,
  to: string,
  startIndex: number,
): Payout[] {
  const payouts: Payout[] = [];
  const unpaid = [...sales];
  let paypalBalance = 0;
  let paypalSeen = 0;
  const make = (date: string, net: number, lines: SaleLine[]): Payout => {
    const index = startIndex + payouts.length;
    for (const l of lines) l.payout = index;
    return {
      index,
      processor,
      date,
      net,
      lines,
      ref:
        processor === 'stripe'
          ? `po_${rng.alnum(24)}`
          : processor === 'square'
            ? rng.alnum(20)
            : `${rng.digits(1)}${rng.alnum(16)}`,
      externalId: processor === 'stripe' ? `txn_${rng.alnum(24)}` : '',
      depositDate: '',
      inData: false,
      note: '',
    };
  };
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!isBusinessDay(d)) continue;
    if (processor === 'paypal') {
      while (paypalSeen < sales.length && sales[paypalSeen]!.date <= d)
        paypalBalance += sales[paypalSeen++]!.net;
      if (!rng.chance(0.3) || paypalBalance < 2000) continue;
      // People withdraw the whole balance, or a round amount of it.
      const amount =
        paypalBalance > 30000 && rng.chance(0.35) ? Math.floor(paypalBalance / 10000) * 10000 : paypalBalance;
      paypalBalance -= amount;
      payouts.push(make(d, amount, []));
      continue;
    }
    const cutoff = addDays(d, processor === 'stripe' ? -2 : -1);
    const lines: SaleLine[] = [];
    for (let i = unpaid.length - 1; i >= 0; i--) {
      if (unpaid[i]!.date <= cutoff) lines.unshift(...unpaid.splice(i, 1));
    }
    const net = lines.reduce((s, l) => s + l.net, 0);
    if (lines.length === 0 || net === 0) {
      unpaid.unshift(...lines);
      continue;
    }
    payouts.push(make(d, net, lines));
  }
  return payouts;
}

// ---------------------------------------------------------------------------------------------
// Bank text

type BankStyle = 'chase' | 'bofa' | 'wells' | 'creditunion';

const BANKS: Record<BankStyle, { institution: string }> = {
  chase: { institution: 'Chase' },
  bofa: { institution: 'Bank of America' },
  wells: { institution: 'Wells Fargo' },
  creditunion: { institution: 'Navy Federal Credit Union' },
};

const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');

function processorDepositText(rng: Rng, style: BankStyle, p: Payout, biz: string, date: string): string {
  const trace = rng.digits(15);
  if (p.processor === 'stripe') {
    const st = `ST-${rng.alnum(12)}`;
    switch (style) {
      case 'chase':
        return `ORIG CO NAME:STRIPE ORIG ID:1800948598 DESC DATE:${yymmdd(p.date)} CO ENTRY DESCR:TRANSFER SEC:CCD TRACE#:${trace} EED:${yymmdd(date)} IND ID:${st} IND NAME:${biz} TRN: ${rng.digits(10)}TC`;
      case 'bofa':
        return `STRIPE DES:TRANSFER ID:${st} INDN:${biz} CO ID:1800948598 CCD`;
      case 'wells':
        return `STRIPE TRANSFER ${st} ${biz}`;
      case 'creditunion':
        return `ACH CREDIT STRIPE TRANSFER ${st}`;
    }
  }
  if (p.processor === 'square') {
    const id = `T3${rng.alnum(10)}`;
    switch (style) {
      case 'chase':
        return `ORIG CO NAME:SQUARE INC ORIG ID:9424300002 DESC DATE:${yymmdd(p.date)} CO ENTRY DESCR:SQ${yymmdd(p.date)} SEC:CCD TRACE#:${trace} EED:${yymmdd(date)} IND ID:${id} IND NAME:${biz}`;
      case 'bofa':
        return `SQUARE INC DES:SQ${yymmdd(p.date)} ID:${id} INDN:${biz} CO ID:9424300002 CCD`;
      case 'wells':
        return `SQUARE INC SQ${yymmdd(p.date)} ${id} ${biz}`;
      case 'creditunion':
        return `SQ *SQUARE INC SQ${yymmdd(p.date)}`;
    }
  }
  const id = rng.digits(13);
  switch (style) {
    case 'chase':
      return `ORIG CO NAME:PAYPAL ORIG ID:PAYPALSI77 DESC DATE:${yymmdd(p.date)} CO ENTRY DESCR:TRANSFER SEC:PPD TRACE#:${trace} EED:${yymmdd(date)} IND ID:${id} IND NAME:${biz}`;
    case 'bofa':
      return `PAYPAL DES:TRANSFER ID:${id} INDN:${biz} CO ID:PAYPALSI77 CCD`;
    case 'wells':
      return `PAYPAL TRANSFER ${yymmdd(p.date)} ${id} ${biz}`;
    case 'creditunion':
      return 'ACH CREDIT PAYPAL TRANSFER';
  }
}

/** A deposit as some portals show it: no processor name at all. */
function anonymousDepositText(rng: Rng, biz: string, debit: boolean): string {
  if (debit)
    return rng.pick(['ACH DEBIT', 'ACH WITHDRAWAL CCD', 'ELECTRONIC WITHDRAWAL', `ACH DEBIT ${biz}`]);
  return rng.pick([
    'ACH DEPOSIT',
    'ACH CREDIT CCD',
    'ELECTRONIC DEPOSIT',
    `DEPOSIT ACH TRANSFER ${rng.digits(10)}`,
    `ACH CREDIT ${biz}`,
  ]);
}

type Distractor = 'mobile-check' | 'branch-deposit' | 'zelle' | 'customer-ach' | 'loan' | 'savings-transfer';

function distractorText(rng: Rng, style: BankStyle, kind: Distractor, biz: string, last4Sav: string): string {
  switch (kind) {
    case 'mobile-check':
      return style === 'chase'
        ? 'REMOTE ONLINE DEPOSIT # 1'
        : style === 'bofa'
          ? `BKOFAMERICA MOBILE ${rng.digits(10)} DEPOSIT`
          : `MOBILE DEPOSIT : REF NUMBER :${rng.digits(9)}`;
    case 'branch-deposit':
      return style === 'chase' ? `DEPOSIT ID NUMBER ${rng.digits(6)}` : 'COUNTER DEPOSIT';
    case 'zelle':
      return `ZELLE PAYMENT FROM ${rng.pick(CUSTOMERS).toUpperCase()} ${rng.alnum(11)}`;
    case 'customer-ach': {
      const company = rng.pick(COMPANIES);
      return style === 'chase'
        ? `ORIG CO NAME:${company} ORIG ID:${rng.digits(10)} DESC DATE:${rng.digits(6)} CO ENTRY DESCR:PAYMENT SEC:CCD TRACE#:${rng.digits(15)} IND ID:INV${rng.digits(4)} IND NAME:${biz}`
        : `${company} DES:PAYMENT ID:INV${rng.digits(4)} INDN:${biz} CO ID:${rng.digits(10)} CCD`;
    }
    case 'loan':
      return rng.pick([
        `ONDECK CAPITAL DES:LOAN PROC ID:${rng.digits(8)} INDN:${biz} CCD`,
        'SBA LOAN PROCEEDS',
        `KABBAGE INC DES:FUNDING ID:${rng.digits(9)}`,
      ]);
    case 'savings-transfer':
      return savingsText(rng, style, 'from', last4Sav);
  }
}

function savingsText(rng: Rng, style: BankStyle, dir: 'from' | 'to', last4: string): string {
  const acct = dir === 'from' ? 'SAV' : 'SAV';
  switch (style) {
    case 'chase':
      return `ONLINE TRANSFER ${dir.toUpperCase()} ${acct} ...${last4} TRANSACTION#: ${rng.digits(11)}`;
    case 'bofa':
      return `Online Banking transfer ${dir} ${acct} ${last4} Confirmation# ${rng.digits(10)}`;
    case 'wells':
      return `ONLINE TRANSFER ${dir.toUpperCase()} BUSINESS SAVINGS XXXXXX${last4} REF #IB0${rng.alnum(9)}`;
    case 'creditunion':
      return `Transfer ${dir === 'from' ? 'From' : 'To'} Shares ${last4}`;
  }
}

function checkingSideText(rng: Rng, style: BankStyle, dir: 'from' | 'to', last4: string): string {
  switch (style) {
    case 'chase':
      return `ONLINE TRANSFER ${dir.toUpperCase()} CHK ...${last4} TRANSACTION#: ${rng.digits(11)}`;
    case 'bofa':
      return `Online Banking transfer ${dir} CHK ${last4} Confirmation# ${rng.digits(10)}`;
    case 'wells':
      return `ONLINE TRANSFER ${dir.toUpperCase()} BUSINESS CHECKING XXXXXX${last4} REF #IB0${rng.alnum(9)}`;
    case 'creditunion':
      return `Transfer ${dir === 'from' ? 'From' : 'To'} Checking ${last4}`;
  }
}

const EXPENSES = [
  'CARD PURCHASE COSTCO WHSE #0482',
  'GUSTO DES:NET PAY',
  'ADP PAYROLL FEES',
  'INTUIT *QBOOKS ONLINE',
  'COMCAST BUSINESS',
  'IRS DES:USATAXPYMT',
  'AMEX EPAYMENT DES:ACH PMT',
  'CARD PURCHASE SYSCO FOODS',
  'RENT PAYMENT OAK PLAZA LLC',
];

// ---------------------------------------------------------------------------------------------
// The scenario

const HOLIDAY_MONTHS = [
  '2024-11',
  '2024-12',
  '2025-07',
  '2025-11',
  '2025-12',
  '2026-07',
  '2023-11',
  '2023-12',
];

type BankDraft = { draft: TransactionDraft; note: string; payouts: Payout[] };

export function generateHeldoutScenario(seed: number): HeldoutScenario {
  const rng = makeRng(seed);
  const month = rng.chance(0.55)
    ? rng.pick(HOLIDAY_MONTHS)
    : `${rng.int(2023, 2026)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
  const monthStart = `${month}-01`;
  const periodEnd = endOfMonth(monthStart);
  // Bank exports sometimes run a few days past the period end.
  const bankEnd = rng.chance(0.4) ? addDays(periodEnd, rng.int(1, 6)) : periodEnd;
  const simFrom = addDays(monthStart, -16);
  const simTo = addDays(periodEnd, 10);
  const style = rng.pick(['chase', 'bofa', 'wells', 'creditunion'] as const);
  const bank = BANKS[style];
  const biz = rng.pick(BUSINESSES);
  const chkLast4 = rng.digits(4);
  const savLast4 = rng.digits(4);
  const checking = `Checking ••${chkLast4}`;
  const savings = `Savings ••${savLast4}`;
  const ofx = rng.chance(0.4);
  // A portal captured mid-week shows its newest lines as pending (no posted copy yet).
  const pendingFrom = rng.chance(0.3) ? addDays(bankEnd, -rng.int(1, 3)) : undefined;
  // Some businesses have PayPal pay out to a second bank.
  const secondStyle = rng.chance(0.3)
    ? rng.pick((['chase', 'bofa', 'wells', 'creditunion'] as const).filter((x) => x !== style))
    : undefined;
  const second = secondStyle
    ? {
        style: secondStyle,
        institution: BANKS[secondStyle].institution,
        account: `Checking ••${rng.digits(4)}`,
      }
    : undefined;

  const processors = (['stripe', 'square', 'paypal'] as const).filter(() => rng.chance(0.65));
  if (processors.length === 0) processors.push(rng.pick(['stripe', 'square', 'paypal'] as const));
  const profiles: Record<Processor, Profile> = {
    stripe: rng.pick(['subscription', 'subscription', 'services', 'retail']),
    square: rng.pick(['cafe', 'retail', 'cafe']),
    paypal: rng.pick(['retail', 'services']),
  };

  // Processor activity and payouts.
  const payouts: Payout[] = [];
  const sales: SaleLine[] = [];
  for (const processor of processors) {
    const s = generateSales(rng, processor, profiles[processor], addDays(simFrom, -7), simTo);
    sales.push(...s);
    const ps = schedulePayouts(rng, processor, s, simFrom, simTo, payouts.length);
    // Refunds larger than sales: the processor debits the bank (not PayPal, which asks for funds).
    if (processor !== 'paypal' && rng.chance(0.35)) {
      const candidates = ps.filter(
        (p) => p.date >= addDays(monthStart, 2) && p.date <= addDays(periodEnd, -9),
      );
      if (candidates.length > 0) {
        const p = rng.pick(candidates);
        const refund = rng.int(8000, 90000);
        const fee = processor === 'stripe' ? 0 : -Math.round(refund * 0.025);
        for (const l of p.lines) l.payout = undefined;
        const removed = new Set(p.lines);
        for (let i = sales.length - 1; i >= 0; i--) if (removed.has(sales[i]!)) sales.splice(i, 1);
        const line: SaleLine = {
          processor,
          date: p.lines[p.lines.length - 1]?.date ?? addDays(p.date, -2),
          kind: 'refund',
          gross: -refund,
          fee,
          net: -refund - fee,
          description: 'Refund',
          externalId: processor === 'stripe' ? `txn_${rng.alnum(24)}` : rng.alnum(22),
          payout: p.index,
        };
        sales.push(line);
        p.lines = [line];
        p.net = line.net;
        p.note = 'negative payout';
      }
    }
    payouts.push(...ps);
  }

  // Deposit dates: 1–5 business days, first in first out per processor.
  for (const processor of processors) {
    let last = '';
    for (const p of payouts.filter((x) => x.processor === processor)) {
      let d = addBusinessDays(p.date, delayFor(rng, processor));
      if (d < last) d = last;
      p.depositDate = d;
      last = d;
    }
  }
  for (const p of payouts) p.inData = p.date >= monthStart && p.date <= periodEnd;

  // Several payouts of one processor landing as one deposit.
  let groups = 0;
  for (const processor of processors) {
    const ps = payouts.filter((x) => x.processor === processor && x.inData && x.net > 0);
    for (let i = 0; i + 1 < ps.length; i++) {
      if (!rng.chance(0.07)) continue;
      const size = rng.chance(0.3) && i + 2 < ps.length ? 3 : 2;
      const members = ps.slice(i, i + size);
      const date = members
        .map((p) => p.depositDate)
        .sort()
        .at(-1)!;
      if (businessDaysBetween(members[0]!.date, date) > 5) continue;
      if (members.some((p) => p.group !== undefined)) continue;
      groups++;
      for (const p of members) {
        p.depositDate = date;
        p.group = groups;
      }
      i += size - 1;
    }
  }
  // Keep FIFO after grouping: a later payout never lands before an earlier one of its processor.
  for (const processor of processors) {
    let last = '';
    for (const p of payouts.filter((x) => x.processor === processor)) {
      if (p.depositDate < last) p.depositDate = last;
      last = p.depositDate;
    }
  }

  // Payouts outside the data never share an amount with one inside it.
  const inDataAmounts = new Set(payouts.filter((p) => p.inData).map((p) => Math.abs(p.net)));
  for (const p of payouts) {
    if (p.inData) continue;
    // Moved by a few dollars, not a cent: a real payout's amount is not a cent away from another's.
    while (inDataAmounts.has(Math.abs(p.net))) p.net += (p.net >= 0 ? 1 : -1) * rng.int(137, 2500);
  }

  // Bank lines.
  const bankDrafts: BankDraft[] = [];
  const savingsDrafts: BankDraft[] = [];
  const inBank = (d: string) => d >= monthStart && d <= bankEnd;
  const bankLine = (
    date: string,
    minor: number,
    description: string,
    account = checking,
    institution = bank.institution,
  ): TransactionDraft => {
    const text = description.replace(/\s+/g, ' ').trim();
    // OFX NAME holds 32 characters; the rest of the text is in MEMO.
    const split = ofx && text.length > 32;
    return {
      institution,
      account,
      date,
      description: split ? text.slice(0, 32).trim() : text,
      ...(split ? { memo: text.slice(32).trim() } : {}),
      amount: { minor, currency: 'USD' },
      status: pendingFrom && !ofx && date > pendingFrom ? 'pending' : 'posted',
      kind: minor >= 0 ? 'deposit' : 'withdrawal',
      origin: {
        file: account === checking ? 'checking.csv' : account === savings ? 'savings.csv' : 'checking2.csv',
        capturedAt: '2026-11-23T00:00:00Z',
      },
      ...(ofx ? { externalId: `${date.replaceAll('-', '')}${rng.digits(8)}` } : {}),
    };
  };

  const seenGroup = new Set<number>();
  for (const p of payouts) {
    if (!inBank(p.depositDate)) continue;
    if (p.group !== undefined) {
      if (seenGroup.has(p.group)) continue;
      seenGroup.add(p.group);
    }
    const members = p.group !== undefined ? payouts.filter((x) => x.group === p.group) : [p];
    const minor = members.reduce((s, x) => s + x.net, 0);
    const anonymous = rng.chance(0.12);
    const to = p.processor === 'paypal' && second ? second : undefined;
    const text = anonymous
      ? anonymousDepositText(rng, biz, minor < 0)
      : processorDepositText(rng, to?.style ?? style, p, biz, p.depositDate);
    const story = !p.inData
      ? `deposit of a ${p.processor} payout of ${p.date} (not in the processor data)`
      : members.length > 1
        ? `combined deposit of ${members.length} ${p.processor} payouts`
        : `${p.processor} ${p.net < 0 ? 'debit' : 'deposit'}${anonymous ? ' (no processor name)' : ''}`;
    bankDrafts.push({
      draft: to
        ? bankLine(p.depositDate, minor, text, to.account, to.institution)
        : bankLine(p.depositDate, minor, text),
      note: to ? `${story} into a second bank` : story,
      payouts: members,
    });
  }

  // Own-account transfers, some with amounts equal to a payout.
  const transferCount = rng.int(0, 4);
  const inDataPayouts = payouts.filter((p) => p.inData && p.net > 0 && inBank(p.depositDate));
  const addTransfer = (date: string, amount: number, note: string) => {
    const intoChecking = rng.chance(0.6);
    const chkDate = date;
    const savDate = rng.chance(0.8) ? date : addBusinessDays(date, 1);
    const chkMinor = intoChecking ? amount : -amount;
    bankDrafts.push({
      draft: bankLine(chkDate, chkMinor, savingsText(rng, style, intoChecking ? 'from' : 'to', savLast4)),
      note: `checking ${intoChecking ? 'from' : 'to'} savings transfer${note}`,
      payouts: [],
    });
    if (rng.chance(0.85) && inBank(savDate)) {
      savingsDrafts.push({
        draft: bankLine(
          savDate,
          -chkMinor,
          checkingSideText(rng, style, intoChecking ? 'to' : 'from', chkLast4),
          savings,
        ),
        note: `savings side of a transfer${note}`,
        payouts: [],
      });
    }
  };
  for (let i = 0; i < transferCount; i++) {
    const date = addBusinessDays(addDays(monthStart, rng.int(0, 27)), 0);
    if (!inBank(date)) continue;
    addTransfer(date, rng.pick([50000, 100000, 200000, 250000, rng.int(10000, 500000)]), '');
  }

  // Unrelated deposits and debits whose amounts equal a payout's, inside its window.
  const collisions = rng.weighted([
    [0, 3],
    [1, 4],
    [2, 3],
    [3, 1],
  ]);
  for (let i = 0; i < collisions && inDataPayouts.length > 0; i++) {
    const p = rng.pick(inDataPayouts);
    const date = addBusinessDays(p.date, rng.int(0, 4));
    if (!inBank(date)) continue;
    // Loans are round sums: only a round payout (a PayPal withdrawal of $1,000.00) meets one.
    const round = p.net >= 100000 && p.net % 10000 === 0;
    const kind = rng.weighted<Distractor>([
      ['mobile-check', 3],
      ['branch-deposit', 2],
      ['zelle', 2],
      ['customer-ach', 2],
      ['loan', round ? 3 : 0],
      ['savings-transfer', round ? 5 : 3],
    ]);
    const note = ` (same amount as the ${p.processor} payout of ${p.date})`;
    if (kind === 'savings-transfer') {
      // Into checking, so the sign matches the deposit.
      const savDate = date;
      bankDrafts.push({
        draft: bankLine(date, p.net, savingsText(rng, style, 'from', savLast4)),
        note: `checking from savings transfer${note}`,
        payouts: [],
      });
      if (rng.chance(0.85))
        savingsDrafts.push({
          draft: bankLine(savDate, -p.net, checkingSideText(rng, style, 'to', chkLast4), savings),
          note: `savings side of a transfer${note}`,
          payouts: [],
        });
    } else {
      bankDrafts.push({
        draft: bankLine(date, p.net, distractorText(rng, style, kind, biz, savLast4)),
        note: `${kind}${note}`,
        payouts: [],
      });
    }
  }
  // A debit equal to a negative payout.
  for (const p of payouts) {
    if (!p.inData || p.net >= 0 || !rng.chance(0.35)) continue;
    const date = addBusinessDays(p.date, rng.int(0, 3));
    if (inBank(date))
      bankDrafts.push({
        draft: bankLine(date, p.net, rng.pick(EXPENSES)),
        note: `expense (same amount as the ${p.processor} debit of ${p.date})`,
        payouts: [],
      });
  }

  // Ordinary background activity.
  for (let d = monthStart; d <= bankEnd; d = addDays(d, 1)) {
    if (!isBusinessDay(d)) continue;
    if (rng.chance(0.45))
      bankDrafts.push({
        draft: bankLine(d, -rng.int(1500, 350000), rng.pick(EXPENSES)),
        note: 'expense',
        payouts: [],
      });
    if (rng.chance(0.1)) {
      const kind = rng.pick<Distractor>(['mobile-check', 'branch-deposit', 'zelle', 'customer-ach']);
      bankDrafts.push({
        draft: bankLine(d, rng.int(2000, 400000), distractorText(rng, style, kind, biz, savLast4)),
        note: kind,
        payouts: [],
      });
    }
    if (processors.includes('paypal') && rng.chance(0.05)) {
      bankDrafts.push({
        draft: bankLine(
          d,
          -rng.int(999, 25000),
          `PAYPAL DES:INST XFER ID:${rng.pick(['ADOBE INC', 'GOOGLE', 'UPWORK'])} INDN:${biz} CO ID:PAYPALSI77 WEB`,
        ),
        note: 'paypal purchase paid from the bank',
        payouts: [],
      });
    }
  }
  if (second) {
    for (let i = rng.int(1, 5); i > 0; i--) {
      const d = addBusinessDays(addDays(monthStart, rng.int(0, 27)), 0);
      if (inBank(d))
        bankDrafts.push({
          draft: bankLine(d, -rng.int(1500, 90000), rng.pick(EXPENSES), second.account, second.institution),
          note: 'expense (second bank)',
          payouts: [],
        });
    }
  }
  if (rng.chance(0.3)) {
    const d = addBusinessDays(addDays(monthStart, rng.int(0, 25)), 0);
    if (inBank(d))
      bankDrafts.push({
        draft: bankLine(
          d,
          rng.pick([1000000, 2500000, 5000000]),
          distractorText(rng, style, 'loan', biz, savLast4),
        ),
        note: 'loan proceeds',
        payouts: [],
      });
  }
  if (rng.chance(0.5))
    savingsDrafts.push({
      draft: bankLine(periodEnd, rng.int(5, 900), 'INTEREST PAYMENT', savings),
      note: 'interest',
      payouts: [],
    });

  // Processor files, as the importers produce them.
  const procDrafts: Array<{ draft: TransactionDraft; note: string; payout?: Payout }> = [];
  const capturedAt = '2026-11-23T00:00:00Z';
  const paidInData = (l: SaleLine) => l.payout !== undefined && payouts[l.payout]!.inData;
  for (const processor of processors) {
    const account =
      processor === 'stripe' ? 'Stripe USD' : processor === 'square' ? 'Square USD' : 'PayPal USD';
    const lines = sales.filter(
      (l) =>
        l.processor === processor &&
        (paidInData(l) ||
          (l.date >= monthStart &&
            l.date <= periodEnd &&
            (l.payout === undefined || payouts[l.payout]!.date > periodEnd))),
    );
    for (const l of lines) {
      const paid = paidInData(l) ? payouts[l.payout!]! : undefined;
      procDrafts.push({
        draft: {
          institution: processor,
          account,
          date: l.date,
          description: l.description,
          ...(l.payee ? { payee: l.payee } : {}),
          amount: { minor: l.net, currency: 'USD' },
          gross: { minor: l.gross, currency: 'USD' },
          fee: { minor: l.fee, currency: 'USD' },
          status: 'posted',
          kind: l.kind,
          externalId: processor === 'square' && l.kind === 'refund' ? `${l.externalId}:refund` : l.externalId,
          ...(paid && processor !== 'paypal' ? { payoutId: paid.ref } : {}),
          origin: { file: `${processor}.csv`, capturedAt },
        },
        note: `${processor} ${l.kind}`,
      });
    }
    for (const p of payouts.filter((x) => x.processor === processor && x.inData)) {
      const base = {
        institution: processor,
        account,
        date: p.date,
        amount: { minor: -p.net, currency: 'USD' },
        status: 'posted' as const,
        kind: 'payout' as const,
        origin: { file: `${processor}${processor === 'square' ? '-transfers' : ''}.csv`, capturedAt },
      };
      const draft: TransactionDraft =
        processor === 'stripe'
          ? {
              ...base,
              description: rng.chance(0.5) ? 'STRIPE PAYOUT' : 'payout',
              externalId: p.externalId,
              payoutId: p.ref,
              gross: { minor: -p.net, currency: 'USD' },
              fee: { minor: 0, currency: 'USD' },
            }
          : processor === 'square'
            ? {
                ...base,
                description: `Transfer to ${bank.institution} ••${chkLast4}`,
                externalId: p.ref,
                payoutId: p.ref,
              }
            : {
                ...base,
                description: rng.pick(['General Withdrawal', 'General Withdrawal - Bank Account']),
                externalId: p.ref,
                gross: { minor: -p.net, currency: 'USD' },
                fee: { minor: 0, currency: 'USD' },
              };
      procDrafts.push({ draft, note: `${processor} payout${p.note ? ` (${p.note})` : ''}`, payout: p });
    }
    // PayPal purchases funded from the bank: never a payout.
    if (processor === 'paypal') {
      for (const b of bankDrafts.filter((x) => x.note === 'paypal purchase paid from the bank')) {
        if (b.draft.date > periodEnd) continue;
        const amount = -b.draft.amount.minor;
        procDrafts.push({
          draft: {
            institution: 'paypal',
            account,
            date: b.draft.date,
            description: 'Bank Deposit to PP Account',
            amount: { minor: amount, currency: 'USD' },
            status: 'posted',
            kind: 'transfer',
            externalId: `${rng.digits(1)}${rng.alnum(16)}`,
            origin: { file: 'paypal.csv', capturedAt },
          },
          note: 'paypal funding from the bank',
        });
        procDrafts.push({
          draft: {
            institution: 'paypal',
            account,
            date: b.draft.date,
            description: rng.pick(['Adobe Inc', 'Google', 'Upwork']),
            amount: { minor: -amount, currency: 'USD' },
            gross: { minor: -amount, currency: 'USD' },
            fee: { minor: 0, currency: 'USD' },
            status: 'posted',
            kind: 'withdrawal',
            externalId: `${rng.digits(1)}${rng.alnum(16)}`,
            origin: { file: 'paypal.csv', capturedAt },
          },
          note: 'paypal purchase',
        });
      }
    }
  }

  // Ids, one capture or file at a time, as the app does.
  const transactions: Transaction[] = [];
  const notes = new Map<string, string>();
  const payoutIdOf = new Map<Payout, string>();
  const bankIdsOf = new Map<Payout, string>();
  const payoutIds = new Set<string>();
  const bankIds = new Set<string>();
  const byFile = new Map<
    string,
    Array<{ draft: TransactionDraft; note: string; payout?: Payout; payouts?: Payout[] }>
  >();
  const sortByDate = <T extends { draft: TransactionDraft }>(xs: T[]) =>
    [...xs].sort((a, b) => (a.draft.date < b.draft.date ? -1 : a.draft.date > b.draft.date ? 1 : 0));
  for (const x of [...sortByDate(bankDrafts), ...sortByDate(savingsDrafts), ...sortByDate(procDrafts)]) {
    const file = x.draft.origin.file!;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(x);
  }
  for (const [, items] of byFile) {
    const ids = assignIds(items.map((x) => x.draft));
    ids.forEach((t, i) => {
      const item = items[i]!;
      transactions.push(t);
      notes.set(t.id, item.note);
      if (item.payout) {
        payoutIdOf.set(item.payout, t.id);
        payoutIds.add(t.id);
      }
      if (/^(checking|savings|checking2)\.csv$/.test(t.origin.file ?? '')) bankIds.add(t.id);
      for (const p of item.payouts ?? []) bankIdsOf.set(p, t.id);
    });
  }

  const links: TruthLink[] = [];
  const inTransit: string[] = [];
  for (const p of payouts) {
    const payoutId = payoutIdOf.get(p);
    if (!payoutId) continue;
    const bankId = bankIdsOf.get(p);
    if (bankId) {
      links.push({
        payout: payoutId,
        bank: bankId,
        type: p.net < 0 ? 'refund-debit' : p.group !== undefined ? 'many-to-one' : 'payout-deposit',
      });
    }
    if (p.depositDate > periodEnd) inTransit.push(payoutId);
  }

  return {
    seed,
    name: `${month} ${processors.join('+')} → ${bank.institution}${second ? ` + PayPal to ${second.institution}` : ''}${bankEnd > periodEnd ? ` (bank to ${bankEnd})` : ''}`,
    transactions,
    periodEnd,
    payoutIds,
    bankIds,
    links,
    inTransit,
    notes,
  };
}
