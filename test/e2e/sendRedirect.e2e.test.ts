import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionForE2e } from './buildExtension';
import {
  askBackground,
  type Launched,
  launchExtension,
  newUserDataDir,
  openExtensionPage,
  tabIdOf,
} from './launchExtension';
import { serveFixtures } from './serveFixtures';

type Seen = { method: string; path: string; body: string };

/**
 * A web app that answers the way Apps Script does (POST /exec → 302 → GET /answer), and one that
 * asks for the POST to be repeated elsewhere (POST /moved → 307 → /collect).
 */
async function redirectingEndpoint() {
  const seen: Seen[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((ok) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => ok(text));
    });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const path = req.url ?? '';
    seen.push({ method: req.method ?? '', path, body });
    if (path === '/exec') {
      const count = (JSON.parse(body) as { batch: { transactions: unknown[] } }).batch.transactions.length;
      res.writeHead(302, { Location: `/answer?added=${count}` }).end();
    } else if (path.startsWith('/answer')) {
      const added = Number(new URL(path, 'http://x').searchParams.get('added'));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify({ ok: true, added, updated: 0, skipped: 0, errors: [] }));
    } else if (path === '/moved') {
      res.writeHead(307, { Location: '/collect' }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, added: 0, updated: 0, skipped: 0, errors: [] }));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

let launched: Launched;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let endpoint: Awaited<ReturnType<typeof redirectingEndpoint>>;

beforeAll(async () => {
  buildExtensionForE2e();
  fixtures = await serveFixtures(resolve('test/e2e/fixtures'));
  endpoint = await redirectingEndpoint();
  launched = await launchExtension(await newUserDataDir());
});

afterAll(async () => {
  await launched?.context.close();
  await fixtures?.close();
  await endpoint?.close();
  if (launched) await rm(launched.userDataDir, { recursive: true, force: true });
});

const message = (page: Page, request: unknown) =>
  askBackground<{ ok: boolean; value?: unknown; problems?: Array<{ code: string; message: string }> }>(
    page,
    request,
  );

async function setEndpoint(url: string): Promise<string> {
  const options = await openExtensionPage(launched, 'options.html');
  await options.getByLabel('Spreadsheet web-app URL').fill(url);
  await options.getByLabel('Token').fill('e2e-secret-token');
  await options.getByRole('button', { name: 'Save' }).click();
  const status = options.getByRole('status');
  await expect.poll(() => status.textContent()).toMatch(/\S/);
  const text = (await status.textContent()) ?? '';
  await options.close();
  return text;
}

describe('sending from Chromium never forwards the token through a redirect', () => {
  it('stores lines to send', async () => {
    const portal = await launched.context.newPage();
    await portal.goto(`${fixtures.origin}/activity.html`);
    const page = await openExtensionPage(launched, 'options.html');
    const preview = (await message(page, { type: 'capture', tabId: await tabIdOf(launched, portal) })) as {
      value: { captureId: string };
    };
    expect(await message(page, { type: 'saveCapture', captureId: preview.value.captureId })).toMatchObject({
      ok: true,
    });
    await page.close();
  });

  it('refuses, in Options, an http address that is not this machine', async () => {
    await expect(setEndpoint('http://sheets.example.com/exec')).resolves.toMatch(/^Not saved: .*https/);
  });

  it('follows the web app’s 302 with a GET that carries no token, and reads the answer', async () => {
    await expect(setEndpoint(`${endpoint.origin}/exec`)).resolves.toBe('Saved.');
    const page = await openExtensionPage(launched, 'options.html');
    const reply = await message(page, { type: 'send' });
    expect(reply).toMatchObject({ ok: true, value: { batches: [{ state: 'sent', added: 4 }] } });
    expect(endpoint.seen.map((s) => [s.method, s.path])).toEqual([
      ['POST', '/exec'],
      ['GET', '/answer?added=4'],
    ]);
    expect(endpoint.seen[0]!.body).toContain('e2e-secret-token');
    expect(endpoint.seen[1]!.body).toBe('');
    await page.close();
  });

  it('refuses a 307 that would send the token on, and says why', async () => {
    endpoint.seen.length = 0;
    await expect(setEndpoint(`${endpoint.origin}/moved`)).resolves.toBe('Saved.');
    const page = await openExtensionPage(launched, 'options.html');
    await message(page, { type: 'updateTransaction', id: await firstId(page), notes: 'edited' });
    const reply = (await message(page, { type: 'send' })) as {
      value: { batches: Array<{ state: string; error?: string }> };
    };
    expect(reply.value.batches[0]).toMatchObject({ state: 'failed' });
    expect(reply.value.batches[0]!.error).toMatch(/307.*does not send the token/);
    expect(endpoint.seen.map((s) => [s.method, s.path])).toEqual([['POST', '/moved']]);
    await page.close();
  });
});

async function firstId(page: Page): Promise<string> {
  const r = (await message(page, { type: 'query' })) as { value: { transactions: Array<{ id: string }> } };
  return r.value.transactions[0]!.id;
}
