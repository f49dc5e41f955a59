import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSafeRegex, requiredLiteral } from '../../../core/model/safeRegex';

const compile = (pattern: string, options?: { caseSensitive?: boolean }) => {
  const r = compileSafeRegex(pattern, options);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};

describe('compileSafeRegex', () => {
  const cases: Array<[string, string, boolean]> = [
    ['^sq \\*', 'SQ *BLUE BOTTLE', true],
    ['bottle$', 'SQ *BLUE BOTTLE', true],
    ['^bottle', 'SQ *BLUE BOTTLE', false],
    ['\\bUBER\\b', 'UBER EATS', true],
    ['\\bUBER\\b', 'UBEREATS', false],
    ['\\Bber', 'UBER', true],
    ['\\B$', 'a-', true],
    ['^a|\\B$', 'ba', false],
    ['[^a]', 'A', false],
    ['[^a]', 'Ab', true],
    ['a{2,3}$', 'xaaa', true],
    ['^a{2,3}$', 'aaaa', false],
    ['x\\d{4}$', 'card x1234', true],
    ['(?:amzn|amazon) mktp', 'AMAZON MKTP US', true],
    ['(?<code>po_)\\w+', 'po_1234', true],
    ['[\\d-]+', '-', true],
    ['a.c', 'a\nc', false],
    ['\\x41\\u0042', 'ab', true],
    ['colou?r', 'COLOR', true],
    ['a{,2}', 'a{,2}', true],
    ['', '', false],
  ];
  it.each(cases.filter(([p]) => p !== ''))('%s on %j is %s', (pattern, text, expected) => {
    expect(compile(pattern).test(text)).toBe(expected);
    expect(new RegExp(pattern, 'i').test(text)).toBe(expected);
  });

  it('is case-insensitive unless asked', () => {
    expect(compile('Stripe', { caseSensitive: true }).test('STRIPE')).toBe(false);
    expect(compile('[A-Z]+x', { caseSensitive: true }).test('abcx')).toBe(false);
    expect(compile('[A-Z]+x').test('abcx')).toBe(true);
  });

  it('finishes patterns that make a backtracking engine hang', () => {
    const text = `${'a'.repeat(100_000)}!`;
    expect(compile('(a+)+$').test(text)).toBe(false);
    expect(compile('(a|a)*b').test(text)).toBe(false);
    expect(compile('(a*)*(a*)*c').test(text)).toBe(false);
    expect(compile('(\\w+\\s?)+$').test(text)).toBe(false);
  });

  it('stays right when a pattern has more states than the cache keeps (property)', () => {
    // The 13th character from the end is an "a": 2^13 DFA states, so the cache is dropped and rebuilt.
    const regex = compile('a[ab]{12}$');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 2000, maxLength: 3000 }),
        (text) => {
          expect(regex.test(text)).toBe(/a[ab]{12}$/.test(text));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('rejects what no linear engine can run, with a code and a position', () => {
    const problem = (pattern: string) => {
      const r = compileSafeRegex(pattern);
      return r.ok ? undefined : r.problems[0];
    };
    expect(problem('(a)\\1')).toMatchObject({
      code: 'regex_unsupported',
      message: expect.stringContaining('position 4'),
    });
    expect(problem('foo(?=bar)')).toMatchObject({ code: 'regex_unsupported' });
    expect(problem('(?<!x)y')).toMatchObject({ code: 'regex_unsupported' });
    expect(problem('(abc')).toMatchObject({
      code: 'regex_syntax',
      message: expect.stringContaining('unclosed'),
    });
    expect(problem('abc)')).toMatchObject({ code: 'regex_syntax' });
    expect(problem('*a')).toMatchObject({ code: 'regex_syntax', message: 'nothing to repeat at position 1' });
    expect(problem('[z-a]')).toMatchObject({ code: 'regex_syntax' });
    expect(problem('a{5,2}')).toMatchObject({ code: 'regex_syntax' });
    expect(problem('(a{1000}){1000}')).toMatchObject({ code: 'regex_too_large' });
    expect(problem('x'.repeat(501))).toMatchObject({ code: 'regex_too_large' });
    expect(problem('')).toMatchObject({ code: 'regex_syntax' });
  });

  it('agrees with JavaScript on the supported subset (property)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\d', '\\w', '\\s', ' ', '(?:ab|b)', '(a|)');
    const quant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,2}', '*?');
    const piece = fc.tuple(atom, quant).map(([a, q]) => a + q);
    const anchor = fc.constantFrom('', '^', '\\b', '\\B');
    const pattern = fc
      .tuple(
        anchor,
        fc.array(piece, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', '$', '\\b', '\\B$', '\\b$'),
        fc.boolean(),
      )
      .map(([start, pieces, end, alt]) =>
        alt ? `${start}${pieces.join('')}|b${end}` : `${start}${pieces.join('')}${end}`,
      );
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '1', ' ', '\n', '-'), maxLength: 12 });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compile(p).test(t)).toBe(new RegExp(p, 'i').test(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('requiredLiteral', () => {
  it.each([
    ['^(sq|tst) ?\\*REAKET\\b', '*reaket'],
    ['x\\d{4}FOO', 'foo'],
    ['amzn mktp', 'amzn'],
    ['\\bUPS\\b', 'ups'],
    ['abc|abcd', undefined],
    ['(?:stripe)+', undefined],
    ['a.b.c', undefined],
    ['(a', undefined],
  ])('%s needs %s', (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });

  it('is in every text the pattern matches (property)', () => {
    const pattern = fc
      .array(fc.constantFrom('ab', 'c', '\\*', 'x?', '[de]', '(?:fg|h)', 'ij+', '\\d', ' ', 'K'), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join(''));
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'c', '*', 'x', 'd', 'f', 'g', 'h', 'i', 'J', '1', ' ', 'k', '\u212a'),
      maxLength: 14,
    });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const literal = requiredLiteral(p);
        if (literal !== undefined && compile(p).test(t)) expect(t.toLowerCase()).toContain(literal);
      }),
      { numRuns: 3000 },
    );
  });
});
