import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const CSV = 'Date,Description,Amount\n03/02/2026,COFFEE,-4.50\n03/03/2026,CLIENT PAYMENT,"1,200.00"\n';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('importing a dropped file', () => {
  it('previews a bank file like a capture, saves it, and adds nothing the second time', async () => {
    const h = harness();
    const preview = await h.ask({
      type: 'importFile',
      name: 'march.csv',
      base64: base64(CSV),
      account: 'Checking',
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    if ('kind' in preview.value) throw new Error('read as an invoice list');
    expect(preview.value).toMatchObject({ source: 'march.csv', found: 2, new: 2 });
    await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
    const rows = await h.db.transactions.orderBy('date').toArray();
    expect(rows.map((t) => [t.date, t.amount.minor, t.origin.file])).toEqual([
      ['2026-03-02', -450, 'march.csv'],
      ['2026-03-03', 120000, 'march.csv'],
    ]);
    expect(await h.db.captures.get(preview.value.captureId!)).toMatchObject({
      kind: 'import',
      state: 'saved',
    });

    const again = await h.ask({
      type: 'importFile',
      name: 'march.csv',
      base64: base64(CSV),
      account: 'Checking',
    });
    expect(again.ok && again.value).toMatchObject({ new: 0, alreadyCaptured: 2 });
  });

  it('asks which account a file is when nothing decides it, stores nothing until told, then books it there', async () => {
    const h = harness();
    const first = await h.ask({
      type: 'importFile',
      name: 'checking_4417.csv',
      base64: base64(CSV),
      account: 'Checking 4417',
    });
    if (!first.ok || 'kind' in first.value) throw new Error('expected a preview');
    await h.ask({ type: 'saveCapture', captureId: first.value.captureId! });
    const before = { captures: await h.db.captures.count(), transactions: await h.db.transactions.count() };

    const undecided = 'Date,Description,Amount\n03/05/2026,RENT,-900.00\n';
    const question = await h.ask({ type: 'importFile', name: 'export.csv', base64: base64(undecided) });
    expect(question).toEqual({
      ok: true,
      value: { kind: 'account', file: 'export.csv', accounts: ['Checking 4417'], reason: expect.any(String) },
    });
    expect({ captures: await h.db.captures.count(), transactions: await h.db.transactions.count() }).toEqual(
      before,
    );

    const answered = await h.ask({
      type: 'importFile',
      name: 'export.csv',
      base64: base64(undecided),
      account: 'Savings',
    });
    if (!answered.ok || 'kind' in answered.value) throw new Error('expected a preview');
    await h.ask({ type: 'saveCapture', captureId: answered.value.captureId! });
    const rent = (await h.db.transactions.toArray()).find((t) => t.description === 'RENT');
    expect(rent).toMatchObject({ account: 'Savings', amount: { minor: -90000 } });
  });

  it('imports a file whose name decides its account without asking', async () => {
    const h = harness();
    const reply = await h.ask({ type: 'importFile', name: 'savings_4421.csv', base64: base64(CSV) });
    if (!reply.ok || 'kind' in reply.value) throw new Error('expected a preview');
    await h.ask({ type: 'saveCapture', captureId: reply.value.captureId! });
    expect(new Set((await h.db.transactions.toArray()).map((t) => t.account)).size).toBe(1);
    expect((await h.db.transactions.toArray())[0]!.account).toMatch(/4421/);
  });

  it('says what is wrong with a file it cannot read', async () => {
    const h = harness();
    const reply = await h.ask({ type: 'importFile', name: 'notes.txt', base64: base64('hello there\n') });
    expect(reply).toMatchObject({ ok: false, problems: [{ file: 'notes.txt' }] });
  });
});
