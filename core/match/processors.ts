import type { Transaction } from '../model/transaction';
import { NAMED_MASK, NAMED_PROCESSORS } from './bankText';

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

/** Payment processors the matcher knows by name (see bankText for the words their deposits show). */
const processorInstitutions = new Set(NAMED_PROCESSORS);

/**
 * Whether an institution (lower-cased, see processorOf) is a processor: its lines are the processor's
 * own records, as is any payout line, as opposed to a bank's view of the money.
 */
export const isProcessorName = (name: string): boolean => processorInstitutions.has(name);

/**
 * The processor a bank line names in its text (`STRIPE TRANSFER`, `SQ *`, `PAYPAL`), if exactly one,
 * from what readBankText read of the text.
 */
export const namedIn = (read: number): string | undefined =>
  read & NAMED_MASK ? NAMED_PROCESSORS[(read & NAMED_MASK) - 1] : undefined;

/** Business days from a payout to its deposit that the matcher accepts, per processor. */
export const DEFAULT_WINDOW = 5;
export const DEFAULT_TRANSFER_WINDOW = 3;

export type Windows = Partial<Record<string, number>>;

export const payoutWindow = (windows: Windows, processor: string): number =>
  windows[processor] ?? windows.default ?? DEFAULT_WINDOW;

export const transferWindow = (windows: Windows): number => windows.transfer ?? DEFAULT_TRANSFER_WINDOW;
