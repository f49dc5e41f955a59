import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePushCommand } from '../../cli/commands/pushCommand';
import { makeBatch, wireTransaction } from '../addon/batchFixture';
import { startFakeSheetsApi } from '../addon/emulator/fakeSheetsApiServer';

const TOKEN = 'test-access-token';
const SPREADSHEET = 'sheet-keep';

let api: Awaited<ReturnType<typeof startFakeSheetsApi>>;
let dir: string;
beforeEach(async () => {
  api = await startFakeSheetsApi({ spreadsheetId: SPREADSHEET, token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'lb-push-keep-'));
});
afterEach(() => api.close());

async function push(batch: unknown) {
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(batch));
  const command = makePushCommand({
    auth: async () => {
      const client = new OAuth2Client();
      client.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
      return client;
    },
    rootUrl: api.rootUrl,
    sleep: async () => {},
    now: () => new Date('2026-02-01T09:00:00.000Z'),
    random: () => 0,
  });
  let stdout = '';
  let stderr = '';
  const code = await command.run(['batch.json', '--spreadsheet', SPREADSHEET], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const table = (name: string) => api.spreadsheet.sheet(name).snapshot() as unknown[][];
function records(name: string) {
  const [header = [], ...data] = table(name);
  return data.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]])));
}

describe('push when a write fails half-way', () => {
  it('records in the Audit tab that the rows were written and the rest was not', async () => {
    // The first write (headers, rows, their Audit row) goes through; the next one fails.
    api.failNext('values.batchUpdate', 400, 1);
    const result = await push(makeBatch(3, { batchId: 'b1' }));
    expect(result.code).toBe(1);
    expect(records('Transactions')).toHaveLength(3);
    expect(records('Audit').map((r) => [r.What, r.Added, String(r.Detail ?? '')])).toEqual([
      ['push', 3, ''],
      ['reconcile failed', 0, expect.stringMatching(/^stopped part-way \(.*\); written: nothing$/)],
    ]);
  });

  it('names the ranges a large write had sent when it stopped', async () => {
    // 4,000 rows take several requests (headers, then blocks of rows): the third one fails.
    api.failNext('values.batchUpdate', 400, 2);
    const result = await push(makeBatch(4_000, { batchId: 'big' }));
    expect(result.code).toBe(1);
    const written = records('Transactions').filter((r) => r.ID !== '' && r.ID !== undefined);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(4_000);
    const audit = records('Audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ What: 'push failed', Added: 4_000 });
    expect(String(audit[0]!.Detail)).toMatch(
      new RegExp(`written: 'Transactions'!A1:.*'Transactions'!A2:[A-Z]+${written.length + 1}`),
    );
  });
});

describe("push keeps the bookkeeper's work", () => {
  it('keeps their Summary column on its row and leaves their formulas as formulas', async () => {
    expect((await push(makeBatch(3, { batchId: 'jan' }))).code).toBe(0);
    const summary = api.spreadsheet.sheet('Summary');
    const header = table('Summary')[0] as string[];
    const reviewed = header.length + 1;
    summary.cell(1, reviewed).value = 'Reviewed by';
    summary.cell(2, reviewed).value = 'AK';
    const january = records('Summary')[0]!;
    const matches = api.spreadsheet.sheet('Matches');
    const matchHeader = table('Matches')[0] as string[];
    const own = matchHeader.length + 1;
    matches.cell(1, own).value = 'Rows';
    matches.cell(2, own).formula = '=ROWS(A:A)';

    // December of the year before comes in: the January row stays where it is (its notes and
    // fills, which the API cannot move, stay with it), December goes below.
    const december = makeBatch(1, { batchId: 'dec', first: 100 });
    december.transactions = [wireTransaction(100, { date: '2025-12-20' })];
    expect((await push(december)).code).toBe(0);

    const after = records('Summary');
    expect(after.map((r) => r.Month)).toEqual(['2026-01', '2025-12']);
    expect(after.map((r) => r['Reviewed by'] ?? '')).toEqual(['AK', '']);
    expect(after[0]).toMatchObject({ Month: january.Month, Account: january.Account });
    expect(matches.cellAt(2, own)?.formula).toBe('=ROWS(A:A)');
  });
});
