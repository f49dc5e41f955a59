import { completeCapture, type RowsShare } from '../../core/capture/completeCapture';
import { Transaction } from '../../core/model/transaction';
import type { InjectedAnswer, InjectedCaptureResult } from './injectedOptions';

/**
 * The injected capture's answer as executeScript hands it back (a JSON string, see
 * entrypoints/capture.ts), its rows completed here (in the background, not in the injected
 * script, which carries no hashing) as capturePage completes them: ids, and the
 * page's failed checks on each line. The answer is read from a page nobody here controls, so
 * every line is held to the Transaction contract before anything can store it: a line that
 * fails is left out and named with its row and field, never stored as it came.
 */
export function readInjectedResult(result: unknown): InjectedCaptureResult {
  if (typeof result !== 'string') return { ok: false, message: 'the page gave no answer' };
  let answer: InjectedAnswer;
  try {
    answer = JSON.parse(result) as InjectedAnswer;
  } catch (error) {
    return { ok: false, message: `the page's answer could not be read: ${(error as Error).message}` };
  }
  if (!answer.ok) return answer;
  if (!Array.isArray(answer.page?.drafts))
    return { ok: false, message: "the page's answer holds no list of rows" };
  const { drafts, share, ...page } = answer.page;
  if (!isShare(share))
    return {
      ok: false,
      message: "the page's answer does not say whose rows they are (institution, account, page)",
    };
  const transactions: Transaction[] = [];
  const refused: string[] = [];
  completeCapture(drafts, share, page.checks ?? []).forEach((t, i) => {
    const parsed = Transaction.safeParse(t);
    // The line itself is kept, not zod's copy: the check is the gate, not a rewrite.
    if (parsed.success) transactions.push(t);
    else {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || 'row';
      refused.push(`row ${t.origin?.row ?? i + 1} left out: ${field}: ${issue.message}`);
    }
  });
  if (refused.length === 0) return { ok: true, page: { ...page, transactions } };
  return { ok: true, page: { ...page, transactions, skipped: [...(page.skipped ?? []), ...refused] } };
}

/** The fields every row shares, as strings (each line is then held to the contract with them). */
function isShare(share: unknown): share is RowsShare {
  if (typeof share !== 'object' || share === null) return false;
  const s = share as Record<string, unknown>;
  return ['institution', 'account', 'url', 'capturedAt'].every((k) => typeof s[k] === 'string');
}
