import { NO_PAGE_STYLES, type PageStyles, pageStyles } from './pageStyles';

/**
 * A composed, layout-free view of the page: open shadow roots (live or declarative
 * `<template shadowrootmode>`) flattened in with their slots filled, hidden parts dropped, and per
 * node the text a sighted reader sees (`text`) apart from the text only a screen reader gets
 * (`hint`: `.sr-only` text, `aria-label`, `title`, decorative icon words). Built once per capture so
 * every later step is a cheap walk, also in linkedom where selectors are slow.
 */
export type DomNode = {
  el: Element;
  tag: string;
  role: string;
  cls: string;
  parent: DomNode | undefined;
  children: DomNode[];
  text: string;
  hint: string;
  /** Has text of its own (not only inside child elements). */
  ownText: boolean;
  /** Document order of this node and of its last descendant: `a` contains `b` iff a.start <= b.start <= a.end. */
  start: number;
  end: number;
  depth: number;
  /** Names of the element's attributes where the walk saw them (none: `[]`); undefined: ask the DOM. */
  attrNames: readonly string[] | undefined;
};

/**
 * An element's attribute, or null: the DOM is asked only for an attribute the element has, or
 * where the walk did not list them (linkedom, where listing costs more than asking).
 */
export function attrOf(n: DomNode, name: string): string | null {
  const names = n.attrNames;
  if (names === undefined) return n.el.getAttributeNode(name)?.value ?? null;
  return names.includes(name) ? n.el.getAttribute(name) : null;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'head', 'select', 'option', 'input', 'textarea']);
const INLINE_TAGS = new Set([
  'span',
  'b',
  'strong',
  'em',
  'i',
  'sup',
  'sub',
  'small',
  'a',
  'abbr',
  'bdi',
  'bdo',
  'data',
  'time',
  'font',
  'u',
  'mark',
  's',
  'del',
  'ins',
  'code',
  'label',
  'wbr',
  'slot',
]);
const SR_ONLY =
  /(?:^|\s)(?:sr-only|sr-text|visually-?hidden|screen-?reader(?:-text|-only)?|a11y-hidden|assistive-text|offscreen|hidden-visually|u-hidden-visually|cdk-visually-hidden|slds-assistive-text|ada-hidden|a11y-text|sr)(?:\s|$)/i;
/** Utility classes that hide an element on a desktop screen (where capture runs). */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|d-none|is-hidden|(?:sm|md|lg):hidden|d-(?:sm|md|lg)-none|collapse)(?:\s|$)/;
/** What shows it again: a breakpoint's display, or an open Bootstrap collapse ("collapse show", "collapse in"). */
const SHOWN_CLASS =
  /(?:^|\s)(?:show|in|(?:sm|md|lg|xl):(?:block|flex|inline|inline-block|inline-flex|grid|table|table-[\w-]+|contents)|d-(?:sm|md|lg|xl)-(?:block|flex|inline|inline-block|grid|table|table-[\w-]+))(?:\s|$)/;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const CLIPPED_STYLE = /clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%|left\s*:\s*-\d{3,}px/i;

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether a code point is a letter or a digit; ASCII without a regex. */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(String.fromCodePoint(code));
}

function startsWord(s: string): boolean {
  const code = s.codePointAt(0)!;
  return isWordCode(code);
}

