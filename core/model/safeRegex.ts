import { problem } from './problem';
import { fail, ok, type Result } from './result';

/**
 * Regexes typed into a sheet row run on every transaction, so none may hang. JavaScript's
 * backtracking engine can take exponential time on patterns such as `(a+)+$`, and spotting every
 * such pattern ahead of time is unreliable, so this is a small linear-time engine instead:
 * the pattern becomes a Thompson NFA, searched through a lazily built DFA (cached per state and
 * character). Time is O(text length × pattern size) at worst and O(text length) once warm.
 *
 * Supported: literals, `.`, classes `[a-z]` `[^…]`, `\d \w \s \D \W \S`, `\b \B`, `^ $`,
 * groups `(…)` `(?:…)` `(?<name>…)`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (lazy
 * forms too: only whether it matches counts). Rejected with `regex_unsupported`: backreferences
 * and lookaround, which no linear engine can run. Matching is case-insensitive unless asked.
 *
 * Kept over re2js 2.10.0 (RE2's JavaScript port, which also runs in Apps Script): as fast on rule
 * patterns (700k tests: 604 ms here, 611 ms re2js) but 16× the code (9.3 KB minified against
 * 151 KB), which would grow the add-on bundle from 293 KB to about 434 KB; it also lacks a parse
 * tree for requiredLiteral. It lives in model because rule validation (rule.ts) needs it.
 */
export type SafeRegex = { readonly source: string; test(text: string): boolean };

export const MAX_REGEX_LENGTH = 500;
const MAX_NFA_STATES = 2_000;
const MAX_REPEAT = 1_000;
const MAX_DFA_STATES = 1_024;

type CharTest = (code: number) => boolean;
type Node =
  /** `lit`: the character itself when the pattern spelled out one character (for requiredLiteral). */
  | { t: 'char'; test: CharTest; lit?: number }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; item: Node; min: number; max: number }
  | { t: 'assert'; kind: AssertKind };
type AssertKind = '^' | '$' | 'b' | 'B';

class RegexSyntaxError extends Error {
  constructor(
    readonly code: 'regex_syntax' | 'regex_unsupported' | 'regex_too_large',
    message: string,
  ) {
    super(message);
  }
}

const range =
  (lo: number, hi: number): CharTest =>
  (c) =>
    c >= lo && c <= hi;
const anyOf = (...tests: CharTest[]): CharTest => {
  if (tests.length === 1) return tests[0]!;
  return (c) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(c)) return true;
    return false;
  };
};
const not =
  (test: CharTest): CharTest =>
  (c) =>
    !test(c);
