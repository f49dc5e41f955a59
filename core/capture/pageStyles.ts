/**
 * What a saved page's own `<style>` rules say about hiding, read without a layout engine: which
 * simple selectors (`.mobile-list`, `div.d-none`, `#cards`, `.row:not(.open)`) are `display: none`,
 * `visibility: hidden` or screen-reader-only (clipped, 1px, off-screen) on a desktop screen, and
 * which show again. Rules inside `@media` count when the query holds for a 1280px-wide screen.
 * Selectors with combinators or dynamic pseudo-classes are not judged (the duplicate-region check
 * still catches a hidden copy of the rows).
 */
export type StyleEffect = 'hide' | 'show' | 'sr';

type Compound = { tag: string; classes: string[]; ids: string[]; notClasses: string[] };
type Rule = { compound: Compound; effect: StyleEffect; important: boolean; order: number };

export type PageStyles = {
  /** The effect the page's rules have on an element with these tag, classes and id, if any. */
  effectOn(tag: string, classes: string[], id: string): StyleEffect | undefined;
  /** Classes some rule decides: for those, the page's own styles replace framework guesses. */
  decides(className: string): boolean;
};

const DESKTOP_WIDTH = 1280;
/** More than a few thousand rules is a framework bundle: only the first are read. */
const MAX_RULES = 5000;

const COMPARE: Record<string, (width: number, v: number) => boolean> = {
  '>=': (w, v) => w >= v,
  '>': (w, v) => w > v,
  '<=': (w, v) => w <= v,
  '<': (w, v) => w < v,
};

/** One `(feature: value)` of a media query, for a desktop screen; unknown features hold. */
function featureHolds(f: string): boolean {
  const px = (v: string) => Number.parseFloat(v) * (/r?em$/.test(v) ? 16 : 1);
  const range = /^(min-|max-)?width:([\d.]+(?:px|r?em))$/.exec(f);
  if (range)
    return COMPARE[range[1] === 'min-' ? '>=' : range[1] === 'max-' ? '<=' : '>=']!(
      DESKTOP_WIDTH,
      px(range[2]!),
    );
  const level4 = /^width(>=|>|<=|<)([\d.]+(?:px|r?em))$/.exec(f);
  if (level4) return COMPARE[level4[1]!]!(DESKTOP_WIDTH, px(level4[2]!));
  return !/^(?:hover:none|pointer:coarse|any-pointer:coarse|orientation:portrait)$/.test(f);
}

function mediaHolds(query: string): boolean {
  return query.split(',').some((one) => {
    const q = one.trim().toLowerCase();
    if (q === '') return true;
    const negated = /^not\s/.test(q);
    const body = q.replace(/^(?:not|only)\s+/, '');
    let holds = !/^(?:print|speech)\b/.test(body);
    for (const m of body.matchAll(/\(([^()]*)\)/g)) holds &&= featureHolds(m[1]!.replace(/\s+/g, ''));
    return negated ? !holds : holds;
  });
}

