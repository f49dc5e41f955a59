import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePushCommand } from '../../cli/commands/pushCommand';
import { main } from '../../cli/main';
import { headersOf, WORKBOOK_TABS } from '../../core/sheet/workbookLayout';
import { makeBatch, wireTransaction } from '../addon/batchFixture';
import { startFakeSheetsApi } from '../addon/emulator/fakeSheetsApiServer';

const TOKEN = 'test-access-token';
const SPREADSHEET = 'sheet-123';

let api: Awaited<ReturnType<typeof startFakeSheetsApi>>;
let dir: string;
let sleeps: number[];

beforeEach(async () => {
  api = await startFakeSheetsApi({ spreadsheetId: SPREADSHEET, token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'lb-push-'));
  sleeps = [];
});
afterEach(async () => {
  await api.close();
});

/** Injected credentials: an OAuth client holding a fixed, unexpired access token (no Google involved). */
const auth = async () => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  return client;
};

async function push(args: string[], credentials: typeof auth = auth) {
  const command = makePushCommand({
    auth: credentials,
    rootUrl: api.rootUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => new Date('2026-02-01T09:00:00.000Z'),
    random: () => 0,
  });
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dir,
  };
  const code = await command.run(args, io);
  return { code, stdout, stderr };
}

function file(name: string, content: unknown) {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

function rows(name: string) {
  const [header = [], ...data] = api.spreadsheet.sheet(name).snapshot();
  return data.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]])));
}

