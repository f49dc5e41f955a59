import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber, weekday } from '../../../core/dates/calendar';
import { detectDateOrder } from '../../../core/dates/detectDateOrder';
import { parseDate } from '../../../core/dates/parseDate';
import { parseDateColumn } from '../../../core/dates/parseDateColumn';

const asOf = '2026-11-23';

describe('parseDate', () => {
  it.each([
    ['2026-11-21', '2026-11-21'],
    ['11/21/2026', '2026-11-21'],
    ['21/11/2026', '2026-11-21'],
    ['21.11.2026', '2026-11-21'],
    ['Nov 21', '2026-11-21'],
    ['Nov 21, 2026', '2026-11-21'],
    ['21 Nov 2026', '2026-11-21'],
    ['November 21st, 2026', '2026-11-21'],
    ['Fri, Nov 21, 2026', '2026-11-21'],
    ['21-Nov-2026', '2026-11-21'],
    ['21. Nov. 2026', '2026-11-21'],
    ['Today', '2026-11-23'],
    ['Yesterday', '2026-11-22'],
    ['3 days ago', '2026-11-20'],
    ['20230509120000.000[-5:EST]', '2023-05-09'],
    ['20261121', '2026-11-21'],
    ['2026-11-21T23:59:00Z', '2026-11-21'],
    ['11/21/2026 10:32 AM', '2026-11-21'],
    ['11/21/26', '2026-11-21'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text, { asOf })).toEqual({ ok: true, value: iso });
  });

  it('puts a December row seen in January in last year, and a near-future date in this year', () => {
    expect(parseDate('Dec 28', { asOf: '2027-01-05' })).toEqual({ ok: true, value: '2026-12-28' });
    expect(parseDate('Nov 25', { asOf })).toEqual({ ok: true, value: '2026-11-25' });
    expect(parseDate('Jan 3', { asOf: '2026-12-30' })).toEqual({ ok: true, value: '2027-01-03' });
    expect(parseDate('Jun 1', { asOf })).toEqual({ ok: true, value: '2026-06-01' });
  });

  it('refuses what is not a date, naming it', () => {
    for (const text of ['Feb 30, 2026', '13/13/2026', 'hello', '']) {
      const result = parseDate(text, { asOf });
      expect(result.ok).toBe(false);
    }
    const relative = parseDate('Yesterday');
    expect(relative.ok ? null : relative.problems[0]!.code).toBe('needs_as_of');
  });

  it('decides month-first vs day-first per column', () => {
    expect(detectDateOrder(['03/04/2026', '21/04/2026'])).toBe('dmy');
    expect(detectDateOrder(['03/04/2026', '04/21/2026'])).toBe('mdy');
    expect(detectDateOrder(['03/04/2026'])).toBeUndefined();
    const column = parseDateColumn(['03/04/2026', '21/04/2026', '']);
    expect(column.order).toBe('dmy');
    expect(column.dates.map((d) => (d?.ok ? d.value : null))).toEqual(['2026-04-03', '2026-04-21', null]);
  });
});

describe('date properties', () => {
  const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') });
  it('every date written in each style reads back as the same day', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(day, (n) => {
        const iso = fromDayNumber(n);
        const [y, m, d] = iso.split('-') as [string, string, string];
        const styles: Array<[string, 'mdy' | 'dmy']> = [
          [iso, 'mdy'],
          [`${m}/${d}/${y}`, 'mdy'],
          [`${d}/${m}/${y}`, 'dmy'],
          [`${d}.${m}.${y}`, 'dmy'],
          [`${months[Number(m) - 1]} ${Number(d)}, ${y}`, 'mdy'],
          [`${Number(d)} ${months[Number(m) - 1]} ${y}`, 'dmy'],
          [`${y}${m}${d}120000`, 'mdy'],
        ];
        for (const [text, order] of styles)
          expect(parseDate(text, { order })).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('day arithmetic agrees with itself', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (n, k) => {
        const iso = fromDayNumber(n);
        expect(toDayNumber(addDays(iso, k)) - n).toBe(k);
        expect(weekday(addDays(iso, 7))).toBe(weekday(iso));
      }),
    );
  });
});

describe('month names of Portuguese and Scandinavian portals', () => {
  it.each([
    ['15 novembro 2026', '2026-11-15'],
    ['3 out 2026', '2026-10-03'],
    ['1 fev. 2026', '2026-02-01'],
    ['7 março 2026', '2026-03-07'],
    ['12 maj 2026', '2026-05-12'],
    ['30 augusti 2026', '2026-08-30'],
    ['24 desember 2026', '2026-12-24'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text, { order: 'dmy' })).toEqual({ ok: true, value: iso });
  });
});
