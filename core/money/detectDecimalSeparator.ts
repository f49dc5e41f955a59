export type DecimalSeparator = '.' | ',';

/**
 * What one value says about its decimal separator, or undefined when it cannot tell. Only its
 * digits, dots and commas count — the typographic folding of normalizeAmountText touches none of
 * them — so one pass over the characters reads it, with no string made.
 */
export function decimalEvidence(text: string): DecimalSeparator | undefined {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  // Digits before the first separator (and whether all are zeros), and after the last one.
  let before = 0;
  let zerosBefore = true;
  let after = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (dots + commas > 0) after++;
      else {
        before++;
        if (c !== 48) zerosBefore = false;
      }
    } else if (c === 46) {
      dots++;
      lastDot = i;
      after = 0;
    } else if (c === 44) {
      commas++;
      lastComma = i;
      after = 0;
    }
  }
  if (dots > 0 && commas > 0) return lastDot > lastComma ? '.' : ',';
  if (dots + commas === 0) return undefined;
  const sep = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return sep === '.' ? ',' : '.'; // repeated: a grouping separator
  if (after !== 3) return sep;
  if (before === 0 || zerosBefore) return sep; // "0,123" cannot be grouping
  if (before > 3) return sep; // "1234,567": grouping would have split 1234
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
