export type RetryPolicy = {
  /** Waits between attempts; injected so tests do not wait. */
  sleep: (ms: number) => Promise<void>;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** 0 ≤ r < 1, for jitter; injected so tests are deterministic. */
  random?: () => number;
};

/** HTTP status of a gaxios error, or undefined for a network failure. */
const statusOf = (error: unknown): number | undefined => {
  const e = error as { status?: number; response?: { status?: number } };
  return e?.response?.status ?? e?.status;
};

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Quota (429) and server (5xx) errors and dropped connections may succeed on a later attempt. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 429 || status >= 500;
  return NETWORK_CODES.has(String((error as { code?: string })?.code));
}

/** Seconds the server asked to wait (Retry-After), if it said. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers as
    | { get?: (name: string) => string | null; [key: string]: unknown }
    | undefined;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : headers?.['retry-after'];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Runs a request, retrying transient failures with exponential back-off and jitter — but only when
 * the request is idempotent: a retried non-idempotent request (adding a tab) may apply twice, so
 * its failure is reported instead.
 */
export async function withRetry<T>(
  request: () => Promise<T>,
  idempotent: boolean,
  policy: RetryPolicy,
): Promise<T> {
  const { maxAttempts = 5, baseDelayMs = 1000, random = Math.random } = policy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!idempotent || attempt >= maxAttempts || !isTransient(error)) throw error;
      const backOff = baseDelayMs * 2 ** (attempt - 1) * (1 + random() / 2);
      await policy.sleep(Math.max(backOff, retryAfterMs(error) ?? 0));
    }
  }
}
