import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../cli/parseSavedPage';
import { capturePage } from '../../../core/capture/capturePage';
import { toTransactionJson } from '../../../core/model/transactionJson';

/** Mechanisms found by the third generality set (test/fixtures/portals-generality3), one case each. */
const AS_OF = '2026-11-23';

function capture(html: string, url = 'https://bank.example/activity') {
  return capturePage(parseSavedPage(html), { url, asOf: AS_OF, capturedAt: '2026-11-23T12:00:00.000Z' });
}

const amounts = (html: string, url?: string) =>
  capture(html, url).transactions.map((t) => {
    const j = toTransactionJson(t);
    return `${j.amount} ${j.currency}`;
  });

const table = (rows: string, head = '<tr><th>Date</th><th>Description</th><th>Amount</th></tr>') =>
  `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;

describe('a card page in another language', () => {
  const rows = (pay: string) =>
    table(
      `<tr><td>20/11/2026</td><td>ESSELUNGA</td><td>45,90 €</td></tr><tr><td>19/11/2026</td><td>TRENITALIA</td><td>29,90 €</td></tr><tr><td>18/11/2026</td><td>${pay}</td><td>-350,00 €</td></tr><tr><td>16/11/2026</td><td>AMAZON</td><td>112,49 €</td></tr>`,
    );

  it('is known by its credit limit, and its charges shown positive are money out', () => {
    const html = `<html lang="it"><body><h1>Carta Classic **** 6604</h1><p>Plafond mensile: 2.500,00 €</p>${rows('PAGAMENTO ESTRATTO CONTO')}</body></html>`;
    expect(amounts(html)).toEqual(['-45.90 EUR', '-29.90 EUR', '350.00 EUR', '-112.49 EUR']);
  });

  it('in a script without word boundaries (Japanese, Hebrew) too', () => {
    const ja = `<html lang="ja"><body><table><tr><th>ご利用可能額</th><td>182,400円</td></tr></table>${table(
      '<tr><td>2026/11/20</td><td>セブン</td><td>1,280円</td></tr><tr><td>2026/11/19</td><td>ＪＲ</td><td>5,000円</td></tr><tr><td>2026/11/17</td><td>返品</td><td>-3,200円</td></tr>',
    )}</body></html>`;
    expect(amounts(ja)).toEqual(['-1280 JPY', '-5000 JPY', '3200 JPY']);
  });

  it('flips only when most lines are shown positive: a payment in any words is the odd one out', () => {
    const html = `<html lang="es"><body><dl><dt>Límite de crédito</dt><dd>3.000,00 €</dd></dl>${rows('ABONO RECIBO')}</body></html>`;
    expect(amounts(html)).toEqual(['-45.90 EUR', '-29.90 EUR', '350.00 EUR', '-112.49 EUR']);
  });
});

describe('bare figures under a heading naming a currency', () => {
  it('are in that currency, each list in its own', () => {
    const pocket = (name: string, code: string, row: string) =>
      `<section><h2>${name} · ${code}</h2>${table(row)}</section>`;
    const html = `<html lang="en"><body><h1>Your balances</h1>${pocket('Euro', 'EUR', '<tr><td>2026-11-20</td><td>Café</td><td>-8.40</td></tr><tr><td>2026-11-18</td><td>From Lena</td><td>+250.00</td></tr>')}${pocket('British pound', 'GBP', '<tr><td>2026-11-19</td><td>TfL</td><td>-2.80</td></tr><tr><td>2026-11-14</td><td>Converted</td><td>+200.00</td></tr>')}</body></html>`;
    expect(amounts(html)).toEqual(['-8.40 EUR', '250.00 EUR', '-2.80 GBP', '200.00 GBP']);
  });

  it('not under a heading in capitals, where a word can be a code (ALL)', () => {
    const html = `<html lang="en-US"><body><h2>ALL ACTIVITY</h2>${table('<tr><td>11/20/2026</td><td>CAFE</td><td>-8.40</td></tr><tr><td>11/19/2026</td><td>PAY</td><td>250.00</td></tr>')}</body></html>`;
    expect(amounts(html)).toEqual(['-8.40 USD', '250.00 USD']);
  });
});

describe('dates that read either way', () => {
  // A month apart and a day apart: month first or day first, the rows stay in order and span the same.
  const rows =
    '<tr><td>06/07/2026</td><td>TRANSFER IN</td><td>$200.00</td></tr><tr><td>07/08/2026</td><td>INTEREST</td><td>$0.41</td></tr><tr><td>08/09/2026</td><td>TRANSFER IN</td><td>$200.00</td></tr>';

  it('are read month first with a note saying it was assumed, when nothing on the page decides', () => {
    const got = capture(`<html><body><h1>Savings</h1>${table(rows)}</body></html>`);
    expect(got.transactions.map((t) => t.date)).toEqual(['2026-06-07', '2026-07-08', '2026-08-09']);
    expect(got.diagnostics.notes.join('\n')).toMatch(/assumed/);
  });

  it("take the order of the page's language, without a note", () => {
    const got = capture(`<html lang="en-US"><body>${table(rows)}</body></html>`);
    expect(got.transactions.map((t) => t.date)).toEqual(['2026-06-07', '2026-07-08', '2026-08-09']);
    expect(got.diagnostics.notes.join('\n')).not.toMatch(/assumed/);
  });

  it("are day first on a page whose address names a day-first country's currency", () => {
    const got = capture(
      `<html><body>${table(rows.replaceAll('$', '£'))}</body></html>`,
      'https://www.milllane.co.uk/a',
    );
    expect(got.transactions.map((t) => t.date)).toEqual(['2026-07-06', '2026-08-07', '2026-09-08']);
  });
});

describe('one page of a list on several', () => {
  const rows =
    '<tr><td>11/09/2026</td><td>SPOTIFY</td><td>-$11.99</td></tr><tr><td>11/08/2026</td><td>KROGER</td><td>-$63.40</td></tr>';

  it('says the capture holds only part of the list, and how much is elsewhere', () => {
    const got = capture(
      `<html lang="en-US"><body><p>Showing 11–12 of 57 transactions</p>${table(rows)}<nav>Page 6 of 29</nav></body></html>`,
    );
    expect(got.transactions).toHaveLength(2);
    expect(got.diagnostics.verified).toBe(true);
    expect(got.diagnostics.notes.find((n) => n.startsWith('partial'))).toMatch(/2 of 57.*55/);
  });

  it('says nothing of the kind when the page shows the whole list', () => {
    const got = capture(`<html lang="en-US"><body><p>Showing 1–2 of 2</p>${table(rows)}</body></html>`);
    expect(got.diagnostics.notes.some((n) => n.startsWith('partial'))).toBe(false);
  });
});

describe('figures and dates as other countries print them', () => {
  it('roubles in debit and credit columns headed in Russian', () => {
    const html = `<html lang="ru"><body>${table(
      '<tr><td>20.11.2026</td><td>Пятёрочка</td><td>1\u00a0234,56\u00a0₽</td><td></td></tr><tr><td>19.11.2026</td><td>Зарплата</td><td></td><td>85\u00a0000,00\u00a0₽</td></tr>',
      '<tr><th>Дата</th><th>Описание</th><th>Списание</th><th>Зачисление</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-1234.56 RUB', '85000.00 RUB']);
  });

  it("a debit marked 'DB' after the figure, as Indonesian banks print it", () => {
    const html = `<html lang="id"><body><p>Mata Uang: IDR</p>${table(
      '<tr><td>03/11/2026</td><td>TRSF E-BANKING</td><td>1,250,000.00 DB</td></tr><tr><td>10/11/2026</td><td>GAJI</td><td>9,750,000.00 CR</td></tr>',
      '<tr><th>Tgl.</th><th>Keterangan</th><th>Mutasi</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-1250000.00 IDR', '9750000.00 IDR']);
  });

  it("whole euros written ',-' or ',–'", () => {
    const html = `<html lang="nl"><body>${table(
      '<tr><td>20-11-2026</td><td>Albert Heijn</td><td>− € 45,-</td></tr><tr><td>19-11-2026</td><td>NS</td><td>− € 12,95</td></tr><tr><td>18-11-2026</td><td>Salaris</td><td>+ € 1.250,–</td></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-45.00 EUR', '-12.95 EUR', '1250.00 EUR']);
  });

  it('Buddhist-era years (2569 is 2026)', () => {
    const html = `<html lang="th"><body>${table(
      '<tr><td>20/11/2569</td><td>7-ELEVEN</td><td>-85.00</td></tr><tr><td>19/11/2569</td><td>โอนเงิน</td><td>3,000.00</td></tr>',
    )}</body></html>`;
    expect(capture(html).transactions.map((t) => t.date)).toEqual(['2026-11-20', '2026-11-19']);
  });
});

