/**
 * Generators of bank, processor and page files in every format the command line reads, each
 * built from plain rows so a test can put one bad value (a date, an amount, a currency) into
 * the same slot of every format.
 */
export type Row = { date: string; description: string; amount: string; currency?: string };

export const GOOD_ROWS: Row[] = [
  { date: '2026-03-02', description: 'Blue Door Cafe', amount: '-5.91' },
  { date: '2026-03-03', description: 'Customer payment INV-7', amount: '1224.03' },
  { date: '2026-03-05', description: 'Office supplies', amount: '-48.20' },
];

const mdy = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
};
const compact = (iso: string) => iso.replaceAll('-', '');

export function csv(rows: Row[], opts: { currencyColumn?: boolean } = {}): string {
  const head = opts.currencyColumn ? 'Date,Description,Amount,Currency' : 'Date,Description,Amount';
  const lines = rows.map((r) =>
    [r.date, `"${r.description}"`, r.amount, ...(opts.currencyColumn ? [r.currency ?? 'USD'] : [])].join(','),
  );
  return `${head}\n${lines.join('\n')}\n`;
}

export function qif(rows: Row[], dateOf: (iso: string) => string = mdy): string {
  const body = rows.map((r) => `D${dateOf(r.date)}\nT${r.amount}\nP${r.description}\n^`).join('\n');
  return `!Type:Bank\n${body}\n`;
}

export function ofx(rows: Row[], currency = 'USD', dateOf: (iso: string) => string = compact): string {
  const trns = rows
    .map(
      (r, i) => `<STMTTRN>
<TRNTYPE>${r.amount.startsWith('-') ? 'DEBIT' : 'CREDIT'}
<DTPOSTED>${dateOf(r.date)}
<TRNAMT>${r.amount}
<FITID>F${i + 1}
<NAME>${r.description}
</STMTTRN>`,
    )
    .join('\n');
  return `OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1>
<SONRS>
<STATUS>
<CODE>0
<SEVERITY>INFO
</STATUS>
<DTSERVER>20260401083000
<LANGUAGE>ENG
</SONRS>
</SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS>
<TRNUID>1
<STATUS>
<CODE>0
<SEVERITY>INFO
</STATUS>
<STMTRS>
<CURDEF>${currency}
<BANKACCTFROM>
<BANKID>071000013
<ACCTID>000123454417
<ACCTTYPE>CHECKING
</BANKACCTFROM>
<BANKTRANLIST>
<DTSTART>20260301
<DTEND>20260331
${trns}
</BANKTRANLIST>
<LEDGERBAL>
<BALAMT>1000.00
<DTASOF>20260331
</LEDGERBAL>
</STMTRS>
</STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
`;
}

export type CamtKind = '052' | '053' | '054';

export function camt(
  kind: CamtKind,
  rows: Row[],
  opts: { currency?: string; omitCdtDbtInd?: boolean } = {},
): string {
  const [root, block] =
    kind === '052'
      ? ['BkToCstmrAcctRpt', 'Rpt']
      : kind === '053'
        ? ['BkToCstmrStmt', 'Stmt']
        : ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'];
  const ccy = opts.currency ?? 'EUR';
  const ntries = rows
    .map((r, i) => {
      const negative = r.amount.startsWith('-');
      const amount = negative ? r.amount.slice(1) : r.amount;
      const ind = opts.omitCdtDbtInd ? '' : `<CdtDbtInd>${negative ? 'DBIT' : 'CRDT'}</CdtDbtInd>`;
      return `<Ntry>
<Amt Ccy="${r.currency ?? ccy}">${amount}</Amt>
${ind}
<Sts>BOOK</Sts>
<BookgDt><Dt>${r.date}</Dt></BookgDt>
<ValDt><Dt>${r.date}</Dt></ValDt>
<AcctSvcrRef>REF-${i + 1}</AcctSvcrRef>
<NtryDtls><TxDtls><RmtInf><Ustrd>${r.description}</Ustrd></RmtInf></TxDtls></NtryDtls>
</Ntry>`;
    })
    .join('\n');
  const balances =
    kind === '053'
      ? `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.02">
<${root}>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-04-01T08:00:00</CreDtTm></GrpHdr>
<${block}>
<Id>S1</Id>
<CreDtTm>2026-04-01T08:00:00</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>${ccy}</Ccy></Acct>
${balances}
${ntries}
</${block}>
</${root}>
</Document>
`;
}

/** A transaction list as `ledgerbridge import` prints it (and `reconcile` reads back). */
export function jsonList(rows: Row[]): string {
  return JSON.stringify(
    rows.map((r, i) => ({
      schemaVersion: 1,
      id: `hostile-${i + 1}`,
      institution: 'generic',
      account: 'Checking ••4417',
      date: r.date,
      description: r.description,
      payee: r.description,
      tags: [],
      amount: r.amount,
      currency: r.currency ?? 'USD',
      status: 'posted',
      kind: 'unknown',
      origin: { file: 'x.csv', row: i + 2, capturedAt: '2026-04-01T08:00:00.000Z' },
    })),
    null,
    2,
  );
}

/** An exported Batch (the extension's envelope) around the same rows. */
export function jsonBatch(rows: Row[]): string {
  return JSON.stringify({
    schemaVersion: 1,
    batchId: 'hostile-batch',
    source: { capturedAt: '2026-04-01T08:00:00.000Z', url: 'https://bank.example/activity' },
    transactions: JSON.parse(jsonList(rows)),
  });
}

/** A saved activity page with the rows in a plain table. */
export function page(rows: Row[], pageDate: (iso: string) => string = mdy): string {
  const trs = rows
    .map(
      (r) =>
        `<tr><td>${pageDate(r.date)}</td><td>${r.description}</td><td class="amount">${r.amount}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Account activity</title></head>
<body><main><h2>Checking (...4417)</h2>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
<tbody>
${trs}
</tbody></table></main></body></html>
`;
}
