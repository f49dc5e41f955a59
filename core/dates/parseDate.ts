import { problem } from '../model/problemRecord';
import { fail, ok, type Result } from '../model/result';
import { addDays, isoFromParts, isRealDate } from './calendar';
import { inferYear } from './inferYear';
import { MONTH_WORD, monthFromName } from './monthNames';
import { twoDigitYear } from './twoDigitYear';

/** Which number comes first in an all-numeric date like 03/04/2026. */
export type DateOrder = 'mdy' | 'dmy';

export type DateOptions = {
  /** Decided per column (detectDateOrder); when absent, the value itself or `mdy` decides. */
  order?: DateOrder;
  /** The page's or file's as-of date: resolves "Today", "Yesterday" and year-less dates. */
  asOf?: string;
};

/** "Today" and "Yesterday" in the languages portals are written in. */
const TODAY_WORDS =
  "today|heute|aujourd'hui|aujourd’hui|hoy|vandaag|oggi|hoje|idag|i dag|dzisiaj|dziś|dnes|astăzi|azi|bugün|tänään|сегодня|сьогодні|今日|今天|오늘";
const YESTERDAY_WORDS =
  'yesterday|gestern|hier|ayer|gisteren|ieri|ontem|igår|i går|wczoraj|včera|dün|eilen|вчера|вчора|昨日|昨天|어제';