describe('ledgerbridge push (Sheets API, against a local server)', () => {
  it('creates the layout and writes transactions as RAW text, with an Audit row', async () => {
    const batch = makeBatch(3, { batchId: 'x' });
    batch.transactions[0]!.description = '=HYPERLINK("http://evil.example","x")';
    batch.transactions[1]!.externalId = '00123';
    const url = `https://docs.google.com/spreadsheets/d/${SPREADSHEET}/edit#gid=0`;
    const result = await push([file('export.json', batch), '--spreadsheet', url]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^3 added, 0 updated, 0 unchanged/);
    for (const tab of WORKBOOK_TABS) {
      expect(api.spreadsheet.sheet(tab.name).snapshot()[0]).toEqual(headersOf(tab.columns));
      expect(api.spreadsheet.sheet(tab.name).frozenRows).toBe(1);
    }
    expect(api.protectedRanges).toHaveLength(WORKBOOK_TABS.length);
    const written = rows('Transactions');
    expect(written.map((r) => [r.ID, r.Description, r['External ID'], r.Amount, r.Date])).toEqual([
      ['txn-000000', '=HYPERLINK("http://evil.example","x")', '', -1, 46023],
      ['txn-000001', 'CARD PURCHASE 1 BLUE BOTTLE', '00123', -2.01, 46024],
      ['txn-000002', 'CARD PURCHASE 2 BLUE BOTTLE', '', -3.02, 46025],
    ]);
    const valueWrites = api.log.filter((r) => r.endpoint === 'values.batchUpdate');
    expect(
      valueWrites.every((r) => (r.body as { valueInputOption: string }).valueInputOption === 'RAW'),
    ).toBe(true);
    // A new sheet gets the starter rules, which categorize the pushed lines, and the chart of categories.
    expect(rows('Rules').map((r) => r['Rule ID'])).toContain('starter-meals');
    expect(written.map((r) => [r.Category, r.Rule])).toEqual([
      ['', ''], // its description was replaced by the formula-like text
      ['Meals', 'starter-meals'],
      ['Meals', 'starter-meals'],
    ]);
    expect(rows('Categories').find((c) => c.Category === 'Meals')).toMatchObject({
      Group: 'Expenses',
      Transactions: 2,
    });
    expect(rows('Audit').map((a) => [a.What, a.Added])).toEqual([
      ['push', 3],
      ['reconcile', 0],
    ]);
  });

  it('pushing the same files again changes nothing and writes nothing', async () => {
    const name = file('export.json', makeBatch(20));
    await push([name, '--spreadsheet', SPREADSHEET]);
    const before = api.spreadsheet.sheets.map((s) => s.snapshot());
    const writesBefore = api.log.filter((r) => r.method === 'POST').length;
    const again = await push([name, '--spreadsheet', SPREADSHEET]);
    expect(again.stdout).toMatch(/^0 added, 0 updated, 20 unchanged/);
    expect(api.spreadsheet.sheets.map((s) => s.snapshot())).toEqual(before);
    expect(api.log.filter((r) => r.method === 'POST').length).toBe(writesBefore);
  });

  it('keeps the bookkeeper’s columns and finds moved columns by header', async () => {
    await push([file('a.json', makeBatch(3, { batchId: 'a' })), '--spreadsheet', SPREADSHEET]);
    const sheet = api.spreadsheet.sheet('Transactions');
    const header = sheet.snapshot()[0] as string[];
    sheet.moveColumns(sheet.getRange(1, header.indexOf('Notes') + 1, 1, 1), 1);
    sheet.cell(3, 1).value = 'checked with owner';
    sheet.cell(3, (sheet.snapshot()[0] as string[]).indexOf('Category Override') + 1).value = 'Meals';
    const next = makeBatch(4, { batchId: 'b' });
    next.transactions[1] = wireTransaction(1, {
      description: 'CARD PURCHASE 1 BLUE BOTTLE SF',
      category: 'Coffee',
    });
    const result = await push([file('b.json', next), '--spreadsheet', SPREADSHEET]);
    expect(result.stdout).toMatch(/^1 added, 1 updated, 2 unchanged/);
    const second = rows('Transactions')[1]!;
    expect(second).toMatchObject({
      Notes: 'checked with owner',
      'Category Override': 'Meals',
      Description: 'CARD PURCHASE 1 BLUE BOTTLE SF',
      Category: 'Coffee',
    });
    expect(rows('Transactions').map((r) => r.ID)).toEqual([
      'txn-000000',
      'txn-000001',
      'txn-000002',
      'txn-000003',
    ]);
  });

  it('retries a 429 and a 500 on idempotent requests, with growing back-off', async () => {
    api.failNext('values.batchGet', 429);
    api.failNext('values.batchUpdate', 500);
    api.failNext('values.batchUpdate', 503);
    const result = await push([file('export.json', makeBatch(5)), '--spreadsheet', SPREADSHEET]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^5 added/);
    expect(api.log.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      'spreadsheets.get 200',
      'spreadsheets.batchUpdate 200',
      'values.batchGet 429',
      'values.batchGet 200',
      'values.batchUpdate 500',
      'values.batchUpdate 503',
      'values.batchUpdate 200', // the new tabs' headers, the rows and their Audit row
      'values.batchUpdate 200', // Matches, Categories, Summary and their Audit row
    ]);
    // 1 s for the 429 (also its Retry-After), then 1 s and 2 s.
    expect(sleeps).toEqual([1000, 1000, 2000]);
    expect(rows('Transactions')).toHaveLength(5);
  });

  it('does not retry a request that is not idempotent (adding tabs), and says what failed', async () => {
    api.failNext('spreadsheets.batchUpdate', 500);
    const result = await push([file('export.json', makeBatch(2)), '--spreadsheet', SPREADSHEET]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Sheets API answered HTTP 500/);
    expect(api.log.filter((r) => r.endpoint === 'spreadsheets.batchUpdate')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('splits a large push into requests within the payload limits', async () => {
    const result = await push([file('big.json', makeBatch(4_000)), '--spreadsheet', SPREADSHEET]);
    expect(result.stdout).toMatch(/^4000 added/);
    const writes = api.log.filter((r) => r.endpoint === 'values.batchUpdate');
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes) {
      const cells = (w.body as { data: Array<{ values: unknown[][] }> }).data.reduce(
        (n, d) => n + d.values.length * (d.values[0]?.length ?? 0),
        0,
      );
      expect(cells).toBeLessThanOrEqual(50_000);
    }
    expect(rows('Transactions')).toHaveLength(4_000);
  });

  it('says when it cannot get credentials, before any request', async () => {
    // An OAuth client that holds no token: main reports the LedgerbridgeError with exit code 1.
    const pushing = push(
      [file('export.json', makeBatch(1)), '--spreadsheet', SPREADSHEET],
      async () => new OAuth2Client(),
    );
    await expect(pushing).rejects.toThrow(/^cannot get Google credentials: /);
    expect(api.log).toEqual([]);
  });

  it('reports wrong usage and unreadable files', async () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir };
    expect(await main(['push', 'x.json'], io)).toBe(2);
    expect(
      await main(['push', 'x.json', '--spreadsheet', 'S', '--key', 'k.json', '--oauth', 'o.json'], io),
    ).toBe(2);
    const missing = await push(['nope.csv', '--spreadsheet', SPREADSHEET]).catch((e: Error) => e);
    expect(missing).toBeInstanceOf(Error);
    expect(String((missing as Error).message)).toMatch(/nope\.csv/);
  });
});

describe('ledgerbridge push of a bank file', () => {
  it('writes Summary months that tie out to the bank’s running balance', async () => {
    const csv = join(import.meta.dirname, '../fixtures/files/bank-us.csv');
    writeFileSync(join(dir, 'bank-us.csv'), readFileSync(csv));
    const result = await push(['bank-us.csv', '--spreadsheet', SPREADSHEET]);
    expect(result.code).toBe(0);
    const summary = rows('Summary');
    expect(summary.length).toBeGreaterThan(0);
    for (const month of summary) {
      expect(month).toMatchObject({ Status: 'reconciled', Difference: 0 });
      const sum = Number(month['Opening Balance']) + Number(month.Inflows) + Number(month.Outflows);
      expect(Math.round(sum * 100)).toBe(Math.round(Number(month['Closing Balance']) * 100));
    }
    expect((await push(['bank-us.csv', '--spreadsheet', SPREADSHEET])).stdout).toMatch(/^0 added, 0 updated/);
  });
});
