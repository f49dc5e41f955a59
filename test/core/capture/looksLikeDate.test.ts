import { describe, expect, it } from 'vitest';
import { clearValueMemos, looksLikeDate, readsAsDate } from '../../../core/capture/valueShapes';
import { seededRandom } from '../match/scenarios/random';

const AS_OF = '2026-11-21';

const LEADS = ['', '-', '−', '+', '(', ' ', '- ', '( ', '+ ', '\u00a0'];
const SIGNS = ['', '$', '€', '£', '¥', '₹', '₪', 'US$', 'kr', '円', ' $'];
const TAILS = [
  '2026-11-21',
  '11/21/2026',
  '21.11.2026',
  '21.11.',
  'Nov 21, 2026',
  'Nov 21',
  '21 Nov 2026',
  '18 de noviembre de 2026',
  'Today',
  'today, 3:45 pm',
  '3 days ago',
  'Mon, Nov 21',
  'Mi, 18.11.2026',
  '20261121',
  'Nov 21 at 3:45 pm',
  '2026年11月20日',
  'Posted: 11/20/2026',
  'Nov 20 · Dining',
  'Tuesday, 14 October 2026 — 3 transactions',
  '(2)',
  '4999.99',
  '1,234.56',
  '1000123.45',
  '4.50 USD',
  '12',
  'CARD PURCHASE SQ *BLUE BOTTLE COF 17',
  'CHECK # 1042',
  '',
];

const ALPHABET = [...'-−+( $€£¥₹₪0123456789/.,:NovTdaymMn年月日·•|—–*\u00a0'];

function texts(): string[] {
  const out: string[] = [];
  for (const lead of LEADS) for (const sign of SIGNS) for (const tail of TAILS) out.push(lead + sign + tail);
  for (const tail of TAILS) for (const sign of SIGNS) out.push(`${sign}${tail}`, `${tail} ${sign}`);
  const random = seededRandom(20261121).next;
  for (let i = 0; i < 20_000; i++) {
    const length = 1 + Math.floor(random() * 16);
    let t = '';
    for (let k = 0; k < length; k++) t += ALPHABET[Math.floor(random() * ALPHABET.length)];
    out.push(t);
  }
  return out;
}

describe('looksLikeDate (memo and shortcuts) against the general reading', () => {
  it('answers as readsAsDate does on every text, figures led by a currency sign included', () => {
    clearValueMemos();
    const wrong = texts().filter((t) => looksLikeDate(t, AS_OF) !== readsAsDate(t, AS_OF));
    expect(wrong).toEqual([]);
  });

  it('still reads dates next to figures', () => {
    for (const t of ['Nov 21, 2026', '21.11.2026', '11/21/2026', 'Today'])
      expect(looksLikeDate(t, AS_OF)).toBe(true);
    for (const t of ['$4999.99', '-$1000123.45', '( €2026', '−£11/21/2026'])
      expect(looksLikeDate(t, AS_OF)).toBe(false);
  });
});
