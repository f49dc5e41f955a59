import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveRhythm } from '../../extension/settings/saveRhythm';
import { activityPage, type Harness, harness } from './harness';

const fixture = (name: string) => readFileSync(`test/fixtures/receivables/${name}`).toString('base64');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const badge = () => fakeBrowser.action.getBadgeText({});

async function importBank(h: Harness, name: string, content: string) {
  const preview = await h.ask({ type: 'importFile', name, base64: content });
  if (!preview.ok || 'kind' in preview.value)
    throw new Error(`not a bank preview: ${JSON.stringify(preview)}`);
  const saved = await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
}

async function capture(h: Harness, rows: Array<[string, string, string]>) {
  const tab = await h.openTab('https://bank.example/activity', activityPage(rows));
  const preview = await h.ask({ type: 'capture', tabId: tab });
  if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
  const saved = await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
}

async function alerts(h: Harness) {
  const r = await h.ask({ type: 'alerts' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('invoices and alerts in the extension', () => {
  it('stores a dropped invoice list by number, settles it against the stored bank lines, and counts the overdue ones on the badge', async () => {
    const h = harness({ start: '2026-12-06T12:00:00Z' });
    await importBank(h, 'checking_4417_2026-11.csv', fixture('checking_4417_2026-11.csv'));
    const imported = await h.ask({
      type: 'importFile',
      name: 'invoice-list.csv',
      base64: fixture('invoice-list.csv'),
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { kind: 'invoices', file: 'invoice-list.csv', invoices: 10, added: 10, updated: 0 },
    });
    // The list's TOTAL footer is no invoice and no problem either: passed over.
    expect(
      imported.ok && 'kind' in imported.value && imported.value.kind === 'invoices' && imported.value.skipped,
    ).toEqual([]);
    expect(await h.db.invoices.orderBy('number').primaryKeys()).toEqual([
      '1040',
      '1041',
      '1042',
      '1043',
      '1044',
      '1045',
      '1046',
      '1047',
      '1048',
      '1049',
    ]);
    // Nothing of the invoice list reached the transactions.
    expect(await h.db.transactions.filter((t) => t.origin.file === 'invoice-list.csv').count()).toBe(0);
    expect(await h.db.transactions.count()).toBe(13);

    // The badge follows the import by itself: three invoices are overdue.
    await vi.waitFor(async () => expect(await badge()).toBe('3'));
    const view = await alerts(h);
    const status = Object.fromEntries(
      view.invoices.map((i) => [i.number, [i.status, i.remainingMinor, i.daysOverdue]]),
    );
    expect(status).toEqual({
      '1040': ['paid', 0, 0],
      '1041': ['paid', 0, 0],
      '1042': ['paid', 0, 0],
      '1043': ['paid', 0, 0], // two part payments in German
      '1044': ['paid', 0, 0],
      '1045': ['partial', 1500, 17], // short by a wire fee
      '1046': ['overpaid', -475, 0],
      '1047': ['open', 22000, 12], // paid, then refunded
      '1048': ['paid', 0, 0],
      '1049': ['open', 56000, 4],
    });
    // Most overdue first.
    expect(view.invoices.slice(0, 3).map((i) => i.number)).toEqual(['1045', '1047', '1049']);
    expect(view.alerts.map((a) => [a.type, a.invoice, a.since])).toEqual([
      ['overdue-invoice', '1045', '2026-11-19'],
      ['overdue-invoice', '1047', '2026-11-24'],
      ['overdue-invoice', '1049', '2026-12-02'],
    ]);

    // The same list again updates, never duplicates.
    const again = await h.ask({
      type: 'importFile',
      name: 'invoice-list.csv',
      base64: fixture('invoice-list.csv'),
    });
    expect(again).toMatchObject({ ok: true, value: { added: 0, updated: 10 } });
    expect(await h.db.invoices.count()).toBe(10);
  });

  it('names each bad row of an invoice list by file, line and field, keeping the good ones and what was stored', async () => {
    const h = harness({ start: '2026-12-06T12:00:00Z' });
    const csv = [
      'Invoice Number,Customer,Invoice Date,Due Date,Amount,Currency',
      'A-1,Acme Ltd,2026-11-01,2026-11-15,100.00,USD',
      'A-2,Beta GmbH,2026-11-02,2026-11-31,50.00,EUR',
      'A-3,Gamma SA,2026-11-03,2026-11-17,lots,USD',
      'A-4,,2026-11-04,2026-11-18,20.00,USD',
    ].join('\n');
    const r = await h.ask({ type: 'importFile', name: 'invoices.csv', base64: base64(csv) });
    if (!r.ok || !('kind' in r.value) || r.value.kind !== 'invoices') throw new Error(JSON.stringify(r));
    expect(r.value).toMatchObject({ invoices: 1, added: 1 });
    expect(r.value.skipped.map((p) => [p.file, p.line, p.field])).toEqual([
      ['invoices.csv', 3, 'due'],
      ['invoices.csv', 4, 'Amount'],
      ['invoices.csv', 5, 'customer'],
    ]);
    expect(await h.db.invoices.toArray()).toMatchObject([
      { number: 'A-1', customer: 'Acme Ltd', due: '2026-11-15', amount: { minor: 10000, currency: 'USD' } },
    ]);
  });

  it('refuses an invoice list whose currency nothing decides, storing nothing', async () => {
    const h = harness({ start: '2026-12-06T12:00:00Z' });
    const r = await h.ask({
      type: 'importFile',
      name: 'invoice-list.csv',
      base64: fixture('invoice-list.csv'),
    });
    expect(r).toMatchObject({
      ok: false,
      problems: [{ code: 'currency_undecided', file: 'invoice-list.csv' }],
    });
    expect(await h.db.invoices.count()).toBe(0);
  });

  it('alerts on a capture far smaller than usual, an account gone quiet (unless its rhythm says otherwise) and a drifted page', async () => {
    const h = harness({ start: '2026-03-10T12:00:00Z' });
    const days = Array.from({ length: 10 }, (_, i) => `03/${String(i + 1).padStart(2, '0')}/2026`);
    await capture(
      h,
      days.flatMap((d, i) => [
        [d, `COFFEE ${i}`, '-4.50'],
        [d, `LUNCH ${i}`, '-12.00'],
      ]),
    );
    expect((await alerts(h)).alerts).toEqual([]);
    expect(await badge()).toBe('');

    // The same ten days again, but only two rows read: a filter was left on.
    h.tick(24 * 3600_000);
    await capture(h, [
      [days[0]!, 'COFFEE 0', '-4.50'],
      [days[9]!, 'LUNCH 9', '-12.00'],
    ]);
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    let view = await alerts(h);
    expect(view.alerts).toEqual([
      expect.objectContaining({ type: 'few-rows', account: 'Checking ••6789', since: '2026-03-01' }),
    ]);
    expect(view.alerts[0]!.message).toMatch(
      /holds 2 rows for 2026-03-01 to 2026-03-10, where this account usually has about 20/,
    );

    // Ten days later nothing new came: the account is stale, since its last capture.
    h.tick(10 * 24 * 3600_000);
    view = await alerts(h);
    expect(view.alerts.map((a) => [a.type, a.since])).toEqual([
      ['stale-account', '2026-03-11'],
      ['few-rows', '2026-03-01'],
    ]);
    expect(view.alerts[0]!.message).toMatch(
      /nothing captured or imported since 2026-03-11 \(10 days; expected every 7\)/,
    );
    expect(await badge()).toBe('2');

    // A monthly account: the owner sets its rhythm, and the quiet spell is no alert.
    await saveRhythm(fakeBrowser.storage.local, 'Checking ••6789', 30);
    view = await alerts(h);
    expect(view.rhythmDays).toEqual({ 'Checking ••6789': 30 });
    expect(view.alerts.map((a) => a.type)).toEqual(['few-rows']);

    // The newest capture of a site whose profile no longer fits its page.
    await h.db.captures.put({
      id: 'drifted',
      kind: 'capture',
      source: 'https://bank.example/activity',
      host: 'bank.example',
      capturedAt: '2026-03-21T09:00:00.000Z',
      state: 'saved',
      counts: { found: 2, added: 0, unchanged: 2, changed: 0 },
      incoming: [],
      diagnostics: {
        pages: 1,
        mapping: {},
        headers: [],
        warnings: ['profile examplebank: no rows match "tr.txn" any more'],
      },
      verification: 'unchecked',
      delivered: [{ account: 'Checking ••6789', rows: 2, from: '2026-03-19', to: '2026-03-20' }],
    });
    view = await alerts(h);
    expect(view.alerts.find((a) => a.type === 'drift')).toMatchObject({
      account: 'Checking ••6789',
      since: '2026-03-21',
      message: expect.stringContaining('no rows match "tr.txn" any more'),
    });
    expect(await badge()).toBe(String(view.alerts.length));
  });
});
