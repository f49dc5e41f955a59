import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../cli/parseSavedPage';
import { capturePage } from '../../../core/capture/capturePage';
import { toTransactionJson } from '../../../core/model/transactionJson';

/** Mechanisms found by the fourth generality set (test/fixtures/portals-generality4), one case each. */
const AS_OF = '2026-11-23';

function capture(html: string, url = 'https://bank.example/activity') {
  return capturePage(parseSavedPage(html), { url, asOf: AS_OF, capturedAt: '2026-11-23T12:00:00.000Z' });
}

const lines = (html: string, url?: string) =>
  capture(html, url).transactions.map((t) => {
    const j = toTransactionJson(t);
    return `${j.date} ${j.amount} ${j.currency}${j.status === 'pending' ? ' pending' : ''}`;
  });

const table = (rows: string, head = '<tr><th>Date</th><th>Description</th><th>Amount</th></tr>') =>
  `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;

describe('digits of other scripts', () => {
  it('full-width (Japanese) and Bengali digits read as the figures and dates they are', () => {
    const ja = `<html lang="ja"><body>${table(
      '<tr><td>２０２６年１１月２０日</td><td>振込</td><td>５，０００円</td></tr><tr><td>２０２６年１１月１８日</td><td>ＡＴＭ</td><td>－３０，０００円</td></tr>',
    )}</body></html>`;
    expect(lines(ja)).toEqual(['2026-11-20 5000 JPY', '2026-11-18 -30000 JPY']);
    const bn = `<html lang="bn"><body>${table(
      '<tr><td>২১/১১/২০২৬</td><td>Send Money</td><td>-৳ ১,৫০০.০০</td></tr><tr><td>১৯/১১/২০২৬</td><td>Cash In</td><td>+৳ ৫,০০০.০০</td></tr>',
    )}</body></html>`;
    expect(lines(bn)).toEqual(['2026-11-21 -1500.00 BDT', '2026-11-19 5000.00 BDT']);
  });
});

describe('dates as more languages write them', () => {
  it('spaced and dotted numeric dates (Czech, Hungarian) and Romanian months', () => {
    const cs = `<html lang="cs"><body>${table('<tr><td>22. 11. 2026</td><td>ALBERT</td><td>−1 248,50 Kč</td></tr><tr><td>20. 11. 2026</td><td>NOVÁK</td><td>+2 500,00 Kč</td></tr>')}</body></html>`;
    expect(lines(cs)).toEqual(['2026-11-22 -1248.50 CZK', '2026-11-20 2500.00 CZK']);
    const hu = `<html lang="hu"><body>${table('<tr><td>2026.11.21.</td><td>SPAR</td><td>-8 745 Ft</td></tr><tr><td>2026.11.19.</td><td>Jóváírás</td><td>25 000 Ft</td></tr>')}</body></html>`;
    expect(lines(hu)).toEqual(['2026-11-21 -8745.00 HUF', '2026-11-19 25000.00 HUF']);
    const ro = `<html lang="ro"><body>${table('<tr><td>21 noi. 2026</td><td>KAUFLAND</td><td>-245,90 lei</td></tr><tr><td>30 oct. 2026</td><td>Comision</td><td>-5,00 lei</td></tr>')}</body></html>`;
    expect(lines(ro)).toEqual(['2026-11-21 -245.90 RON', '2026-10-30 -5.00 RON']);
  });

  it('today and yesterday in Dutch, Italian and Portuguese', () => {
    const feed = (lang: string, today: string, yesterday: string) =>
      `<html lang="${lang}"><body><h3>${today}</h3><ul><li><span>Winkel</span><span>- € 23,45</span></li></ul><h3>${yesterday}</h3><ul><li><span>Van Sanne</span><span>+ € 15,00</span></li></ul></body></html>`;
    for (const [lang, today, yesterday] of [
      ['nl', 'Vandaag', 'Gisteren'],
      ['it', 'Oggi', 'Ieri'],
      ['pt', 'Hoje', 'Ontem'],
    ])
      expect(lines(feed(lang!, today!, yesterday!))).toEqual([
        '2026-11-23 -23.45 EUR',
        '2026-11-22 15.00 EUR',
      ]);
  });
});

describe('currencies written after the figure', () => {
  it('hryvnias, Egyptian pounds and krónur (the page language says which kr)', () => {
    const uk = `<html lang="uk"><body>${table('<tr><td>22.11.2026</td><td>Сільпо</td><td>−842,15 грн</td></tr><tr><td>20.11.2026</td><td>Переказ</td><td>+1 500,00 грн</td></tr>')}</body></html>`;
    expect(lines(uk)).toEqual(['2026-11-22 -842.15 UAH', '2026-11-20 1500.00 UAH']);
    const ar = `<html lang="ar" dir="rtl"><body>${table('<tr><td>20/11/2026</td><td>سحب</td><td>-2,000.00 ج.م</td></tr><tr><td>18/11/2026</td><td>تحويل</td><td>5,500.00 ج.م</td></tr>')}</body></html>`;
    expect(lines(ar)).toEqual(['2026-11-20 -2000.00 EGP', '2026-11-18 5500.00 EGP']);
    const is = `<html lang="is"><body>${table('<tr><td>21.11.2026</td><td>BÓNUS</td><td>-4.590 kr.</td></tr><tr><td>18.11.2026</td><td>Millifærsla</td><td>15.000 kr.</td></tr>')}</body></html>`;
    expect(lines(is)).toEqual(['2026-11-21 -4590 ISK', '2026-11-18 15000 ISK']);
  });

  it('a currency labelled among other facts on one line', () => {
    const html = `<html lang="en"><body><p>Merchant account: Harbor · Batch 212 · Currency EUR</p>${table('<tr><td>2026-11-20</td><td>Settled</td><td>118.32</td></tr><tr><td>2026-11-21</td><td>Refunded</td><td>-30.00</td></tr>')}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-20 118.32 EUR', '2026-11-21 -30.00 EUR']);
  });
});

