import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../cli/parseSavedPage';
import { capturePage } from '../../../core/capture/capturePage';

/** Mechanisms found by the generality pages (test/fixtures/portals-generality), one case each. */
const AS_OF = '2026-11-23';

function capture(html: string, url = 'https://bank.example.com/activity') {
  return capturePage(parseSavedPage(html), { url, asOf: AS_OF, capturedAt: '2026-11-23T12:00:00.000Z' });
}

const table = (rows: string, head = '<tr><th>Date</th><th>Description</th><th>Amount</th></tr>') =>
  `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;

describe('the currency of unmarked amounts', () => {
  const page = `<!DOCTYPE html><html><body><h1>Current account</h1>${table(
    '<tr><td>20/11/2026</td><td>TESCO</td><td>-12.40</td></tr><tr><td>19/11/2026</td><td>SALARY</td><td>2,100.00</td></tr>',
  )}</body></html>`;

  it('comes from a country domain when the page names no language region', () => {
    const got = capture(page, 'https://www.milllanebs.co.uk/enquiry');
    expect(got.transactions.map((t) => t.amount.currency)).toEqual(['GBP', 'GBP']);
    expect(got.diagnostics.currency).toBe('GBP');
  });

  it('stays the default on a .com page', () => {
    expect(capture(page, 'https://www.bank.com/a').transactions.map((t) => t.amount.currency)).toEqual([
      'USD',
      'USD',
    ]);
  });
});

describe('a count stated inside one list', () => {
  it('is that list’s count: two pending rows do not make up for two posted rows missing', () => {
    const html = `<!DOCTYPE html><html lang="en-US"><body><h1>Checking x4420</h1>
      <section><h2>Pending</h2>${table('<tr><td>11/21/2026</td><td>COSTCO</td><td>-$214.56</td></tr><tr><td>11/21/2026</td><td>CHEVRON</td><td>-$51.20</td></tr>')}</section>
      <section><h2>Posted</h2>${table('<tr><td>11/20/2026</td><td>TRANSFER</td><td>$500.00</td></tr><tr><td>11/19/2026</td><td>GEICO</td><td>-$132.18</td></tr>')}
      <div class="pager">Showing 1 - 4 of 4 posted transactions</div></section></body></html>`;
    const got = capture(html);
    expect(got.transactions).toHaveLength(4);
    expect(got.diagnostics.verified).toBe(false);
    expect(got.diagnostics.checks.find((c) => c.kind === 'count')?.message).toMatch(/Showing 1 - 4 of 4.*2/);
  });
});

describe('a saved page written in capitals', () => {
  it('reads classes, spans and hidden rows as a browser does', () => {
    const html = `<HTML LANG="de-CH"><BODY><H1>Privatkonto CH93 0076 2011 6238 5295 7</H1>
      <TABLE><TR><TH>Datum</TH><TH>Text</TH><TH>Betrag</TH></TR>
      <TR><TD ROWSPAN="2">20.11.2026</TD><TD>Migros</TD><TD>-87.45</TD></TR>
      <TR><TD>Coop</TD><TD>-12.30</TD></TR>
      <TR STYLE="DISPLAY:NONE"><TD>20.11.2026</TD><TD>Migros</TD><TD>-87.45</TD></TR>
      <TR><TD>19.11.2026</TD><TD>Lohn</TD><TD>6'840.00</TD></TR></TABLE></BODY></HTML>`;
    expect(
      capture(html).transactions.map((t) => [t.date, t.description, t.amount.minor, t.amount.currency]),
    ).toEqual([
      ['2026-11-20', 'Migros', -8745, 'CHF'],
      ['2026-11-20', 'Coop', -1230, 'CHF'],
      ['2026-11-19', 'Lohn', 684000, 'CHF'],
    ]);
  });
});

describe('red text as the debit mark', () => {
  const page = (style: (i: number) => string) =>
    `<!DOCTYPE html><html lang="en-US"><body><h1>Checking 40012</h1>${table(
      ['CHECK 1190', 'DEPOSIT', 'POS CASEYS 2231', 'ACH FARM BUREAU']
        .map(
          (d, i) =>
            `<tr><td>11/${20 - i}/2026</td><td>${d}</td><td><span style="${style(i)}">${(i + 1) * 10}.00</span></td></tr>`,
        )
        .join(''),
    )}</body></html>`;
  const signs = (html: string) => capture(html).transactions.map((t) => Math.sign(t.amount.minor));

  it('is read by the colour’s channels, whatever red a design system uses (rgb(), hex, with or without #)', () => {
    for (const red of ['rgb(198, 40, 40)', '#d93025', 'rgba(211,47,47,1)', 'Crimson !important']) {
      expect(signs(page((i) => (i === 1 ? '' : `color: ${red}`))), red).toEqual([-1, 1, -1, -1]);
    }
  });

  it('is not orange, pink, green or grey', () => {
    for (const other of ['#ff8800', 'rgb(255, 105, 180)', '#2e7d32', '#777777']) {
      expect(signs(page((i) => (i === 1 ? '' : `color: ${other}`))), other).toEqual([1, 1, 1, 1]);
    }
  });
});
