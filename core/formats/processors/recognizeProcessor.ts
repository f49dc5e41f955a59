import { type Problem, problem } from '../../model/problem';
import { locateRoles, type ProcessorRole, ROLE_NAMES } from './processorRoles';

export type ProcessorFormat =
  | 'stripe'
  | 'stripe-payouts'
  | 'stripe-payments'
  | 'paypal'
  | 'square-transactions'
  | 'square-items'
  | 'square-transfers';

export type ProcessorLayout = {
  format: ProcessorFormat;
  processor: 'stripe' | 'square' | 'paypal';
  variant: string;
  /** Each entry is one column the importer cannot do without; a list means any one of them. */
  required: ReadonlyArray<ProcessorRole | readonly ProcessorRole[]>;
  /** Roles that say "this is that export" even when a required column is missing. */
  looksLike: (has: (role: ProcessorRole) => boolean, ids: (role: ProcessorRole) => string[]) => boolean;
};

const allStart = (values: string[], prefixes: RegExp) =>
  values.length > 0 && values.every((v) => prefixes.test(v.trim()));

/** The exports Ledgerbridge reads, by the roles their columns play (see processorRoles). */
export const PROCESSOR_LAYOUTS: readonly ProcessorLayout[] = [
  {
    format: 'stripe',
    processor: 'stripe',
    variant: 'balance change report (itemized / payout reconciliation)',
    required: ['balanceTransactionId', 'created', 'currency', 'net'],
    looksLike: (has) => has('balanceTransactionId') || (has('reportingCategory') && has('net')),
  },
  {
    format: 'stripe',
    processor: 'stripe',
    variant: 'balance history',
    required: ['id', 'created', 'currency', 'net'],
    looksLike: (has, ids) =>
      (has('availableOn') && has('net')) || (has('id') && allStart(ids('id'), /^txn_/)),
  },
  {
    format: 'stripe-payouts',
    processor: 'stripe',
    variant: 'payouts export',
    required: [['id', 'depositId'], ['amount', 'net'], ['arrival', 'created'], 'currency'],
    // `id` or `Payout ID` holding Stripe's `po_…` ids; Square's deposit ids have no such prefix.
    looksLike: (has, ids) =>
      (has('arrival') && has('id') && !has('depositId')) ||
      allStart(ids('id'), /^po_/) ||
      allStart(ids('depositId'), /^po_/),
  },
  {
    format: 'stripe-payments',
    processor: 'stripe',
    variant: 'payments export',
    required: ['id', 'created', 'amount', 'currency'],
    looksLike: (has, ids) =>
      (has('id') && (has('amountRefunded') || has('captured') || has('sellerMessage'))) ||
      (has('id') && allStart(ids('id'), /^(ch|py|pi)_/)),
  },
  {
    format: 'paypal',
    processor: 'paypal',
    variant: 'activity download',
    required: ['date', 'currency', 'net', 'transactionId'],
    looksLike: (has) =>
      has('transactionId') &&
      has('gross') &&
      (has('status') || has('time') || has('timeZone') || has('balanceImpact')),
  },
  {
    format: 'paypal',
    processor: 'paypal',
    variant: 'statement download',
    required: ['date', 'currency', 'net', 'transactionId'],
    looksLike: (has) => has('transactionId') && has('gross') && has('fee') && has('net') && has('balance'),
  },
  {
    format: 'square-transactions',
    processor: 'square',
    variant: 'transactions export',
    required: ['date', 'net', ['paymentId', 'transactionId']],
    looksLike: (has) =>
      has('totalCollected') || (has('paymentId') && (has('grossSales') || has('net') || has('fee'))),
  },
  {
    format: 'square-items',
    processor: 'square',
    variant: 'item details export',
    required: ['date', 'item', ['paymentId', 'transactionId']],
    looksLike: (has) => has('item') && has('quantity') && (has('grossSales') || has('netSales')),
  },
  {
    format: 'square-transfers',
    processor: 'square',
    variant: 'deposits (transfers) export',
    required: ['depositId', ['initiated', 'arrival', 'date'], ['net', 'amount']],
    looksLike: (has, ids) =>
      has('depositId') &&
      !has('paymentId') &&
      !has('transactionId') &&
      !has('item') &&
      !allStart(ids('depositId'), /^po_/),
  },
];

const ROLES_OF_LAYOUTS = [
  ...new Set(
    PROCESSOR_LAYOUTS.flatMap((l) => l.required.flatMap((r) => (typeof r === 'string' ? [r] : [...r]))),
  ),
];

/** The header words a role goes by, for messages: `"Net" (or Neto, Netto …)`. */
const wordsFor = (role: ProcessorRole) => {
  const names = ROLE_NAMES[role];
  return names.length > 3 ? `${names.slice(0, 3).join(' / ')} …` : names.join(' / ');
};

export type Recognition = { ok: true; layout: ProcessorLayout } | { ok: false; problem: Problem } | undefined;

/**
 * Which processor export a CSV is, from the roles its header columns play (any known synonym, any
 * language) and the shape of its ids: the first layout whose every required role is present and
 * that looks like that export. A file that looks like an export but lacks a column its importer
 * needs is refused, naming what is missing and what was found; undefined when it looks like none.
 */
export function recognizeProcessor(headers: readonly string[], rows: readonly string[][]): Recognition {
  const found = locateRoles(headers);
  const has = (role: ProcessorRole) => found[role] !== undefined;
  const ids = (role: ProcessorRole) => {
    const i = found[role];
    return i === undefined
      ? []
      : rows
          .slice(0, 50)
          .map((r) => r[i] ?? '')
          .filter((v) => v.trim() !== '');
  };
  const missingOf = (layout: ProcessorLayout) =>
    layout.required.filter((need) => (typeof need === 'string' ? !has(need) : !need.some(has)));
  let near: { layout: ProcessorLayout; missing: ProcessorLayout['required'] } | undefined;
  for (const layout of PROCESSOR_LAYOUTS) {
    if (!layout.looksLike(has, ids)) continue;
    const missing = missingOf(layout);
    if (missing.length === 0) return { ok: true, layout };
    near ??= { layout, missing };
  }
  if (!near) return undefined;
  const { layout, missing } = near;
  const seen = ROLES_OF_LAYOUTS.filter(has)
    .sort((a, b) => found[a]! - found[b]!)
    .map((r) => `${r} ← "${headers[found[r]!]}"`)
    .join(', ');
  const lacking = missing
    .map((need) =>
      (typeof need === 'string' ? [need] : need).map((r) => `${r} (${wordsFor(r)})`).join(' or '),
    )
    .join('; ');
  return {
    ok: false,
    problem: problem(
      'incomplete_processor_export',
      `looks like a ${layout.processor} ${layout.variant} but has no column for ${lacking}; found ${seen || 'none of its columns'}`,
      { line: 1 },
    ),
  };
}
