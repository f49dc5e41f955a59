import { describe, expect, it } from 'vitest';
import { captureHtml } from './fixturePages';

describe('descriptions from a page', () => {
  it('lose the invisible characters that hide or reverse text, and keep the joiners scripts need', () => {
    const rows = [
      ['INVOICE \u202Efdp.exe', 'INVOICE fdp.exe'],
      ['ZW\u200BSP\uFEFF STORE', 'ZWSP STORE'],
      ['\u2066ISOLATED\u2069 PAYEE', 'ISOLATED PAYEE'],
      ['می\u200Cخواهم', 'می\u200Cخواهم'],
    ];
    const html = `<!doctype html><html lang="en"><body><h2>Checking ••1111</h2><table>
      <thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
      ${rows.map(([d], i) => `<tr><td>2026-11-0${i + 1}</td><td>${d}</td><td>-$1${i}.00</td></tr>`).join('')}
      </tbody></table></body></html>`;
    const { transactions } = captureHtml(html);
    expect(transactions.map((t) => t.description)).toEqual(rows.map(([, want]) => want));
  });
});
