import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { TransactionJson } from '../../core/model/transactionJson';
import { memoryIo } from './memoryIo';

const PORTALS = fileURLToPath(new URL('../fixtures/portals/', import.meta.url));

describe('ledgerbridge capture', () => {
  it('prints the transactions of a saved page as the JSON wire contract', async () => {
    const io = memoryIo(PORTALS);
    const code = await main(
      [
        'capture',
        'wellsfargo-checking.html',
        '--url',
        'https://connect.secure.wellsfargo.com/accounts/start',
        '--as-of',
        '2026-11-21',
      ],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(io.out()) as unknown[];
    for (const t of printed) expect(TransactionJson.safeParse(t).success).toBe(true);
    expect(printed.map((t) => (t as TransactionJson).amount)).toEqual([
      '-184.50',
      '2980.14',
      '-129.62',
      '-412.77',
      '640.00',
      '-1000.00',
    ]);
    expect(printed[0]).toMatchObject({
      date: '2026-11-21',
      currency: 'USD',
      status: 'pending',
      institution: 'wellsfargo',
      origin: { url: 'https://connect.secure.wellsfargo.com/accounts/start', row: 1 },
    });
  });

  it('explains the capture as text, or as JSON with --json', async () => {
    const args = [
      'capture',
      'de-sparkasse.html',
      '--url',
      'https://bank.example.de/umsaetze',
      '--as-of',
      '2026-11-21',
    ];
    const text = memoryIo(PORTALS);
    expect(await main([...args, '--explain'], text)).toBe(0);
    expect(text.out()).toContain('Read with the generic extractor.');
    expect(text.out()).toContain('date        ← Buchungstag (by header)');
    expect(text.out()).toContain('row 7: in "Daueraufträge", not a list of transactions');
    const json = memoryIo(PORTALS);
    expect(await main([...args, '--explain', '--json'], json)).toBe(0);
    const diagnostics = JSON.parse(json.out());
    expect(diagnostics.path).toBe('generic');
    expect(diagnostics.mapping).toMatchObject({ date: 'Buchungstag', amount: 'Betrag', balance: 'Saldo' });
  });

  it('takes a corrected mapping', async () => {
    const io = memoryIo(PORTALS);
    const code = await main(
      [
        'capture',
        'tailwind-responsive.html',
        '--url',
        'https://app.northstar-bank.example/accounts/5521/activity',
        '--as-of',
        '2026-11-21',
        '--mapping',
        '{"date":"Txn date","amount":"Amount","description":"Merchant","status":"Status"}',
      ],
      io,
    );
    expect(code).toBe(0);
    expect((JSON.parse(io.out()) as TransactionJson[]).map((t) => t.date)).toEqual([
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
  });

  it('fails on stderr with exit 1 when the page shows no transactions, saying why', async () => {
    const io = memoryIo(PORTALS);
    const code = await main(['capture', 'empty-activity.html', '--url', 'https://bank.example/activity'], io);
    expect(code).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('empty-activity.html: no transactions found: no repeated rows holding both');
  });

  it('fails with exit 1 on a missing file and exit 2 on wrong usage', async () => {
    const missing = memoryIo(PORTALS);
    expect(await main(['capture', 'nope.html', '--url', 'https://x.example/'], missing)).toBe(1);
    expect(missing.err()).toContain('cannot read nope.html');
    const noUrl = memoryIo(PORTALS);
    expect(await main(['capture', 'chase-checking.html'], noUrl)).toBe(2);
    expect(noUrl.err()).toContain('--url is required');
    const badDate = memoryIo(PORTALS);
    expect(
      await main(['capture', 'chase-checking.html', '--url', 'https://x/', '--as-of', '21.11.2026'], badDate),
    ).toBe(2);
    const badMapping = memoryIo(PORTALS);
    expect(
      await main(
        ['capture', 'chase-checking.html', '--url', 'https://x/', '--mapping', '{"amount":'],
        badMapping,
      ),
    ).toBe(2);
    expect(badMapping.err()).toContain('--mapping is not JSON');
  });

  it('reads a page given by absolute path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-capture-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr><tr><td>2026-11-20</td><td>Coffee</td><td>-4.50</td></tr></table>',
    );
    const io = memoryIo(tmpdir());
    expect(await main(['capture', file, '--url', 'https://bank.example/a'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject([
      { date: '2026-11-20', amount: '-4.50', description: 'Coffee' },
    ]);
  });
});

describe('ledgerbridge capture: self-checks, signs and odd pages', () => {
  const CLASSES = fileURLToPath(new URL('../fixtures/portals-classes/', import.meta.url));

  it('prints the rows of a page whose running balance breaks, and warns naming the row', async () => {
    const io = memoryIo(CLASSES);
    const code = await main(
      [
        'capture',
        'balance-gap-statement.html',
        '--url',
        'https://ebank.example/acct',
        '--as-of',
        '2026-11-15',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toHaveLength(6);
    expect(io.err()).toMatch(/warning: not verified: the running balance disagrees .* \(rows 4\)/);
  });

  it('--explain names the failed check, the sign convention and what decided it', async () => {
    const io = memoryIo(CLASSES);
    await main(
      ['capture', 'balance-gap-statement.html', '--url', 'https://ebank.example/acct', '--explain'],
      io,
    );
    expect(io.out()).toContain('NOT VERIFIED');
    expect(io.out()).toMatch(/FAIL running-balance: .*\(rows 4\)/);
    expect(io.out()).toMatch(/Signs: as-shown/);
  });

  it('--sign forces the convention; an unknown one is a usage error', async () => {
    const io = memoryIo(CLASSES);
    await main(
      [
        'capture',
        'balance-gap-statement.html',
        '--url',
        'https://ebank.example/acct',
        '--sign',
        'card-flipped',
      ],
      io,
    );
    expect((JSON.parse(io.out()) as TransactionJson[]).map((t) => t.amount)[0]).toBe('-1000.00');
    const bad = memoryIo(CLASSES);
    const code = await main(
      ['capture', 'balance-gap-statement.html', '--url', 'https://x.example/', '--sign', 'upside-down'],
      bad,
    );
    expect(code).not.toBe(0);
    expect(bad.err()).toContain('--sign must be one of as-shown, card-flipped, payouts-flipped');
  });

  it('says a 0-byte page is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-capture-'));
    writeFileSync(join(dir, 'empty.html'), '');
    const io = memoryIo(dir);
    const code = await main(['capture', 'empty.html', '--url', 'https://bank.example/activity'], io);
    expect(code).toBe(1);
    expect(io.err()).toContain('empty.html: no transactions found: the page is empty');
  });

  it('reads a page nested 20,000 elements deep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-capture-'));
    const rows =
      '<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr><tr><td>11/02/2026</td><td>Coffee</td><td>-4.50</td></tr><tr><td>11/03/2026</td><td>Tea</td><td>-3.50</td></tr></table>';
    writeFileSync(
      join(dir, 'deep.html'),
      `<html><body>${'<div>'.repeat(20_000)}${rows}${'</div>'.repeat(20_000)}</body></html>`,
    );
    const io = memoryIo(dir);
    const code = await main(
      [
        'capture',
        'deep.html',
        '--url',
        'https://bank.example/activity',
        '--as-of',
        '2026-11-21',
        '--currency',
        'USD',
      ],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(io.out()) as TransactionJson[]).map((t) => t.amount)).toEqual(['-4.50', '-3.50']);
  });

  it('refuses a page too large to capture in time, saying its size; scripts and embedded images do not count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-capture-'));
    const table =
      '<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr><tr><td>11/02/2026</td><td>Coffee</td><td>-4.50</td></tr><tr><td>11/03/2026</td><td>Tea</td><td>-3.50</td></tr></table>';
    const padding = 'x'.repeat(20 * 1024 * 1024);
    writeFileSync(join(dir, 'huge.html'), `<html><body><p>${padding}</p>${table}</body></html>`);
    writeFileSync(
      join(dir, 'heavy.html'),
      `<html><head><script>var s="${padding}";</script></head><body><img src="data:image/png;base64,${padding}">${table}</body></html>`,
    );
    const huge = memoryIo(dir);
    expect(await main(['capture', 'huge.html', '--url', 'https://bank.example/a'], huge)).toBe(1);
    expect(huge.err()).toMatch(/huge\.html: the page is too large to capture \(20\.0 MB.*at most 16\.0 MB\)/);
    const heavy = memoryIo(dir);
    expect(
      await main(
        ['capture', 'heavy.html', '--url', 'https://bank.example/a', '--as-of', '2026-11-21'],
        heavy,
      ),
    ).toBe(0);
    expect((JSON.parse(heavy.out()) as TransactionJson[]).map((t) => t.amount)).toEqual(['-4.50', '-3.50']);
  });
});
