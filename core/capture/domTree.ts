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
};

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
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|(?:sm|md|lg):hidden|d-(?:sm|md|lg)-none)(?:\s|$)/;
const SHOWN_CLASS =
  /(?:^|\s)(?:(?:sm|md|lg|xl):(?:block|flex|inline|inline-block|inline-flex|grid|table|table-[\w-]+|contents)|d-(?:sm|md|lg|xl)-(?:block|flex|inline|inline-block|grid|table|table-[\w-]+))(?:\s|$)/;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const CLIPPED_STYLE = /clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%|left\s*:\s*-\d{3,}px/i;

/** `cents`: a superscript of two digits after a whole number ("$1,204<sup>50</sup>"). */
type Part = { text: string; inline: boolean; cents?: boolean };

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Blocks are separated by a space; inline pieces only where two words would otherwise run
 * together ("10:41 am" + "Cortado"), so "$" + "1,234" + ".56" stays one amount.
 */
function join(parts: Part[]): string {
  let out = '';
  let prevInline = true;
  for (const p of parts) {
    if (p.text === '') continue;
    if (p.cents) {
      const whole = /\d[\d.,\u00a0\u202f' ]*$/.exec(out)?.[0];
      if (whole && !/[.,]\d{1,2}$/.test(whole)) {
        // The decimal mark the whole part does not already use for thousands.
        out += `${whole.includes('.') ? ',' : '.'}${p.text}`;
        prevInline = true;
        continue;
      }
    }
    const space = out !== '' && (!p.inline || !prevInline || (WORD_END.test(out) && WORD_START.test(p.text)));
    out += space ? ` ${p.text}` : p.text;
    prevInline = p.inline;
  }
  return out.replace(/\s+/g, ' ').trim();
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
function layoutVisibility(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: CheckVisibility }).checkVisibility;
  if (check.call(el, { checkVisibilityCSS: true })) return true;
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
};
const NO_ATTRS: Attrs = { cls: '', id: '', style: '', role: '', label: '', hidden: false, ariaHidden: false };

function readAttrs(el: Element): Attrs {
  if (!el.hasAttributes()) return NO_ATTRS;
  // Attribute nodes, not getAttribute/getAttributeNames: linkedom answers those through class
  // lists and fresh arrays, many times slower over a 100,000-node page.
  const get = (name: string) => el.getAttributeNode(name)?.value;
  return {
    cls: get('class') ?? '',
    id: get('id') ?? '',
    style: get('style') ?? '',
    role: get('role') ?? '',
    label: get('aria-label') ?? get('title') ?? '',
    hidden: get('hidden') !== undefined,
    ariaHidden: get('aria-hidden') === 'true',
  };
}

function frameBody(frame: Element): Element | undefined {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc?.body ?? doc?.documentElement ?? undefined;
  } catch {
    return undefined;
  }
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
};

/** Decides from the markup (and the page's styles) whether an element is left out or read as a hint. */
function hiddenByMarkup(tag: string, attrs: Attrs, w: Walk): 'hide' | 'sr' | undefined {
  if (attrs.hidden) return 'hide';
  const { style, cls } = attrs;
  if (style !== '' && HIDDEN_STYLE.test(style)) return 'hide';
  if (style !== '' && CLIPPED_STYLE.test(style)) return 'sr';
  if (cls === '' && attrs.id === '') return undefined;
  const classes = cls === '' ? [] : cls.split(/\s+/);
  const effect = w.styles.effectOn(tag, classes, attrs.id);
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
  parts: Part[];
  hints: string[];
  sr: boolean;
  ariaHidden: boolean;
};