const DIGIT = range(48, 57);
const WORD: CharTest = (c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const SPACE: CharTest = (c) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const LINE_END: CharTest = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const CLASS_ESCAPES: Record<string, CharTest> = {
  d: DIGIT,
  D: not(DIGIT),
  w: WORD,
  W: not(WORD),
  s: SPACE,
  S: not(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

/** Like JavaScript's /i: a character outside ASCII never folds onto one inside (ſ is not s, K-sign not k). */
function caseFolded(test: CharTest): CharTest {
  const variant = (c: number, v: string) =>
    v.length === 1 && c < 128 === v.charCodeAt(0) < 128 && test(v.charCodeAt(0));
  return (c) => {
    if (test(c)) return true;
    const ch = String.fromCharCode(c);
    return variant(c, ch.toLowerCase()) || variant(c, ch.toUpperCase());
  };
}

/** Recursive descent over the supported subset. */
class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly fold: (t: CharTest) => CharTest,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length)
      throw this.error('regex_syntax', `unmatched ")" at position ${this.pos + 1}`);
    return node;
  }

  private error(code: RegexSyntaxError['code'], message: string) {
    return new RegexSyntaxError(code, message);
  }

  private alternation(): Node {
    const items = [this.concatenation()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      items.push(this.concatenation());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private concatenation(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const at = this.pos;
      const q = this.quantifier();
      if (!q) return node;
      if (node.t === 'assert') throw this.error('regex_syntax', `nothing to repeat at position ${at + 1}`);
      if (this.src[this.pos] === '?') this.pos++;
      node = { t: 'rep', item: node, min: q.min, max: q.max };
    }
  }

  private quantifier(): { min: number; max: number } | undefined {
    const ch = this.src[this.pos];
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      return { min: ch === '+' ? 1 : 0, max: ch === '?' ? 1 : Number.POSITIVE_INFINITY };
    }
    if (ch !== '{') return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
    // Like JavaScript, a brace that does not form a quantifier is a literal brace.
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    if (min > MAX_REPEAT || (Number.isFinite(max) && max > MAX_REPEAT)) {
      throw this.error('regex_too_large', `repetition count above ${MAX_REPEAT} at position ${this.pos + 1}`);
    }
    if (max < min)
      throw this.error('regex_syntax', `numbers out of order in ${m[0]} at position ${this.pos + 1}`);
    this.pos += m[0].length;
    return { min, max };
  }

  private atom(): Node {
    const at = this.pos;
    const ch = this.src[this.pos++]!;
    switch (ch) {
      case '(':
        return this.group(at);
      case '[':
        return { t: 'char', test: this.charClass(at) };
      case '.':
        return { t: 'char', test: not(LINE_END) };
      case '^':
        return { t: 'assert', kind: '^' };
      case '$':
        return { t: 'assert', kind: '$' };
      case '\\':
        return this.escape(at);
      case '*':
      case '+':
      case '?':
        throw this.error('regex_syntax', `nothing to repeat at position ${at + 1}`);
      default: {
        const code = ch.charCodeAt(0);
        return { t: 'char', test: this.fold((c) => c === code), lit: code };
      }
    }
  }

  private group(at: number): Node {
    if (this.src.startsWith('?:', this.pos)) this.pos += 2;
    else if (/^\?<[A-Za-z_$][\w$]*>/.test(this.src.slice(this.pos)))
      this.pos = this.src.indexOf('>', this.pos) + 1;
    else if (this.src[this.pos] === '?') {
      throw this.error(
        'regex_unsupported',
        `lookahead and lookbehind (position ${at + 1}) are not supported`,
      );
    }
    const inner = this.alternation();
    if (this.src[this.pos] !== ')') throw this.error('regex_syntax', `unclosed "(" at position ${at + 1}`);
    this.pos++;
    return inner;
  }

  private escape(at: number): Node {
    const ch = this.src[this.pos++];
    if (ch === undefined) throw this.error('regex_syntax', 'the pattern ends with a lone "\\"');
    if (ch === 'b' || ch === 'B') return { t: 'assert', kind: ch };
    const lit = /[^A-Za-z0-9]/.test(ch) ? ch.charCodeAt(0) : undefined;
    return { t: 'char', test: this.fold(this.escapedChar(ch, at)), ...(lit !== undefined ? { lit } : {}) };
  }

  /** An escape that stands for one character or a class, inside or outside brackets. */
  private escapedChar(ch: string, at: number): CharTest {
    const cls = CLASS_ESCAPES[ch];
    if (cls) return cls;
    const code = this.escapedCode(ch, at);
    return (c) => c === code;
  }

  private escapedCode(ch: string, at: number): number {
    const control = CONTROL_ESCAPES[ch];
    if (control !== undefined) return control;
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
        throw this.error('regex_syntax', `bad \\${ch} escape at position ${at + 1}`);
      }
      this.pos += digits;
      return Number.parseInt(hex, 16);
    }
    if (/[1-9]/.test(ch) || ch === 'k') {
      throw this.error('regex_unsupported', `backreferences (position ${at + 1}) are not supported`);
    }
    if (/[A-Za-z0-9]/.test(ch)) {
      throw this.error('regex_unsupported', `the escape \\${ch} at position ${at + 1} is not supported`);
    }
    return ch.charCodeAt(0);
  }

  private charClass(at: number): CharTest {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const tests: CharTest[] = [];
    let first = true;
    while (this.src[this.pos] !== ']' || first) {
      first = false;
      if (this.pos >= this.src.length) throw this.error('regex_syntax', `unclosed "[" at position ${at + 1}`);
      const lo = this.classAtom(at);
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classAtom(at);
        if (typeof lo !== 'number' || typeof hi !== 'number') {
          throw this.error('regex_syntax', `a class escape cannot bound a range (position ${at + 1})`);
        }
        if (hi < lo) throw this.error('regex_syntax', `range out of order in class at position ${at + 1}`);
        tests.push(range(lo, hi));
      } else {
        tests.push(typeof lo === 'number' ? (c) => c === lo : lo);
      }
    }
    this.pos++;
    // Fold case before negating, so that `[^a]` excludes `A` as well.
    const test = this.fold(anyOf(...tests));
    return negated ? not(test) : test;
  }

  /** One member of a bracket class: a code unit, or a class escape such as `\d`. */
  private classAtom(at: number): number | CharTest {
    const ch = this.src[this.pos++]!;
    if (ch !== '\\') return ch.charCodeAt(0);
    const esc = this.src[this.pos++];
    if (esc === undefined) throw this.error('regex_syntax', `unclosed "[" at position ${at + 1}`);
    if (esc === 'b') return 8;
    return CLASS_ESCAPES[esc] ?? this.escapedCode(esc, at);
  }
}

