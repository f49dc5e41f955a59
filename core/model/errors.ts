import type { Problem } from './problem';
import { describeProblem } from './problem';

/** Unexpected failures: thrown, typed, and carrying the underlying cause. */
export class LedgerbridgeError extends Error {
  override name = 'LedgerbridgeError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A whole input could not be used; carries the problems that say where and why. */
export class InputError extends LedgerbridgeError {
  override name = 'InputError';
  constructor(
    readonly problems: Problem[],
    options?: { cause?: unknown },
  ) {
    super(problems.map(describeProblem).join('\n'), problems[0]?.code ?? 'invalid_input', options);
  }
}