const TODAY_SET = new Set(TODAY_WORDS.split('|'));

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?.*|\[[^\]]*\]\s*)$/;
// "2026.11.21." and "2026. 11. 21.": Hungarian and Korean pages end and space a dotted date.
const ISO = /^(\d{4})(?:[-/]|\. ?)(\d{1,2})(?:[-/]|\. ?)(\d{1,2})\.?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{0,6}(?:\.\d+)?)?(?:\[[^\]]*\])?$/;
// "22. 11. 2026": Czech and Slovak pages space a dotted date.
const NUMERIC = /^(\d{1,2})([/.-]) ?(\d{1,2})(?:\2 ?(\d{4}|\d{2}))?\.?$/;
const MONTH_FIRST = new RegExp(`^(${MONTH_WORD})\\s*(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d{4}))?$`);
const DAY_FIRST = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th)?\\.?[\\s\\-/]*(${MONTH_WORD})[\\s\\-/,]*(\\d{4}|\\d{2})?$`,
);
/** Whitespace that folding to single spaces changes: a run of two, or any but a space. */
const FOLDABLE = /\s\s|[^\S ]/;
const RELATIVE = new RegExp(`^(${TODAY_WORDS}|${YESTERDAY_WORDS}|(\\d{1,3}) days? ago)$`, 'i');

/** A date written relative to the day it was shown ("Today", "3 days ago"): it needs an as-of date. */
export const isRelativeDate = (text: string): boolean => RELATIVE.test(text.trim().replace(/,$/, ''));

/**
 * Four digits as written, a Buddhist-era year (Thai pages and files: 20/11/2569 is 2026, 543 ahead)
 * brought back; two digits by the documented fixed pivot (twoDigitYear). An ISO date is taken as
 * written.
 */
function fullYear(text: string): number {
  return text.length === 4 ? gregorian(Number(text)) : twoDigitYear(Number(text));
}

const gregorian = (year: number) => (year >= BUDDHIST_ERA_FROM && year < BUDDHIST_ERA_TO ? year - 543 : year);
/** Years no Gregorian statement shows, read as the Buddhist era (2443–2742 BE = 1900–2199 CE). */
const BUDDHIST_ERA_FROM = 2443;
const BUDDHIST_ERA_TO = 2743;

function complete(
  month: number,
  day: number,
  year: number | undefined,
  text: string,
  asOf?: string,
): Result<string> {
  if (year === undefined) {
    if (!asOf) return fail(problem('needs_as_of', `"${text}" has no year and no as-of date was given`));
    const iso = inferYear(month, day, asOf);
    return iso ? ok(iso) : fail(problem('invalid_date', `"${text}" is not a real date near ${asOf}`));
  }
  const iso = isoFromParts(year, month, day);
  return iso ? ok(iso) : fail(problem('invalid_date', `"${text}" is not a real calendar date`));
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);
const isDigits = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
};

/**
 * The shapes most files hold (`2026-11-21`, `21.11.2026`, `11/21/2026`) read without regular
 * expressions; undefined for anything else (or an impossible date, for its message): the general
 * path of parseDate decides those. A real `YYYY-MM-DD` is its own answer, no new string.
 */
export function fastDate(text: string, order: DateOrder | undefined): string | undefined {
  if (text.length !== 10) return undefined;
  const c4 = text.charCodeAt(4);
  if ((c4 === 45 || c4 === 47) && text.charCodeAt(7) === c4) {
    if (!isDigits(text, 0, 4) || !isDigits(text, 5, 7) || !isDigits(text, 8, 10)) return undefined;
    const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
    if (c4 === 45) return isRealDate(year, two(text, 5), two(text, 8)) ? text : undefined;
    return isoFromParts(year, two(text, 5), two(text, 8));
  }
  const c2 = text.charCodeAt(2);
  if ((c2 === 46 || c2 === 47 || c2 === 45) && text.charCodeAt(5) === c2) {
    if (!isDigits(text, 0, 2) || !isDigits(text, 3, 5) || !isDigits(text, 6, 10)) return undefined;
    const a = two(text, 0);
    const b = two(text, 3);
    const o = order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : c2 === 46 ? 'dmy' : 'mdy');
    const [month, day] = o === 'mdy' ? [a, b] : [b, a];
    return isoFromParts(gregorian(Number(text.slice(6, 10))), month, day);
  }
  return undefined;
}

/**
 * Reads a date as portals and files print it: 2026-11-21, 11/21/2026, 21/11/2026, 21.11.2026,
 * Nov 21, Nov 21, 2026, 21 Nov 2026, 20261121 (OFX, with time and zone), Today, Yesterday.
 */
export function parseDate(text: string, options: DateOptions = {}): Result<string> {
  const fast = fastDate(text, options.order);
  if (fast !== undefined) return ok(fast);
  const original = text.trim();
  // Folded only where there is whitespace to fold: most texts asked hold single spaces.
  const s = (FOLDABLE.test(original) ? original.replace(/\s+/g, ' ') : original)
    .replace(WEEKDAY, '')
    .replace(TIME_SUFFIX, '')
    .replace(/,$/, '')
    .trim();
  if (s === '') return fail(problem('empty_date', 'the date is empty'));

  const relative = RELATIVE.exec(s);
  if (relative) {
    if (!options.asOf)
      return fail(problem('needs_as_of', `"${original}" is relative and no as-of date was given`));
    const word = relative[1]!.toLowerCase();
    const back = relative[2] ? Number(relative[2]) : TODAY_SET.has(word) ? 0 : 1;
    return ok(addDays(options.asOf, -back));
  }

  let m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m) return complete(Number(m[2]), Number(m[3]), Number(m[1]), original);

  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const order: DateOrder =
      options.order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : m[2] === '.' ? 'dmy' : 'mdy');
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    const year = m[4] !== undefined ? fullYear(m[4]) : undefined;
    return complete(month, day, year, original, options.asOf);
  }

  m = MONTH_FIRST.exec(s);
  if (m && monthFromName(m[1]!)) {
    return complete(
      monthFromName(m[1]!)!,
      Number(m[2]),
      m[3] ? Number(m[3]) : undefined,
      original,
      options.asOf,
    );
  }
  m = DAY_FIRST.exec(s);
  if (m && monthFromName(m[2]!)) {
    const year = m[3] ? fullYear(m[3]) : undefined;
    return complete(monthFromName(m[2]!)!, Number(m[1]), year, original, options.asOf);
  }
  return fail(problem('invalid_date', `"${original}" is not a date`));
}
