import { isoFromParts } from '../../dates/calendar';
import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';

const OFX_DATE = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:[.:]\d{1,3})?)?)?)?\s*(?:\[[^\]]*\])?$/;

/**
 * `20230509120000.000[-5:EST]` → `2023-05-09`: the calendar date as the bank wrote it, in the
 * bank's own zone, which is the date its statement shows.
 */
export function parseOfxDate(text: string | undefined, element: string): Result<string> {
  if (!text) return fail(problem('missing_date', `<${element}> is missing or empty`, { element }));
  const m = OFX_DATE.exec(text.trim());
  const iso = m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return iso
    ? ok(iso)
    : fail(problem('invalid_date', `<${element}> "${text}" is not a real date`, { element }));
}
