import { normalizeAmountText } from './normalizeAmountText';

export type DecimalSeparator = '.' | ',';

/** What one value says about its decimal separator, or undefined when it cannot tell. */
export function decimalEvidence(text: string): DecimalSeparator | undefined {
  const numeric = normalizeAmountText(text).replace(/[^0-9.,]/g, '');
  const lastDot = numeric.lastIndexOf('.');
  const lastComma = numeric.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!sep) return undefined;
  const parts = numeric.split(sep);
  if (parts.length > 2) return sep === '.' ? ',' : '.'; // repeated: a grouping separator
  const [intPart, fracPart] = parts as [string, string];
  if (fracPart.length !== 3) return sep;
  if (intPart === '' || /^0+$/.test(intPart)) return sep; // "0,123" cannot be grouping
  if (intPart.length > 3) return sep; // "1234,567": grouping would have split 1234
  return undefined; // "1,234" or "1.234": either reading is possible
}

/**
 * Decides decimal-comma vs decimal-point for a whole column from all its values, because a
 * single "1.234" cannot tell, while its neighbours "12,50" and "1.234,00" can.
 */
export function detectDecimalSeparator(
  values: Iterable<string>,
  fallback: DecimalSeparator = '.',
): DecimalSeparator {
  let dot = 0;
  let comma = 0;
  for (const value of values) {
    const evidence = decimalEvidence(value);
    if (evidence === '.') dot++;
    else if (evidence === ',') comma++;
  }
  if (dot === comma) return fallback;
  return dot > comma ? '.' : ',';
}
