import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const CSV = 'Date,Description,Amount\n03/02/2026,COFFEE,-4.50\n03/03/2026,CLIENT PAYMENT,"1,200.00"\n';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('importing a dropped file', () => {
  it('previews a bank file like a capture, saves it, and adds nothing the second time', async () => {
    const h = harness();
    const preview = await h.ask({ type: 'importFile', name: 'march.csv', base64: base64(CSV) });
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

    const again = await h.ask({ type: 'importFile', name: 'march.csv', base64: base64(CSV) });
    expect(again.ok && again.value).toMatchObject({ new: 0, alreadyCaptured: 2 });
  });

  it('says what is wrong with a file it cannot read', async () => {
    const h = harness();
    const reply = await h.ask({ type: 'importFile', name: 'notes.txt', base64: base64('hello there\n') });
    expect(reply).toMatchObject({ ok: false, problems: [{ file: 'notes.txt' }] });
  });
});
