import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_RULES } from '../../cli/commands/demoCommand';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import type { ReconcileJson } from '../../cli/workbook/reconcileJson';
import { KeptFormula, writeWorkbook } from '../../cli/workbook/writeWorkbook';
import { runCli } from './workbookCli';

const dir = mkdtempSync(join(tmpdir(), 'lb-reconcile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const examples = readdirSync(DEMO_FILES).map((f) => join(DEMO_FILES, f));

describe('ledgerbridge reconcile --json', () => {
  it('prints transactions, matches with members by id, externalId and origin, and unmatched', async () => {
    const { code, stdout, stderr } = await runCli(['reconcile', ...examples, '--json'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ReconcileJson;
    expect(readdirSync(dir)).toEqual([]); // --json alone writes no book
    const ids = new Set(out.transactions.map((t) => t.id));
    expect(ids.size).toBe(out.transactions.length);
    for (const t of out.transactions) expect(t.amount).toMatch(/^-?\d+\.\d{2}$/);
    expect(out.matches.length).toBeGreaterThan(0);
    for (const m of out.matches) {
      expect(m.members.length).toBeGreaterThan(0);
      for (const member of m.members) {
        expect(ids.has(member.id)).toBe(true);
        expect(member.externalId).toEqual(expect.any(String));
        expect(member.origin).toMatchObject({ file: expect.any(String), capturedAt: expect.any(String) });
        expect(member).toMatchObject({
          date: expect.any(String),
          amount: expect.stringMatching(/^-?\d+\.\d{2}$/),
        });
      }
    }
    for (const u of out.unmatched) expect(ids.has(u.id)).toBe(true);

    // The example's known answers (examples/ridgeline/README.md).
    const links = out.matches.filter((m) => m.type !== 'payout-rollup');
    const count = (type: string) => links.filter((m) => m.type === type).length;
    expect([count('payout-deposit'), count('many-to-one'), count('transfer')]).toEqual([15, 1, 2]);
    const combined = links.find((m) => m.type === 'many-to-one')!;
    expect(combined.members.map((m) => m.role).sort()).toEqual(['deposit', 'payout', 'payout']);
    expect(combined.difference).toBe('0.00');
    const holiday = links.find((m) => m.members.some((x) => x.externalId === '20261013000006'));
    expect(holiday?.type).toBe('payout-deposit');
    expect(out.discrepancies.map((d) => [d.type, d.amount])).toEqual([
      ['in-transit', '621.83'],
      ['in-transit', '405.81'],
    ]);
    expect(out.periodEnd).toBe('2026-10-31');
  });
});

describe('ledgerbridge reconcile with saved portal pages', () => {
  const page = join(__dirname, '../fixtures/portals/stripe-balance.html');

  it('captures a page at the address given with --url', async () => {
    const url = 'https://dashboard.stripe.com/balance/overview';
    const { code, stdout } = await runCli(['reconcile', page, '--url', url, '--json'], dir);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ReconcileJson;
    expect(out.transactions.length).toBeGreaterThan(0);
    expect(out.transactions.every((t) => t.origin.url === url && t.institution === 'stripe')).toBe(true);
  });

  it('takes the address from the browser\'s "saved from url" comment', async () => {
    const saved = join(dir, 'saved.html');
    writeFileSync(
      saved,
      `<!-- saved from url=(0044)https://dashboard.stripe.com/balance/overview -->\n${readFileSync(page, 'utf8')}`,
    );
    const { code, stdout } = await runCli(['reconcile', saved, '--json'], dir);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as ReconcileJson).transactions[0]?.origin.url).toBe(
      'https://dashboard.stripe.com/balance/overview',
    );
    rmSync(saved);
  });

  it('asks for --url when the page does not say where it came from', async () => {
    const { code, stderr } = await runCli(['reconcile', page, '--json'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/stripe-balance\.html: .*--url/);
  });
});

describe('ledgerbridge reconcile with JSON transactions', () => {
  it('reads what import prints and an exported Batch, and names the row and field of a bad one', async () => {
    const first = JSON.parse(
      (await runCli(['reconcile', examples[0]!, '--json'], dir)).stdout,
    ) as ReconcileJson;
    const array = join(dir, 'lines.json');
    writeFileSync(array, JSON.stringify(first.transactions));
    const fromArray = JSON.parse((await runCli(['reconcile', array, '--json'], dir)).stdout) as ReconcileJson;
    expect(fromArray.transactions).toEqual(first.transactions);

    const batch = join(dir, 'batch.json');
    const envelope = { schemaVersion: 1, batchId: 'b-1', source: { capturedAt: '2026-11-01T00:00:00Z' } };
    writeFileSync(batch, JSON.stringify({ ...envelope, transactions: first.transactions }));
    const fromBatch = JSON.parse((await runCli(['reconcile', batch, '--json'], dir)).stdout) as ReconcileJson;
    expect(fromBatch.transactions.map((t) => t.id)).toEqual(first.transactions.map((t) => t.id));

    const broken = first.transactions.map((t, i) => (i === 2 ? { ...t, amount: '12,50' } : t));
    writeFileSync(batch, JSON.stringify({ ...envelope, transactions: broken }));
    const bad = await runCli(['reconcile', batch, '--json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/batch\.json, row 3, field amount/);
  });
});

describe('ledgerbridge reconcile errors', () => {
  it('names the file and exits non-zero when a file cannot be read', async () => {
    const bad = join(dir, 'broken.ofx');
    writeFileSync(
      bad,
      'OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST><STMTTRN><TRNAMT>abc</STMTTRN>',
    );
    const { code, stdout, stderr } = await runCli(['reconcile', bad, '--json'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/broken\.ofx/);
    rmSync(bad);
  });

  it('says so when a file does not exist', async () => {
    const { code, stderr } = await runCli(['reconcile', 'nowhere.csv', '--json'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/nowhere\.csv.*cannot read/);
  });

  it('says so when the book cannot be written', async () => {
    const { code, stderr } = await runCli(
      ['reconcile', examples[0]!, '--out', join(dir, 'missing', 'book.xlsx')],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/book\.xlsx: cannot write the workbook/);
  });

  it('is a usage error without files or with a bad option', async () => {
    expect((await runCli(['reconcile', '--json'], dir)).code).toBe(2);
    expect((await runCli(['reconcile', examples[0]!, '--period-end', '31/10/2026'], dir)).code).toBe(2);
  });
});

describe('ledgerbridge reconcile --rules', () => {
  it("categorizes, keeps the rules in the book's Rules tab, and re-applies changed rules", async () => {
    const book = join(dir, 'rules-book.xlsx');
    const first = await runCli(['reconcile', ...examples, '--rules', DEMO_RULES, '--out', book], dir);
    expect(first.stderr).toBe('');
    const tabs = await readWorkbook(new Uint8Array(readFileSync(book)));
    expect(tabs.get('Rules')!.rows.map((r) => r[0])).toContain('rent');
    const categoryOf = async (description: string) => {
      const tx = (await readWorkbook(new Uint8Array(readFileSync(book)))).get('Transactions')!;
      const row = tx.rows.find((r) => r[tx.header.indexOf('Description')] === description)!;
      return [row[tx.header.indexOf('Category')], row[tx.header.indexOf('Payee')]];
    };
    expect(await categoryOf('ABBOTT PROPERTIES RENT')).toEqual(['Rent or Lease', 'Abbott Properties']);

    // Without --rules the book's own Rules tab categorizes: nothing changes.
    const again = await runCli(['reconcile', ...examples, '--out', book], dir);
    expect(again.stdout).toMatch(/0 transactions added, 0 updated, 370 unchanged/);

    // A changed rule re-categorizes what it set, and only that.
    const rules = JSON.parse(readFileSync(DEMO_RULES, 'utf8')) as Array<{ id: string; actions: unknown[] }>;
    rules.find((r) => r.id === 'rent')!.actions = [{ type: 'setCategory', category: 'Occupancy' }];
    const changed = join(dir, 'rules.json');
    writeFileSync(changed, JSON.stringify(rules));
    const third = await runCli(['reconcile', ...examples, '--rules', changed, '--out', book], dir);
    expect(third.stdout).toMatch(/0 transactions added, 2 updated, 368 unchanged/);
    expect(await categoryOf('ABBOTT PROPERTIES RENT')).toEqual(['Occupancy', 'ABBOTT PROPERTIES RENT']);
  });

  it('names the rules file, the rule and the field of a bad rule', async () => {
    const bad = join(dir, 'bad-rules.json');
    writeFileSync(
      bad,
      JSON.stringify([{ id: 'x', conditions: [{ field: 'amount', op: 'between', min: '5' }], actions: [] }]),
    );
    const { code, stderr } = await runCli(['reconcile', ...examples, '--rules', bad, '--json'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-rules\.json, row 1/);
  });
});

describe('ledgerbridge reconcile --out on an existing book', () => {
  it("keeps the bookkeeper's overrides, notes, own columns and match decisions", async () => {
    const book = join(dir, 'book.xlsx');
    const first = await runCli(['reconcile', ...examples, '--out', book], dir);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/370 transactions added, 0 updated, 0 unchanged/);

    // The bookkeeper edits the book: an override, a note, a column of their own, a rejected match.
    const tabs = await readWorkbook(new Uint8Array(readFileSync(book)));
    const tx = tabs.get('Transactions')!;
    const col = (name: string) => tx.header.indexOf(name);
    const amountColumn = String.fromCharCode(65 + col('Amount'));
    const rent = tx.rows.findIndex((r) => r[col('Description')] === 'ABBOTT PROPERTIES RENT');
    tx.rows[rent]![col('Category Override')] = 'Rent';
    tx.rows[rent]![col('Notes')] = 'lease renewed in August';
    tx.header.push('Receipt', 'Tax share');
    tx.rows[rent]!.push('drive://receipts/rent.pdf', new KeptFormula(`${amountColumn}${rent + 2}*0.1`, -240));
    const matches = tabs.get('Matches')!;
    const transfer = matches.rows.findIndex((r) => r[matches.header.indexOf('Kind')] === 'transfer');
    const transferId = matches.rows[transfer]![matches.header.indexOf('Match ID')];
    matches.rows[transfer]![matches.header.indexOf('Decision')] = 'reject';
    const categoryTab = tabs.get('Categories')!;
    categoryTab.rows.push(
      categoryTab.header.map((h) =>
        h === 'Category' ? 'Coffee tastings' : h === 'Group' ? 'Expenses' : null,
      ),
    );
    const { TRANSACTION_COLUMNS, MATCH_COLUMNS } = await import('../../core/sheet/workbookLayout');
    writeFileSync(
      book,
      await writeWorkbook([
        { name: 'Transactions', columns: TRANSACTION_COLUMNS, header: tx.header, rows: tx.rows },
        { name: 'Matches', columns: MATCH_COLUMNS, header: matches.header, rows: matches.rows },
        ...[...tabs]
          .filter(([n]) => n !== 'Transactions' && n !== 'Matches')
          .map(([name, t]) => ({ name, columns: [], ...t })),
      ]),
    );

    const second = await runCli(['reconcile', ...examples, '--out', book], dir);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/0 transactions added, 0 updated, 370 unchanged/);
    const after = await readWorkbook(new Uint8Array(readFileSync(book)));
    const tx2 = after.get('Transactions')!;
    const row = tx2.rows.find((r) => r[tx2.header.indexOf('Description')] === 'ABBOTT PROPERTIES RENT')!;
    expect(row[tx2.header.indexOf('Category Override')]).toBe('Rent');
    expect(row[tx2.header.indexOf('Notes')]).toBe('lease renewed in August');
    expect(row[tx2.header.indexOf('Receipt')]).toBe('drive://receipts/rent.pdf');
    // The bookkeeper's formula is still a formula.
    const ExcelJS = (await import('exceljs')).default;
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const sheet = raw.getWorksheet('Transactions')!;
    const rentRow = tx2.rows.indexOf(row) + 2;
    expect(sheet.getRow(rentRow).getCell(tx2.header.indexOf('Tax share') + 1).formula).toBe(
      `${amountColumn}${rent + 2}*0.1`,
    );
    const m2 = after.get('Matches')!;
    const kept = m2.rows.find((r) => r[m2.header.indexOf('Match ID')] === transferId)!;
    expect(kept[m2.header.indexOf('State')]).toBe('rejected');
    expect(kept[m2.header.indexOf('Decision')]).toBe('reject');
    const categories = after.get('Categories')!;
    expect(categories.rows.map((r) => r[0])).toContain('Rent');
    expect(categories.rows.map((r) => r[0])).toContain('Coffee tastings');
    // One row per run, after one row per file that run read.
    const audit = after.get('Audit')!;
    expect(audit.rows.filter((r) => r[audit.header.indexOf('What')] === 'reconcile')).toHaveLength(2);
  });
});
