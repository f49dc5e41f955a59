import type { Random } from './random';

/** How each made-up processor behaves: its fee, when it pays out, how long deposits take, what the bank prints. */
export type ProcessorProfile = {
  name: 'stripe' | 'square' | 'paypal';
  account: string;
  /** Fee in cents on a charge of `gross` cents. */
  fee: (gross: number) => number;
  /** Whether there is a payout on this date (weekday 0 = Sunday). */
  paysOut: (weekday: number, random: Random) => boolean;
  /** Usual business days from payout to deposit (a scenario picks one, or varies within the range). */
  lag: [number, number];
  /** Bank text of the deposit (or, for a negative payout, the debit). */
  bankText: (trace: string, random: Random, debit: boolean) => string;
  /** Whether several payouts are sometimes combined into one deposit. */
  combines: boolean;
};

export const PROCESSOR_PROFILES: readonly ProcessorProfile[] = [
  {
    name: 'stripe',
    account: 'Stripe balance',
    fee: (g) => Math.round(g * 0.029) + 30,
    paysOut: (dow, r) => dow >= 1 && dow <= 5 && r.chance(0.8),
    lag: [0, 2],
    bankText: (trace, r, debit) =>
      debit
        ? `STRIPE DEBIT ST-${trace}`
        : r.chance(0.5)
          ? `STRIPE TRANSFER ST-${trace}`
          : `ORIG CO NAME:STRIPE ENTRY DESCR:TRANSFER ST-${trace}`,
    combines: false,
  },
  {
    name: 'square',
    account: 'Square balance',
    fee: (g) => Math.round(g * 0.026) + 10,
    paysOut: (_dow, r) => r.chance(0.65),
    lag: [1, 2],
    bankText: (_trace, r, debit) =>
      debit ? 'SQUARE INC DEBIT' : r.pick(['SQUARE INC DEP', 'SQ *SQUARE INC DEP', 'SQUARE INC SQ DEP']),
    combines: true,
  },
  {
    name: 'paypal',
    account: 'PayPal balance',
    fee: (g) => Math.round(g * 0.0349) + 49,
    paysOut: (dow, r) => dow >= 1 && dow <= 5 && r.chance(0.35),
    lag: [1, 3],
    bankText: (_trace, r, debit) =>
      debit ? 'PAYPAL ECHECK DEBIT' : `PAYPAL TRANSFER ${r.int(1000000000, 9999999999)}`,
    combines: true,
  },
];
