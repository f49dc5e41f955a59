import { describe, expect, it } from 'vitest';
import { cleanDateText } from '../../../core/capture/valueShapes';

/** Each rule of cleanDateText at work, and texts none of them touches (descriptions). */
const CASES: Array<[string, string]> = [
  ['Nov 20 at 3:45 pm', 'Nov 20'],
  ['Nov 20, 3:45 PM · Coffee', 'Nov 20'],
  ['Nov 20 at 3.45pm', 'Nov 20'],
  ['Nov 20 · Dining', 'Nov 20'],
  ['Nov 20 | Card', 'Nov 20'],
  ['2026年11月20日', '2026-11-20'],
  ['2026년 11월 20일 수요일', '2026-11-20 수요일'],
  ['2026年11月20日 (3)', '2026-11-20'],
  ['Posted: 11/20/2026', '11/20/2026'],
  ['Date: 2026-11-20 · posted', '2026-11-20'],
  ['Mi, 18.11.2026', '18.11.2026'],
  ['mercredi 18 novembre 2026 à 10:41', '18 novembre 2026 à 10:41'],
  ['18 de noviembre de 2026', '18 noviembre 2026'],
  ['Tuesday, 14 October 2026 — 3 transactions', 'Tuesday, 14 October 2026'],
  ['Nov 20 — 1 transaction*', 'Nov 20'],
  ['Nov 20 – −£10.25', 'Nov 20'],
  ['Nov 20 - $4.50', 'Nov 20'],
  ['Nov 20 (2)', 'Nov 20'],
  ['Today (3)', 'Today'],
  ['just now', 'today'],
  ['3 hours ago', 'today'],
  ['Nov 20*', 'Nov 20'],
  ['Nov 20 **', 'Nov 20'],
  ['20.11.2026 14h30', '20.11.2026 14h30'],
  ['Nov 20 —', 'Nov 20 —'],
  ['(Nov 20)', '(Nov 20)'],
  ['CARD PURCHASE SQ *BLUE BOTTLE COF 17', 'CARD PURCHASE SQ *BLUE BOTTLE COF 17'],
  ['STRIPE TRANSFER ST-K8J2M1 2', 'STRIPE TRANSFER ST-K8J2M1 2'],
  ['CHECK # 1042 3', 'CHECK # 1042 3'],
];

describe('cleanDateText', () => {
  it('takes away what portals print around a date, and leaves other texts as they are', () => {
    expect(CASES.map(([text]) => [text, cleanDateText(text)])).toEqual(CASES);
  });
});
