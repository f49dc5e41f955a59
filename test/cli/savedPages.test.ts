import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readSavedPage } from '../../cli/pages/readSavedPage';
import type { TransactionJson } from '../../core/model/transactionJson';
import { memoryIo } from './memoryIo';

const PAGES = fileURLToPath(new URL('../fixtures/saved-pages/', import.meta.url));

async function capture(
  file: string,
  cwd = PAGES,
  url: string[] = ['--url', 'https://bank.example/activity'],
) {
  const io = memoryIo(cwd);
  const code = await main(['capture', file, ...url, '--as-of', '2026-04-30'], io);
  const lines = code === 0 ? (JSON.parse(io.out()) as TransactionJson[]) : [];
  return {
    code,
    err: io.err(),
    rows: lines.map((t) => [t.date, t.description, t.amount, t.currency]),
  };
}

const USD_ASSUMED =
  /^ledgerbridge capture: \S+: warning: no currency is shown on the page or named by its language or address: amounts read as USD \(pass --currency\)\n$/;

const UK = [
  ['2026-03-02', 'CAFÉ NÉRO LONDON', '-4.50', 'GBP'],
  ['2026-03-03', 'STRIPE PAYMENTS UK LTD', '1234.56', 'GBP'],
  ['2026-03-04', 'ADOBE SYSTEMS SOFTWARE IRELAND – € CONVERTED', '-59.99', 'GBP'],
];
const FRAMED = [
  ['2026-04-06', 'GUSTO PAYROLL 8841', '-2310.00', 'USD'],
  ['2026-04-07', 'SQUARE INC DEP 0407 — “Spring” sale', '845.20', 'USD'],
  ['2026-04-08', 'COMCAST BUSINESS', '-129.99', 'USD'],
];

