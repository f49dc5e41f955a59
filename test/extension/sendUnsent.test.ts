import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBatch } from '../../core/model/batch';
import { saveSettings } from '../../extension/settings/settings';
import { activityPage, type Harness, harness } from './harness';

type Received = {
  token: string;
  batch: { batchId: string; transactions: Array<{ id: string; category?: string }> };
};

/** A stand-in for the add-on's web app on 127.0.0.1: answers from a script of responses. */
async function endpoint(script: Array<(body: Received) => { status: number; json?: unknown }>) {
  const received: Received[] = [];
  const contentTypes: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => resolve(text));
    });
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as Received;
    received.push(body);
    contentTypes.push(req.headers['content-type'] ?? '');
    const step = script[Math.min(received.length - 1, script.length - 1)]!(body);
    res.writeHead(step.status, { 'Content-Type': 'application/json' });
    res.end(step.json === undefined ? 'oops' : JSON.stringify(step.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/exec`,
    received,
    contentTypes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const accept = (body: Received) => ({
  status: 200,
  json: { ok: true, added: body.batch.transactions.length, updated: 0, skipped: 0, errors: [] },
});

let h: Harness;
let server: Awaited<ReturnType<typeof endpoint>> | undefined;

beforeEach(async () => {
  h = harness();
  const tabId = await h.openTab(
    'https://bank.example/activity',
    activityPage([
      ['03/02/2026', 'COFFEE', '-$4.50'],
      ['03/03/2026', 'STRIPE TRANSFER', '$1,234.56'],
    ]),
  );
  const preview = await h.ask({ type: 'capture', tabId });
  await h.ask({ type: 'saveCapture', captureId: preview.ok ? preview.value.captureId! : '' });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function configure(url: string, token = 'secret-token') {
  await saveSettings(fakeBrowser.storage.local, { endpointUrl: url, token, maxPages: 20 });
}

describe('sending to the spreadsheet', () => {
  it('asks for settings before sending', async () => {
    const reply = await h.ask({ type: 'send' });
    expect(reply).toMatchObject({ ok: false, problems: [{ code: 'not_configured' }] });
  });

  it('posts { token, batch } as a valid Batch, retries server errors with the same batchId, and marks lines sent', async () => {
    server = await endpoint([() => ({ status: 503 }), () => ({ status: 500 }), accept]);
    await configure(server.url);
    const reply = await h.ask({ type: 'send' });
    expect(reply).toMatchObject({
      ok: true,
      value: { batches: [{ state: 'sent', count: 2, attempts: 3, added: 2 }] },
    });
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((r) => r.batch.batchId)).size).toBe(1);
    expect(server.received[0]!.token).toBe('secret-token');
    expect(server.contentTypes[0]).toMatch(/^text\/plain/);
    const parsed = parseBatch(server.received[0]!.batch);
    expect(parsed.ok && parsed.value.rows.length).toBe(2);
    expect(await h.db.transactions.filter((t) => !t.sentAt).count()).toBe(0);

    const nothing = await h.ask({ type: 'send' });
    expect(nothing).toMatchObject({ ok: true, value: { batches: [], message: 'Nothing new to send.' } });
    expect(server.received).toHaveLength(3);
  });

  it('sends an edited line again', async () => {
    server = await endpoint([accept]);
    await configure(server.url);
    await h.ask({ type: 'send' });
    const [coffee] = await h.db.transactions.filter((t) => t.description === 'COFFEE').toArray();
    h.tick();
    await h.ask({ type: 'updateTransaction', id: coffee!.id, category: 'Meals' });
    const reply = await h.ask({ type: 'send' });
    expect(reply.ok && reply.value.batches.map((b) => b.count)).toEqual([1]);
    expect(server.received[1]!.batch.transactions).toMatchObject([{ id: coffee!.id, category: 'Meals' }]);
  });

  it('keeps a failed batch and retries it later under the same batchId', async () => {
    server = await endpoint([() => ({ status: 500 })]);
    await configure(server.url);
    const failed = await h.ask({ type: 'send' });
    expect(failed).toMatchObject({ ok: true, value: { batches: [{ state: 'failed', attempts: 4 }] } });
    expect(failed.ok && failed.value.batches[0]!.error).toMatch(/HTTP 500/);
    expect(await h.db.transactions.filter((t) => !t.sentAt).count()).toBe(2);
    const firstId = server.received[0]!.batch.batchId;
    await server.close();

    server = await endpoint([accept]);
    await configure(server.url);
    const retried = await h.ask({ type: 'send' });
    expect(retried).toMatchObject({
      ok: true,
      value: { batches: [{ batchId: firstId, state: 'sent', attempts: 5 }] },
    });
    expect(server.received.map((r) => r.batch.batchId)).toEqual([firstId]);
  });

  it('does not retry a refusal, and says why', async () => {
    server = await endpoint([
      () => ({
        status: 200,
        json: {
          ok: false,
          added: 0,
          updated: 0,
          skipped: 0,
          errors: [{ code: 'bad_token', message: 'wrong token', path: [] }],
        },
      }),
    ]);
    await configure(server.url, 'wrong');
    const reply = await h.ask({ type: 'send' });
    expect(reply).toMatchObject({
      ok: true,
      value: { batches: [{ state: 'failed', attempts: 1, error: 'wrong token' }] },
    });
    expect(server.received).toHaveLength(1);
  });

  it('reports rows the add-on rejected and leaves them unsent', async () => {
    server = await endpoint([
      () => ({
        status: 200,
        json: {
          ok: true,
          added: 1,
          updated: 0,
          skipped: 0,
          errors: [{ code: 'invalid_date', message: 'bad date', path: ['transactions', 1, 'date'], row: 2 }],
        },
      }),
    ]);
    await configure(server.url);
    const reply = await h.ask({ type: 'send' });
    expect(reply.ok && reply.value.batches[0]!.errors).toHaveLength(1);
    const unsent = await h.db.transactions.filter((t) => !t.sentAt).toArray();
    expect(unsent.map((t) => t.id)).toEqual([server.received[0]!.batch.transactions[1]!.id]);
  });
});

describe('sending only where the token is safe', () => {
  it('refuses an http endpoint that is not this machine, before making or posting a batch', async () => {
    const calls: string[] = [];
    h.deps.fetch = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    await configure('http://script.example.com/exec');
    const reply = await h.ask({ type: 'send' });
    expect(reply).toMatchObject({ ok: false, problems: [{ code: 'insecure_endpoint' }] });
    expect(reply.ok || reply.problems[0]!.message).toMatch(/https/);
    expect(calls).toEqual([]);
    expect(await h.db.sends.count()).toBe(0);
  });
});
