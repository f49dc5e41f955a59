/**
 * What a bank line's text says about where its money came from, read in one scan of its words: the
 * processor it names (see namedIn) and whether it says a processor did not send it (see
 * NOT_FROM_PROCESSOR). Every bank line of a run is read, most name a processor, and running the
 * patterns as regular expressions (one match object per name found) cost more than this whole scan.
 *
 * A phrase is upper-case words joined by single spaces, matched in any case from the start of a word
 * (`\b`) to the end of one (`\b`), or, ending with `*`, to that `*`: the regular expressions
 * `\bSTRIPE\b`, `\bSQ ?\*`, `\bAMAZON PAYMENTS\b` are the phrases STRIPE, SQ* and SQ *, AMAZON PAYMENTS.
 */

/** Each processor's phrases, in the order its pattern lists them. */
const PROCESSOR_PHRASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['stripe', ['STRIPE']],
  ['square', ['SQUARE', 'SQ *', 'SQ*', 'SQUAREUP']],
  ['paypal', ['PAYPAL', 'PP*']],
  ['shopify', ['SHOPIFY']],
  ['adyen', ['ADYEN']],
  ['braintree', ['BRAINTREE']],
  ['clover', ['CLOVER']],
  ['toast', ['TOAST']],
  ['venmo', ['VENMO']],
  ['amazon', ['AMAZON PAYMENTS', 'AMZN PMTS']],
  ['etsy', ['ETSY']],
  ['gocardless', ['GOCARDLESS']],
];

/** The processors the text can name, in PROCESSOR_PHRASES order. */
export const NAMED_PROCESSORS = PROCESSOR_PHRASES.map(([name]) => name);

const each = (...parts: ReadonlyArray<readonly string[]>): string[] =>
  parts.reduce<string[]>((out, words) => out.flatMap((a) => words.map((b) => a + b)), ['']);

/**
 * Phrases a processor's payout never shows: a move between own accounts (`FROM CHK`, `TO BUSINESS
 * SAVINGS`, `ONLINE TRANSFER FROM`), or money a person or the bank put there (`MOBILE`, `ATM`,
 * `CHECK`, `ZELLE`, `INTEREST`…). Processors pay out by ACH or wire.
 */
const NOT_FROM_PROCESSOR_PHRASES = [
  ...each(
    ['FROM ', 'TO '],
    ['', 'BUSINESS ', 'PERSONAL '],
    ['CHK', 'CHECKING', 'SAV', 'SAVINGS', 'ACCT', 'ACCOUNT', 'SHARE', 'SHARES'],
  ),
  'ONLINE TRANSFER FROM',
  'ONLINE TRANSFER TO',
  ...[
    'MOBILE',
    'REMOTE',
    'ATM',
    'CASH',
    'BRANCH',
    'COUNTER',
    'TELLER',
    'CHECK',
    'CHEQUE',
    'ZELLE',
    'INTEREST',
  ],
];

/** `readBankText`'s answer: this bit when the text says a processor did not send it. */
export const NOT_FROM_PROCESSOR = 1 << 8;
/** The low bits: 0 when no processor is named, else the index of the one named in NAMED_PROCESSORS + 1. */
export const NAMED_MASK = 0xff;
/** Two different processors named: none is taken (the low bits are then 0). */
const AMBIGUOUS = -1;

/** A phrase and what it says: the index of its processor in NAMED_PROCESSORS, or -1 for NOT_FROM_PROCESSOR. */
type Phrase = { text: string; processor: number; starred: boolean };

/**
 * The phrases by their first letter (A…Z) and the length of their first word (up to 15), processors'
 * first in pattern order: most words of a text have no phrase to compare with.
 */
const WORD_LENGTHS = 16;
const BY_START: Phrase[][] = Array.from({ length: 26 * WORD_LENGTHS }, () => []);
PROCESSOR_PHRASES.forEach(([, phrases], processor) => {
  for (const text of phrases) addPhrase(text, processor);
});
for (const text of NOT_FROM_PROCESSOR_PHRASES) addPhrase(text, -1);

function addPhrase(text: string, processor: number): void {
  const word = /^[A-Z]+/.exec(text)![0].length;
  BY_START[(text.charCodeAt(0) - 65) * WORD_LENGTHS + word]!.push({
    text,
    processor,
    starred: text.endsWith('*'),
  });
}

const NONE: Phrase[] = [];

/** A regular expression's word character, `[A-Za-z0-9_]`. */
const isWord = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Whether `phrase` is in `text` at `at`, in any case, ending where a word ends unless it ends with `*`. */
function phraseAt(text: string, at: number, phrase: Phrase): boolean {
  const p = phrase.text;
  const end = at + p.length;
  if (end > text.length) return false;
  for (let i = 1; i < p.length; i++) {
    let c = text.charCodeAt(at + i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== p.charCodeAt(i)) return false;
  }
  return phrase.starred || end === text.length || !isWord(text.charCodeAt(end));
}

/**
 * The processor the text names and whether it says a processor did not send it, as bits (see
 * NOT_FROM_PROCESSOR, NAMED_MASK). Processor phrases are read as a global regular expression of them
 * finds them: leftmost first, the next one searched for after the end of the last; the text names a
 * processor when every phrase found is that processor's.
 */
export function readBankText(text: string): number {
  let named = 0;
  let notFrom = false;
  /** Where the next processor phrase may start (after the last one found). */
  let next = 0;
  const n = text.length;
  for (let at = 0; at < n; ) {
    let c = text.charCodeAt(at);
    if (!isWord(c)) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < n && isWord(text.charCodeAt(end))) end++;
    if (c >= 97 && c <= 122) c -= 32;
    const phrases =
      c >= 65 && c <= 90 && end - at < WORD_LENGTHS ? BY_START[(c - 65) * WORD_LENGTHS + end - at]! : NONE;
    for (let k = 0; k < phrases.length; k++) {
      const phrase = phrases[k]!;
      const processor = phrase.processor;
      if (processor >= 0 ? at < next || named === AMBIGUOUS : notFrom) continue;
      if (!phraseAt(text, at, phrase)) continue;
      if (processor < 0) {
        notFrom = true;
        continue;
      }
      named = named === 0 || named === processor + 1 ? processor + 1 : AMBIGUOUS;
      next = at + phrase.text.length;
    }
    at = end;
  }
  return (named === AMBIGUOUS ? 0 : named) | (notFrom ? NOT_FROM_PROCESSOR : 0);
}
