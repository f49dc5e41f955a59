import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import type { ReconcileJson } from '../../cli/workbook/reconcileJson';
import { DEFAULT_CATEGORIES } from '../../core/rules/defaultCategories';
import { runCli } from './workbookCli';

/** A café's November, every file as downloaded (see make-files.py there); answers.json is the truth. */
const SET = join(__dirname, '../fixtures/downloads/cafe-month');
const FILES = readdirSync(SET).filter((f) => /\.csv$/i.test(f));
type Answers = {
  payouts: Array<{
    processor: string;
    payout: string;
    bankDate: string;
    amount: string;
    bankDescription: string;
  }>;
  transfers: Array<{ date: string; amount: string; from: string; to: string }>;
};
const answers = JSON.parse(readFileSync(join(SET, 'answers.json'), 'utf8')) as Answers;

const dir = mkdtempSync(join(tmpdir(), 'lb-cafe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of FILES) copyFileSync(join(SET, f), join(dir, f));

describe('a café’s month exactly as downloaded, reconciled with no flags', () => {
  it('links payouts to their deposits, finds the transfers, keeps sales out of expenses', async () => {
    const { code, stdout, stderr } = await runCli(['reconcile', ...FILES, '--json'], dir);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ReconcileJson;
    const byId = new Map(out.transactions.map((t) => [t.id, t]));

    // Payout ↔ deposit: each payout (its own po_/deposit id) with the bank line of the answer.
    const truth = new Map(
      answers.payouts.map((p) => [p.payout, `${p.bankDate}|${p.amount}|${p.bankDescription}`]),
    );
    const predicted: Array<[string, string]> = [];
    for (const m of out.matches) {
      if (m.type !== 'payout-deposit' && m.type !== 'many-to-one') continue;
      const bankSide = m.members.map((x) => byId.get(x.id)!).filter((t) => t.kind !== 'payout');
      const payouts = m.members.map((x) => byId.get(x.id)!).filter((t) => t.kind === 'payout');
      for (const p of payouts)
        for (const b of bankSide)
          predicted.push([p.payoutId ?? p.externalId ?? p.id, `${b.date}|${b.amount}|${b.description}`]);
    }
    const right = predicted.filter(([p, b]) => truth.get(p) === b).length;
    const precision = right / predicted.length;
    const recall =
      new Set(predicted.filter(([p, b]) => truth.get(p) === b).map(([p]) => p)).size / truth.size;
    expect({ precision: precision >= 0.98, recall: recall >= 0.95 }).toEqual({
      precision: true,
      recall: true,
    });

    // Every file is one account: checking (two overlapping downloads) and savings stay apart.
    const accounts = new Map<string, Set<string>>();
    for (const t of out.transactions) {
      const file = (t.origin as { file?: string }).file ?? '';
      accounts.set(file, (accounts.get(file) ?? new Set()).add(t.account));
    }
    expect(accounts.get('savings_4421.csv')).toEqual(new Set(['Savings ••4421']));
    const checking = [...(accounts.get('Chase4417_Activity_20261120.CSV') ?? [])];
    expect(checking).toHaveLength(1);
    // The overlap (Nov 10–20) is in both downloads and counted once.
    const bankLines = out.transactions.filter((t) => t.account === checking[0]);
    const lines = (name: string) => readFileSync(join(SET, name), 'utf8').trim().split('\n').length - 1;
    const overlap = readFileSync(join(SET, 'checking_4417_2026-11.csv'), 'utf8')
      .split('\n')
      .filter((l) => /,11\/(1\d|20)\/2026,/.test(l)).length;
    expect(bankLines).toHaveLength(
      lines('Chase4417_Activity_20261120.CSV') + lines('checking_4417_2026-11.csv') - overlap,
    );

    // Transfers between checking and savings.
    const transfers = out.matches.filter((m) => m.type === 'transfer');
    for (const t of answers.transfers) {
      const found = transfers.some((m) => {
        const members = m.members.map((x) => byId.get(x.id)!);
        return (
          members.length === 2 &&
          members.every((x) => x.date === t.date && x.amount.replace('-', '') === t.amount) &&
          new Set(members.map((x) => x.account)).size === 2
        );
      });
      expect([t.date, found]).toEqual([t.date, true]);
    }

    // No processor sale in an expense category.
    const spending = new Set(
      DEFAULT_CATEGORIES.filter(
        (c) => c.group !== 'Income' && c.group !== 'Transfers' && c.group !== 'Other',
      ).map((c) => c.name),
    );
    const sales = out.transactions.filter(
      (t) => (t.institution === 'square' || t.institution === 'stripe') && t.kind === 'charge',
    );
    expect(sales.length).toBeGreaterThan(200);
    expect(
      sales.filter((t) => t.category && spending.has(t.category)).map((t) => [t.description, t.category]),
    ).toEqual([]);
    expect(new Set(sales.map((t) => t.category))).toEqual(new Set(['Sales']));
  });

  it('writes the book with no flags at all and says what it decided per file', async () => {
    const { code, stdout } = await runCli(['reconcile', ...FILES], dir);
    expect(code).toBe(0);
    expect(readdirSync(dir)).toContain('reconciliation.xlsx');
    // The Audit tab has one row per file read, saying what was decided, before the reconcile row.
    const audit = (await readWorkbook(new Uint8Array(readFileSync(join(dir, 'reconciliation.xlsx'))))).get(
      'Audit',
    )!;
    const what = audit.header.indexOf('What');
    const detail = audit.header.indexOf('Detail');
    expect(audit.rows.map((r) => r[what])).toEqual([...FILES.map(() => 'read file'), 'reconcile']);
    expect(audit.rows.map((r) => String(r[detail]))).toContainEqual(
      expect.stringMatching(/^savings_4421\.csv: bank CSV; account Savings ••4421 \(from the file name/),
    );
    expect(stdout).toMatch(
      /^ {2}savings_4421\.csv: bank CSV; account Savings ••4421 \(from the file name: /m,
    );
    expect(stdout).toMatch(/^ {2}payouts\.csv: Stripe payouts export; account Stripe USD /m);
    expect(stdout).toMatch(
      /^ {2}balance_history\.csv: Stripe balance history; .*56 rows read, 41 imported, 15 skipped$/m,
    );
  });
});
