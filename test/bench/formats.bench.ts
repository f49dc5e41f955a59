import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { nodeSha256Hex } from '../../cli/nodeSha256Hex';
import { parseCsv } from '../../core/formats/csv/parseCsv';
import { streamBankCsv } from '../../core/formats/csv/streamBankCsv';
import { importFile } from '../../core/formats/importFile';
import { writeBigBankCsv } from '../cli/bigCsv';
import type { BenchRow } from './benchRow';
import { fmt, interleavedCpuMs, medianMs, peakHeapMb, table } from './measure';

const CSV_ROWS = 100_000;
const OFX_TRANSACTIONS = 10_000;
const PAYEES = [
  'SQ *BLUE DOOR CAFE, OAKLAND CA',
  'ADP PAYROLL',
  'AMAZON MKTPLACE PMTS',
  'PG&E "WEB" PAYMENT',
  'STRIPE TRANSFER',
];

/** A US-style bank export: quoted descriptions (some with commas and quotes), grouped amounts, balances. */
function bankCsv(rows: number): string {
  const lines = ['Date,Description,Amount,Balance,Status'];
  let balance = 5_000_000;
  for (let i = 0; i < rows; i++) {
    const cents = ((i * 7919) % 250_000) - 125_000;
    balance += cents;
    const day = new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10);
    const money = (c: number) =>
      `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100).toLocaleString('en-US')}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    lines.push(
      `${day},"${PAYEES[i % PAYEES.length]!.replace(/"/g, '""')} #${i}","${money(cents)}","${money(balance)}",Posted`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An OFX 1.x SGML bank statement with unclosed leaf tags, as most banks send it. */
function ofxStatement(transactions: number): string {
  const parts = [
    'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n',
    '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261123120000<LANGUAGE>ENG<FI><ORG>BENCH<FID>1</FI></SONRS></SIGNONMSGSRSV1>\n',
    '<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>123456789<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20260101<DTEND>20261231\n',
  ];
  for (let i = 0; i < transactions; i++) {
    const cents = ((i * 7919) % 250_000) - 125_000;
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    const day = new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10).replace(/-/g, '');
    parts.push(
      `<STMTTRN>\n<TRNTYPE>${cents < 0 ? 'DEBIT' : 'CREDIT'}\n<DTPOSTED>${day}120000.000[-5:EST]\n<TRNAMT>${amount}\n<FITID>${20260000000 + i}\n<NAME>${PAYEES[i % PAYEES.length]!.replace('&', '&amp;')}\n<MEMO>Reference ${i}\n</STMTTRN>\n`,
    );
  }
  parts.push(
    '</BANKTRANLIST><LEDGERBAL><BALAMT>1000.00<DTASOF>20261231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n',
  );
  return parts.join('');
}

