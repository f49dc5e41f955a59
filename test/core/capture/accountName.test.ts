import { describe, expect, it } from 'vitest';
import { captureHtml } from './fixturePages';

const page = (heading: string) => `<!doctype html><html lang="en"><body>
<nav>${heading}</nav>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
<tr><td>2026-11-02</td><td>ACH DEBIT GUSTO</td><td>-1,200.00</td></tr>
<tr><td>2026-11-03</td><td>MOBILE DEPOSIT</td><td>450.25</td></tr>
</tbody></table></body></html>`;

const capture = (html: string) => captureHtml(html).transactions;
const accountOf = (heading: string) => capture(page(heading))[0]?.account;

describe('the account a page names', () => {
  it('is the last crumb of a breadcrumb trail, not the trail', () => {
    for (const trail of [
      'Accounts › Operating Account ••2291',
      'Home » Accounts » Operating Account ••2291',
      'Accounts > Operating Account ••2291',
      'Accounts / Operating Account ••2291',
      'Overview → Operating Account ••2291',
    ])
      expect(accountOf(trail), trail).toBe('Operating Account ••2291');
  });

  it('reads a card number given as "ending 31007", and never a date as an account number', () => {
    expect(accountOf('Business Platinum Card® ending 31007')).toBe('Business Platinum Card® ••31007');
    expect(accountOf('Credit card ending with 4417')).toBe('Credit card ••4417');
    expect(accountOf('Account statement for the period ending 2026-11-30')).toBe('unknown');
  });

  it('takes the name written after the number when none is written before it', () => {
    expect(accountOf('A/c No: XXXXXXXX4521 · Current Account')).toBe('Current Account ••4521');
    expect(accountOf('Transfer from ••4410 to Savings')).toBe('unknown');
  });
});

describe('a page listing several of the owner’s accounts', () => {
  const section = (name: string, rows: string) =>
    `<section><h2>${name}</h2><table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Balance</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  const html = `<!doctype html><html lang="en"><body>
    ${section(
      'Business Checking ••4410',
      '<tr><td>11/03/2026</td><td>ACH DEBIT GUSTO PAYROLL</td><td>-$2,310.00</td><td>$8,190.00</td></tr><tr><td>11/02/2026</td><td>MOBILE DEPOSIT</td><td>$500.00</td><td>$10,500.00</td></tr>',
    )}
    ${section(
      'Business Savings ••4421',
      '<tr><td>11/01/2026</td><td>TRANSFER FROM CHECKING</td><td>$1,000.00</td><td>$21,000.00</td></tr><tr><td>10/31/2026</td><td>INTEREST PAID</td><td>$2.15</td><td>$20,000.00</td></tr>',
    )}</body></html>`;
  const accounts = (page: string) => capture(page).map((t) => `${t.account}: ${t.description}`);

  it('books each list to the account its heading names', () => {
    expect(accounts(html)).toEqual([
      'Business Checking ••4410: ACH DEBIT GUSTO PAYROLL',
      'Business Checking ••4410: MOBILE DEPOSIT',
      'Business Savings ••4421: TRANSFER FROM CHECKING',
      'Business Savings ••4421: INTEREST PAID',
    ]);
  });
});

describe('a page whose sidebar lists every account', () => {
  const html = (current: string) => `<!doctype html><html lang="en"><body>
    <nav><ul>
      <li><a href="/a/1"${current === '9012' ? ' aria-current="page"' : ''}>Everyday Savings ••9012</a></li>
      <li><a href="/a/2"${current === '4410' ? ' class="nav-item active"' : ''}>Business Checking ••4410</a></li>
      <li><a href="/a/3">Visa Signature ••7788</a></li>
    </ul></nav>
    <main><h1>Activity</h1>
    <table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
      <tr><td>12/03/2026</td><td>ACH DEBIT GUSTO</td><td>-$2,310.00</td></tr>
      <tr><td>12/02/2026</td><td>MOBILE DEPOSIT</td><td>$500.00</td></tr>
    </tbody></table></main></body></html>`;
  const accountOfPage = (page: string) => capture(page)[0]?.account;

  it('books the list to the account marked as the one shown, not the first listed', () => {
    expect(accountOfPage(html('4410'))).toBe('Business Checking ••4410');
    expect(accountOfPage(html('9012'))).toBe('Everyday Savings ••9012');
  });
});