describe('a currency the page names in a label', () => {
  it('is the currency of its bare figures, three decimals for a dinar', () => {
    const html = `<html lang="en"><body><div><span>Account currency: KWD</span></div>${table(
      '<tr><td>20/11/2026</td><td>SULTAN CENTER</td><td>12.750</td><td></td></tr><tr><td>19/11/2026</td><td>SALARY</td><td></td><td>1,250.000</td></tr><tr><td>18/11/2026</td><td>K-NET</td><td>8.400</td><td></td></tr>',
      '<tr><th>Date</th><th>Details</th><th>Debit</th><th>Credit</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-12.750 KWD', '1250.000 KWD', '-8.400 KWD']);
  });

  it('also when the label and the code sit in cells side by side', () => {
    const html = `<html lang="id"><body><table><tr><td>Mata Uang</td><td>: IDR</td></tr></table>${table(
      '<tr><td>03/11/2026</td><td>TRSF E-BANKING</td><td>1,250,000.00 DB</td></tr><tr><td>10/11/2026</td><td>GAJI</td><td>9,750,000.00 CR</td></tr>',
      '<tr><th>Tgl.</th><th>Keterangan</th><th>Mutasi</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-1250000.00 IDR', '9750000.00 IDR']);
  });
});

describe('figures of a currency without cents or with thousandths', () => {
  it('a dong figure whose one dot groups thousands is money', () => {
    const html = `<html lang="vi"><body>${table(
      '<tr><td>20/11/2026</td><td>Circle K</td><td>-45.000 VND</td></tr><tr><td>19/11/2026</td><td>Luong</td><td>+15.000.000 VND</td></tr><tr><td>14/11/2026</td><td>EVN</td><td>-684.500 VND</td></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-45000 VND', '15000000 VND', '-684500 VND']);
  });

  it('a dinar figure with a third decimal digit is money', () => {
    const html = `<html lang="en"><body><p>Account currency: KWD</p>${table(
      '<tr><td>20/11/2026</td><td>TALABAT</td><td>-4.125</td></tr><tr><td>19/11/2026</td><td>ZAIN</td><td>-15.000</td></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-4.125 KWD', '-15.000 KWD']);
  });
});

