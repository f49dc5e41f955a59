import { describe, expect, it } from 'vitest';
import { clearValueMemos, looksLikeMoney, readsAsMoney } from '../../../core/capture/valueShapes';
import { seededRandom } from '../match/scenarios/random';

/** Figures with as many letters as a reading allows: a mark, a code and a symbol. */
const FIGURES = [
  '12,00 EUR Haben',
  'kr 12,00 SEK Haben',
  'US$5.00 USD CR',
  'US$ 5.00 USD DR.',
  'CA$1,234.56 CAD',
  '43,87 S',
  '1.204,50 zł',
  '30,000円',
  'Fr. 12.50',
  '-$4,999.99',
  '(£12.00)',
  '+ €5.00',
  '12.00 Soll',
];
const WORDS = ['ACH DEBIT GUSTO PAYROLL', 'Balance', 'Fee', 'Haben', 'Soll', 'USD', 'EUR', 'Refund', 'x'];

function texts(): string[] {
  const out = [...FIGURES];
  for (const f of FIGURES) for (const w of WORDS) out.push(`${w} ${f}`, `${f} ${w}`, `${w}${f}`);
  const random = seededRandom(42).next;
  const pieces = [
    '$',
    '€',
    'kr',
    'US$',
    'USD',
    'EUR',
    'CR',
    'DR',
    'Haben',
    'S',
    '-',
    '(',
    ')',
    ' ',
    '1',
    '2,00',
    '.50',
    '1.234',
    'ab',
    '*',
  ];
  for (let i = 0; i < 20_000; i++) {
    let t = '';
    const n = 1 + Math.floor(random() * 7);
    for (let k = 0; k < n; k++) t += pieces[Math.floor(random() * pieces.length)];
    out.push(t);
  }
  return out;
}

describe('looksLikeMoney (memo and shortcuts) against the general reading', () => {
  it('answers as readsAsMoney does on every text, figures with a mark, a code and a symbol included', () => {
    clearValueMemos();
    const all = texts();
    expect(all.filter((t) => looksLikeMoney(t) !== readsAsMoney(t))).toEqual([]);
    // The sample holds figures at the letter limit, read as money.
    expect(looksLikeMoney('kr 12,00 SEK Haben')).toBe(true);
    expect(looksLikeMoney('ACH DEBIT GUSTO PAYROLL 17')).toBe(false);
  });
});