describe('statuses and lines that are not transactions', () => {
  it('pending in Czech and Italian words', () => {
    const cs = `<html lang="cs"><body>${table('<tr><td>22.11.2026</td><td>ALBERT <span>Čeká na zaúčtování</span></td><td>−1 248,50 Kč</td></tr><tr><td>20.11.2026</td><td>NOVÁK</td><td>+2 500,00 Kč</td></tr>')}</body></html>`;
    expect(lines(cs)).toEqual(['2026-11-22 -1248.50 CZK pending', '2026-11-20 2500.00 CZK']);
    const it_ = `<html lang="it"><body>${table('<tr><td>22/11/2026</td><td>Amazon <small>Da contabilizzare</small></td><td>-29,90 €</td></tr><tr><td>19/11/2026</td><td>Trenitalia <small>Contabilizzato</small></td><td>-45,50 €</td></tr>')}</body></html>`;
    expect(lines(it_)).toEqual(['2026-11-22 -29.90 EUR pending', '2026-11-19 -45.50 EUR']);
  });

  it("a card statement's 'TOTAL FEES FOR THIS PERIOD' is no fee", () => {
    const html = `<html lang="en-US"><body><p>Minimum Payment Due $40.00</p><table><tr><th>Date of Transaction</th><th>Description</th><th>$ Amount</th></tr><tr><td>11/08</td><td>SHELL OIL</td><td>52.30</td></tr><tr><td>11/14</td><td>AMAZON</td><td>28.99</td></tr><tr><td>11/20</td><td>LATE FEE</td><td>39.00</td></tr><tr><td colspan="2">TOTAL FEES FOR THIS PERIOD</td><td>$39.00</td></tr></table></body></html>`;
    expect(lines(html)).toEqual(['2026-11-08 -52.30 USD', '2026-11-14 -28.99 USD', '2026-11-20 -39.00 USD']);
  });
});

