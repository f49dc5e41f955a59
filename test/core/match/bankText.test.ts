import { describe, expect, it } from 'vitest';
import { NAMED_MASK, NAMED_PROCESSORS, NOT_FROM_PROCESSOR, readBankText } from '../../../core/match/bankText';
import { seededRandom } from './scenarios/random';

/**
 * The regular expressions readBankText replaced, kept here as its specification: which processor a
 * bank line names (exactly one, else none) and whether it says no processor sent it.
 */
const PROCESSOR_TOKENS: Record<string, RegExp> = {
  stripe: /\bSTRIPE\b/i,
  square: /\bSQUARE\b|\bSQ ?\*|\bSQUAREUP\b/i,
  paypal: /\bPAYPAL\b|\bPP\*/i,
  shopify: /\bSHOPIFY\b/i,
  adyen: /\bADYEN\b/i,
  braintree: /\bBRAINTREE\b/i,
  clover: /\bCLOVER\b/i,
  toast: /\bTOAST\b/i,
  venmo: /\bVENMO\b/i,
  amazon: /\bAMAZON PAYMENTS\b|\bAMZN PMTS\b/i,
  etsy: /\bETSY\b/i,
  gocardless: /\bGOCARDLESS\b/i,
};
const NAMES = Object.keys(PROCESSOR_TOKENS);
const NAMED = new RegExp(NAMES.map((name) => `(${PROCESSOR_TOKENS[name]!.source})`).join('|'), 'gi');
const OWN_ACCOUNT =
  /\b(FROM|TO) ((BUSINESS|PERSONAL) )?(CHK|CHECKING|SAV|SAVINGS|ACCT|ACCOUNT|SHARES?)\b|\bONLINE TRANSFER (FROM|TO)\b/i;
const NOT_A_PAYOUT = /\b(MOBILE|REMOTE|ATM|CASH|BRANCH|COUNTER|TELLER|CHECK|CHEQUE|ZELLE|INTEREST)\b/i;

function expected(text: string): { named: string | undefined; notFromProcessor: boolean } {
  let named: string | undefined;
  let ambiguous = false;
  for (const m of text.matchAll(NAMED)) {
    const name = NAMES[m.slice(1).findIndex((g) => g !== undefined)]!;
    if (named !== undefined && named !== name) ambiguous = true;
    named = name;
  }
  return {
    named: ambiguous ? undefined : named,
    notFromProcessor: OWN_ACCOUNT.test(text) || NOT_A_PAYOUT.test(text),
  };
}

function read(text: string): { named: string | undefined; notFromProcessor: boolean } {
  const code = readBankText(text);
  const index = code & NAMED_MASK;
  return {
    named: index ? NAMED_PROCESSORS[index - 1] : undefined,
    notFromProcessor: (code & NOT_FROM_PROCESSOR) !== 0,
  };
}

describe('readBankText', () => {
  it('reads what the regular expressions read, on texts made of their words and near misses', () => {
    const words = [
      ...[
        'STRIPE',
        'SQUARE',
        'SQUAREUP',
        'SQ',
        'SQ*',
        'SQ *',
        'PP*',
        'PP',
        'PAYPAL',
        'SHOPIFY',
        'ADYEN',
        'BRAINTREE',
      ],
      ...[
        'CLOVER',
        'TOAST',
        'VENMO',
        'AMAZON',
        'PAYMENTS',
        'AMZN',
        'PMTS',
        'ETSY',
        'GOCARDLESS',
        'FROM',
        'TO',
      ],
      ...['BUSINESS', 'PERSONAL', 'CHK', 'CHECKING', 'SAV', 'SAVINGS', 'ACCT', 'ACCOUNT', 'SHARE', 'SHARES'],
      ...['SHARESX', 'ONLINE', 'TRANSFER', 'MOBILE', 'REMOTE', 'ATM', 'CASH', 'BRANCH', 'COUNTER', 'TELLER'],
      ...[
        'CHECK',
        'CHEQUE',
        'ZELLE',
        'INTEREST',
        'DEP',
        'INC',
        'X1',
        '_',
        'ſ',
        'K',
        'é',
        '123',
        'ST-12345',
        '*',
      ],
    ];
    const separators = [' ', ' ', ' ', '', '  ', '-', '_', '*', '/', ':', '.', '\t', 'é', '1', 'a'];
    const r = seededRandom(7);
    const cased = (w: string) => {
      const k = r.int(0, 3);
      return k === 0
        ? w.toLowerCase()
        : k === 1
          ? w.replace(/[A-Z]/g, (c) => (r.chance(0.5) ? c.toLowerCase() : c))
          : w;
    };
    let named = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      for (let j = r.int(1, 6); j > 0; j--)
        text += (text || r.chance(0.3) ? r.pick(separators) : '') + cased(r.pick(words));
      if (r.chance(0.2)) text += r.pick(separators);
      const want = expected(text);
      if (want.named) named++;
      expect(read(text), JSON.stringify(text)).toEqual(want);
    }
    expect(named).toBeGreaterThan(5_000);
  });

  it('names one processor, none when two are named, and knows a move between own accounts', () => {
    expect(read('SQ *COFFEE HOUSE')).toEqual({ named: 'square', notFromProcessor: false });
    expect(read('STRIPE TRANSFER ST-A1B2')).toEqual({ named: 'stripe', notFromProcessor: false });
    expect(read('STRIPE PAYPAL')).toEqual({ named: undefined, notFromProcessor: false });
    expect(read('STRIPES')).toEqual({ named: undefined, notFromProcessor: false });
    expect(read('Online Transfer from Business Savings')).toEqual({
      named: undefined,
      notFromProcessor: true,
    });
    expect(read('amazon payments dep')).toEqual({ named: 'amazon', notFromProcessor: false });
  });
});
