import { describe, expect, it } from 'vitest';
import { clearAmountReadings, readAmount, readAmountColumn } from '../../../core/capture/amountReadings';
import { buildDomNodes } from '../../../core/capture/domTree';
import { parseAmount } from '../../../core/money/parseAmount';
import { parseAmountColumn } from '../../../core/money/parseAmountColumn';
import { classPages } from './classPages';
import { fixturePages, loadDocument } from './fixturePages';

/** Every short text of every fixture page, and figures the pages do not show. */
function texts(): string[] {
  const out = new Set<string>([
    '1.234',
    '1,234',
    '1.234,56',
    '(12.00)',
    '-$5',
    '12,50 €',
    'EUR 5 USD',
    '5-5',
    '',
  ]);
  for (const html of [...fixturePages().map((p) => p.html), ...classPages().map((p) => p.html)]) {
    for (const n of buildDomNodes(loadDocument(html))) if (n.text.length <= 40) out.add(n.text);
  }
  return [...out];
}

describe('amount readings (parsed once per capture)', () => {
  const all = texts();

  it('read each text as parseAmount does, under every reading, asked twice', () => {
    clearAmountReadings();
    for (const round of [1, 2]) {
      for (const t of all) {
        for (const options of [
          { currency: 'USD' },
          { currency: 'EUR', decimalSeparator: ',' as const },
          {},
        ]) {
          expect(readAmount(t, options), `${round}: ${t}`).toEqual(parseAmount(t, options));
        }
      }
    }
  });

  it('read a column as parseAmountColumn does', () => {
    clearAmountReadings();
    const chunks = [all, all.slice(0, 40), all.filter((t) => /,\d{2}\b/.test(t)), ['1.234', '5,00']];
    for (const values of chunks) {
      for (const options of [{ currency: 'USD' }, { currency: 'EUR', fallbackSeparator: ',' as const }]) {
        expect(readAmountColumn(values, options)).toEqual(parseAmountColumn(values, options));
      }
    }
  });
});