describe('settlement reports', () => {
  it('take the net debit and net credit, not their gross', () => {
    const head =
      '<tr><th>Date</th><th>Type</th><th>Gross credit</th><th>Gross debit</th><th>Net credit</th><th>Net debit</th></tr>';
    const html = `<html lang="en"><body><p>Currency: EUR</p>${table(
      '<tr><td>2026-11-20</td><td>Settled</td><td>120.00</td><td></td><td>118.32</td><td></td></tr><tr><td>2026-11-21</td><td>Chargeback</td><td></td><td>80.00</td><td></td><td>95.00</td></tr><tr><td>2026-11-22</td><td>Fee</td><td></td><td></td><td></td><td>10.00</td></tr>',
      head,
    )}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-20 118.32 EUR', '2026-11-21 -95.00 EUR', '2026-11-22 -10.00 EUR']);
  });
});

describe('subtotals and more column words', () => {
  it("a cardholder's total sums the lines above it, and agrees (no failed check)", () => {
    const html = `<html lang="en-US"><body><p>Minimum Payment Due $40.00</p><table><tr><th>Post Date</th><th>Description</th><th>Amount</th></tr><tr><td>11/15/2026</td><td>PAYMENT THANK YOU</td><td>-$850.00</td></tr><tr><td colspan="3">JOHN — Card ending in 4421</td></tr><tr><td>11/03/2026</td><td>COSTCO</td><td>$212.45</td></tr><tr><td>11/10/2026</td><td>CHEVRON</td><td>$48.10</td></tr><tr><td colspan="2">Total for JOHN</td><td>$260.55</td></tr><tr><td colspan="3">JANE — Card ending in 8870</td></tr><tr><td>11/06/2026</td><td>TARGET</td><td>$36.74</td></tr><tr><td>11/19/2026</td><td>RETURN TARGET</td><td>-$12.00</td></tr><tr><td colspan="2">Total for JANE</td><td>$24.74</td></tr></table></body></html>`;
    const result = capture(html);
    expect(result.transactions).toHaveLength(5);
    expect(result.diagnostics.verified).toBe(true);
    const wrong = html.replace('$24.74', '$30.00');
    expect(capture(wrong).diagnostics.verified).toBe(false);
  });

  it("'Dépôt' heads the money-in column", () => {
    const head = '<tr><th>Date</th><th>Description</th><th>Retrait</th><th>Dépôt</th></tr>';
    const html = `<html lang="fr-CA"><body>${table('<tr><td>2026-11-20</td><td>HYDRO</td><td>142,37 $</td><td></td></tr><tr><td>2026-11-18</td><td>PAIE</td><td></td><td>2 318,44 $</td></tr><tr><td>2026-11-15</td><td>METRO</td><td>87,12 $</td><td></td></tr>', head)}</body></html>`;
    expect(lines(html)).toEqual([
      '2026-11-20 -142.37 CAD',
      '2026-11-18 2318.44 CAD',
      '2026-11-15 -87.12 CAD',
    ]);
  });
});

describe('rows and columns found by their evidence', () => {
  it("a date badge 'NOV' over '21' is a date, never money in a currency 'NOV'", () => {
    const li = (m: string, d: string, t: string, a: string) =>
      `<li><div class="badge"><div class="mon">${m}</div><div class="day">${d}</div></div><div class="desc">${t}</div><div class="amt">${a}</div></li>`;
    const html = `<html lang="en-US"><body><ol>${li('NOV', '21', 'Spotify', '−$11.99')}${li('NOV', '19', 'Deposit', '$1,980.40')}${li('OCT', '28', 'Interest', '$0.42')}</ol></body></html>`;
    expect(lines(html)).toEqual(['2026-11-21 -11.99 USD', '2026-11-19 1980.40 USD', '2026-10-28 0.42 USD']);
  });

  it('a table row with five figures is one record, and a column headed "Total" is its amount', () => {
    const head =
      '<tr><th>Date</th><th>Type</th><th>Total product charges</th><th>Promotional rebates</th><th>Fees</th><th>Other</th><th>Total (USD)</th></tr>';
    const html = `<html lang="en-US"><body>${table(
      '<tr><td>Nov 20, 2026</td><td>Order Payment</td><td>$24.99</td><td>$0.00</td><td>-$7.24</td><td>$0.00</td><td>$17.75</td></tr><tr><td>Nov 19, 2026</td><td>Refund</td><td>-$24.99</td><td>$0.00</td><td>$3.75</td><td>$0.00</td><td>-$21.24</td></tr><tr><td>Nov 17, 2026</td><td>Transfer</td><td>$0.00</td><td>$0.00</td><td>$0.00</td><td>-$1,200.00</td><td>-$1,200.00</td></tr>',
      head,
    )}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-20 17.75 USD', '2026-11-19 -21.24 USD', '2026-11-17 -1200.00 USD']);
  });
});