describe('which figure is the account’s', () => {
  it('of a foreign figure and the billed one in one cell, the one in the account’s currency', () => {
    const html = `<html lang="en-US"><body><p>Credit limit $8,000.00</p>${table(
      '<tr><td>Nov 20, 2026</td><td>HOTEL LUTETIA</td><td>€45.00 / USD 48.12</td></tr><tr><td>Nov 19, 2026</td><td>SBB ZURICH</td><td>CHF 30.00 → $33.95</td></tr><tr><td>Nov 18, 2026</td><td>WHOLE FOODS</td><td>$84.66</td></tr><tr><td>Nov 17, 2026</td><td>PAYMENT - THANK YOU</td><td>-$500.00</td></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-48.12 USD', '-33.95 USD', '-84.66 USD', '500.00 USD']);
  });

  it('of a purchase’s amount and the amount charged this month (installments), the charged one', () => {
    const html = `<html lang="he" dir="rtl"><body><p>מסגרת אשראי: 15,000 ₪</p>${table(
      '<tr><td>20/11/26</td><td>שופרסל</td><td>212.40 ₪</td><td>212.40 ₪</td></tr><tr><td>18/09/26</td><td>מחסני חשמל</td><td>1,200.00 ₪</td><td>200.00 ₪</td></tr><tr><td>17/11/26</td><td>פז</td><td>180.00 ₪</td><td>180.00 ₪</td></tr>',
      '<tr><th>תאריך עסקה</th><th>שם בית העסק</th><th>סכום עסקה</th><th>סכום חיוב</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-212.40 ILS', '-200.00 ILS', '-180.00 ILS']);
  });
});

