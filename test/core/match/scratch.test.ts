import { afterEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../../core/match/reconcile';
import { Scratch } from '../../../core/match/scratch';
import { book } from '../../bench/match.bench';
import { generateScenario } from './scenarios/generateScenario';

describe('Scratch', () => {
  it('hands out zeroed views, and takes back what was handed out after a mark', () => {
    const s = new Scratch();
    const a = s.int32(10);
    a.fill(7);
    const mark = s.mark();
    const b = s.float64(100);
    b.fill(1.5);
    s.release(mark);
    const c = s.float64(100);
    expect(c.buffer).toBe(b.buffer);
    expect(c.byteOffset).toBe(b.byteOffset);
    expect([...c].every((x) => x === 0)).toBe(true);
    expect([...a].every((x) => x === 7)).toBe(true);
  });

  it('keeps lasting columns apart from what a pass hands back', () => {
    const s = new Scratch();
    const mark = s.mark();
    const kept = s.lasting.int32(8).fill(3);
    s.release(mark);
    s.int32(1000).fill(9);
    expect([...kept]).toEqual(new Array(8).fill(3));
  });

  it('grows past its first buffer without moving what it handed out', () => {
    const s = new Scratch();
    const small = s.uint8(16).fill(1);
    const big = s.float64(1 << 18);
    expect(big.length).toBe(1 << 18);
    expect(big.byteOffset % 8).toBe(0);
    expect([...small]).toEqual(new Array(16).fill(1));
  });

  it('gives a run the buffers the previous run left', () => {
    const first = Scratch.take();
    const view = first.int32(64).fill(5);
    first.give();
    const next = Scratch.take();
    const again = next.int32(64);
    expect(again.buffer).toBe(view.buffer);
    expect([...again].every((x) => x === 0)).toBe(true);
    next.give();
  });
});

describe('reconcile with a scratch reused from run to run', () => {
  const everything = (r: ReturnType<typeof reconcile>) =>
    JSON.stringify({ matches: r.matches.toArray(), discrepancies: r.discrepancies, unmatched: r.unmatched });

  it("leaves a result as it was when the next run writes over the previous run's columns", () => {
    const a = generateScenario(11, { months: 3, activity: 3 }).transactions;
    const b = book(3000);
    const expected = everything(reconcile({ transactions: a }));
    // The result is read only after other runs have reused every working column.
    const kept = reconcile({ transactions: a });
    reconcile({ transactions: b });
    reconcile({ transactions: generateScenario(12, { months: 2, activity: 2 }).transactions });
    expect(everything(kept)).toBe(expected);
  });

  describe('allocates few new buffers once a run has been made', () => {
    const names = [
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'Float64Array',
    ];
    const originals = names.map((name) => [name, (globalThis as Record<string, unknown>)[name]] as const);
    afterEach(() => {
      for (const [name, original] of originals) (globalThis as Record<string, unknown>)[name] = original;
    });

    it('at most 16 bytes of new typed arrays per line (a few of the result’s columns), not the run’s columns', () => {
      const lines = book(20_000);
      reconcile({ transactions: lines });
      let bytes = 0;
      for (const [name, original] of originals) {
        const Base = original as Int32ArrayConstructor;
        // Counts arrays with a buffer of their own; a view on an existing buffer costs V8 nothing.
        (globalThis as Record<string, unknown>)[name] = class extends Base {
          constructor(...args: unknown[]) {
            super(...(args as [number]));
            if (!(args[0] instanceof ArrayBuffer)) bytes += this.byteLength;
          }
        };
      }
      reconcile({ transactions: lines });
      expect(bytes / lines.length).toBeLessThan(16);
    });
  });
});
