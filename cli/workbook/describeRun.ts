import { formatAmountForDisplay } from '../../core/money/formatAmount';
import { buildSummary } from '../../core/sheet/buildSummary';
import type { ReconcileRun } from './reconcileFiles';

/** Below this a suggested match is shown as needing review even if it is not ambiguous. */
const REVIEW_CONFIDENCE = 0.8;

const count = (items: readonly string[]): string => {
  const n = new Map<string, number>();
  for (const i of items) n.set(i, (n.get(i) ?? 0) + 1);
  return [...n].map(([k, v]) => `${v} ${k}`).join(', ');
};

/** The short summary `reconcile` and `demo` print: transactions, matched, needing review, differences. */
export function describeRun(run: ReconcileRun): string[] {
  const links = run.matches.filter((m) => m.type !== 'payout-rollup' && m.state !== 'rejected');
  const review = run.matches.filter(
    (m) =>
      m.state === 'suggested' &&
      (m.ambiguous || m.confidence < REVIEW_CONFIDENCE || m.difference.minor !== 0),
  );
  const summary = buildSummary({
    transactions: run.transactions,
    balances: run.balances,
    unmatchedIds: run.unmatched.map((t) => t.id),
  });
  const stated = summary.filter((s) => s.difference !== undefined);
  const off = stated.filter((s) => s.difference !== 0);
  return [
    `Transactions: ${run.transactions.length} from ${run.files.length} file${run.files.length === 1 ? '' : 's'} (${count(run.files.map((f) => f.format))})`,
    `Matched: ${links.length} link${links.length === 1 ? '' : 's'}${links.length ? ` (${count(links.map((m) => m.type))})` : ''}; ${run.matches.length - links.length} payout roll-ups; ${run.unmatched.length} lines in no match`,
    `Needing review: ${review.length + run.discrepancies.length}${
      review.length + run.discrepancies.length
        ? ` (${[review.length ? `${review.length} uncertain matches` : '', run.discrepancies.length ? count(run.discrepancies.map((d) => d.type)) : ''].filter(Boolean).join('; ')})`
        : ''
    }`,
    `Differences: ${stated.length - off.length} of ${stated.length} account-months with a statement balance tie out${
      off.length
        ? `; off: ${off.map((s) => `${s.account} ${s.month} ${formatAmountForDisplay(s.difference!, s.currency)}`).join(', ')}`
        : ''
    }`,
  ];
}
