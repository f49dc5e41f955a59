import { describe, expect, it } from 'vitest';
import { buildDomTree, flatten } from '../../../core/capture/domTree';
import { loadDocument } from './fixturePages';

/** The composed body of a page. */
const tree = (body: string) => buildDomTree(loadDocument(`<html><body>${body}</body></html>`))!.children[0]!;

describe('buildDomTree', () => {
  it('keeps screen-reader text and decorative icons out of the visible text, as hints', () => {
    const root = tree(
      '<div><span class="sr-only">Withdrawal</span><i class="material-icons" aria-hidden="true">arrow_downward</i><span aria-hidden="true">−$4.50</span><span style="display: none">$9.99</span><span class="hidden">x</span><span hidden>y</span></div>',
    );
    expect(root.text).toBe('−$4.50');
    expect(root.hint).toBe('Withdrawal arrow_downward');
  });

  it('joins split amounts and keeps words apart', () => {
    const root = tree(
      '<p><span>$</span><span>1,234</span><sup>.56</sup></p><p><span>10:41 am</span><span>Cortado</span></p>',
    );
    expect(root.children.map((c) => c.text)).toEqual(['$1,234.56', '10:41 am Cortado']);
  });

  it('reads declarative shadow roots with their slots filled from the host', () => {
    const root = tree(
      '<x-row><template shadowrootmode="open"><div class="a"><slot name="who"></slot></div><b><slot>fallback</slot></b></template><span slot="who">Figma</span>$45.00</x-row>',
    );
    expect(root.text).toBe('Figma $45.00');
    expect(flatten(root).map((n) => `${n.tag}:${n.text}`)).toEqual([
      'body:Figma $45.00',
      'x-row:Figma $45.00',
      'div:Figma',
      'slot:Figma',
      'span:Figma',
      'b:$45.00',
      'slot:$45.00',
    ]);
  });

  it('shows responsive-utility content as a desktop screen does', () => {
    const root = tree('<div class="hidden sm:block">Date</div><div class="md:hidden">Fuel</div>');
    expect(root.text).toBe('Date');
  });
});
