import { buildDomTree, type DomNode, flatten } from './domTree';

const CONTROL_TAGS = new Set(['a', 'button']);
const CONTROL_ROLES = new Set(['button', 'link']);
const NEXT =
  /^(?:next(?: page)?|load more(?: \w+)?|show more(?: \w+)?|see more(?: \w+)?|view more(?: \w+)?|more (?:transactions|activity|results)|older(?: transactions)?|weiter|nächste(?: seite)?|mehr (?:anzeigen|laden)|weitere umsätze(?: anzeigen)?|suivant|afficher plus(?: d'opérations)?|charger plus|siguiente|cargar más|ver más|volgende|meer laden|›|»|→|>|next ›|next »|next >)$/i;

function isDisabled(n: DomNode): boolean {
  const el = n.el;
  return (
    el.hasAttribute('disabled') ||
    el.getAttribute('aria-disabled') === 'true' ||
    /(?:^|[\s_-])disabled(?:$|\s)/i.test(n.cls)
  );
}

/** What a control says, with and without its arrows ("Siguiente ›", "‹ Previous"). */
function labels(n: DomNode): string[] {
  const raw = (n.text || n.hint).trim();
  return [raw, raw.replace(/[‹«←›»→<>]/g, '').trim(), n.hint.trim()];
}

/** An enabled "Next" or "Load more" control: the list shown is a window of a longer one. */
export function isMoreControl(n: DomNode): boolean {
  if (!CONTROL_TAGS.has(n.tag) && !CONTROL_ROLES.has(n.role)) return false;
  if (isDisabled(n)) return false;
  return n.el.getAttribute('rel') === 'next' || labels(n).some((l) => NEXT.test(l));
}

/**
 * The control that shows more transactions (a "Next" link or a "Load more" button), for the
 * extension to click before capturing again; undefined when there is none or it is disabled.
 * Pure: it only reads the page, and sees into open shadow roots like the extractor does.
 */
export function findNextPageControl(root: Document | Element): Element | undefined {
  const tree = buildDomTree(root);
  if (!tree) return undefined;
  const controls = flatten(tree).filter((n) => CONTROL_TAGS.has(n.tag) || CONTROL_ROLES.has(n.role));
  const byRel = controls.find((n) => n.el.getAttribute('rel') === 'next' && !isDisabled(n));
  if (byRel) return byRel.el;
  const named = controls.filter((n) => !isDisabled(n) && labels(n).some((l) => NEXT.test(l)));
  return named[0]?.el;
}
