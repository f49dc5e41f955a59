import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';
import { loadDocument } from './fixturePages';

const AS_OF = '2026-11-20';

function capture(body: string, url = 'https://bank.example.com/activity', lang = 'en') {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><title>Activity</title></head><body>${body}</body></html>`;
  return capturePage(loadDocument(html), { url, asOf: AS_OF, capturedAt: '2026-11-23T12:00:00.000Z' });
}

const rows = (body: string, url?: string, lang?: string) =>
  capture(body, url, lang).transactions.map((t) => ({
    date: t.date,
    minor: t.amount.minor,
    currency: t.amount.currency,
    status: t.status,
  }));

describe('card pages: CR and DR markers', () => {
  it('keeps a "CR" line positive when charges shown positive are flipped', () => {
    const body = `
      <h1>Credit card activity</h1><p>Statement balance $1,200.00 · Minimum payment due $35.00</p>
      <table>
        <thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
        <tbody>
          <tr><td>11/18/2026</td><td>COFFEE ROASTERS</td><td>$12.50</td></tr>
          <tr><td>11/17/2026</td><td>HARDWARE STORE</td><td>$86.14</td></tr>
          <tr><td>11/16/2026</td><td>MERCHANT RETURN</td><td>$24.99 CR</td></tr>
          <tr><td>11/15/2026</td><td>PAYMENT THANK YOU</td><td>-$500.00</td></tr>
        </tbody>
      </table>`;
    expect(rows(body).map((r) => r.minor)).toEqual([-1250, -8614, 2499, 50000]);
  });
});

describe('tables whose header row is made of td cells', () => {
  const table = (head: string) => `
    <h1>Account History</h1>
    <table>
      ${head}
      <tr><td><font>11/19/2026</font></td><td>POS PURCHASE GROCER</td><td>$214.37</td><td>&nbsp;</td><td>$3,112.08</td></tr>
      <tr><td><font>11/18/2026</font></td><td>ACH DEPOSIT PAYROLL</td><td>&nbsp;</td><td>$2,450.00</td><td>$3,326.45</td></tr>
      <tr><td><font>11/17/2026</font></td><td>ATM CASH</td><td>$100.00</td><td>&nbsp;</td><td>$876.45</td></tr>
      <tr><td><font>11/16/2026</font></td><td>DIVIDEND</td><td>&nbsp;</td><td>$0.42</td><td>$976.45</td></tr>
      <tr><td>11/01/2026</td><td><b>BEGINNING BALANCE</b></td><td>&nbsp;</td><td>&nbsp;</td><td><b>$976.03</b></td></tr>
    </table>`;

  it('reads a first row of short labels in <td><font><b> as the header and signs Withdrawal/Deposit', () => {
    const head = `<tr>
      <td><font><b><a href="?sort=date"><font>Date</font></a></b></font></td>
      <td><font><b>Description</b></font></td>
      <td><font><b>Withdrawal</b></font></td>
      <td><font><b>Deposit</b></font></td>
      <td><font><b>Balance</b></font></td></tr>`;
    expect(rows(table(head)).map((r) => r.minor)).toEqual([-21437, 245000, -10000, 42]);
  });

  it('takes Paid out / Paid in and Soll / Haben label rows as debit and credit', () => {
    for (const [out, into] of [
      ['Paid out', 'Paid in'],
      ['Soll', 'Haben'],
      ['Debit', 'Credit'],
    ] as const) {
      const head = `<tr><td>Date</td><td>Details</td><td>${out}</td><td>${into}</td><td>Balance</td></tr>`;
      expect(rows(table(head)).map((r) => r.minor)).toEqual([-21437, 245000, -10000, 42]);
    }
  });

  it('without any header, two money columns never filled on one row are money out and in', () => {
    expect(rows(table('')).map((r) => r.minor)).toEqual([-21437, 245000, -10000, 42]);
  });

  it('does not take a first data row as a header', () => {
    const t = capture(table(''));
    expect(t.diagnostics.groups[0]!.rows).toBe(5);
  });
});

describe('pending sub-heading rows and footer balances', () => {
  const table = (pendingTitle: string, postedTitle: string, foot: string) => `
    <table>
      <thead><tr><th>Date</th><th>Description</th><th>Debit</th><th>Credit</th></tr></thead>
      <tbody>
        <tr><th colspan="4" scope="rowgroup">${pendingTitle}</th></tr>
        <tr><td>11/20/2026</td><td>GROCER</td><td>$43.87</td><td></td></tr>
        <tr><td>11/19/2026</td><td>PHONE CO</td><td>$39.95</td><td></td></tr>
      </tbody>
      <tbody>
        <tr><td colspan="4">${postedTitle}</td></tr>
        <tr><td>11/18/2026</td><td>CLIENT PAYMENT</td><td></td><td>$1,000.00</td></tr>
        <tr><td>11/17/2026</td><td>RENT</td><td>$900.00</td><td></td></tr>
      </tbody>
      <tfoot>${foot}</tfoot>
    </table>`;

  for (const [pendingTitle, postedTitle] of [
    ['Pending transactions', 'Posted transactions'],
    ['Vorgemerkte Umsätze – noch nicht gebucht', 'Gebuchte Umsätze'],
    ['Opérations en attente', 'Opérations comptabilisées'],
    ['Movimientos pendientes', 'Movimientos'],
    ['Not yet posted', 'Posted'],
    ['Authorizations', 'Transactions'],
  ] as const) {
    it(`marks rows under "${pendingTitle}" pending and rows under "${postedTitle}" posted`, () => {
      expect(rows(table(pendingTitle, postedTitle, '')).map((r) => r.status)).toEqual([
        'pending',
        'pending',
        'posted',
        'posted',
      ]);
    });
  }

  it('does not read opening and closing balance lines in the footer as transactions', () => {
    const foot = `
      <tr><td colspan="2">Alter Kontostand per 09.11.2026</td><td></td><td>$1,337.81</td></tr>
      <tr><td colspan="2">Neuer Kontostand per 20.11.2026</td><td></td><td>$11,954.33</td></tr>`;
    expect(rows(table('Pending', 'Posted', foot)).map((r) => r.minor)).toEqual([
      -4387, -3995, 100000, -90000,
    ]);
  });

  it('does not read balance lines as transactions wherever they sit', () => {
    const body = `
      <table>
        <thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
        <tbody>
          <tr><td>11/20/2026</td><td>Closing balance</td><td>$2,000.00</td></tr>
          <tr><td>11/19/2026</td><td>RENT</td><td>-$900.00</td></tr>
          <tr><td>11/01/2026</td><td>Opening balance</td><td>$2,900.00</td></tr>
          <tr><td>11/01/2026</td><td>Alter Kontostand</td><td>$2,900.00</td></tr>
          <tr><td>11/01/2026</td><td>Previous statement balance</td><td>$2,900.00</td></tr>
          <tr><td>11/01/2026</td><td>Balance as of 11/01/2026</td><td>$2,900.00</td></tr>
          <tr><td>11/01/2026</td><td>Solde au 01/11/2026</td><td>$2,900.00</td></tr>
        </tbody>
      </table>`;
    expect(rows(body).map((r) => r.minor)).toEqual([-90000]);
  });

  it('does not take an indented memo line as a section title', () => {
    const body = `
      <table>
        <thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
        <tbody>
          <tr><td>11/20/2026</td><td>ACH DEBIT UTILITY</td><td>-$90.00</td></tr>
          <tr><td>&nbsp;</td><td colspan="2">Memo: recurring payment pending review</td></tr>
          <tr><td>11/19/2026</td><td>RENT</td><td>-$900.00</td></tr>
        </tbody>
      </table>`;
    expect(rows(body).map((r) => r.status)).toEqual(['posted', 'posted']);
  });
});

describe('payout lists on processors no profile knows', () => {
  const payoutRows = (idCell: (id: string) => string) => `
    <tr><td>$2,140.55 USD</td><td>In transit</td><td>FIRST BANK ••6789</td>${idCell('po_1QkT8aH2eZvKYlo2C7sR4mNe')}<td>Nov 19</td></tr>
    <tr><td>$1,812.40 USD</td><td>Paid</td><td>FIRST BANK ••6789</td>${idCell('po_1Qj9ZcH2eZvKYlo2mB3nT7yQ')}<td>Nov 18</td></tr>
    <tr><td>-$50.00 USD</td><td>Paid</td><td>FIRST BANK ••6789</td>${idCell('po_1Qj2VdH2eZvKYlo2Yk8cR1xD')}<td>Nov 17</td></tr>`;
  const table = (head: string, idCell: (id: string) => string, title = '') => `
    ${title}
    <table><thead><tr>${head}</tr></thead><tbody>${payoutRows(idCell)}</tbody></table>`;
  const plainHead = '<th>Amount</th><th>Status</th><th>Bank</th><th>Reference</th><th>Date</th>';
  const idCell = (id: string) => `<td>${id}</td>`;
  const refCell = (id: string) => `<td>${id.slice(3, 11).toUpperCase()}</td>`;
  const payoutsOut = [-214055, -181240, 5000];

  it('reads payouts shown positive as money leaving the balance when the address says payouts', () => {
    const t = capture(table(plainHead, refCell), 'https://dashboard.tillpay.example/acct_1/payouts');
    expect(t.transactions.map((r) => r.amount.minor)).toEqual(payoutsOut);
    expect(t.transactions.map((r) => r.kind)).toEqual(['payout', 'payout', 'payout']);
    expect(t.transactions[0]!.status).toBe('pending');
  });

  it('…when the list is titled Payouts', () => {
    const minors = rows(table(plainHead, refCell, '<h1>Payouts</h1>'), 'https://dash.example/home').map(
      (r) => r.minor,
    );
    expect(minors).toEqual(payoutsOut);
  });

  it('…when a column names the payout or its arrival date', () => {
    const head = '<th>Amount</th><th>Status</th><th>Destination</th><th>Reference</th><th>Arrival date</th>';
    expect(rows(table(head, refCell), 'https://dash.example/x').map((r) => r.minor)).toEqual(payoutsOut);
  });

  it('…when its rows are po_ payouts, and describes each by its id', () => {
    const t = capture(table(plainHead, idCell), 'https://dash.example/x');
    expect(t.transactions.map((r) => r.amount.minor)).toEqual(payoutsOut);
    expect(t.transactions[0]!.description).toBe('Payout po_1QkT8aH2eZvKYlo2C7sR4mNe');
  });

  it('leaves a bank page whose deposits quote payout ids as shown', () => {
    const body = `
      <h1>Checking activity</h1>
      <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
        <tr><td>11/19/2026</td><td>STRIPE TRANSFER po_1QkT8aH2eZvKYlo2C7sR4mNe</td><td>$2,140.55</td></tr>
        <tr><td>11/18/2026</td><td>STRIPE TRANSFER po_1Qj9ZcH2eZvKYlo2mB3nT7yQ</td><td>$1,812.40</td></tr>
        <tr><td>11/17/2026</td><td>RENT</td><td>-$900.00</td></tr>
      </tbody></table>`;
    expect(rows(body).map((r) => r.minor)).toEqual([214055, 181240, -90000]);
  });

  it("leaves a payout's own lines (charges, fees) as shown", () => {
    const body = `
      <h1>Payouts</h1><h2>Payout po_1QkT8aH2eZvKYlo2C7sR4mNe</h2>
      <table><thead><tr><th>Date</th><th>Order</th><th>Type</th><th>Amount</th><th>Fee</th><th>Net</th></tr></thead><tbody>
        <tr><td>11/19/2026</td><td>#1001</td><td>Charge</td><td>$45.00</td><td>$1.61</td><td>$43.39</td></tr>
        <tr><td>11/18/2026</td><td>#1000</td><td>Refund</td><td>-$20.00</td><td>$0.00</td><td>-$20.00</td></tr>
        <tr><td>11/18/2026</td><td>#0999</td><td>Charge</td><td>$130.00</td><td>$4.07</td><td>$125.93</td></tr>
      </tbody></table>`;
    for (const url of [
      'https://shop.example/payouts/po_1QkT8aH2eZvKYlo2C7sR4mNe',
      'https://shop.example/payouts/transactions',
    ]) {
      expect(rows(body, url).map((r) => r.minor)).toEqual([4339, -2000, 12593]);
    }
  });

  it('leaves a list of payouts already shown negative as shown', () => {
    const neg = table(plainHead, refCell)
      .replace(/\$2,140\.55/, '-$2,140.55')
      .replace(/\$1,812\.40/, '-$1,812.40');
    const minors = rows(neg, 'https://dash.example/payouts').map((r) => r.minor);
    expect(minors).toEqual([-214055, -181240, -5000]);
  });
});

describe('summary tiles', () => {
  const tiles = `
    <section class="tiles">
      <div class="card tile"><h3>Operating Checking ••4821</h3><p class="big">$50,397.78</p><p class="small">Available balance</p></div>
      <div class="card tile"><h3>Last deposit</h3><p class="big">$3,187.45</p><p class="small">11/20/2026 · ACH CREDIT</p></div>
      <div class="card tile"><h3>Credit Line ••3302</h3><p class="big">$0.00</p><p class="small">of $50,000.00 available</p></div>
      <div class="card tile"><h3>Savings ••0917</h3><p class="big">$120,005.12</p><p class="small">APY 3.40%</p></div>
    </section>`;

  it('does not take the date inside one tile as a date heading over the tiles after it', () => {
    const body = `${tiles}
      <h2>Recent transactions</h2>
      <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
        <tr><td>11/20/2026</td><td>ACH CREDIT</td><td>$3,187.45</td></tr>
        <tr><td>11/19/2026</td><td>CHECK 2231</td><td>-$2,750.00</td></tr>
      </tbody></table>`;
    expect(rows(body).map((r) => r.minor)).toEqual([318745, -275000]);
  });

  it('still reads cards under day headings', () => {
    const body = `
      <div class="feed">
        <div class="day">Nov 19, 2026</div>
        <div class="txn"><span class="name">Coffee</span><span class="amt">-$4.50</span></div>
        <div class="txn"><span class="name">Lunch</span><span class="amt">-$12.00</span></div>
        <div class="day">Nov 18, 2026</div>
        <div class="txn"><span class="name">Refund</span><span class="amt">$8.00</span></div>
      </div>`;
    expect(rows(body)).toEqual([
      { date: '2026-11-19', minor: -450, currency: 'USD', status: 'posted' },
      { date: '2026-11-19', minor: -1200, currency: 'USD', status: 'posted' },
      { date: '2026-11-18', minor: 800, currency: 'USD', status: 'posted' },
    ]);
  });
});

describe('credit and debit markers after the figure', () => {
  const page = (amounts: string[]) => `
    <h1>Umsätze</h1>
    <table><thead><tr><th>Datum</th><th>Text</th><th>Betrag</th></tr></thead><tbody>
      ${amounts.map((a, i) => `<tr><td>${18 - i}.11.2026</td><td>Zeile ${i}</td><td>${a}</td></tr>`).join('')}
    </tbody></table>`;

  it('reads S/H (Soll/Haben) like DR/CR', () => {
    expect(rows(page(['43,87 S', '1.000,00 H', '12,00 S']), undefined, 'de').map((r) => r.minor)).toEqual([
      -4387, 100000, -1200,
    ]);
    expect(
      rows(page(['43,87 Soll', '1.000,00 Haben', '12,00 Soll']), undefined, 'de').map((r) => r.minor),
    ).toEqual([-4387, 100000, -1200]);
  });
});

describe('a title row above the header row', () => {
  it('skips a spanning title row and reads the labels under it', () => {
    for (const cell of ['td', 'th']) {
      const body = `
        <table>
          <tr><${cell} colspan="4"><b>Account History</b></${cell}></tr>
          <tr><${cell}>Date</${cell}><${cell}>Description</${cell}><${cell}>Withdrawals</${cell}><${cell}>Deposits</${cell}></tr>
          <tr><td>11/19/2026</td><td>GROCER</td><td>$214.37</td><td></td></tr>
          <tr><td>11/18/2026</td><td>PAYROLL</td><td></td><td>$2,450.00</td></tr>
          <tr><td>11/17/2026</td><td>ATM</td><td>$100.00</td><td></td></tr>
        </table>`;
      const t = capture(body);
      expect(t.transactions.map((r) => r.amount.minor)).toEqual([-21437, 245000, -10000]);
      expect(t.diagnostics.groups[0]!.mapping).toMatchObject({ debit: 'Withdrawals', credit: 'Deposits' });
    }
  });
});

describe('section rows without a colspan', () => {
  it('takes a lone cell among rows of several cells as a section title, in tables and grids', () => {
    const table = `
      <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
        <tr><td>Pending</td></tr>
        <tr><td>11/20/2026</td><td>GROCER</td><td>-$43.87</td></tr>
        <tr><td>Posted</td></tr>
        <tr><td>11/18/2026</td><td>RENT</td><td>-$900.00</td></tr>
        <tr><td>11/17/2026</td><td>PAYROLL</td><td>$2,000.00</td></tr>
      </tbody></table>`;
    const grid = `
      <div role="grid">
        <div role="row"><span role="columnheader">Date</span><span role="columnheader">Description</span><span role="columnheader">Amount</span></div>
        <div role="row"><span role="gridcell" aria-colspan="3">Pending</span></div>
        <div role="row"><span role="gridcell">11/20/2026</span><span role="gridcell">GROCER</span><span role="gridcell">-$43.87</span></div>
        <div role="row"><span role="gridcell" aria-colspan="3">Posted</span></div>
        <div role="row"><span role="gridcell">11/18/2026</span><span role="gridcell">RENT</span><span role="gridcell">-$900.00</span></div>
        <div role="row"><span role="gridcell">11/17/2026</span><span role="gridcell">PAYROLL</span><span role="gridcell">$2,000.00</span></div>
      </div>`;
    for (const body of [table, grid]) {
      expect(rows(body).map((r) => r.status)).toEqual(['pending', 'posted', 'posted']);
    }
  });

  it('does not take a detail line under a row as a section title', () => {
    const body = `
      <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
        <tr><td>11/20/2026</td><td>ACH DEBIT UTILITY</td><td>-$90.00</td></tr>
        <tr><td colspan="3">Memo: recurring payment, pending review</td></tr>
        <tr><td>11/19/2026</td><td>RENT</td><td>-$900.00</td></tr>
        <tr><td>Scheduled transfer ID 9450872301</td></tr>
        <tr><td>11/18/2026</td><td>PAYROLL</td><td>$2,000.00</td></tr>
      </tbody></table>`;
    expect(rows(body).map((r) => r.status)).toEqual(['posted', 'posted', 'posted']);
  });
});

describe('pending blocks marked by class only', () => {
  it('reads rows in a block classed pending as pending', () => {
    const table = `
      <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
        <tbody class="txns pending"><tr><td>11/20/2026</td><td>GROCER</td><td>-$43.87</td></tr></tbody>
        <tbody class="txns posted">
          <tr><td>11/18/2026</td><td>RENT</td><td>-$900.00</td></tr>
          <tr><td>11/17/2026</td><td>PAYROLL</td><td>$2,000.00</td></tr>
        </tbody></table>`;
    const cards = `
      <div class="feed">
        <div class="group group--pending"><div class="txn"><span class="d">Nov 20, 2026</span><span class="n">Grocer</span><span class="a">-$43.87</span></div></div>
        <div class="group group--posted">
          <div class="txn"><span class="d">Nov 18, 2026</span><span class="n">Rent</span><span class="a">-$900.00</span></div>
          <div class="txn"><span class="d">Nov 17, 2026</span><span class="n">Payroll</span><span class="a">$2,000.00</span></div>
        </div>
      </div>`;
    for (const body of [table, cards]) {
      expect(rows(body).map((r) => r.status)).toEqual(['pending', 'posted', 'posted']);
    }
  });

  it('does not read every row as pending when the page itself carries a pending class', () => {
    const body = `<div class="app has-pending-alerts"><table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
      <tr><td>11/18/2026</td><td>RENT</td><td>-$900.00</td></tr>
      <tr><td>11/17/2026</td><td>PAYROLL</td><td>$2,000.00</td></tr></tbody></table></div>`;
    expect(rows(body).map((r) => r.status)).toEqual(['posted', 'posted']);
  });
});

describe('a credit/debit indicator column', () => {
  const page = (head: string, marks: string[], card = '') => `
    <h1>Activity</h1>${card}
    <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>${head}</th></tr></thead><tbody>
      ${marks.map((m, i) => `<tr><td>11/${18 - i}/2026</td><td>LINE ${i}</td><td>$${100 + i}.00</td><td>${m}</td></tr>`).join('')}
    </tbody></table>`;

  it('signs unsigned amounts from a DR/CR, D/C or Debit/Credit column', () => {
    for (const [head, debit, credit] of [
      ['Dr/Cr', 'DR', 'CR'],
      ['', 'D', 'C'],
      ['Type', 'Debit', 'Credit'],
    ] as const) {
      expect(rows(page(head, [debit, credit, debit])).map((r) => r.minor)).toEqual([-10000, 10100, -10200]);
    }
  });

  it('keeps those signs on a card page', () => {
    const card = '<p>Statement balance $1,200.00 · Minimum payment due $35.00</p>';
    expect(rows(page('Dr/Cr', ['DR', 'CR', 'DR'], card)).map((r) => r.minor)).toEqual([
      -10000, 10100, -10200,
    ]);
  });
});
