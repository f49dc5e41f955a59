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
