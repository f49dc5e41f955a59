import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrOf, buildDomNodes, buildDomTree, flatten } from '../../../core/capture/domTree';
import { classPages } from './classPages';
import { fixturePages, loadDocument } from './fixturePages';

/**
 * The walk gathers text piece by piece with whitespace folded as it goes; these check it against
 * the plain reading (all pieces joined, then folded once) it replaced, on generated markup.
 */
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

type Part = { text: string; inline: boolean };

function referenceJoin(parts: Part[]): string {
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

function referenceText(el: Element): string {
  const parts: Part[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      const t = c.textContent ?? '';
      if (/\S/.test(t)) parts.push({ text: t, inline: true });
    } else if (c.nodeType === 1) {
      parts.push({ text: referenceText(c as Element), inline: (c as Element).localName === 'span' });
    }
  }
  return referenceJoin(parts);
}

const PIECES = [
  '$',
  '1,234',
  '.56',
  ' x ',
  '\u00a0y\u00a0',
  'a\tb',
  '\u{1d400}',
  '\n',
  'Ü',
  '10:41 am',
  '  ',
  '5',
  '\u2009€',
];
const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const markup: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.constantFrom(...PIECES).map(escapeText)
    : fc.oneof(
        fc.constantFrom(...PIECES).map(escapeText),
        fc
          .tuple(fc.constantFrom('span', 'div'), fc.array(markup(depth - 1), { maxLength: 4 }))
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      ),
);

describe('the walk’s text', () => {
  it('equals the pieces joined and folded once, for any mix of inline and block pieces', () => {
    fc.assert(
      fc.property(fc.array(markup(4), { minLength: 1, maxLength: 5 }), (kids) => {
        const doc = loadDocument(`<html><body><div id="r">${kids.join('')}</div></body></html>`);
        const root = buildDomTree(doc)!;
        const el = doc.getElementById('r')!;
        const node = flatten(root).find((n) => n.el === el)!;
        expect(node.text).toBe(referenceText(el));
        for (const n of flatten(node)) expect(n.text).toBe(referenceText(n.el));
      }),
      { numRuns: 300 },
    );
  });

  it('lists every node in document order, as the tree does', () => {
    for (const p of fixturePages()) {
      const doc = loadDocument(p.html);
      const all = buildDomNodes(doc);
      expect(all).toEqual(flatten(buildDomTree(doc)!));
      all.forEach((n, i) => {
        expect(n.start).toBe(i);
      });
    }
  });

  it('answers attributes as the DOM does', () => {
    const names = ['colspan', 'data-label', 'data-title', 'aria-label', 'href', 'id', 'data-id', 'scope'];
    for (const html of [...fixturePages().map((p) => p.html), ...classPages().map((p) => p.html)]) {
      for (const n of buildDomNodes(loadDocument(html))) {
        for (const name of names) expect(attrOf(n, name)).toBe(n.el.getAttribute(name));
      }
    }
  });
});
