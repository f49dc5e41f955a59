/**
 * Text from a portal or a file must never run as a formula in the bookkeeper's sheet
 * (CSV/formula injection: a description like `=HYPERLINK(...)` or `@SUM(...)`).
 *
 * Which writers need it:
 * - Apps Script `Range.setValues` and the Sheets API with `valueInputOption: USER_ENTERED`
 *   interpret text as if typed: a leading `=`, `+`, `-` or `@` starts a formula (and tab/CR can
 *   smuggle one in). Escape every text cell of a `fromOutside` column before such a write; the
 *   leading apostrophe is hidden by Sheets and `getValues` returns the text without it.
 * - The Sheets API with `RAW` and the `.xlsx` writer (exceljs) store strings as strings: no escape
 *   (an apostrophe would be shown). The `.xlsx` writer must still only ever assign plain strings,
 *   never `{ formula }` values, to such cells.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** Makes text inert for a writer that interprets input, by prefixing an apostrophe. */
export function escapeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
