import { createWriteStream } from 'node:fs';

const PAYEES = [
  'SQ *BLUE DOOR CAFE, OAKLAND CA',
  'ADP PAYROLL',
  'AMAZON MKTPLACE PMTS',
  'PG&E "WEB" PAYMENT',
  'STRIPE TRANSFER',
];
const money = (c: number) =>
  `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100).toLocaleString('en-US')}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

/** Writes a US-style bank CSV of about `mb` megabytes (quoted text, grouped amounts, balances); returns its rows. */
export async function writeBigBankCsv(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('Date,Description,Amount,Balance,Status\n');
  let bytes = 0;
  let rows = 0;
  let balance = 5_000_000;
  let batch: string[] = [];
  const flush = () =>
    new Promise<void>((resolve) => {
      if (out.write(batch.join(''))) resolve();
      else out.once('drain', resolve);
      batch = [];
    });
  while (bytes < mb * 1024 * 1024) {
    const cents = ((rows * 7919) % 250_000) - 125_000;
    balance += cents;
    const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(rows / 1000))).toISOString().slice(0, 10);
    const line = `${day},"${PAYEES[rows % 5]!.replace(/"/g, '""')} #${rows}","${money(cents)}","${money(balance)}",Posted\n`;
    bytes += line.length;
    batch.push(line);
    rows++;
    if (batch.length === 10_000) await flush();
  }
  await flush();
  await new Promise<void>((resolve) => out.end(resolve));
  return rows;
}