/** `import` of a generated bank CSV in a child process with the heap capped at 450 MB: wall time and peak RSS. */
async function bigImport(mb: number): Promise<{ rows: number; ms: number; peakMb?: number; ok: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'lb-bench-'));
  try {
    const file = join(dir, 'big.csv');
    const rows = await writeBigBankCsv(file, mb);
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const node = ['--max-old-space-size=450', 'cli/bin.mjs', 'import', file, '--currency', 'USD'];
    const time = existsSync('/usr/bin/time');
    const start = performance.now();
    const r = time
      ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', 'node', ...node], {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawnSync('node', node, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - start;
    const peak = /peak-kb (\d+)/.exec(String(r.stderr));
    return { rows, ms, ok: r.status === 0, ...(peak ? { peakMb: Number(peak[1]) / 1024 } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function formatsBench(): Promise<BenchRow[]> {
  const csvText = bankCsv(CSV_ROWS);
  const csvBytes = new Uint8Array(Buffer.from(csvText, 'utf8'));
  const ofxBytes = new Uint8Array(Buffer.from(ofxStatement(OFX_TRANSACTIONS), 'utf8'));
  // Ids hashed by node:crypto, as the CLI does; `pureIds` below is the pure-JS hash of Apps Script.
  const options = { currency: 'USD', capturedAt: '2026-11-23T00:00:00.000Z', sha256Hex: nodeSha256Hex };

  const ours = () => {
    const r = importFile({ name: 'bench.csv', bytes: csvBytes }, options);
    if (!r.ok || r.transactions.length !== CSV_ROWS) throw new Error('bench CSV did not import fully');
  };
  const papa = () => {
    const r = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
    if (r.data.length !== CSV_ROWS) throw new Error('papaparse did not read every row');
  };
  const pureIds = () => {
    const r = importFile({ name: 'bench.csv', bytes: csvBytes }, { ...options, sha256Hex: undefined });
    if (!r.ok || r.transactions.length !== CSV_ROWS) throw new Error('bench CSV did not import fully');
  };
  const tokenizerOnly = () => parseCsv(csvText, ',');
  const streamed = async () => {
    async function* chunks() {
      for (let i = 0; i < csvText.length; i += 1 << 20) yield csvText.slice(i, i + (1 << 20));
    }
    let n = 0;
    const r = await streamBankCsv(
      chunks(),
      { file: 'bench.csv', capturedAt: options.capturedAt, options },
      () => {
        n++;
      },
    );
    if (!r.ok || n !== CSV_ROWS) throw new Error('bench CSV did not stream fully');
  };
  const ofx = () => {
    const r = importFile({ name: 'bench.ofx', bytes: ofxBytes }, options);
    if (!r.ok || r.transactions.length !== OFX_TRANSACTIONS)
      throw new Error('bench OFX did not import fully');
  };

  const runs = 5;
  const cpu = await interleavedCpuMs({ papa, ours, pureIds, tokenizerOnly, streamed }, runs);
  const papaMs = cpu.papa;
  const oursMs = cpu.ours;
  const pureIdsMs = cpu.pureIds;
  const tokenizerMs = cpu.tokenizerOnly;
  const streamedMs = cpu.streamed;
  const ofxMs = await medianMs(ofx, runs);
  const papaMb = await peakHeapMb(papa);
  const oursMb = await peakHeapMb(ours);
  const tokenizerMb = await peakHeapMb(tokenizerOnly);
  const streamedMb = await peakHeapMb(streamed);
  const ofxMb = await peakHeapMb(ofx);

  const rate = (rows: number, ms: number) => (rows / ms) * 1000;
  console.log(
    `bank CSV: ${CSV_ROWS.toLocaleString('en-US')} rows, ${fmt(csvBytes.length / 1024 / 1024)} MB; OFX: ${OFX_TRANSACTIONS.toLocaleString('en-US')} transactions, ${fmt(ofxBytes.length / 1024 / 1024)} MB; CSV rows: median CPU time of ${runs} interleaved runs (OFX: median wall time)`,
  );
  console.log(
    table([
      {
        work: 'papaparse (baseline): CSV → row objects',
        'rows/s': fmt(rate(CSV_ROWS, papaMs), 0),
        ms: fmt(papaMs, 0),
        'peak heap MB': fmt(papaMb),
        'ours/papaparse': '1.00',
      },
      {
        work: 'importFile: CSV → transactions (decode, roles, money, dates, ids by node:crypto)',
        'rows/s': fmt(rate(CSV_ROWS, oursMs), 0),
        ms: fmt(oursMs, 0),
        'peak heap MB': fmt(oursMb),
        'ours/papaparse': fmt(rate(CSV_ROWS, oursMs) / rate(CSV_ROWS, papaMs), 2),
      },
      {
        work: 'importFile, ids by the pure-JS SHA-256 (Apps Script, extension)',
        'rows/s': fmt(rate(CSV_ROWS, pureIdsMs), 0),
        ms: fmt(pureIdsMs, 0),
        'peak heap MB': '—',
        'ours/papaparse': fmt(rate(CSV_ROWS, pureIdsMs) / rate(CSV_ROWS, papaMs), 2),
      },
      {
        work: 'streamBankCsv: 1 MB text chunks → transactions, one at a time',
        'rows/s': fmt(rate(CSV_ROWS, streamedMs), 0),
        ms: fmt(streamedMs, 0),
        'peak heap MB': fmt(streamedMb),
        'ours/papaparse': fmt(rate(CSV_ROWS, streamedMs) / rate(CSV_ROWS, papaMs), 2),
      },
      {
        work: 'parseCsv alone: CSV → fields',
        'rows/s': fmt(rate(CSV_ROWS, tokenizerMs), 0),
        ms: fmt(tokenizerMs, 0),
        'peak heap MB': fmt(tokenizerMb),
        'ours/papaparse': fmt(rate(CSV_ROWS, tokenizerMs) / rate(CSV_ROWS, papaMs), 2),
      },
      {
        work: 'importFile: OFX 1.x → transactions',
        'rows/s': fmt(rate(OFX_TRANSACTIONS, ofxMs), 0),
        ms: fmt(ofxMs, 0),
        'peak heap MB': fmt(ofxMb),
        'ours/papaparse': '—',
      },
    ]),
  );
  console.log(
    'ours/papaparse = our rows/s divided by papaparse rows/s on the same CSV text (higher is better).',
  );

  // The whole path of issue 12.8: `ledgerbridge import` of a big file, heap capped at 450 MB.
  const mb = process.env.LEDGERBRIDGE_BIG_CSV === '1' ? 200 : 20;
  const big = await bigImport(mb);
  const peak =
    big.peakMb === undefined
      ? 'peak RSS not measured (no /usr/bin/time)'
      : `peak RSS ${fmt(big.peakMb, 0)} MB`;
  console.log(
    `ledgerbridge import of a ${mb} MB bank CSV (${big.rows.toLocaleString('en-US')} rows), --max-old-space-size=450: ${big.ok ? 'ok' : 'FAILED'}, ${fmt(big.ms / 1000)} s, ${fmt(rate(big.rows, big.ms), 0)} rows/s, ${peak}` +
      (mb === 200 ? '' : ' (LEDGERBRIDGE_BIG_CSV=1 for the 200 MB file)'),
  );
  const ratio = rate(CSV_ROWS, oursMs) / rate(CSV_ROWS, papaMs);
  return [
    {
      work: `import a ${CSV_ROWS / 1000}k-row bank CSV to transactions`,
      now: `${fmt(rate(CSV_ROWS, oursMs) / 1000, 0)}k rows/s, ${fmt(oursMb, 0)} MB heap`,
      baseline: `papaparse alone, CSV → row objects: ${fmt(rate(CSV_ROWS, papaMs) / 1000, 0)}k rows/s`,
      ratio,
      aim: '≥ 0.5×',
      met: ratio >= 0.5,
    },
    ...(big.peakMb === undefined
      ? []
      : [
          {
            work: `import a ${mb} MB bank CSV, heap capped at 450 MB`,
            now: `peak RSS ${fmt(big.peakMb, 0)} MB, ${fmt(rate(big.rows, big.ms) / 1000, 0)}k rows/s${big.ok ? '' : ', FAILED'}`,
            baseline: 'the 500 MB limit of issue 12',
            ratio: big.peakMb / 500,
            aim: '≤ 1× (under 500 MB)',
            met: big.ok && big.peakMb < 500,
          },
        ]),
  ];
}