function open(
  el: Element,
  parent: DomNode | undefined,
  depth: number,
  scope: Scope,
  w: Walk,
): Frame | undefined {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return undefined;
  if (tag === 'template' && !el.getAttribute('shadowrootmode')) return undefined;
  // A closed <details> shows only its summary ("Older transactions ▸"), as a browser renders it.
  if (parent?.tag === 'details' && tag !== 'summary' && !parent.el.hasAttribute('open')) return undefined;
  const attrs = readAttrs(el);
  const markup = hiddenByMarkup(tag, attrs, w);
  if (markup === 'hide') return undefined;
  if (w.isVisible && !w.isVisible(el)) return undefined;
  const node: DomNode = {
    el,
    tag,
    role: attrs.role,
    cls: attrs.cls,
    parent,
    children: [],
    text: '',
    hint: '',
    ownText: false,
    start: w.order++,
    end: 0,
    depth,
  };
  const hints: string[] = [];
  if (attrs.label) hints.push(attrs.label);
  let children: Array<[Node, Scope]> | undefined;
  let cursor: Node | null = null;
  if (tag === 'svg') {
    const title = el.querySelector('title')?.textContent;
    if (title) hints.push(title);
  } else if (isPlain(el, tag, scope)) cursor = el.firstChild;
  else children = composedChildren(el, scope);
  return {
    node,
    children,
    next: 0,
    cursor,
    scope,
    parts: [],
    hints,
    sr: markup === 'sr',
    ariaHidden: attrs.ariaHidden,
  };
}

/** No shadow root, no slot to fill, no frame, no declarative shadow root (a first `<template>` child). */
function isPlain(el: Element, tag: string, scope: Scope): boolean {
  if (tag === 'slot' && scope) return false;
  if (tag === 'iframe' || tag === 'frame') return false;
  if ((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) return false;
  return el.firstElementChild?.localName !== 'template';
}

/** Finishes an element once its children are walked; false when it is left out after all. */
function close(f: Frame, w: Walk): boolean {
  const { node, hints } = f;
  node.end = w.order - 1;
  const text = join(f.parts);
  if (f.ariaHidden && text.length > ARIA_HIDDEN_VALUE_LENGTH) {
    // Numbering stays dense: the nodes of this subtree are given back.
    w.order = node.start;
    return false;
  }
  // Decorative icon words ("arrow_downward") are aria-hidden and carry no digits; visible amounts do.
  const decorative = f.ariaHidden && !/\d/.test(text);
  if (f.sr || decorative) {
    if (text) hints.push(text);
    node.ownText = false;
  } else node.text = text;
  node.hint = hints.join(' ');
  return true;
}

/**
 * Builds the composed tree under `root` (a Document or an Element), walking with an explicit
 * stack: a page nested 20,000 deep is read, not a stack overflow.
 */
export function buildDomTree(root: Document | Element, options: BuildOptions = {}): DomNode | undefined {
  // An empty document has no root element (and linkedom throws on its `body`).
  const top = root.nodeType === 9 ? (root as Document).documentElement : root;
  if (!top) return undefined;
  const isVisible = visibilityTest(root, options.isVisible);
  const w: Walk = { order: 0, isVisible, styles: isVisible ? NO_PAGE_STYLES : stylesOf(root) };
  const first = open(top as Element, undefined, 0, undefined, w);
  if (!first) return undefined;
  let kept = true;
  const stack: Frame[] = [first];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
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
        const t = child.textContent ?? '';
        if (/\S/.test(t)) {
          f.node.ownText = true;
          f.parts.push({ text: t, inline: true });
        }
      } else if (isElement(child)) {
        const c = open(child, f.node, f.node.depth + 1, childScope, w);
        if (c) stack.push(c);
      }
      continue;
    }
    stack.pop();
    const closed = close(f, w);
    const parent = stack[stack.length - 1];
    if (!parent) kept = closed;
    if (!closed || !parent) continue;
    parent.node.children.push(f.node);
    parent.parts.push({
      text: f.node.text,
      inline: INLINE_TAGS.has(f.node.tag),
      ...(f.node.tag === 'sup' && /^\d{2}$/.test(f.node.text) ? { cents: true } : {}),
    });
    if (f.node.hint) parent.hints.push(f.node.hint);
  }
  return kept ? first.node : undefined;
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
