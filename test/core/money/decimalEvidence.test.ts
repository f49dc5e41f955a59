import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecimalSeparator, decimalEvidence } from '../../../core/money/detectDecimalSeparator';
import { normalizeAmountText } from '../../../core/money/normalizeAmountText';

/** The reading it replaces: fold the text, keep digits and separators, split. */
function byStrings(text: string): DecimalSeparator | undefined {
  const numeric = normalizeAmountText(text).replace(/[^0-9.,]/g, '');
  const lastDot = numeric.lastIndexOf('.');
  const lastComma = numeric.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!sep) return undefined;
  const parts = numeric.split(sep);
  if (parts.length > 2) return sep === '.' ? ',' : '.';
  const [intPart, fracPart] = parts as [string, string];
  if (fracPart.length !== 3) return sep;
  if (intPart === '' || /^0+$/.test(intPart)) return sep;
  if (intPart.length > 3) return sep;
  return undefined;
}

describe('decimalEvidence', () => {
  it('says what the folded, filtered text says, for any text', () => {
    const unit = fc.constantFrom(...'0000123.,.,-+ $€()\u00a0\u2009\u2212\u2019\u200b１a'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 14 }), fc.string({ maxLength: 14 })), (text) => {
        expect(decimalEvidence(text)).toBe(byStrings(text));
      }),
      { numRuns: 30000 },
    );
  });
});