describe('text a page shows outside plain elements', () => {
  it("read-only fields' values are read; a field the owner types in is not", () => {
    const row = (d: string, t: string, a: string) =>
      `<tr><td><input type="text" readonly value="${d}"></td><td><input readonly value="${t}"></td><td><input type="text" disabled value="${a}"></td></tr>`;
    const html = `<html lang="en-US"><body><table><tr><th>Date</th><th>Description</th><th>Amount</th></tr>${row('11/20/2026', 'CHECK 1043', '-250.00')}${row('11/18/2026', 'DEPOSIT', '1,200.00')}<tr><td><input type="text" value="11/01/2026"></td><td>search</td><td><input type="text" value="5.00"></td></tr></table></body></html>`;
    expect(lines(html)).toEqual(['2026-11-20 -250.00 USD', '2026-11-18 1200.00 USD']);
  });

  it("a frame's page written into it (srcdoc) is read on a saved page", () => {
    const inner = `<table><tr><th>Date</th><th>Description</th><th>Money out</th><th>Money in</th></tr><tr><td>20/11/2026</td><td>TESCO</td><td>42.18</td><td></td></tr><tr><td>18/11/2026</td><td>SALARY</td><td></td><td>2,100.00</td></tr></table>`;
    const html = `<html lang="en-GB"><body><h1>Current account</h1><iframe srcdoc="${inner.replace(/"/g, '&quot;')}"></iframe></body></html>`;
    expect(lines(html)).toEqual(['2026-11-20 -42.18 GBP', '2026-11-18 2100.00 GBP']);
  });

  it('cards whose lines carry their own labels ("<b>Type:</b> Debit") read each line as its column', () => {
    const card = (d: string, p: string, a: string, t: string) =>
      `<div class="txn"><p><b>Date:</b> ${d}</p><p><b>Payee:</b> ${p}</p><p><b>Amount:</b> ${a}</p><p><b>Type:</b> ${t}</p></div>`;
    const html = `<html lang="en-GB"><body>${card('21 Nov 2026', 'SAINSBURYS', '£23.40', 'Debit')}${card('17 Nov 2026', 'J SMITH REFUND', '£15.00', 'Credit')}${card('10 Nov 2026', 'AMAZON', '£17.99', 'Debit')}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-21 -23.40 GBP', '2026-11-17 15.00 GBP', '2026-11-10 -17.99 GBP']);
  });
});

describe('a second batch: Finnish day headings and Slovak pending', () => {
  it("'Tänään', 'Eilen' and 'pe 20.11.' date the Finnish entries under them", () => {
    const day = (h: string, n: string, a: string) =>
      `<h3>${h}</h3><ul><li><span>${n}</span><span>${a}</span></li></ul>`;
    const html = `<html lang="fi"><body>${day('Tänään', 'K-Market', '−12,50 €')}${day('Eilen', 'MobilePay', '+40,00 €')}${day('pe 20.11.', 'Palkka', '+2 950,00 €')}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-23 -12.50 EUR', '2026-11-22 40.00 EUR', '2026-11-20 2950.00 EUR']);
  });

  it("'Čaká na spracovanie' is pending", () => {
    const html = `<html lang="sk"><body>${table('<tr><td>22. 11. 2026</td><td>LIDL <span>Čaká na spracovanie</span></td><td>−38,14 €</td></tr><tr><td>20. 11. 2026</td><td>NOVÁK</td><td>+120,00 €</td></tr>')}</body></html>`;
    expect(lines(html)).toEqual(['2026-11-22 -38.14 EUR pending', '2026-11-20 120.00 EUR']);
  });
});
