import { describe, expect, it } from 'vitest';
import { escapeFormula, looksLikeFormula } from '../../../core/sheet/escapeFormula';

describe('escapeFormula', () => {
  it('prefixes text that a sheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-12.50', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(escapeFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text alone', () => {
    for (const text of ['STRIPE TRANSFER', '', "'quoted", ' =1', '1-2']) {
      expect(looksLikeFormula(text)).toBe(false);
      expect(escapeFormula(text)).toBe(text);
    }
  });
});
