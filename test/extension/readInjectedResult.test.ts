import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { capturePage } from '../../core/capture/capturePage';
import type { Transaction } from '../../core/model/transaction';
import { OPTIONS_KEY } from '../../extension/capture/injectedOptions';
import { readInjectedResult } from '../../extension/capture/readInjectedResult';
import { runInjectedCapture } from '../../extension/capture/runInjectedCapture';

/** A checking activity table whose running balance breaks at the third row: every line is unverified. */
function page(): Document {
  const rows = [
    ['03/02/2026', 'OPENING DEPOSIT', '$1,000.00', '$1,000.00'],
    ['03/03/2026', 'SQ *BLUE BOTTLE COF', '-$4.50', '$995.50'],
    ['03/04/2026', 'ADOBE *CREATIVE CLOUD', '-$59.99', '$1,999.99'],
    ['03/05/2026', 'SQ *BLUE BOTTLE COF', '-$4.50', '$1,995.49'],
  ];
  const html = `<html><body><h1>Checking ••6789 activity</h1><table>
<thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Balance</th></tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

const capturedAtOf = (ts: Transaction[]) => ts.map((t) => t.origin.capturedAt);

describe("the injected capture's answer", () => {
  const share = {
    institution: 'generic',
    account: 'Checking ••6789',
    url: 'https://bank.example/activity',
    capturedAt: '2026-03-31T12:00:00.000Z',
  };

  it('is read back from the JSON string the content script returns', () => {
    const answer = { ok: true, page: { drafts: [], share, checks: [], rows: [] } };
    expect(readInjectedResult(JSON.stringify(answer))).toEqual({
      ok: true,
      page: { transactions: [], checks: [], rows: [] },
    });
  });

  it('carries rows without ids; the background completes them exactly as capturePage does', () => {
    const url = 'https://bank.example/activity';
    const world = { [OPTIONS_KEY]: { asOf: '2026-03-31' } };
    const answer = JSON.stringify(runInjectedCapture(world, page(), url));
    expect(answer).not.toContain('"id":"lb_');
    // What every row shares is said once, not on each of the four rows.
    expect(answer.split(url).length - 1).toBe(1);
    expect(answer.split('"institution"').length - 1).toBe(1);
    const read = readInjectedResult(answer);
    if (!read.ok) throw new Error(read.message);
    const [capturedAt] = capturedAtOf(read.page.transactions);
    const direct = capturePage(page(), { url, asOf: '2026-03-31', capturedAt, profiles: BUILTIN_PROFILES });
    expect(read.page.transactions).toEqual(direct.transactions);
    // Two identical coffees stay two ids; the broken balance marks every line.
    expect(new Set(read.page.transactions.map((t) => t.id)).size).toBe(4);
    expect(read.page.transactions.every((t) => /running balance/i.test(t.unverified ?? ''))).toBe(true);
  });

  it('holds every line to the Transaction contract: a line that breaks it is left out and named, the rest kept', () => {
    const url = 'https://bank.example/activity';
    const world = { [OPTIONS_KEY]: { asOf: '2026-03-31' } };
    const answer = JSON.parse(JSON.stringify(runInjectedCapture(world, page(), url)));
    const drafts = answer.page.drafts;
    drafts[1].amount.minor = 4.5;
    drafts[2].date = '2026-02-30';
    drafts[3].amount.currency = 'usd';
    const read = readInjectedResult(JSON.stringify(answer));
    if (!read.ok) throw new Error(read.message);
    expect(read.page.transactions.map((t) => t.description)).toEqual(['OPENING DEPOSIT']);
    const refused = read.page.skipped.filter((s) => / left out: /.test(s));
    expect(refused).toEqual([
      expect.stringMatching(/^row 2 left out: amount\.minor: /),
      expect.stringMatching(/^row 3 left out: date: /),
      expect.stringMatching(/^row 4 left out: amount\.currency: /),
    ]);
  });

  it('is a failure with a reason when the answer does not say whose rows they are', () => {
    const { account: _, ...noAccount } = share;
    for (const broken of [undefined, noAccount, { ...share, url: 7 }]) {
      const answer = { ok: true, page: { drafts: [], share: broken, checks: [], rows: [] } };
      expect(readInjectedResult(JSON.stringify(answer))).toEqual({
        ok: false,
        message: "the page's answer does not say whose rows they are (institution, account, page)",
      });
    }
  });

  it('is a failure with a reason when the answer holds no rows', () => {
    expect(readInjectedResult(JSON.stringify({ ok: true, page: { checks: [] } }))).toEqual({
      ok: false,
      message: "the page's answer holds no list of rows",
    });
  });

  it('is a failure with a reason when the page gave none or a broken one', () => {
    expect(readInjectedResult(undefined)).toEqual({ ok: false, message: 'the page gave no answer' });
    expect(readInjectedResult('{"ok":tr')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^the page's answer could not be read: /),
    });
  });
});
