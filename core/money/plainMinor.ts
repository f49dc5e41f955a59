/**
 * Minor units of the plain figures most files hold — `-1234.50`, `1,234.50` (`1.234,50` with a
 * decimal comma; grouped figures only with `grouped`) — in one pass over the characters, no
 * regular expression and no digit string; NaN for anything else (symbols, spaces, marks, more
 * decimals than the currency has, too large to hold exactly), which the general reader then
 * decides, refusals and their messages included. Up to 15 integer digits (any number when
 * grouped) and 6 decimals, as parseAmount's plain shapes always were.
 */
export function plainMinor(text: string, decimalComma: boolean, grouped: boolean, exponent: number): number {
  const n = text.length;
  const decimal = decimalComma ? 44 : 46;
  const group = decimalComma ? 46 : 44;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let value = 0;
  // Digits since the last group separator, and whether there was one.
  let run = 0;
  let groups = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      run++;
    } else if (c === group && grouped && (groups ? run === 3 : run >= 1 && run <= 3)) {
      groups = true;
      run = 0;
    } else break;
  }
  if (groups ? run !== 3 : run < 1 || run > 15) return Number.NaN;
  if (i < n) {
    if (text.charCodeAt(i) !== decimal || n - i - 1 < 1 || n - i - 1 > 6) return Number.NaN;
    let places = 0;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return Number.NaN;
      if (places < exponent) {
        value = value * 10 + (c - 48);
        places++;
      } else if (c !== 48) return Number.NaN; // a digit the currency cannot hold
    }
    for (; places < exponent; places++) value *= 10;
  } else for (let p = 0; p < exponent; p++) value *= 10;
  // Exact while every step stays under 2^53; past it the value only grows, so this check suffices.
  if (value > Number.MAX_SAFE_INTEGER) return Number.NaN;
  return text.charCodeAt(0) === 45 && value !== 0 ? -value : value;
}