const MATCH = 0;
enum Kind {
  Match,
  Char,
  Split,
  Assert,
}

/** Thompson construction into flat arrays, built back to front so each state knows its successor. */
class Nfa {
  kind: Kind[] = [Kind.Match];
  test: Array<CharTest | undefined> = [undefined];
  outs: number[][] = [[]];
  assertion: Array<AssertKind | undefined> = [undefined];

  private add(kind: Kind, outs: number[], test?: CharTest, assertion?: AssertKind): number {
    if (this.kind.length >= MAX_NFA_STATES) {
      throw new RegexSyntaxError(
        'regex_too_large',
        'the pattern is too large once its repetitions are expanded',
      );
    }
    this.kind.push(kind);
    this.outs.push(outs);
    this.test.push(test);
    this.assertion.push(assertion);
    return this.kind.length - 1;
  }

  compile(node: Node, next: number): number {
    switch (node.t) {
      case 'char':
        return this.add(Kind.Char, [next], node.test);
      case 'assert':
        return this.add(Kind.Assert, [next], undefined, node.kind);
      case 'cat':
        return node.items.reduceRight((acc, item) => this.compile(item, acc), next);
      case 'alt':
        return this.add(
          Kind.Split,
          node.items.map((item) => this.compile(item, next)),
        );
      case 'rep': {
        let start: number;
        if (node.max === Number.POSITIVE_INFINITY) {
          const loop = this.add(Kind.Split, []);
          this.outs[loop] = [this.compile(node.item, loop), next];
          start = loop;
        } else {
          start = next;
          for (let i = node.min; i < node.max; i++)
            start = this.add(Kind.Split, [this.compile(node.item, start), next]);
        }
        for (let i = 0; i < node.min; i++) start = this.compile(node.item, start);
        return start;
      }
    }
  }
}

/** Where the engine stands between characters: at the start, after a word char, or after another. */
enum Ctx {
  Start,
  Word,
  Other,
  End,
}
const ctxOf = (code: number): Ctx => (WORD(code) ? Ctx.Word : Ctx.Other);
const isWordCtx = (c: Ctx) => c === Ctx.Word;

type DfaState = {
  /** NFA states reached by the last character, plus the start state (the search is unanchored). */
  kernel: number[];
  prev: Ctx;
  /** Whether the match state is reachable before the next character, per next context (-1 unknown). */
  accepts: [number, number, number, number];
  /** No input can lead to a match from here (e.g. past the start of a `^` pattern): stop early. */
  dead: boolean;
  ascii: Int32Array;
  other: Map<number, number>;
};

class LazyDfa implements SafeRegex {
  private states: DfaState[] = [];
  private byKey = new Map<string, number>();
  private initial = -1;

  constructor(
    readonly source: string,
    private readonly nfa: Nfa,
    private readonly start: number,
  ) {}

