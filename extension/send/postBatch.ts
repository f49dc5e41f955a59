import * as z from 'zod';
import type { Batch } from '../../core/model/batch';
import { Problem } from '../../core/model/problem';
import { postWithoutForwarding } from './postWithoutForwarding';

/** What the add-on's web app answers (see the add-on's endpoint). */
export const EndpointAnswer = z.object({
  ok: z.boolean(),
  added: z.int().default(0),
  updated: z.int().default(0),
  skipped: z.int().default(0),
  errors: z.array(Problem).default([]),
});
export type EndpointAnswer = z.infer<typeof EndpointAnswer>;

export type PostOutcome =
  | { ok: true; answer: EndpointAnswer; attempts: number }
  | { ok: false; message: string; attempts: number; answer?: EndpointAnswer };

export type PostOptions = {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  url: string;
  token: string;
  batch: Batch;
  maxAttempts?: number;
  /** First back-off; doubles each retry. */
  baseDelayMs?: number;
};

/**
 * POSTs one batch as `{ token, batch }` (Apps Script web apps cannot read request headers), retrying
 * network failures and 5xx/429 with exponential back-off. Safe to retry because the add-on
 * records batchId: a batch that did land the first time changes nothing the second.
 * The body goes as text/plain so the request is "simple" and needs no CORS preflight, which
 * Apps Script does not answer. Only to https (or localhost) and never through a redirect that would
 * carry the token on (postWithoutForwarding).
 */
export async function postBatch(options: PostOptions): Promise<PostOutcome> {
  const { maxAttempts = 4, baseDelayMs = 500 } = options;
  let last = 'not sent';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await options.sleep(baseDelayMs * 2 ** (attempt - 2));
    let response: Response;
    try {
      const posted = await postWithoutForwarding(options.fetch, options.url, {
        headers: { 'Content-Type': 'text/plain;charset=utf-8' },
        body: JSON.stringify({ token: options.token, batch: options.batch }),
      });
      // An address or a redirect the token may not go to: the same next time, so not retried.
      if (!posted.ok) return { ok: false, message: posted.message, attempts: attempt };
      response = posted.response;
    } catch (error) {
      last = `network error: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    }
    if (response.status >= 500 || response.status === 429) {
      last = `the endpoint answered HTTP ${response.status}`;
      continue;
    }
    if (!response.ok) {
      return { ok: false, message: `the endpoint answered HTTP ${response.status}`, attempts: attempt };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, message: 'the endpoint did not answer with JSON', attempts: attempt };
    }
    const answer = EndpointAnswer.safeParse(body);
    if (!answer.success) {
      return { ok: false, message: 'the endpoint answered in an unexpected shape', attempts: attempt };
    }
    if (!answer.data.ok) {
      const first = answer.data.errors[0]?.message ?? 'the endpoint refused the batch';
      return { ok: false, message: first, attempts: attempt, answer: answer.data };
    }
    return { ok: true, answer: answer.data, attempts: attempt };
  }
  return { ok: false, message: last, attempts: maxAttempts };
}
