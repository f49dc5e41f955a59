import { describe, expect, it } from 'vitest';
import { BATCH_SCHEMA_VERSION, type Batch } from '../../core/model/batch';
import { checkEndpointUrl } from '../../extension/send/checkEndpointUrl';
import { postBatch } from '../../extension/send/postBatch';

const BATCH: Batch = {
  schemaVersion: BATCH_SCHEMA_VERSION,
  batchId: 'ext-1',
  source: { capturedAt: '2026-03-10T12:00:00.000Z', client: 'test' },
  transactions: [],
};
const ANSWER = { ok: true, added: 0, updated: 0, skipped: 0, errors: [] };

type Call = { url: string; method: string; body: string | undefined; redirect: string | undefined };

/** A fetch that records every request and answers from a script keyed by URL. */
function fakeFetch(answers: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({
      url,
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? init.body : undefined,
      redirect: init?.redirect,
    });
    const answer = answers[url];
    if (!answer) throw new TypeError(`fetch failed: nothing at ${url}`);
    return answer();
  }) as typeof fetch;
  return { fetchFn, calls };
}

const json = (body: unknown) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const redirect = (status: number, location: string) => () =>
  new Response(null, { status, headers: { Location: location } });

function post(fetchFn: typeof fetch, url: string) {
  return postBatch({ fetch: fetchFn, sleep: async () => {}, url, token: 'secret-token', batch: BATCH });
}

describe('where the token may go', () => {
  it('accepts https and http to this machine only', () => {
    const verdict = (u: string) => checkEndpointUrl(u).ok;
    expect(verdict('https://script.google.com/macros/s/abc/exec')).toBe(true);
    expect(verdict('http://localhost:8080/exec')).toBe(true);
    expect(verdict('http://127.0.0.1:3000/exec')).toBe(true);
    expect(verdict('http://[::1]:3000/exec')).toBe(true);
    expect(verdict('http://script.google.com/macros/s/abc/exec')).toBe(false);
    expect(verdict('http://localhost.evil.example/exec')).toBe(false);
    expect(verdict('http://192.168.1.5/exec')).toBe(false);
    expect(verdict('ftp://example.com/exec')).toBe(false);
    expect(verdict('https://user:pw@example.com/exec')).toBe(false);
    expect(verdict('not a url')).toBe(false);
  });

  it('refuses an http endpoint before sending anything', async () => {
    const { fetchFn, calls } = fakeFetch({ 'http://sheets.example/exec': json(ANSWER) });
    const outcome = await post(fetchFn, 'http://sheets.example/exec');
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/https/) });
    expect(calls).toEqual([]);
  });

  it('posts with redirects handled by hand, never followed by the browser', async () => {
    const { fetchFn, calls } = fakeFetch({ 'https://sheets.example/exec': json(ANSWER) });
    expect(await post(fetchFn, 'https://sheets.example/exec')).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.redirect).toMatch(/^(?:manual|error)$/);
    expect(calls[0]!.body).toContain('secret-token');
  });

  it('follows a 302 (how Apps Script answers) with a GET that carries no token', async () => {
    const { fetchFn, calls } = fakeFetch({
      'https://script.google.com/macros/s/abc/exec': redirect(302, 'https://echo.example/answer?key=1'),
      'https://echo.example/answer?key=1': json({ ...ANSWER, added: 3 }),
    });
    const outcome = await post(fetchFn, 'https://script.google.com/macros/s/abc/exec');
    expect(outcome).toMatchObject({ ok: true, answer: { added: 3 } });
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', 'https://script.google.com/macros/s/abc/exec'],
      ['GET', 'https://echo.example/answer?key=1'],
    ]);
    expect(calls[1]!.body).toBeUndefined();
    expect(JSON.stringify(calls.slice(1))).not.toContain('secret-token');
  });

  it.each([307, 308])(
    'refuses a %i redirect, which would send the token on, and does not retry',
    async (status) => {
      const { fetchFn, calls } = fakeFetch({
        'https://sheets.example/exec': redirect(status, 'https://elsewhere.example/collect'),
        'https://elsewhere.example/collect': json(ANSWER),
      });
      const outcome = await post(fetchFn, 'https://sheets.example/exec');
      expect(outcome).toMatchObject({
        ok: false,
        attempts: 1,
        message: expect.stringMatching(/elsewhere\.example.*does not send the token/),
      });
      expect(calls.map((c) => c.url)).toEqual(['https://sheets.example/exec']);
    },
  );

  it('refuses a redirect to plain http, and one it cannot see', async () => {
    const down = fakeFetch({ 'https://sheets.example/exec': redirect(302, 'http://sheets.example/answer') });
    expect(await post(down.fetchFn, 'https://sheets.example/exec')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/redirected to http:\/\/sheets\.example\/answer.*https/),
    });
    expect(down.calls).toHaveLength(1);
    const opaque = fakeFetch({
      'https://sheets.example/exec': () =>
        ({ type: 'opaqueredirect', status: 0, ok: false, headers: new Headers() }) as Response,
    });
    expect(await post(opaque.fetchFn, 'https://sheets.example/exec')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/redirect/),
    });
    expect(opaque.calls).toHaveLength(1);
  });
});