describe('a payment whose status says it is not paid yet', () => {
  it('is no transaction', () => {
    const html = `<html lang="nl"><body>${table(
      '<tr><td>Paid</td><td>Noor</td><td>€ 49,95</td><td>21-11-2026</td></tr><tr><td>Open</td><td>Lars</td><td>€ 120,00</td><td>21-11-2026</td></tr><tr><td>Paid</td><td>Pieter</td><td>€ 89,00</td><td>20-11-2026</td></tr>',
      '<tr><th>Status</th><th>Omschrijving</th><th>Bedrag</th><th>Datum</th></tr>',
    )}</body></html>`;
    const got = capture(html);
    expect(amounts(html)).toEqual(['49.95 EUR', '89.00 EUR']);
    expect(got.diagnostics.skipped.map((s) => s.reason)).toContain('status "Open": no money moved');
  });
});

describe('dates in era years and eastern digits', () => {
  it('Reiwa-era dates (令和8年 is 2026) and Minguo years (115/11/20 is 2026)', () => {
    const ja = `<html lang="ja"><body>${table('<tr><td>令和8年11月20日</td><td>セブン</td><td>-1,280円</td></tr><tr><td>令和8年11月19日</td><td>給与</td><td>285,000円</td></tr>')}</body></html>`;
    expect(capture(ja).transactions.map((t) => t.date)).toEqual(['2026-11-20', '2026-11-19']);
    const tw = `<html lang="zh-TW"><body>${table('<tr><td>115/11/20</td><td>全家</td><td>-85.00</td></tr><tr><td>115/11/19</td><td>薪資</td><td>52,000.00</td></tr>')}</body></html>`;
    expect(capture(tw).transactions.map((t) => t.date)).toEqual(['2026-11-20', '2026-11-19']);
  });

  it('Arabic-Indic digits and the Arabic decimal mark', () => {
    const html = `<html lang="ar" dir="rtl"><body><p>العملة: ريال سعودي (ر.س)</p>${table(
      '<tr><td>٢٠/١١/٢٠٢٦</td><td>شراء</td><td>-٢٤٥٫٥٠</td></tr><tr><td>١٩/١١/٢٠٢٦</td><td>راتب</td><td>١٢٬٥٠٠٫٠٠</td></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-245.50 SAR', '12500.00 SAR']);
    expect(capture(html).transactions.map((t) => t.date)).toEqual(['2026-11-20', '2026-11-19']);
  });
});

describe('a page in whole units of a currency that has cents', () => {
  const rows =
    '<tr><td>2026/11/20</td><td>全家</td><td>85</td><td></td><td>128,450</td></tr><tr><td>2026/11/19</td><td>薪資</td><td></td><td>52,000</td><td>128,535</td></tr><tr><td>2026/11/17</td><td>電費</td><td>1,230</td><td></td><td>76,535</td></tr>';
  const head = '<tr><th>交易日期</th><th>摘要</th><th>支出</th><th>存入</th><th>餘額</th></tr>';

  it('reads its grouped whole figures as money when the page names its currency and shows no cents anywhere', () => {
    const html = `<html lang="zh-TW"><body>${table(rows, head)}</body></html>`;
    expect(amounts(html).slice(1)).toEqual(['52000.00 TWD', '-1230.00 TWD']);
  });

  it('not once a figure with cents shows: then whole figures are counts or numbers', () => {
    const html = `<html lang="zh-TW"><body><p>利率 0.85%</p>${table(rows, head)}</body></html>`;
    expect(amounts(html)).toEqual([]);
  });
});

describe('currency signs written in letters, and the country an IBAN names', () => {
  it("'RM' is the ringgit, with DR/CR after the figure", () => {
    const html = `<html lang="en"><body>${table('<tr><td>20 Nov 2026</td><td>99 SPEEDMART</td><td>RM 23.40 DR</td></tr><tr><td>19 Nov 2026</td><td>DUITNOW</td><td>RM 150.00 CR</td></tr>')}</body></html>`;
    expect(amounts(html)).toEqual(['-23.40 MYR', '150.00 MYR']);
  });

  it("'Rs.' is the rupee of the country the account's IBAN names", () => {
    const html = `<html lang="en"><body><h1>Current Account PK36 INDV 0000 1123 4567 8901</h1>${table('<tr><td>20-Nov-2026</td><td>IBFT</td><td>-Rs. 12,500.00</td></tr><tr><td>19-Nov-2026</td><td>SALARY</td><td>Rs. 185,000.00</td></tr>')}</body></html>`;
    expect(amounts(html)).toEqual(['-12500.00 PKR', '185000.00 PKR']);
  });
});

describe('a small whole figure among grouped ones', () => {
  const head = '<tr><th>交易日期</th><th>摘要</th><th>支出</th><th>存入</th><th>餘額</th></tr>';
  const rows =
    '<tr><td>2026/11/20</td><td>全家</td><td>85</td><td></td><td>128,450</td></tr><tr><td>2026/11/19</td><td>薪資</td><td></td><td>52,000</td><td>128,535</td></tr><tr><td>2026/11/17</td><td>電費</td><td>1,230</td><td></td><td>76,535</td></tr>';

  it('is money in a money column of a page in whole units', () => {
    const html = `<html lang="zh-TW"><body>${table(rows, head)}</body></html>`;
    expect(amounts(html)).toEqual(['-85.00 TWD', '52000.00 TWD', '-1230.00 TWD']);
  });

  it('a row whose figure is not read is said as unread, never as a balance line', () => {
    const html = `<html lang="en-US"><body>${table(
      '<tr><td>11/20/2026</td><td>STORE</td><td>85</td><td></td><td>1,284.50</td></tr><tr><td>11/19/2026</td><td>PAY</td><td></td><td>520.00</td><td>1,369.50</td></tr><tr><td>11/17/2026</td><td>BILL</td><td>12.30</td><td></td><td>849.50</td></tr>',
      '<tr><th>Date</th><th>Description</th><th>Debit</th><th>Credit</th><th>Balance</th></tr>',
    )}</body></html>`;
    const skipped = capture(html).diagnostics.skipped.find((s) => s.text.includes('STORE'));
    expect(skipped?.notTransaction).toBe(false);
    expect(skipped?.reason).toMatch(/"85"/);
  });
});

describe('money named in a sentence, a column, a single letter', () => {
  it("'All amounts in KES' names the currency; 'Withdrawn' is the money-out column", () => {
    const html = `<html lang="en"><body><p>All amounts in KES</p>${table(
      '<tr><td>2026-11-20 18:42:10</td><td>KPLC PREPAID</td><td></td><td>-1,500.00</td></tr><tr><td>2026-11-20 09:15:33</td><td>JOHN KAMAU</td><td>3,000.00</td><td></td></tr>',
      '<tr><th>Completion Time</th><th>Details</th><th>Paid In</th><th>Withdrawn</th></tr>',
    )}</body></html>`;
    expect(amounts(html)).toEqual(['-1500.00 KES', '3000.00 KES']);
  });

  it("'R' before a figure is the rand", () => {
    const html = `<html lang="en-ZA"><body>${table('<tr><td>20 Nov 2026</td><td>CHECKERS</td><td>-R\u00a0412,35</td></tr><tr><td>19 Nov 2026</td><td>SALARY</td><td>R\u00a028\u00a0500,00</td></tr>')}</body></html>`;
    expect(amounts(html)).toEqual(['-412.35 ZAR', '28500.00 ZAR']);
  });
});