  test(text: string): boolean {
    if (this.initial < 0) this.initial = this.intern([this.start], Ctx.Start);
    let s = this.initial;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const ctx = ctxOf(code);
      if (this.accepts(s, ctx)) return true;
      s = this.step(s, code, ctx);
      if (this.states[s]!.dead) return false;
    }
    return this.accepts(s, Ctx.End);
  }

  private accepts(s: number, next: Ctx): boolean {
    const state = this.states[s]!;
    let known = state.accepts[next];
    if (known < 0) {
      known = this.closure(state, next).includes(MATCH) ? 1 : 0;
      state.accepts[next] = known;
    }
    return known === 1;
  }

  private step(s: number, code: number, ctx: Ctx): number {
    const state = this.states[s]!;
    const cached = code < 128 ? state.ascii[code]! : (state.other.get(code) ?? -1);
    if (cached >= 0) return cached;
    const targets = new Set<number>([this.start]);
    for (const id of this.closure(state, ctx)) {
      if (this.nfa.kind[id] === Kind.Char && this.nfa.test[id]!(code)) targets.add(this.nfa.outs[id]![0]!);
    }
    if (this.states.length >= MAX_DFA_STATES) this.reset();
    const nextId = this.intern(
      [...targets].sort((a, b) => a - b),
      ctx,
    );
    // `state` may have been dropped by reset(); caching on it then is harmless.
    if (code < 128) state.ascii[code] = nextId;
    else state.other.set(code, nextId);
    return nextId;
  }

  /** Bounds memory on adversarial input: the cache is dropped and rebuilt, still linear per character. */
  private reset() {
    this.states = [];
    this.byKey.clear();
    this.initial = -1;
  }

  private intern(kernel: number[], prev: Ctx): number {
    const key = `${prev}:${kernel.join(',')}`;
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const ascii = new Int32Array(128).fill(-1);
    const state: DfaState = { kernel, prev, accepts: [-1, -1, -1, -1], dead: false, ascii, other: new Map() };
    // Only a state after a character can be dead: from then on `prev` is never Start again. When
    // no character state and no match is reachable whatever the characters on either side, every
    // later state has a subset of this kernel, so nothing can match any more.
    state.dead =
      prev !== Ctx.Start &&
      [Ctx.Word, Ctx.Other].every((before) =>
        [Ctx.Word, Ctx.Other, Ctx.End].every((next) =>
          this.closure({ ...state, prev: before }, next).every(
            (id) => this.nfa.kind[id] !== Kind.Char && id !== MATCH,
          ),
        ),
      );
    this.states.push(state);
    this.byKey.set(key, this.states.length - 1);
    return this.states.length - 1;
  }

  /** States reachable without consuming a character, given the contexts on either side. */
  private closure(state: DfaState, next: Ctx): number[] {
    const { kind, outs, assertion } = this.nfa;
    const seen = new Set<number>();
    const stack = [...state.kernel];
    const result: number[] = [];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const k = kind[id];
      if (k === Kind.Split) stack.push(...outs[id]!);
      else if (k === Kind.Assert) {
        if (holds(assertion[id]!, state.prev, next)) stack.push(outs[id]![0]!);
      } else result.push(id);
    }
    return result;
  }
}

function holds(kind: AssertKind, prev: Ctx, next: Ctx): boolean {
  switch (kind) {
    case '^':
      return prev === Ctx.Start;
    case '$':
      return next === Ctx.End;
    case 'b':
      return isWordCtx(prev) !== isWordCtx(next);
    case 'B':
      return isWordCtx(prev) === isWordCtx(next);
  }
}

/**
 * The longest run of literal characters every match must contain, lowercased (at least 3 printable
 * ASCII characters, no spaces), or undefined. Lets the rule index skip a regex rule for any text
 * that lacks it, the same way it skips "contains" rules.
 */
export function requiredLiteral(source: string): string | undefined {
  let ast: Node;
  try {
    ast = new Parser(source, caseFolded).parse();
  } catch {
    return undefined;
  }
  const flat = (node: Node): Node[] => (node.t === 'cat' ? node.items.flatMap(flat) : [node]);
  let best = '';
  let run = '';
  for (const node of [...flat(ast), undefined]) {
    if (node?.t === 'char' && node.lit !== undefined && node.lit > 32 && node.lit < 127) {
      run += String.fromCharCode(node.lit).toLowerCase();
      continue;
    }
    if (run.length > best.length) best = run;
    run = '';
  }
  return best.length >= 3 ? best : undefined;
}

/** Compiles a pattern from a rule; problems carry a code and say where in the pattern. */
export function compileSafeRegex(
  source: string,
  options: { caseSensitive?: boolean } = {},
): Result<SafeRegex> {
  if (source.length === 0) return fail(problem('regex_syntax', 'the pattern is empty'));
  if (source.length > MAX_REGEX_LENGTH) {
    return fail(problem('regex_too_large', `the pattern is longer than ${MAX_REGEX_LENGTH} characters`));
  }
  try {
    const ast = new Parser(source, options.caseSensitive ? (t) => t : caseFolded).parse();
    const nfa = new Nfa();
    const start = nfa.compile(ast, MATCH);
    return ok(new LazyDfa(source, nfa, start));
  } catch (error) {
    if (error instanceof RegexSyntaxError) return fail(problem(error.code, error.message));
    throw error;
  }
}
