import { describe, expect, it } from 'vitest';
import { streamBankCsv } from '../../../core/formats/csv/streamBankCsv';
import { importFile } from '../../../core/formats/importFile';
import type { Transaction } from '../../../core/model/transaction';

const CAPTURED_AT = '2026-11-23T00:00:00.000Z';
const options = { currency: 'USD', capturedAt: CAPTURED_AT };

const rows = (from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `2026-01-${String(1 + ((from + i) % 28)).padStart(2, '0')},"Shop ""${(from + i) % 50}""",-${(from + i) % 90}.25\n`,
  ).join('');

async function stream(chunks: string[]) {
  const emitted: Transaction[] = [];
  async function* gen() {
    yield* chunks;
  }
  const result = await streamBankCsv(gen(), { file: 'big.csv', capturedAt: CAPTURED_AT, options }, (t) => {
    emitted.push(t);
  });
  return { result, emitted };
}

describe('streamBankCsv over large chunks', () => {
  it('yields what importFile yields when chunks are megabytes long (read and emitted in pieces)', async () => {
    const text = `Date,Description,Amount\n${rows(0, 60_000)}`;
    const whole = importFile({ name: 'big.csv', bytes: new TextEncoder().encode(text) }, options);
    if (!whole.ok) expect.fail(JSON.stringify(whole.problems));
    const { result, emitted } = await stream([text.slice(0, 1_500_000), text.slice(1_500_000)]);
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    expect(emitted).toEqual(whole.transactions);
  });

  it('emits none of the rows of a chunk that ends in a record too long to accept', async () => {
    const first = `Date,Description,Amount\n${rows(0, 6000)}`;
    // Good rows, then a quote that never closes, running past 1 MB to the end of the same chunk.
    const second = `${rows(6000, 500)}2026-02-01,"open${'x'.repeat(1_200_000)}`;
    const { result, emitted } = await stream([first, second]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe('record_too_long');
    // The last row of the first chunk waits for the next (it might be cut off) and goes with it.
    expect(emitted).toHaveLength(5999);
  });
});
