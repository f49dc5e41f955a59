import { parseBatch } from '../../core/model/batch';
import { type Problem, problem } from '../../core/model/problem';
import { applyBatch } from './applyBatch';
import { checkExtensionToken } from './extensionToken';
import type { Services } from './services';
import { withDocumentLock } from './withDocumentLock';

/** Larger batches must be split by the sender (Apps Script also caps a run at 6 minutes). */
export const MAX_BODY_CHARS = 5_000_000;
export const MAX_BATCH_ROWS = 10_000;
export const MAX_REPORTED_ERRORS = 200;

export type PostAnswer = {
  ok: boolean;
  added: number;
  updated: number;
  skipped: number;
  errors: Problem[];
  /** Lines left out because the sheet holds newer data for their id (counted in `skipped`). */
  older?: number;
  /** This batch id was applied before (at that time); nothing was written now. */
  alreadyApplied?: { at: string; sameContent: boolean };
};

export type PostEvent = { postData?: { contents?: string; length?: number; type?: string } };

const refused = (...errors: Problem[]): PostAnswer => ({
  ok: false,
  added: 0,
  updated: 0,
  skipped: 0,
  errors,
});

/**
 * The web-app endpoint for the extension: `{ token, batch }` as JSON in the body (web apps cannot
 * read request headers). Checks size, token, schema version and every row; the good rows land,
 * the bad ones come back as problems by row and field.
 */
export function handlePost(services: Services, event: PostEvent | undefined): PostAnswer {
  const body = event?.postData?.contents;
  if (typeof body !== 'string' || body.length === 0)
    return refused(problem('empty_body', 'the request has no body'));
  if (body.length > MAX_BODY_CHARS) {
    return refused(
      problem(
        'too_large',
        `the request is ${body.length} characters; send at most ${MAX_BODY_CHARS} per batch`,
      ),
    );
  }
  let payload: { token?: unknown; batch?: { transactions?: unknown } } | null;
  try {
    payload = JSON.parse(body);
  } catch {
    return refused(problem('invalid_json', 'the body is not JSON'));
  }
  if (!payload || typeof payload !== 'object' || !checkExtensionToken(services, payload.token)) {
    return refused(problem('unauthorized', 'the token is missing or wrong; connect the extension again'));
  }
  const rows = payload.batch?.transactions;
  if (Array.isArray(rows) && rows.length > MAX_BATCH_ROWS) {
    return refused(
      problem(
        'too_large',
        `the batch has ${rows.length} transactions; send at most ${MAX_BATCH_ROWS} per batch`,
        {
          path: ['batch', 'transactions'],
        },
      ),
    );
  }
  const parsed = parseBatch(payload.batch);
  if (!parsed.ok) return refused(...parsed.problems);
  const batch = parsed.value;
  const written = withDocumentLock(services, () =>
    applyBatch(services, batch, batch.source.client ?? 'extension'),
  );
  if (!written.ok) return refused(...written.problems, ...batch.rowProblems);
  const { added, updated, skipped, older, problems, alreadyApplied } = written.value;
  return {
    ok: true,
    added,
    updated,
    skipped,
    errors: capped(problems),
    ...(older > 0 ? { older } : {}),
    ...(alreadyApplied ? { alreadyApplied } : {}),
  };
}

/** A batch of bad rows answers with the first problems and a count, not megabytes of them. */
function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_ERRORS) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED_ERRORS),
    problem('more_errors', `… and ${problems.length - MAX_REPORTED_ERRORS} more problems`),
  ];
}
