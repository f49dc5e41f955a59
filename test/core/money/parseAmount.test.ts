import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor } from '../../../core/money/decimalToMinor';
import { formatAmount } from '../../../core/money/formatAmount';
import { parseAmount } from '../../../core/money/parseAmount';
import { parseAmountColumn } from '../../../core/money/parseAmountColumn';

const usd = { currency: 'USD' };

describe('parseAmount reads what portals and files print', () => {
  it.each([
    ['-1,234.56', usd, -123456, 'USD'],
    ['(1,234.56)', usd, -123456, 'USD'],
    ['1.234,56 €', {}, 123456, 'EUR'],
    ['-45,00 EUR', {}, -4500, 'EUR'],
    ['1 234,56', { currency: 'EUR', decimalSeparator: ',' as const }, 123456, 'EUR'],
    ['1\u00a0234,56\u00a0€', {}, 123456, 'EUR'],
    ['1\u202f234,56 €', {}, 123456, 'EUR'],
    ['$12', {}, 1200, 'USD'],
    ['12.00 CR', usd, 1200, 'USD'],
    ['12.00 DR', usd, -1200, 'USD'],
    ['+ $5.00', {}, 500, 'USD'],
    ['\u22125.20', usd, -520, 'USD'],
    ['$(12.00)', {}, -1200, 'USD'],
    ['-$5.00', {}, -500, 'USD'],
    ['5.00-', usd, -500, 'USD'],
    ["1'234.50 CHF", {}, 123450, 'CHF'],
    ['JPY 1,200', {}, 1200, 'JPY'],
    ['¥1,200', { currency: 'JPY' }, 1200, 'JPY'],
    ['BHD 1.234', {}, 1234, 'BHD'],
    ['C$ 10.00', {}, 1000, 'CAD'],
    ['$10.00', { currency: 'CAD' }, 1000, 'CAD'],
    ['£0.99', {}, 99, 'GBP'],
    ['.50', usd, 50, 'USD'],
    ['1,23,456.00', { currency: 'INR' }, 12345600, 'INR'],
    ['0.00', usd, 0, 'USD'],
  ])('%s', (text, options, minor, currency) => {
    expect(parseAmount(text, options)).toEqual({ ok: true, value: { minor, currency } });
  });

  it.each([
    ['abc', 'invalid_amount'],
    ['', 'empty_amount'],
    ['12,34,56', 'invalid_amount'],
    ['1.2.3', 'invalid_amount'],
    ['12.345', 'too_many_decimals'],
    ['1 234,56', 'missing_currency'],
  ])('refuses %j with %s', (text, code) => {
    const result = parseAmount(text, text === '1 234,56' ? {} : { ...usd, decimalSeparator: '.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe(code);
  });

  it('decides the decimal separator per column, not per cell', () => {
    // "1.234" alone is ambiguous; its neighbours prove decimal comma.
    const column = parseAmountColumn(['1.234', '12,50', '-3.000,10'], { currency: 'EUR' });
    expect(column.decimalSeparator).toBe(',');
    expect(column.amounts.map((a) => (a?.ok ? a.value.minor : null))).toEqual([123400, 1250, -300010]);
    const us = parseAmountColumn(['1,234', '12.50', ''], { currency: 'USD' });
    expect(us.decimalSeparator).toBe('.');
    expect(us.amounts.map((a) => (a?.ok ? a.value.minor : null))).toEqual([123400, 1250, null]);
  });
});

describe('money properties', () => {
  const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'BHD');
  const minor = fc.integer({ min: -1e13, max: 1e13 });

  it('formatAmount and decimalToMinor round-trip exactly', () => {
    fc.assert(
      fc.property(minor, currency, (m, c) => {
        const text = formatAmount(m, c);
        expect(decimalToMinor(text, c)).toEqual({ ok: true, value: m });
      }),
    );
  });

  it('every accepted display style re-formats to the same value (no float drift)', () => {
    fc.assert(
      fc.property(minor, fc.constantFrom('us', 'eu', 'paren', 'crdr', 'space'), (m, style) => {
        const plain = formatAmount(Math.abs(m), 'USD');
        const [int, frac] = plain.split('.') as [string, string];
        const groupedUs = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const groupedEu = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const groupedSpace = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
        const neg = m < 0;
        const text = {
          us: `${neg ? '-' : ''}$${groupedUs}.${frac}`,
          eu: `${neg ? '\u2212' : ''}${groupedEu},${frac} USD`,
          paren: neg ? `(${groupedUs}.${frac})` : `${groupedUs}.${frac}`,
          crdr: `${groupedUs}.${frac} ${neg ? 'DR' : 'CR'}`,
          space: `${neg ? '-' : ''}${groupedSpace},${frac} USD`,
        }[style];
        const decimalSeparator = style === 'eu' || style === 'space' ? ',' : '.';
        const parsed = parseAmount(text, { currency: 'USD', decimalSeparator });
        expect(parsed).toEqual({ ok: true, value: { minor: m === 0 ? 0 : m, currency: 'USD' } });
      }),
    );
  });
});
