/**
 * The counterparty a bookkeeper would write, from the text a bank prints:
 * `SQ *BLUE BOTTLE COF OAKLAND CA` → `Blue Bottle Coffee`. Strips bank boilerplate, processor
 * prefixes (`SQ *`, `TST*`, `PAYPAL *`…), card and store numbers, dates, phone numbers and the
 * city/state tail, expands a few common abbreviations, and title-cases what is left.
 * Heuristic by nature; rules can still rename any payee it gets wrong.
 */
export function cleanPayee(description: string): string {
  const collapsed = description.replace(/\s+/g, ' ').trim();
  let s = ` ${collapsed.toUpperCase()} `;
  s = stripRepeatedly(s, BANK_BOILERPLATE);
  s = stripProcessorPrefix(s);
  // Noise leaves a marker, so the place tail can tell "SHELL OIL 57444 CA" (no city before the
  // state) from "STARBUCKS #1234 SEATTLE WA".
  for (const noise of NOISE) s = s.replace(noise, ` ${GAP} `);
  const words = s
    .replace(/\s*\*\s*/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^[-#.,:;/]+|[-#,:;/]+$/g, ''))
    .filter((w) => w !== '')
    .map((w, i) => (i > 0 && isWebAddress(w) ? GAP : w));
  const kept = dropPlaceTail(words).filter((w) => w !== GAP);
  const expanded = kept.flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '));
  const result = titleCase(expanded, collapsed);
  return result === '' ? titleCase(collapsed.toUpperCase().split(' '), collapsed) : result;
}

const GAP = '\u0001';

/** `HELP.UBER.COM`, `AMZN.COM/BILL`, `G.CO/HELPPAY`: support addresses after the name, not the name. */
const isWebAddress = (w: string) => w.includes('/') || /\.(?:COM|NET|ORG|CO|IO)\b/.test(w);

/** Leading text banks add before the merchant: card purchase labels and their dates. */
const BANK_BOILERPLATE = new RegExp(
  `^ (?:${[
    'PURCHASE AUTHORIZED ON \\d{1,2}/\\d{1,2}',
    'RECURRING PAYMENT AUTHORIZED ON \\d{1,2}/\\d{1,2}',
    'POS PURCHASE',
    'POS DEBIT',
    'POS',
    'DEBIT CARD PURCHASE',
    'DEBIT CARD',
    'DBT CRD \\d*',
    'CHECKCARD \\d*',
    'CHECK CARD \\d*',
    'PREAUTHORIZED DEBIT',
    'RECURRING PAYMENT',
    'PURCHASE',
    'VISA',
    'ACH DEBIT',
    'ACH',
  ].join('|')})\\b[ :-]*`,
);

/** Payment processors and POS systems that prefix the merchant with `CODE*`. */
const PROCESSOR_PREFIX =
  /^ (?:SQ|SQU|TST|SP|PP|PAYPAL|IC|DD|DRI|LS|BT|GG|EB|CKE|FS|TOAST|PY|PAR|ZTL|WPY|ZLR|SMK|STRIPE|GOOGLE|APL|APPLE PAY)\s?\*\s?/;

function stripRepeatedly(s: string, pattern: RegExp): string {
  let out = s;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(pattern, ' ');
  }
  return out;
}

function stripProcessorPrefix(s: string): string {
  const stripped = s.replace(PROCESSOR_PREFIX, ' ');
  return stripped.trim() === '' ? s : stripped;
}

const NOISE: RegExp[] = [
  // card numbers: XXXX1234, ****1234, CARD 1234, #1234 after a card label
  / (?:X{2,}|\*{2,})\d{2,}\b/g,
  / CARD(?: NO\.?| #)? ?\d{4}\b/g,
  // dates: 01/02, ON 01/02, 01/02/2025, 2025-01-02
  /(?:\bON )?\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  // phone numbers
  /\b(?:\d{3}[-. ])?\d{3}[-.]\d{4}\b/g,
  // processor reference tails: AMZN MKTP US*2K3LL1 → the code after the star
  /\*(?=[A-Z0-9]*\d)[A-Z0-9]{4,}\b/g,
  // references: REF #IB0XYZ, TRACE 0210, CONF# A1B2
  /\b(?:REF|REFERENCE|CONF|CONFIRMATION|TRACE|ID)\b ?(?:#|NO\.?|:)? ?[A-Z0-9-]*\d[A-Z0-9-]*/g,
  // codes mixing letters and at least two digits: ST-X1Y2Z3, 250105P2 (but not 7-ELEVEN)
  /(?<![\w-])(?=[A-Z0-9-]*\d[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{6,}(?![\w-])/g,
  // store numbers: #123, STORE 123, T-1234, and bare digit runs of 3+
  / ?#\s?\d+\b/g,
  /\b(?:STR|NO\.?|UNIT) ?\d+\b/g,
  /\b[A-Z]{1,2}-?\d{3,}\b/g,
  /\b\d{3,}\b/g,
];

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'
  ).split(' '),
);
const COUNTRY_TAIL = new Set(['US', 'USA']);
/** First words of two-word city names, so "SAN FRANCISCO CA" goes as a whole. */
const CITY_PREFIXES = new Set(
  'SAN LOS LAS NEW SANTA SAINT ST FORT FT EL SALT LONG PALO BATON CORPUS GRAND COLORADO KANSAS JERSEY VIRGINIA'.split(
    ' ',
  ),
);
const KNOWN_CITIES = new Set(
  (
    'NEW YORK|LOS ANGELES|CHICAGO|HOUSTON|PHOENIX|PHILADELPHIA|SAN ANTONIO|SAN DIEGO|DALLAS|SAN JOSE|AUSTIN|' +
    'JACKSONVILLE|SAN FRANCISCO|COLUMBUS|SEATTLE|DENVER|BOSTON|PORTLAND|OAKLAND|BROOKLYN|MIAMI|ATLANTA|' +
    'MINNEAPOLIS|NASHVILLE|DETROIT|BERKELEY|SACRAMENTO|LAS VEGAS|BALTIMORE|CHARLOTTE|PITTSBURGH|CLEVELAND'
  ).split('|'),
);

/** Drops `CITY ST` (and a trailing `US`) when enough of a name remains to be worth keeping. */
function dropPlaceTail(words: string[]): string[] {
  const w = [...words];
  while (w[w.length - 1] === GAP) w.pop();
  const real = () => w.filter((x) => x !== GAP).length;
  if (real() >= 3 && COUNTRY_TAIL.has(w[w.length - 1]!)) w.pop();
  if (real() < 2 || !US_STATES.has(w[w.length - 1]!)) return w;
  w.pop();
  // Noise right before the state (a store number, a phone number) means no city was printed.
  if (w[w.length - 1] === GAP) return w;
  const last = w[w.length - 1]!;
  const before = w[w.length - 2];
  if (
    before !== undefined &&
    before !== GAP &&
    real() >= 3 &&
    (KNOWN_CITIES.has(`${before} ${last}`) || CITY_PREFIXES.has(before))
  ) {
    return w.slice(0, -2);
  }
  if (real() >= 2 && (KNOWN_CITIES.has(last) || real() >= 3)) return w.slice(0, -1);
  return w;
}

const ABBREVIATIONS: Record<string, string> = {
  COF: 'COFFEE',
  COFF: 'COFFEE',
  MKT: 'MARKET',
  MKTP: 'MARKETPLACE',
  RSTRNT: 'RESTAURANT',
  RESTAURA: 'RESTAURANT',
  SVC: 'SERVICE',
  SVCS: 'SERVICES',
  INTL: 'INTERNATIONAL',
  CTR: 'CENTER',
  PHARM: 'PHARMACY',
  WHSE: 'WAREHOUSE',
  AMZN: 'AMAZON',
};

const KEEP_UPPER = new Set(
  'LLC LLP USA US UPS USPS ATM IRS ACH AT&T CVS IBM BP DMV HP AWS IKEA TJ BBQ NYC LA SF UK EU ABC CBS PG&E HSBC BMO TD'.split(
    ' ',
  ),
);
const KEEP_LOWER = new Set(['OF', 'AND', 'THE', 'AT', 'ON', 'FOR', 'TO', 'DE', 'LA', 'A']);

/** Title case, leaving words that arrived in mixed case (`iCloud`, `McDonald's`) as they were. */
function titleCase(words: string[], original: string): string {
  const originalWords = new Map(original.split(/[\s*#]+/).map((w) => [w.toUpperCase(), w]));
  return words
    .map((word, i) => {
      const before = originalWords.get(word);
      if (before && before !== before.toUpperCase() && before !== before.toLowerCase()) return before;
      if (KEEP_UPPER.has(word) && !(word === 'LA' && i > 0)) return word;
      if (i > 0 && KEEP_LOWER.has(word)) return word.toLowerCase();
      return word
        .toLowerCase()
        .replace(/(^|[-/&(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}
