import { problem } from '../../core/model/problem';
import type { Reply } from './reply';
import { ReplyEnvelope } from './reply';
import type { Request } from './request';
import type { Responses } from './responses';

export type Send = (message: unknown) => Promise<unknown>;

/** Typed client for pages: asks the background and checks the answer's envelope. */
export async function sendRequest<R extends Request>(
  send: Send,
  request: R,
): Promise<Reply<Responses[R['type']]>> {
  try {
    const answer = ReplyEnvelope.safeParse(await send(request));
    if (answer.success) return answer.data as Reply<Responses[R['type']]>;
    return { ok: false, problems: [problem('bad_reply', 'the background answered in an unexpected shape')] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('no_reply', `the background did not answer: ${message}`)] };
  }
}