function endsWord(s: string): boolean {
  let code = s.charCodeAt(s.length - 1);
  if (code >= 0xdc00 && code < 0xe000 && s.length > 1) {
    const high = s.charCodeAt(s.length - 2);
    if (high >= 0xd800 && high < 0xdc00) code = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return isWordCode(code);
}

/**
 * Adds a piece to the text gathered so far: blocks are separated by a space; inline pieces only
 * where two words would otherwise run together ("10:41 am" + "Cortado"), so "$" + "1,234" + ".56"
 * stays one amount. `cents`: a superscript of two digits after a whole number ("$1,204<sup>50</sup>").
 * Whitespace is folded once, on close, and only where a text node brought some to fold (`unfolded`):
 * children's texts are folded and trimmed already, and a space between two of them is one space.
 */
function append(f: Frame, text: string, inline: boolean, cents = false): void {
  if (text === '') return;
  if (cents) {
    const whole = /\d[\d.,\u00a0\u202f' ]*$/.exec(f.out)?.[0];
    if (whole && !/[.,]\d{1,2}$/.test(whole)) {
      // The decimal mark the whole part does not already use for thousands.
      f.out += `${whole.includes('.') ? ',' : '.'}${text}`;
      f.prevInline = true;
      f.endsWord = endsWord(text);
      return;
    }
  }
  const space = f.out !== '' && (!inline || !f.prevInline || (f.endsWord && startsWord(text)));
  f.out = space ? `${f.out} ${text}` : f.out + text;
  f.prevInline = inline;
  f.endsWord = endsWord(text);
}

/** Whitespace a text node's text may not hold to be taken as it is: any but single inner spaces. */
const UNFOLDED =
  /[^\S ]| {2}|^ | $|[\u0660-\u0669\u066b\u066c\u06f0-\u06f9\u0966-\u0fff\u1040-\u1819\uff0b-\uff19]/;
/**
 * Text a reader sees (not whitespace alone). Patterns asked per node are module constants: a
 * literal in the walk is a new RegExp object each time it is evaluated.
 */
const VISIBLE_TEXT = /\S/;

/**
 * Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai…, full-width) and the
 * Arabic and full-width number marks, as the ASCII figures are read in. Digits of a script not
 * listed (mathematical lookalikes) stay as they are: no figure reads from them.
 */
const OTHER_DIGIT =
  /[\u0660-\u0669\u066b\u066c\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u17e0-\u17e9\u1810-\u1819\uff0b-\uff19]/g;
/** The zero of each script's digits above (each runs 0-9 from it). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
  0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
];
const otherDigit = (c: string) => {
  const code = c.charCodeAt(0);
  if (code === 0x066b) return '.';
  if (code === 0x066c) return ',';
  // Full-width '+', ',', '-', '.', '/' (and digits, below): ASCII is 0xfee0 lower.
  if (code >= 0xff0b && code <= 0xff0f) return String.fromCharCode(code - 0xfee0);
  for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
  return c;
};

/** A text's whitespace folded to single spaces, and other scripts' digits to the digits figures are read in. */
function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(OTHER_DIGIT, otherDigit);
}

/**
 * Whether a person sees an element, where the platform can tell: injected by the caller, or the
 * element's own `checkVisibility()` in a browser. Without one (a saved page in linkedom) the
 * markup and the page's own `<style>` rules decide.
 */
export type VisibilityTest = (el: Element) => boolean;

export type BuildOptions = {
  isVisible?: VisibilityTest;
};

type CheckVisibility = (options?: Record<string, boolean>) => boolean;

/**
 * The browser's own judgement: `checkVisibility()`; `display: contents` has no box but shows its
 * children. Opacity is not asked: pages fade in (`:not(:defined) { opacity: 0 }`, anti-flicker
 * snippets) and a page whose script has not run, or a saved one, stays transparent though its rows
 * are the activity; a transparent copy of a list is found as a duplicate region instead.
 */
const CHECK_VISIBILITY = { checkVisibilityCSS: true };

function layoutVisibility(el: Element): boolean {
  if ((el as Element & { checkVisibility: CheckVisibility }).checkVisibility(CHECK_VISIBILITY)) return true;
  const view = el.ownerDocument?.defaultView as {
    getComputedStyle?: (e: Element) => { display: string };
  } | null;
  return view?.getComputedStyle?.(el).display === 'contents';
}

export type Rect = {
  width: number;
  height: number;
  right: number;
  bottom: number;
  left: number;
  top: number;
};
export type Boxed = Element & { getBoundingClientRect(): Rect };

/**
 * Where layout exists: whether an element's box lies on the page and has a size. Off-screen
 * ("left: -10000px") and zero-size boxes are invisible though `checkVisibility()` says visible.
 * A box-less wrapper (`display: contents`) is judged by its children's boxes.
 */
export function onScreen(el: Element, page?: Rect): boolean {
  const placed = (r: Rect) =>
    r.width > 0 && r.height > 0 && (!page || (r.right > page.left && r.bottom > page.top));
  const own = (el as Boxed).getBoundingClientRect();
  if (own.width > 0 || own.height > 0) return placed(own);
  // A <slot> shows the host's children assigned to it, which are not its DOM children.
  const slot = el as Element & { assignedElements?: () => Element[] };
  if (el.localName === 'slot' && typeof slot.assignedElements === 'function') {
    return slot.assignedElements().some((c) => placed((c as Boxed).getBoundingClientRect()));
  }
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (placed((c as Boxed).getBoundingClientRect())) return true;
  return false;
}

/** The visibility test for `root`: the one given, else the browser's when it has one, else none. */
export function visibilityTest(root: Document | Element, given?: VisibilityTest): VisibilityTest | undefined {
  if (given) return given;
  const top = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const probe = top as (Element & { checkVisibility?: unknown }) | null;
  return typeof probe?.checkVisibility === 'function' ? layoutVisibility : undefined;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Children by sibling links: DOM libraries such as linkedom build `childNodes` afresh on each read. */
function childList(parent: Node): Node[] {
  const out: Node[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** The attributes the walk reads, fetched once and only from elements that have any. */
type Attrs = {
  cls: string;
  id: string;
  style: string;
  role: string;
  label: string;
  hidden: boolean;
  ariaHidden: boolean;
  names: readonly string[] | undefined;
};
const NO_NAMES: readonly string[] = [];
const NO_ATTRS: Attrs = {
  cls: '',
  id: '',
  style: '',
  role: '',
  label: '',
  hidden: false,
  ariaHidden: false,
  names: NO_NAMES,
};

/**
 * Attribute nodes, not getAttribute/getAttributeNames: linkedom answers those through class lists
 * and fresh arrays, many times slower over a 100,000-node page.
 */
function readAttrs(el: Element): Attrs {
  if (!el.hasAttributes()) return NO_ATTRS;
  const get = (name: string) => el.getAttributeNode(name)?.value;
  return {
    cls: get('class') ?? '',
    id: get('id') ?? '',
    style: get('style') ?? '',
    role: get('role') ?? '',
    label: get('aria-label') ?? get('title') ?? '',
    hidden: get('hidden') !== undefined,
    ariaHidden: get('aria-hidden') === 'true',
    names: undefined,
  };
}

/**
 * In a browser the names first, then only the attributes present: an attribute node is an object
 * Blink makes on request, a value is not.
 */
function readAttrsByName(el: Element): Attrs {
  if (!el.hasAttributes()) return NO_ATTRS;
  const names = el.getAttributeNames();
  const attrs: Attrs = {
    cls: '',
    id: '',
    style: '',
    role: '',
    label: '',
    hidden: false,
    ariaHidden: false,
    names,
  };
  for (const name of names) {
    switch (name) {
      case 'class':
        attrs.cls = el.getAttribute(name) ?? '';
        break;
      case 'id':
        attrs.id = el.getAttribute(name) ?? '';
        break;
      case 'style':
        attrs.style = el.getAttribute(name) ?? '';
        break;
      case 'role':
        attrs.role = el.getAttribute(name) ?? '';
        break;
      case 'hidden':
        attrs.hidden = true;
        break;
      case 'aria-hidden':
        attrs.ariaHidden = el.getAttribute(name) === 'true';
        break;
    }
  }
  if (names.includes('aria-label')) attrs.label = el.getAttribute('aria-label') ?? '';
  else if (names.includes('title')) attrs.label = el.getAttribute('title') ?? '';
  return attrs;
}

function frameBody(frame: Element): Element | undefined {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc?.body ?? doc?.documentElement ?? inlineFrame(frame);
  } catch {
    return undefined;
  }
}

/**
 * A frame whose page is written into it (`srcdoc`) where no document was loaded for it (a saved
 * page): that markup is what the frame shows, parsed inert (no script runs in a detached element).
 */
function inlineFrame(frame: Element): Element | undefined {
  const markup = frame.getAttribute('srcdoc');
  const doc = frame.ownerDocument;
  if (!markup || !doc) return undefined;
  const holder = doc.createElement('div');
  holder.innerHTML = markup;
  return holder.querySelector('body') ?? holder;
}

/** A shadow tree being walked: its host's light children fill its slots. */
type Scope = { light: Node[]; outer: Scope | undefined } | undefined;

/** The children a reader sees, each with the scope it is walked in. */
function composedChildren(el: Element, scope: Scope): Array<[Node, Scope]> {
  if (el.localName === 'slot' && scope) {
    const name = el.getAttribute('name') ?? '';
    const assigned = scope.light.filter((n) =>
      isElement(n) ? (n.getAttribute('slot') ?? '') === name : name === '',
    );
    if (assigned.length > 0) return assigned.map((n) => [n, scope.outer]);
    return childList(el).map((n) => [n, scope]);
  }
  if (el.localName === 'iframe' || el.localName === 'frame') {
    // A same-origin frame's page is part of what the owner sees; another site's frame is unreadable.
    const inner = frameBody(el);
    return inner ? [[inner, undefined]] : [];
  }
  const live = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  let light = childList(el);
  let shadow: Node[] | undefined;
  if (live) shadow = childList(live);
  else {
    const declared = light.find(
      (n) =>
        isElement(n) &&
        n.localName === 'template' &&
        /^open$|^closed$/i.test(n.getAttribute('shadowrootmode') ?? n.getAttribute('shadowroot') ?? ''),
    ) as HTMLTemplateElement | undefined;
    if (declared) {
      light = light.filter((n) => n !== declared);
      shadow = childList(declared.content ?? declared);
    }
  }
  if (!shadow) return light.map((n) => [n, scope]);
  const inner: Scope = { light, outer: scope };
  return shadow.map((n) => [n, inner]);
}

/**
 * An aria-hidden part longer than one value is a region kept from screen readers because it
 * repeats another (a mobile copy of the list): not read. A short one is the visual twin of
 * screen-reader text ("−$4.50" beside "minus 4 dollars 50") and is read.
 */
const ARIA_HIDDEN_VALUE_LENGTH = 40;

type Walk = {
  order: number;
  isVisible: VisibilityTest | undefined;
  styles: PageStyles;
  attrs: (el: Element) => Attrs;
  /** Every node kept, in document order (`all[n.start] === n`). */
  all: DomNode[];
  /** hiddenByMarkup's answer by tag, then class attribute, for elements without an id. */
  classEffects: Map<string, Map<string, 'hide' | 'sr' | 'none'>>;
};

/** What a <sup> after a figure holds when it is a footnote mark, not cents ("†", "1", "*", "(2)"). */
const FOOTNOTE_MARK = /^(?:[*†‡§¶#]{1,3}|\d|\(\d\)|[a-z])$/i;

const RED_NAMES = new Set(['red', 'darkred', 'crimson', 'firebrick', 'maroon', 'indianred']);
const HEX_COLOR = /^(?:#([0-9a-f]{3}|[0-9a-f]{6})|([0-9a-f]{6}))$/i;
const RGB_COLOR = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})/i;
const STYLE_COLOR = /(?:^|;)\s*color\s*:\s*([^;]+)/i;

/**
 * A colour a person reads as red, by its channels rather than a list of hex codes (every design system
 * has its own red): red strong, green and blue well under it. Orange, pink and brown-greys are not.
 */
function isRed(value: string): boolean {
  const color = value
    .replace(/!important/i, '')
    .trim()
    .toLowerCase();
  if (RED_NAMES.has(color)) return true;
  let rgb: number[] | undefined;
  const m6 = HEX_COLOR.exec(color);
  const hex = m6 ? (m6[1] ?? m6[2]) : undefined;
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    rgb = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  } else {
    const m = RGB_COLOR.exec(color);
    if (m) rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!rgb) return false;
  const [r, g, b] = rgb as [number, number, number];
  return r >= 0x80 && g <= r * 0.45 && b <= r * 0.45;
}

/** Red text, by a legacy <font color> or an inline colour: how some portals mark debits. */
function redText(tag: string, el: Element, attrs: Attrs): boolean {
  if (tag === 'font') return isRed(el.getAttribute('color') ?? '');
  if (attrs.style === '') return false;
  const color = STYLE_COLOR.exec(attrs.style)?.[1];
  return color !== undefined && isRed(color);
}

/** Decides from the markup (and the page's styles) whether an element is left out or read as a hint. */
function hiddenByMarkup(tag: string, attrs: Attrs, w: Walk): 'hide' | 'sr' | undefined {
  if (attrs.hidden) return 'hide';
  // Struck-through figures are no longer the value ("<del>$80.00</del> $65.00" after a refund).
  if (tag === 'del' || tag === 's' || tag === 'strike') return 'sr';
  const { style, cls } = attrs;
  if (style !== '' && HIDDEN_STYLE.test(style)) return 'hide';
  if (style !== '' && CLIPPED_STYLE.test(style)) return 'sr';
  if (cls === '' && attrs.id === '') return undefined;
  if (attrs.id !== '') return byClasses(tag, cls, attrs.id, w);
  // Rows and cells repeat their tag and classes: each pair is judged once per walk.
  let byCls = w.classEffects.get(tag);
  if (!byCls) {
    byCls = new Map();
    w.classEffects.set(tag, byCls);
  }
  let effect = byCls.get(cls);
  if (effect === undefined) {
    effect = byClasses(tag, cls, '', w) ?? 'none';
    byCls.set(cls, effect);
  }
  return effect === 'none' ? undefined : effect;
}

/** What the page's styles, screen-reader classes and framework utilities make of an element's classes and id. */
function byClasses(tag: string, cls: string, id: string, w: Walk): 'hide' | 'sr' | undefined {
  const classes = cls === '' ? [] : cls.split(/\s+/);
  const effect = w.styles.effectOn(tag, classes, id);
  if (effect === 'hide' || effect === 'sr') return effect;
  if (cls !== '' && SR_ONLY.test(cls)) return 'sr';
  if (effect === 'show') return undefined;
  // Framework utilities (Tailwind, Bootstrap) hide on a desktop screen unless the page's own
  // styles say what those classes do; also in a browser, for a page saved without its styles.
  const framework = classes.filter((c) => !w.styles.decides(c)).join(' ');
  if (framework !== '' && HIDDEN_CLASS.test(framework) && !SHOWN_CLASS.test(framework)) return 'hide';
  return undefined;
}

/** One element being walked: its node, the pieces of text gathered from its children so far. */
type Frame = {
  node: DomNode;
  /** Composed children (shadow roots, slots); plain elements are walked by `cursor` instead. */
  children: Array<[Node, Scope]> | undefined;
  next: number;
  cursor: Node | null;
  scope: Scope;
  /** Text gathered from the children so far (see `append`). */
  out: string;
  prevInline: boolean;
  endsWord: boolean;
  /** A text node brought whitespace to fold. */
  unfolded: boolean;
  /** Hints gathered so far, space-separated. */
  hints: string;
  sr: boolean;
  ariaHidden: boolean;
};

function openElement(
  el: Element,
  parent: DomNode | undefined,
  depth: number,
  scope: Scope,
  w: Walk,
  reuse: Frame | undefined,
): Frame | undefined {
  const tag = el.localName;
  const value = tag === 'input' ? shownValue(el) : '';
  if (SKIP_TAGS.has(tag) && value === '') return undefined;
  if (tag === 'template' && !el.getAttribute('shadowrootmode')) return undefined;
  // A closed <details> shows only its summary ("Older transactions ▸"), as a browser renders it.
  if (parent?.tag === 'details' && tag !== 'summary' && !parent.el.hasAttribute('open')) return undefined;
  const attrs = w.attrs(el);
  const markup = hiddenByMarkup(tag, attrs, w);
  if (markup === 'hide') return undefined;
  if (w.isVisible && !w.isVisible(el)) return undefined;
  const node: DomNode = {
    el,
    tag,
    role: attrs.role,
    cls: redText(tag, el, attrs) ? `${attrs.cls} text-red` : attrs.cls,
    parent,
    children: NO_CHILDREN,
    text: '',
    hint: '',
    ownText: false,
    start: w.order++,
    end: 0,
    depth,
    attrNames: attrs.names,
  };
  w.all.push(node);
  let hints = attrs.label;
  let children: Array<[Node, Scope]> | undefined;
  let cursor: Node | null = null;
  if (tag === 'svg') {
    const title = el.querySelector('title')?.textContent;
    if (title) hints = withHint(hints, title);
  } else if (tag === 'img') {
    // An icon's words ("Withdrawal", "Pending") are what a screen reader says for it.
    const alt = el.getAttribute('alt');
    if (alt) hints = withHint(hints, alt);
  } else if (isPlain(el, tag, scope)) cursor = el.firstChild;
  else children = composedChildren(el, scope);
  if (value !== '') {
    // What a read-only field shows is the page's own text (legacy portals print figures in them).
    node.ownText = true;
    cursor = null;
    children = undefined;
  }
  const out = value === '' ? '' : value.trim();
  const unfolded = value !== '' && UNFOLDED.test(value);
  if (!reuse) {
    return {
      node,
      children,
      next: 0,
      cursor,
      scope,
      out,
      prevInline: true,
      endsWord: false,
      unfolded,
      hints,
      sr: markup === 'sr',
      ariaHidden: attrs.ariaHidden,
    };
  }
  // A frame of an element already closed at this depth: one object per depth, not per element.
  reuse.node = node;
  reuse.children = children;
  reuse.next = 0;
  reuse.cursor = cursor;
  reuse.scope = scope;
  reuse.out = out;
  reuse.prevInline = true;
  reuse.endsWord = false;
  reuse.unfolded = unfolded;
  reuse.hints = hints;
  reuse.sr = markup === 'sr';
  reuse.ariaHidden = attrs.ariaHidden;
  return reuse;
}

/** Types of input whose value a person reads as text. */
const TEXT_INPUTS = new Set(['', 'text', 'number', 'date', 'tel']);

/** A read-only or disabled text field's value: shown to the owner, not typed by them; else ''. */
function shownValue(el: Element): string {
  if (!el.hasAttribute('readonly') && !el.hasAttribute('disabled')) return '';
  if (!TEXT_INPUTS.has((el.getAttribute('type') ?? '').toLowerCase())) return '';
  const live = (el as Element & { value?: unknown }).value;
  return typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
}

/** The children of every leaf: one shared empty list, not one per element (most elements are leaves). */
const NO_CHILDREN = Object.freeze([]) as unknown as DomNode[];

const withHint = (hints: string, hint: string) => (hints === '' ? hint : `${hints} ${hint}`);

/** The elements a shadow root can be attached to (DOM standard, attachShadow), besides custom ones. */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** No shadow root, no slot to fill, no frame, no declarative shadow root (a first `<template>` child). */
function isPlain(el: Element, tag: string, scope: Scope): boolean {
  if (tag === 'slot' && scope) return false;
  if (tag === 'iframe' || tag === 'frame') return false;
  // Asked only of elements that can host one: rows, cells and links cannot.
  const host = SHADOW_HOSTS.has(tag) || tag.includes('-');
  if (host && (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) return false;
  return el.firstElementChild?.localName !== 'template';
}

/** Finishes an element once its children are walked; false when it is left out after all. */
function close(f: Frame, w: Walk): boolean {
  const { node } = f;
  node.end = w.order - 1;
  const text = f.unfolded ? foldText(f.out) : f.out;
  if (f.ariaHidden && text.length > ARIA_HIDDEN_VALUE_LENGTH) {
    // Numbering stays dense: the nodes of this subtree are given back.
    w.order = node.start;
    w.all.length = node.start;
    return false;
  }
  // Decorative icon words ("arrow_downward") are aria-hidden and carry no digits; visible amounts do.
  const decorative = f.ariaHidden && !/\d/.test(text);
  if (f.sr || decorative) {
    node.hint = text ? withHint(f.hints, text) : f.hints;
    node.ownText = false;
  } else {
    node.text = text;
    node.hint = f.hints;
  }
  return true;
}

/**
 * Builds the composed tree under `root` (a Document or an Element), walking with an explicit
 * stack: a page nested 20,000 deep is read, not a stack overflow.
 */
export function buildDomTree(root: Document | Element, options: BuildOptions = {}): DomNode | undefined {
  return buildDomNodes(root, options)[0];
}

/** The composed tree's nodes in document order (`[0]` is the root; none for an empty page): one walk. */
export function buildDomNodes(root: Document | Element, options: BuildOptions = {}): DomNode[] {
  // An empty document has no root element (and linkedom throws on its `body`).
  const top = root.nodeType === 9 ? (root as Document).documentElement : root;
  if (!top) return [];
  const isVisible = visibilityTest(root, options.isVisible);
  const browser = typeof (top as Element & { checkVisibility?: unknown }).checkVisibility === 'function';
  const w: Walk = {
    order: 0,
    isVisible,
    styles: isVisible ? NO_PAGE_STYLES : stylesOf(root),
    attrs: browser ? readAttrsByName : readAttrs,
    all: [],
    classEffects: new Map(),
  };
  const first = openElement(top as Element, undefined, 0, undefined, w, undefined);
  if (!first) return [];
  let kept = true;
  // The open elements are frames[0 .. open - 1]; frames above are closed ones, kept for reuse.
  const frames: Frame[] = [first];
  let open = 1;
  while (open > 0) {
    const f = frames[open - 1]!;
    let child: Node | undefined;
    let childScope: Scope = f.scope;
    if (f.children) {
      if (f.next < f.children.length) [child, childScope] = f.children[f.next++]!;
    } else if (f.cursor) {
      child = f.cursor;
      f.cursor = child.nextSibling;
    }
    if (child) {
      if (child.nodeType === 3) {
        // A text node's data is its textContent, read without the generic node path.
        const t = (child as CharacterData).data ?? '';
        if (VISIBLE_TEXT.test(t)) {
          f.node.ownText = true;
          if (!f.unfolded && UNFOLDED.test(t)) f.unfolded = true;
          append(f, t, true);
        }
      } else if (isElement(child)) {
        const c = openElement(child, f.node, f.node.depth + 1, childScope, w, frames[open]);
        if (c) frames[open++] = c;
      }
      continue;
    }
    open--;
    const closed = close(f, w);
    const parent = open > 0 ? frames[open - 1] : undefined;
    if (!parent) kept = closed;
    if (!closed || !parent) continue;
    const siblings = parent.node.children;
    if (siblings === NO_CHILDREN) parent.node.children = [f.node];
    else siblings.push(f.node);
    const sup = f.node.tag === 'sup';
    const cents = sup && /^\d{2}$/.test(f.node.text);
    // A footnote mark after a figure ("$412.88<sup>†</sup>", "<sup>1</sup>") is no part of it.
    if (sup && FOOTNOTE_MARK.test(f.node.text) && /\d$/.test(parent.out))
      parent.hints = withHint(parent.hints, f.node.text);
    else append(parent, f.node.text, INLINE_TAGS.has(f.node.tag), cents);
    if (f.node.hint) parent.hints = withHint(parent.hints, f.node.hint);
  }
  return kept ? w.all : [];
}

/** The page's own style sheets (`<style>` elements), read once. */
function stylesOf(root: Document | Element): PageStyles {
  const texts: string[] = [];
  for (const s of root.querySelectorAll('style')) texts.push(s.textContent ?? '');
  return texts.length > 0 ? pageStyles(texts) : NO_PAGE_STYLES;
}

/** Every node in document order. */
export function flatten(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export const contains = (a: DomNode, b: DomNode) => a.start <= b.start && b.start <= a.end;