describe('ledgerbridge capture of pages saved as browsers save them', () => {
  it('reads a windows-1252 page in its own encoding: £, accents, – and € intact', async () => {
    expect(await capture('uk-windows-1252.html')).toEqual({ code: 0, err: '', rows: UK });
  });

  it('reads an ISO-8859-1 page that names no charset as a browser would (not UTF-8)', async () => {
    const { code, rows } = await capture('uk-latin1-no-charset.html');
    expect(code).toBe(0);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['CAFÉ NÉRO LONDON', 'GBP'],
      ['STRIPE PAYMENTS UK LTD', 'GBP'],
      ['ADOBE SYSTEMS SOFTWARE IRELAND - EUR CONVERTED', 'GBP'],
    ]);
  });

  it('reads a page Chromium saved as a single file (MHTML), its frame included', async () => {
    // The framed page shows bare amounts under lang="en": the currency is an assumption, and said.
    expect(await capture('framed.mhtml')).toEqual({
      code: 0,
      err: expect.stringMatching(USD_ASSUMED),
      rows: FRAMED,
    });
    expect(await capture('uk-windows-1252.mhtml')).toEqual({ code: 0, err: '', rows: UK });
  });

  it('takes the address from the MHTML file when --url is not given', async () => {
    const io = memoryIo(PAGES);
    expect(await main(['capture', 'framed.mhtml', '--as-of', '2026-04-30'], io)).toBe(0);
    const [first] = JSON.parse(io.out()) as TransactionJson[];
    expect(first!.origin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/framed-main\.html$/);
  });

  it('reads "Today" on an MHTML page as the day the file was saved, when --as-of is not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    const page = `<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr>
<tr><td>Today</td><td>SQ *BLUE BOTTLE</td><td>-$4.50</td></tr>
<tr><td>Yesterday</td><td>STRIPE TRANSFER</td><td>$1,234.56</td></tr>
<tr><td>Nov 17</td><td>ADOBE</td><td>-$59.99</td></tr></table>`;
    writeFileSync(
      join(dir, 'feed.mhtml'),
      [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: https://bank.example/activity',
        'Date: Fri, 20 Nov 2026 16:05:11 GMT',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----B----"',
        '',
        '',
        '------B----',
        'Content-Type: text/html',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Location: https://bank.example/activity',
        '',
        page,
        '------B------',
        '',
      ].join('\r\n'),
    );
    writeFileSync(join(dir, 'feed.html'), page);
    const html = memoryIo(dir);
    expect(await main(['capture', 'feed.html', '--url', 'https://bank.example/activity'], html)).toBe(0);
    // A plain page does not say when it was saved: the day assumed is said.
    expect(html.err()).toMatch(
      /feed\.html: warning: dates such as "Today" were read against \d{4}-\d{2}-\d{2}, the day of this run: pass --as-of/,
    );
    const io = memoryIo(dir);
    expect(await main(['capture', 'feed.mhtml'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect((JSON.parse(io.out()) as TransactionJson[]).map((t) => t.date)).toEqual([
      '2026-11-20',
      '2026-11-19',
      '2026-11-17',
    ]);
  });

  it('reads a "Webpage, Complete" frame from the page\'s own folder, and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    cpSync(PAGES, join(dir, 'pages'), { recursive: true });
    writeFileSync(
      join(dir, 'outside.html'),
      '<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr><tr><td>04/09/2026</td><td>NOT THIS PAGE</td><td>-$1.00</td></tr><tr><td>04/10/2026</td><td>NOR THIS</td><td>-$2.00</td></tr></table>',
    );
    const { code, rows, err } = await capture('framed-complete.html', join(dir, 'pages'), []);
    expect({ code, err }).toEqual({ code: 0, err: expect.stringMatching(USD_ASSUMED) });
    expect(rows).toEqual(FRAMED);
  });

  it('says when a page that claims UTF-8 is not, and reads it as windows-1252', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    const bytes = readFileSync(join(PAGES, 'uk-windows-1252.html'));
    const lying = Buffer.from(
      bytes.toString('latin1').replace('charset=windows-1252', 'charset=utf-8'),
      'latin1',
    );
    writeFileSync(join(dir, 'lying.html'), lying);
    const { code, rows, err } = await capture('lying.html', dir);
    expect(code).toBe(0);
    expect(rows).toEqual(UK);
    expect(err).toMatch(
      /lying\.html: warning: the page says it is utf-8 but its bytes are not: read as windows-1252/,
    );
  });

  it('reads a page re-encoded to UTF-8 under its old windows-1252 <meta> as UTF-8, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    const legacy = new TextDecoder('windows-1252').decode(readFileSync(join(PAGES, 'uk-windows-1252.html')));
    // Node's windows-1252 is Latin-1: put back the three characters it leaves as C1 controls.
    const text = legacy.replace(/\u0096/g, '–').replace(/\u0080/g, '€');
    writeFileSync(join(dir, 'resaved.html'), text, 'utf8');
    const { code, rows, err } = await capture('resaved.html', dir);
    expect(code).toBe(0);
    expect(rows).toEqual(UK);
    expect(err).toMatch(
      /resaved\.html: warning: the page says it is windows-1252 but its bytes are UTF-8: read as UTF-8/,
    );
  });

  it('says when no currency is shown, and takes the one --currency names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    writeFileSync(
      join(dir, 'bare.html'),
      '<table><tr><th>Date</th><th>Description</th><th>Amount</th></tr><tr><td>2026-04-02</td><td>RENT</td><td>-1,450.00</td></tr><tr><td>2026-04-03</td><td>SALES</td><td>812.40</td></tr></table>',
    );
    const assumed = await capture('bare.html', dir);
    expect(assumed.rows.map((r) => r[3])).toEqual(['USD', 'USD']);
    expect(assumed.err).toMatch(
      /bare\.html: warning: no currency is shown on the page or named by its language or address: amounts read as USD \(pass --currency\)/,
    );
    const named = await capture('bare.html', dir, ['--url', 'https://bank.example/a', '--currency', 'eur']);
    expect(named).toMatchObject({ code: 0, err: '' });
    expect(named.rows.map((r) => r[3])).toEqual(['EUR', 'EUR']);
  });

  it('refuses a broken MHTML file, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    writeFileSync(
      join(dir, 'broken.mhtml'),
      'MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nnothing',
    );
    const { code, err } = await capture('broken.mhtml', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.mhtml: the MHTML file names no boundary between its parts/);
  });

  it('decodes a Shift_JIS page by its meta charset', async () => {
    const read = readSavedPage(readFileSync(join(PAGES, 'jp-shift-jis.html')));
    expect(read.ok && read.value.html).toContain('普通預金 口座番号 ****5521 入出金明細');
    expect((await capture('jp-shift-jis.html')).rows).toEqual([
      ['2026-03-02', 'カード コンビニ', '-1200', 'JPY'],
      ['2026-03-03', '振込 カブシキガイシャ ミドリ', '54000', 'JPY'],
      ['2026-03-05', '口座振替 電気料金', '-8431', 'JPY'],
    ]);
  });
});

describe('ledgerbridge reconcile with saved pages', () => {
  it('takes an MHTML page like an HTML one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-saved-'));
    const io = memoryIo(PAGES);
    const code = await main(
      [
        'reconcile',
        'framed.mhtml',
        '--url',
        'https://bank.example/a',
        '--out',
        join(dir, 'b.xlsx'),
        '--json',
      ],
      io,
    );
    expect(io.err()).toMatch(
      /warning: framed\.mhtml: no currency is shown on the page or named by its language or address: amounts read as USD \(pass --currency\)/,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.out()) as { transactions: TransactionJson[] };
    expect(out.transactions.map((t) => t.description).sort()).toEqual(FRAMED.map((r) => r[1]).sort());
  });
});
