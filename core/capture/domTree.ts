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

type Part = { text: string; inline: boolean };

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
    const space = out !== '' && (!p.inline || !prevInline || (WORD_END.test(out) && WORD_START.test(p.text)));
    out += space ? ` ${p.text}` : p.text;
    prevInline = p.inline;
  }
  return out.replace(/\s+/g, ' ').trim();
}

type Builder = { order: number };

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
  style: string;
  role: string;
  label: string;
  hidden: boolean;
  ariaHidden: boolean;
};
const NO_ATTRS: Attrs = { cls: '', style: '', role: '', label: '', hidden: false, ariaHidden: false };

function readAttrs(el: Element): Attrs {
  if (!el.hasAttributes()) return NO_ATTRS;
  // Attribute nodes, not getAttribute/getAttributeNames: linkedom answers those through class
  // lists and fresh arrays, many times slower over a 100,000-node page.
  const get = (name: string) => el.getAttributeNode(name)?.value;
  return {
    cls: get('class') ?? '',
    style: get('style') ?? '',
    role: get('role') ?? '',
    label: get('aria-label') ?? get('title') ?? '',
    hidden: get('hidden') !== undefined,
    ariaHidden: get('aria-hidden') === 'true',
  };
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

function build(
  el: Element,
  parent: DomNode | undefined,
  b: Builder,
  depth: number,
  scope: Scope,
): DomNode | undefined {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return undefined;
  if (tag === 'template' && !el.getAttribute('shadowrootmode')) return undefined;
  const attrs = readAttrs(el);
  if (attrs.hidden) return undefined;
  const { style, cls } = attrs;
  if (style !== '' && HIDDEN_STYLE.test(style)) return undefined;
  if (cls !== '' && HIDDEN_CLASS.test(cls) && !SHOWN_CLASS.test(cls)) return undefined;
  const srOnly = (cls !== '' && SR_ONLY.test(cls)) || (style !== '' && CLIPPED_STYLE.test(style));
  const node: DomNode = {
    el,
    tag,
    role: attrs.role,
    cls,
    parent,
    children: [],
    text: '',
    hint: '',
    ownText: false,
    start: b.order++,
    end: 0,
    depth,
  };
  const parts: Part[] = [];
  const hints: string[] = [];
  if (attrs.label) hints.push(attrs.label);
  if (tag === 'svg') {
    const title = el.querySelector('title')?.textContent;
    if (title) hints.push(title);
  } else {
    for (const [child, childScope] of composedChildren(el, scope)) {
      if (child.nodeType === 3) {
        const t = child.textContent ?? '';
        if (/\S/.test(t)) {
          node.ownText = true;
          parts.push({ text: t, inline: true });
        }
      } else if (isElement(child)) {
        const c = build(child, node, b, depth + 1, childScope);
        if (!c) continue;
        node.children.push(c);
        parts.push({ text: c.text, inline: INLINE_TAGS.has(c.tag) });
        if (c.hint) hints.push(c.hint);
      }
    }
  }
  node.end = b.order - 1;
  const text = join(parts);
  // Decorative icon words ("arrow_downward") are aria-hidden and carry no digits; visible amounts do.
  const decorative = attrs.ariaHidden && !/\d/.test(text);
  if (srOnly || decorative) {
    if (text) hints.push(text);
    node.ownText = false;
  } else node.text = text;
  node.hint = hints.join(' ');
  return node;
}

/** Builds the composed tree under `root` (a Document or an Element). */
export function buildDomTree(root: Document | Element): DomNode | undefined {
  const top = root.nodeType === 9 ? ((root as Document).documentElement ?? (root as Document).body) : root;
  return top ? build(top as Element, undefined, { order: 0 }, 0, undefined) : undefined;
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
