import type { Transaction } from '../model/transaction';

/**
 * Payment processors the matcher knows by name, with the words their deposits show on a bank
 * statement. A processor not listed still matches by amount and date; it just has no tokens.
 */
const PROCESSOR_TOKENS: Record<string, RegExp> = {
  stripe: /\bSTRIPE\b/i,
  square: /\bSQUARE\b|\bSQ ?\*|\bSQUAREUP\b/i,
  paypal: /\bPAYPAL\b|\bPP\*/i,
  shopify: /\bSHOPIFY\b/i,
  adyen: /\bADYEN\b/i,
  braintree: /\bBRAINTREE\b/i,
  clover: /\bCLOVER\b/i,
  toast: /\bTOAST\b/i,
  venmo: /\bVENMO\b/i,
  amazon: /\bAMAZON PAYMENTS\b|\bAMZN PMTS\b/i,
  etsy: /\bETSY\b/i,
  gocardless: /\bGOCARDLESS\b/i,
};

const PROCESSOR_NAMES = Object.keys(PROCESSOR_TOKENS);

const lowered = new Map<string, string>();

/** The processor a processor-side line belongs to: its institution, lower-cased (memoized: asked per line). */
export function processorOf(t: Transaction): string {
  let name = lowered.get(t.institution);
  if (name === undefined) {
    name = t.institution.toLowerCase();
    lowered.set(t.institution, name);
  }
  return name;
}

const processorInstitutions = new Set(PROCESSOR_NAMES);

/**
 * Whether an institution (lower-cased, see processorOf) is a processor: its lines are the processor's
 * own records, as is any payout line, as opposed to a bank's view of the money.
 */
export const isProcessorName = (name: string): boolean => processorInstitutions.has(name);

/** Every processor's words in one pattern, one capture group per processor (in PROCESSOR_NAMES order). */
const NAMED = new RegExp(
  PROCESSOR_NAMES.map((name) => `(${PROCESSOR_TOKENS[name]!.source})`).join('|'),
  'gi',
);

/** Any processor's words, without capture groups and not global: `test` makes nothing. */
const ANY_NAMED = new RegExp(NAMED.source, 'i');

/** The processor a bank line names in its text (`STRIPE TRANSFER`, `SQ *`, `PAYPAL`), if exactly one. */
export function processorNamedIn(text: string): string | undefined {
  // Most bank lines name no processor: one test, with no match object made, says so.
  if (!ANY_NAMED.test(text)) return undefined;
  let found: string | undefined;
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m !== null; m = NAMED.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const name = PROCESSOR_NAMES[group - 1]!;
    if (found !== undefined && found !== name) return undefined;
    found = name;
  }
  return found;
}

/** Business days from a payout to its deposit that the matcher accepts, per processor. */
export const DEFAULT_WINDOW = 5;
export const DEFAULT_TRANSFER_WINDOW = 3;

export type Windows = Partial<Record<string, number>>;

export const payoutWindow = (windows: Windows, processor: string): number =>
  windows[processor] ?? windows.default ?? DEFAULT_WINDOW;

export const transferWindow = (windows: Windows): number => windows.transfer ?? DEFAULT_TRANSFER_WINDOW;
