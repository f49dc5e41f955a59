import { completeCapture } from '../../core/capture/completeCapture';
import type { InjectedAnswer, InjectedCaptureResult } from './injectedOptions';

/**
 * The injected capture's answer as executeScript hands it back (a JSON string, see
 * entrypoints/capture.ts), its rows completed here (in the background, not in the injected
 * script, which carries no hashing) as capturePage completes them: ids, and the
 * page's failed checks on each line.
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
  const { drafts, ...page } = answer.page;
  return { ok: true, page: { ...page, transactions: completeCapture(drafts, page.checks) } };
}
