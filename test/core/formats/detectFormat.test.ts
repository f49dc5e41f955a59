import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../core/formats/detectFormat';
import { importFile } from '../../../core/formats/importFile';
import { describeProblem } from '../../../core/model/problem';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const refusal = (name: string, text: string) => {
  const r = importFile({ name, bytes: bytes(text) });
  return r.ok ? 'imported' : r.problems.map(describeProblem).join('\n');
};

describe('detectFormat', () => {
  it.each([
    ['statement.txt', 'OFXHEADER:100\nDATA:OFXSGML\n\n<OFX></OFX>', 'ofx'],
    ['download.csv', '<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX></OFX>', 'ofx'],
    [
      'x',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>',
      'camt053',
    ],
    ['x', '!Type:Bank\nD1/2/26\nT-1\n^\n', 'qif'],
    ['report.csv', 'balance_transaction_id,created_utc,currency,gross,fee,net\n', 'stripe'],
    [
      'Download.CSV',
      '"Date","Time","Name","Status","Currency","Gross","Fee","Net","Transaction ID"\n',
      'paypal',
    ],
    ['tx.csv', 'Date,Time,Total Collected,Fees,Net Total,Transaction ID,Payment ID\n', 'square-transactions'],
    ['tr.csv', 'Transfer Date,Transfer ID,Status,Net Total\n', 'square-transfers'],
    ['bank.csv', 'Date,Description,Amount\n2026-01-02,x,1.00\n', 'bank-csv'],
  ])('reads %s as its content says', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  it('refuses what fits no format, and a misnamed file with the reason of the format it claims', () => {
    expect(refusal('notes.txt', 'just some words')).toBe(
      'notes.txt, line 1: not a format Ledgerbridge reads (OFX/QFX, QIF, CAMT.053, bank CSV, Stripe, PayPal or Square export)',
    );
    expect(refusal('bank.ofx', 'Date,Amount\n2026-01-02,1.00\n')).toBe(
      'bank.ofx: no <OFX> element: this is not an OFX file',
    );
    expect(refusal('x.xml', '<?xml version="1.0"?><Invoice/>')).toBe(
      'x.xml, line 1: no <Document> with <BkToCstmrStmt>, <BkToCstmrAcctRpt> or <BkToCstmrDbtCdtNtfctn>: this is not a CAMT.053, .052 or .054 bank file',
    );
    expect(refusal('empty.csv', '  \n')).toBe('empty.csv: the file is empty');
  });

  it('names the line of malformed XML and of a tag that never ends', () => {
    expect(refusal('s.xml', '<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n</Document>')).toBe(
      's.xml, line 4, element <Document>: end tag </Document> does not match <BkToCstmrStmt>',
    );
    expect(refusal('t.ofx', '<OFX>\n<STMTTRN>\n<TRNAMT')).toContain(
      't.ofx, line 3, element <STMTTRN>: the file ends on line 3 inside <STMTTRN> (opened on line 2): the tag "<TRNAMT" is never closed',
    );
  });
});
