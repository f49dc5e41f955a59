import { beforeEach, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '../../extension/background/previewCapture';
import { activityPage, type Harness, harness } from './harness';

const PORTAL = 'https://bank.example/activity';
const MARCH = activityPage([
  ['03/02/2026', 'SQ *BLUE BOTTLE COF', '-$4.50'],
  ['03/02/2026', 'SQ *BLUE BOTTLE COF', '-$4.50'],
  ['03/03/2026', 'STRIPE TRANSFER', '$1,234.56'],
  ['03/04/2026', 'ADOBE *CREATIVE CLOUD', '-$59.99', 'Pending'],
]);

let h: Harness;
beforeEach(() => {
  h = harness();
});

async function captureAndSave(tabId: number) {
  const preview = await h.ask({ type: 'capture', tabId });
  if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
  const saved = await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
  return { preview: preview.value, saved };
}

describe('capture → preview → save', () => {
  it('previews without storing, then stores on save', async () => {
    const tabId = await h.openTab(PORTAL, MARCH);
    const preview = await h.ask({ type: 'capture', tabId });
    expect(preview.ok && preview.value).toMatchObject({ found: 4, new: 4, alreadyCaptured: 0, changed: 0 });
    expect(await h.db.transactions.count()).toBe(0);
    const saved = await h.ask({ type: 'saveCapture', captureId: preview.ok ? preview.value.captureId! : '' });
    expect(saved).toMatchObject({ ok: true, value: { added: 4, changed: 0, unchanged: 0 } });
    const rows = await h.db.transactions.orderBy('date').toArray();
    expect(rows.map((r) => [r.date, r.amount.minor, r.status])).toEqual([
      ['2026-03-02', -450, 'posted'],
      ['2026-03-02', -450, 'posted'],
      ['2026-03-03', 123456, 'posted'],
      ['2026-03-04', -5999, 'pending'],
    ]);
    expect(await h.db.captures.get(preview.ok ? preview.value.captureId! : '')).toMatchObject({
      source: PORTAL,
      host: 'bank.example',
      state: 'saved',
      counts: { found: 4, added: 4 },
    });
  });

  it('keeps the raw cells of every row it read with the capture', async () => {
    const tabId = await h.openTab(PORTAL, MARCH);
    const { preview } = await captureAndSave(tabId);
    const raw = await h.db.raw.where('captureId').equals(preview.captureId!).sortBy('row');
    expect(raw).toHaveLength(4);
    expect(raw[2]!.cells).toEqual(expect.arrayContaining(['03/03/2026', 'STRIPE TRANSFER', '$1,234.56']));
  });

  it('adds nothing when the same page is captured again, and refuses to save a capture twice', async () => {
    const tabId = await h.openTab(PORTAL, MARCH);
    const first = await captureAndSave(tabId);
    const again = await captureAndSave(tabId);
    expect(again.preview).toMatchObject({ new: 0, alreadyCaptured: 4, changed: 0 });
    expect(await h.db.transactions.count()).toBe(4);
    const twice = await h.ask({ type: 'saveCapture', captureId: first.preview.captureId! });
    expect(twice.ok).toBe(false);
  });

  it('links a posted line to the pending line it replaces instead of adding a duplicate', async () => {
    const tabId = await h.openTab(PORTAL, MARCH);
    await captureAndSave(tabId);
    h.setPage(
      tabId,
      activityPage([
        ['03/02/2026', 'SQ *BLUE BOTTLE COF', '-$4.50'],
        ['03/02/2026', 'SQ *BLUE BOTTLE COF', '-$4.50'],
        ['03/03/2026', 'STRIPE TRANSFER', '$1,234.56'],
        ['03/05/2026', 'ADOBE *CREATIVE CLOUD 800-833', '-$59.99'],
      ]),
    );
    const { preview, saved } = await captureAndSave(tabId);
    expect(preview).toMatchObject({ new: 0, alreadyCaptured: 3, changed: 1 });
    expect(preview.rows.find((r) => r.transaction.description.startsWith('ADOBE'))?.change).toBe('changed');
    expect(saved).toMatchObject({ ok: true, value: { added: 0, changed: 1, unchanged: 3 } });
    const adobe = await h.db.transactions.filter((t) => t.description.startsWith('ADOBE')).toArray();
    const pending = adobe.find((t) => t.status === 'pending')!;
    const posted = adobe.find((t) => t.status === 'posted')!;
    expect(pending.supersededBy).toBe(posted.id);
    expect(posted.supersedes).toBe(pending.id);
    const listed = await h.ask({ type: 'query' });
    expect(listed.ok && listed.value.total).toBe(4);
  });

  it('says clearly when the page has no transactions, and keeps nothing', async () => {
    const tabId = await h.openTab(PORTAL, '<html><body><h1>Settings</h1></body></html>');
    const preview = await h.ask({ type: 'capture', tabId });
    expect(preview).toMatchObject({ ok: true, value: { found: 0 } });
    expect(preview.ok && preview.value.message?.startsWith(NOTHING_FOUND)).toBe(true);
    expect(preview.ok && preview.value.message).toMatch(/Why: .+/);
    expect(preview.ok && preview.value.captureId).toBeUndefined();
    expect(await h.db.captures.count()).toBe(0);
  });

  it('keeps a preview through a service-worker restart', async () => {
    const tabId = await h.openTab(PORTAL, MARCH);
    const preview = await h.ask({ type: 'capture', tabId });
    h.db.close();
    const restarted = harness({ idb: h.idb });
    const tab = await restarted.openTab(PORTAL, MARCH);
    const pending = await restarted.ask({ type: 'pendingCapture', tabId: tab });
    expect(pending.ok && pending.value?.captureId).toBe(preview.ok && preview.value.captureId);
    const saved = await restarted.ask({
      type: 'saveCapture',
      captureId: preview.ok ? preview.value.captureId! : '',
    });
    expect(saved).toMatchObject({ ok: true, value: { added: 4 } });
  });

  it('uses a corrected column mapping and keeps it as the site profile', async () => {
    const page = `<html><body><table><thead><tr><th>Date</th><th>Details</th><th>Memo</th><th>Amount</th></tr></thead>
      <tbody><tr><td>03/09/2026</td><td>ACH DEBIT 000123</td><td>Rent March</td><td>-$2,000.00</td></tr>
      <tr><td>03/10/2026</td><td>ACH DEBIT 000124</td><td>Insurance</td><td>-$150.00</td></tr></tbody></table></body></html>`;
    const tabId = await h.openTab(PORTAL, page);
    const guessed = await h.ask({ type: 'capture', tabId });
    expect(guessed.ok && guessed.value.headers).toEqual(expect.arrayContaining(['Details', 'Memo']));
    const mapping = { date: 'Date', description: 'Memo', amount: 'Amount' };
    const fixed = await h.ask({ type: 'capture', tabId, mapping, saveMapping: true });
    expect(fixed.ok && fixed.value.rows.map((r) => r.transaction.description)).toEqual([
      'Rent March',
      'Insurance',
    ]);
    expect(await h.db.profiles.get('bank.example')).toMatchObject({ mapping });
    const later = await h.ask({ type: 'capture', tabId });
    expect(later.ok && later.value.rows[0]?.transaction.description).toBe('Rent March');
  });

  it('follows next pages up to the bound, and stops when asked', async () => {
    const pages = [1, 2, 3, 4, 5].map((n) => activityPage([[`03/0${n}/2026`, `PAGE ${n} LINE`, '-$1.00']]));
    const tabId = await h.openTab(PORTAL, pages[0]!, pages.slice(1));
    const bounded = await h.ask({ type: 'capture', tabId, allPages: true, maxPages: 3 });
    expect(bounded).toMatchObject({ ok: true, value: { pages: 3, found: 3 } });

    const other = await h.openTab(PORTAL, pages[0]!, pages.slice(1));
    const running = h.ask({ type: 'capture', tabId: other, allPages: true, maxPages: 5 });
    await h.ask({ type: 'stopCapture', tabId: other });
    expect(await running).toMatchObject({ ok: true, value: { pages: 1, found: 1 } });
  });

  it('keeps identical lines on two pages as two, and lines "load more" shows again as one', async () => {
    const coffee: [string, string, string] = ['03/02/2026', 'COFFEE', '-$4.50'];
    const lunch: [string, string, string] = ['03/03/2026', 'LUNCH', '-$12.00'];
    const rent: [string, string, string] = ['03/01/2026', 'RENT', '-$900.00'];
    const paged = await h.openTab(PORTAL, activityPage([coffee, lunch]), [activityPage([coffee, rent])]);
    const twoPages = await h.ask({ type: 'capture', tabId: paged, allPages: true });
    expect(twoPages).toMatchObject({ ok: true, value: { pages: 2, found: 4, new: 4 } });

    const more = await h.openTab(PORTAL, activityPage([coffee]), [activityPage([coffee, lunch])]);
    const loadMore = await h.ask({ type: 'capture', tabId: more, allPages: true });
    expect(loadMore.ok && loadMore.value.rows.map((r) => r.transaction.description)).toEqual([
      'COFFEE',
      'LUNCH',
    ]);

    const single = await h.openTab(PORTAL, activityPage([coffee, lunch]));
    const onePage = await h.ask({ type: 'capture', tabId: single });
    const ids = (r: typeof onePage) => (r.ok ? r.value.rows.map((x) => x.transaction.id) : []);
    expect(ids(loadMore)).toEqual(ids(onePage)); // the same lines get the same ids however they were reached
  });

  it('answers a tab it may not read with a problem, not an exception', async () => {
    const reply = await h.ask({ type: 'capture', tabId: 999 });
    expect(reply.ok).toBe(false);
  });
});
