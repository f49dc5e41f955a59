import { beforeEach, describe, expect, it } from 'vitest';
import { CURRENCY_ASSUMED } from '../../core/capture/captureDiagnostics';
import { toWire } from '../../extension/db/toWire';
import { activityPage, type Harness, harness } from './harness';

const PORTAL = 'https://bank.example/activity';
const PAGE = activityPage([
  ['03/02/2026', 'SQ *BLUE BOTTLE COF', '-$4.50'],
  ['03/03/2026', 'STRIPE TRANSFER', '$1,234.56'],
  ['03/04/2026', 'ADOBE *CREATIVE CLOUD', '-$59.99'],
]);

let h: Harness;
beforeEach(() => {
  h = harness();
});

/** The real capture of the page, with the engine's running-balance check failing at the Stripe line. */
function failRunningBalanceAt(description: string) {
  const real = h.deps.captureInTab;
  h.deps.captureInTab = async (tabId, options) => {
    const result = await real(tabId, options);
    if (!result.ok) return result;
    const row = result.page.transactions.find((t) => t.description === description)!.origin.row!;
    return {
      ok: true,
      page: {
        ...result.page,
        verified: false,
        checks: [
          {
            kind: 'running-balance',
            ok: false,
            message: `the running balance does not add up at row ${row}: $10,241.00 + $1,234.56 ≠ $11,500.00`,
            rows: [row],
          },
        ],
      },
    };
  };
}

describe('a capture whose self-check fails', () => {
  it('is previewed as unverified with the rows that break the check, and stored as unverified', async () => {
    failRunningBalanceAt('STRIPE TRANSFER');
    const tabId = await h.openTab(PORTAL, PAGE);
    const preview = await h.ask({ type: 'capture', tabId });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.value.verification).toBe('unverified');
    expect(preview.value.checks).toMatchObject([{ kind: 'running-balance', ok: false }]);
    expect(preview.value.rows.filter((r) => r.broken).map((r) => r.transaction.description)).toEqual([
      'STRIPE TRANSFER',
    ]);

    await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
    expect(await h.db.captures.get(preview.value.captureId!)).toMatchObject({
      state: 'saved',
      verification: 'unverified',
    });
    const stored = await h.db.transactions.toArray();
    expect(stored).toHaveLength(3);
    for (const t of stored) expect(t.unverified).toMatch(/running balance does not add up/);
    // …and the flag travels with the line to the spreadsheet and to exports.
    for (const t of stored) expect(toWire(t).unverified).toBe(t.unverified);

    const listed = await h.ask({ type: 'captures', unverified: true });
    expect(listed.ok && listed.value.map((c) => [c.verification, c.checks[0]?.ok])).toEqual([
      ['unverified', false],
    ]);
    const lines = await h.ask({ type: 'query', filter: { unverified: true } });
    expect(lines.ok && lines.value.total).toBe(3);
    const written = await h.ask({ type: 'query', filter: { captureId: preview.value.captureId! } });
    expect(written.ok && written.value.total).toBe(3);
    const none = await h.ask({ type: 'query', filter: { captureId: 'another-capture' } });
    expect(none.ok && none.value.total).toBe(0);
  });

  it('a capture whose checks pass is stored without the flag', async () => {
    const tabId = await h.openTab(PORTAL, PAGE);
    const preview = await h.ask({ type: 'capture', tabId });
    if (!preview.ok) throw new Error('capture failed');
    expect(preview.value.verification).not.toBe('unverified');
    expect(preview.value.rows.some((r) => r.broken)).toBe(false);
    await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
    expect((await h.db.transactions.toArray()).every((t) => t.unverified === undefined)).toBe(true);
  });
});

/** Every amount positive and nothing on the page saying whose view: the capture can only assume. */
const UNSIGNED = activityPage([
  ['03/02/2026', 'SQ *BLUE BOTTLE COF', '$4.50'],
  ['03/04/2026', 'ADOBE *CREATIVE CLOUD', '$59.99'],
]);

describe('the sign convention the capture assumed', () => {
  it('is flipped by the owner once, saved for the site, and used on its next captures', async () => {
    const tabId = await h.openTab(PORTAL, UNSIGNED);
    const first = await h.ask({ type: 'capture', tabId });
    if (!first.ok) throw new Error('capture failed');
    expect(first.value.signConvention).toEqual({ convention: 'as-shown', decidedBy: 'assumed' });

    const flipped = await h.ask({ type: 'capture', tabId, signConvention: 'card-flipped' });
    if (!flipped.ok) throw new Error('capture failed');
    expect(flipped.value.signConvention).toMatchObject({ convention: 'card-flipped', decidedBy: 'forced' });
    expect(flipped.value.rows.map((r) => r.transaction.amount)).toEqual(['-4.50', '-59.99']);
    expect(await h.db.profiles.get('bank.example')).toMatchObject({ signConvention: 'card-flipped' });

    const next = await h.ask({ type: 'capture', tabId });
    if (!next.ok) throw new Error('capture failed');
    expect(next.value.signConvention).toMatchObject({ convention: 'card-flipped', decidedBy: 'forced' });
    // Another site is not affected.
    const other = await h.openTab('https://other.example/activity', UNSIGNED);
    const there = await h.ask({ type: 'capture', tabId: other });
    expect(there.ok && there.value.signConvention.decidedBy).toBe('assumed');
  });
});

