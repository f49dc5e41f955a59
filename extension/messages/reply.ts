import * as z from 'zod';
import { Problem } from '../../core/model/problem';

/** Every answer says ok with a value, or what failed as problems. */
export type Reply<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), problems: z.array(Problem) }),
]);