const COMPOUND = /^([a-z][a-z0-9-]*)?((?:[.#][\w-]+|:not\(\.[\w-]+\))+)$/i;

function parseSelector(selector: string): Compound | undefined {
  const s = selector.trim();
  const m = COMPOUND.exec(s);
  if (!m) return undefined;
  const compound: Compound = { tag: (m[1] ?? '').toLowerCase(), classes: [], ids: [], notClasses: [] };
  for (const part of m[2]!.matchAll(/:not\(\.([\w-]+)\)|\.([\w-]+)|#([\w-]+)/g)) {
    if (part[1]) compound.notClasses.push(part[1]);
    else if (part[2]) compound.classes.push(part[2]);
    else if (part[3]) compound.ids.push(part[3]);
  }
  return compound.classes.length > 0 || compound.ids.length > 0 ? compound : undefined;
}

function effectOf(declarations: string): { effect: StyleEffect; important: boolean } | undefined {
  const d = declarations.toLowerCase();
  const display = /(?:^|;)\s*display\s*:\s*([a-z-]+)\s*(!important)?/.exec(d);
  const visibility = /(?:^|;)\s*visibility\s*:\s*([a-z]+)\s*(!important)?/.exec(d);
  if (display?.[1] === 'none' || visibility?.[1] === 'hidden' || visibility?.[1] === 'collapse')
    return { effect: 'hide', important: Boolean(display?.[2] ?? visibility?.[2]) };
  const clipped =
    /clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%/.test(d) ||
    (/position\s*:\s*absolute/.test(d) &&
      (/(?:^|;)\s*(?:width|height)\s*:\s*1px/.test(d) || /(?:left|top)\s*:\s*-\d{3,}px/.test(d)));
  if (clipped) return { effect: 'sr', important: false };
  if (display || visibility?.[1] === 'visible')
    return { effect: 'show', important: Boolean(display?.[2] ?? visibility?.[2]) };
  return undefined;
}

/** Rules in document order, flattening applicable `@media` and `@supports` blocks. */
function collectRules(css: string, rules: Rule[]): void {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // An explicit stack of blocks: `@media` nests, and nesting depth is the page's to choose.
  const applies: boolean[] = [true];
  let i = 0;
  let start = 0;
  while (i < text.length && rules.length < MAX_RULES) {
    const ch = text[i]!;
    if (ch === '{') {
      const prelude = text.slice(start, i).trim();
      const outer = applies[applies.length - 1]!;
      if (prelude.startsWith('@')) {
        const media = /^@media\s+(.*)$/is.exec(prelude);
        const holds = media ? mediaHolds(media[1]!) : /^@(?:supports|layer|container)\b/i.test(prelude);
        if (!holds || !/^@(?:media|supports|layer|container)\b/i.test(prelude)) {
          // Skip the whole block (keyframes, font-face, a media query that does not hold).
          let depth = 1;
          i++;
          while (i < text.length && depth > 0) {
            if (text[i] === '{') depth++;
            else if (text[i] === '}') depth--;
            i++;
          }
          start = i;
          continue;
        }
        applies.push(outer);
        i++;
        start = i;
        continue;
      }
      const close = text.indexOf('}', i);
      const end = close === -1 ? text.length : close;
      if (outer) {
        const found = effectOf(text.slice(i + 1, end));
        if (found) {
          for (const selector of prelude.split(',')) {
            const compound = parseSelector(selector);
            if (compound) rules.push({ compound, ...found, order: rules.length });
          }
        }
      }
      i = end + 1;
      start = i;
      continue;
    }
    if (ch === '}') {
      if (applies.length > 1) applies.pop();
      i++;
      start = i;
      continue;
    }
    if (ch === ';' && text.slice(start, i).trim().startsWith('@')) start = i + 1;
    i++;
  }
}

function matches(c: Compound, tag: string, classes: string[], id: string): boolean {
  if (c.tag && c.tag !== tag) return false;
  for (const k of c.classes) if (!classes.includes(k)) return false;
  for (const k of c.notClasses) if (classes.includes(k)) return false;
  for (const k of c.ids) if (k !== id) return false;
  return true;
}

export function pageStyles(cssTexts: string[]): PageStyles {
  const rules: Rule[] = [];
  for (const css of cssTexts) collectRules(css, rules);
  const byKey = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = rule.compound.classes[0] ? `.${rule.compound.classes[0]}` : `#${rule.compound.ids[0]}`;
    const list = byKey.get(key);
    if (list) list.push(rule);
    else byKey.set(key, [rule]);
  }
  return {
    effectOn(tag, classes, id) {
      let best: Rule | undefined;
      const consider = (list: Rule[] | undefined) => {
        for (const r of list ?? []) {
          if (!matches(r.compound, tag, classes, id)) continue;
          if (
            !best ||
            (r.important && !best.important) ||
            (r.important === best.important && r.order > best.order)
          )
            best = r;
        }
      };
      for (const k of classes) consider(byKey.get(`.${k}`));
      if (id) consider(byKey.get(`#${id}`));
      return best?.effect;
    },
    decides: (className) => byKey.has(`.${className}`),
  };
}

export const NO_PAGE_STYLES: PageStyles = { effectOn: () => undefined, decides: () => false };
