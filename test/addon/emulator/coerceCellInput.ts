import { zonedMidnight } from './zonedTime';

export type StoredCell = { value: string | number | boolean | Date; formula?: string };

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * What Sheets stores for a value passed to `Range.setValues`: strings are read as if typed, so
 * `=…` (and `+x`/`-x` that are not numbers) become formulas, numeric and date-like text becomes
 * numbers and dates unless the cell is formatted as plain text (`@`), and a leading apostrophe
 * forces text and is not kept.
 */
export function coerceCellInput(input: unknown, numberFormat: string, timeZone: string): StoredCell {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { value: '', formula: text };
  const numeric = /\d/.test(text) && NUMBER.test(text);
  if ((text.startsWith('+') || text.startsWith('-')) && !numeric && text.length > 1) {
    return { value: '', formula: `=${text}` };
  }
  if (numberFormat === '@') return { value: text };
  if (numeric) return { value: Number(text.replace(/,/g, '')) };
  const iso = ISO_DATE.exec(text);
  if (iso) return { value: new Date(zonedMidnight(+iso[1]!, +iso[2]!, +iso[3]!, timeZone)) };
  const us = US_DATE.exec(text);
  if (us) return { value: new Date(zonedMidnight(+us[3]!, +us[1]!, +us[2]!, timeZone)) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  return { value: text };
}
