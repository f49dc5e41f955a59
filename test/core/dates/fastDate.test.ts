import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateOptions, fastDate, parseDate } from '../../../core/dates/parseDate';

/** Ten characters in the shapes the fast path reads, with impossible days, months and years among them. */
const tenChars = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 2, maxLength: 2 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 2, maxLength: 2 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 4 }),
    fc.constantFrom('-', '/', '.', ' ', 'x'),
    fc.constantFrom('-', '/', '.', ' '),
    fc.boolean(),
  )
  .map(([a, b, y, s1, s2, yearFirst]) => (yearFirst ? `${y}${s1}${a}${s2}${b}` : `${a}${s1}${b}${s2}${y}`));
const real = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true });
const written = fc.oneof(
  tenChars,
  real.map((d) => d.toISOString().slice(0, 10)),
  real.map((d) => d.toISOString().slice(0, 10).replaceAll('-', '/')),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.'), maxLength: 11 }),
);
const options: fc.Arbitrary<DateOptions> = fc.record(
  { order: fc.constantFrom('mdy' as const, 'dmy' as const), asOf: fc.constant('2026-11-23') },
  { requiredKeys: [] },
);

describe('parseDate fast path', () => {
  it('reads every date as the general path does, refusals and their messages included', () => {
    // A leading space keeps the text off the fast path; the general path trims it away.
    fc.assert(
      fc.property(written, options, (text, o) => {
        expect(parseDate(text, o)).toEqual(parseDate(` ${text}`, o));
        const fast = fastDate(text, o.order);
        if (fast !== undefined) expect(parseDate(` ${text}`, o)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 20000 },
    );
  });
});