/** Bare amounts, no language, no country domain: nothing names the currency. */
const BARE = activityPage([
  ['03/02/2026', 'RENT MARCH', '-1,450.00'],
  ['03/04/2026', 'SALES DEPOSIT', '812.40'],
]);

describe('the currency of a page that shows none', () => {
  it('is said to be assumed, chosen by the owner once, saved for the site, and used on its next captures', async () => {
    const tabId = await h.openTab('https://bank.example/activity', BARE);
    const first = await h.ask({ type: 'capture', tabId });
    if (!first.ok) throw new Error('capture failed');
    expect(first.value.warnings).toContain(`${CURRENCY_ASSUMED}: amounts read as USD`);
    expect(first.value.siteCurrency).toBeUndefined();

    const chosen = await h.ask({ type: 'capture', tabId, currency: 'EUR' });
    if (!chosen.ok) throw new Error('capture failed');
    expect(chosen.value.rows.map((r) => [r.transaction.amount, r.transaction.currency])).toEqual([
      ['-1450.00', 'EUR'],
      ['812.40', 'EUR'],
    ]);
    expect(chosen.value.warnings.filter((w) => w.startsWith(CURRENCY_ASSUMED))).toEqual([]);
    expect(chosen.value.siteCurrency).toBe('EUR');
    expect(await h.db.profiles.get('bank.example')).toMatchObject({ currency: 'EUR' });
    // The popup reopened on the unsaved preview still shows the site's choice.
    const pending = await h.ask({ type: 'pendingCapture', tabId });
    expect(pending.ok && pending.value?.siteCurrency).toBe('EUR');

    const next = await h.ask({ type: 'capture', tabId });
    expect(next.ok && next.value.rows.map((r) => r.transaction.currency)).toEqual(['EUR', 'EUR']);
    const other = await h.openTab('https://other.example/activity', BARE);
    const there = await h.ask({ type: 'capture', tabId: other });
    expect(there.ok && there.value.rows.map((r) => r.transaction.currency)).toEqual(['USD', 'USD']);
  });

  it('refuses a currency that is not an ISO 4217 code', async () => {
    const tabId = await h.openTab('https://bank.example/activity', BARE);
    const reply = await h.ask({ type: 'capture', tabId, currency: 'XYZ' } as never);
    expect(reply.ok).toBe(false);
  });
});

describe('the skipped rows and columns the preview names', () => {
  it('names skipped rows by reason, and columns by header text with sample values', async () => {
    const page = PAGE.replace(
      '</tbody></table>',
      '</tbody><tfoot><tr><td></td><td>Total</td><td>$1,170.07</td><td></td></tr></tfoot></table>',
    );
    const tabId = await h.openTab(PORTAL, page);
    const preview = await h.ask({ type: 'capture', tabId });
    if (!preview.ok) throw new Error('capture failed');
    expect(preview.value.skipped).toEqual([
      expect.stringMatching(/^1 row skipped \(page row \d+\): .*total/),
    ]);
    const amount = preview.value.columns.find((c) => c.key === preview.value.mapping.amount);
    expect(amount).toEqual({ key: 'Amount', label: 'Amount', samples: ['-$4.50', '$1,234.56', '-$59.99'] });
  });
});

describe('what the popup names', () => {
  it('names a repeated list once, in words, and reads each row once', async () => {
    // A saved-page view (no layout here): the mobile copy is not hidden, so the engine finds the repeat.
    const page = (await import('node:fs'))
      .readFileSync('test/e2e/fixtures/responsive-duplicate.html', 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/, '');
    const tabId = await h.openTab(PORTAL, page);
    const preview = await h.ask({ type: 'capture', tabId });
    if (!preview.ok) throw new Error('capture failed');
    expect(preview.value.found).toBe(5);
    expect(preview.value.skipped).toEqual([
      '5 rows skipped: a second copy of the list “Recent activity” above (the same dates and amounts); each row is read once',
    ]);
  });

  it('names columns without a header by their place and values, never by CSS class', async () => {
    const cards = `<html><body><h2>Activity</h2><ul>${[1, 2, 3, 4]
      .map(
        (i) =>
          `<li class="txn"><span class="txn-date">Mar ${i}, 2026</span><span class="txn-merchant">SHOP ${i}</span><span class="txn-amount">-$${i}.50</span></li>`,
      )
      .join('')}</ul></body></html>`;
    const tabId = await h.openTab(PORTAL, cards);
    const preview = await h.ask({ type: 'capture', tabId });
    if (!preview.ok) throw new Error('capture failed');
    expect(preview.value.columns.map((c) => [c.label, c.samples[0]])).toEqual([
      ['Column 1', 'Mar 1, 2026'],
      ['Column 2', 'SHOP 1'],
      ['Column 3', '-$1.50'],
    ]);
  });
});
