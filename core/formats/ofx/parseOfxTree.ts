import { fail, ok, type Result } from '../../model/result';
import { lastContentLine, type MarkupTree } from '../markup/cutDownload';
import { MAX_MARKUP_DEPTH, type MarkupNode, tooDeep } from '../markup/markupNode';
import { MarkupSyntaxError, tokenizeMarkup } from '../markup/tokenizeMarkup';

/**
 * OFX 1.x (SGML: leaf tags such as `<TRNAMT>-5.00` are never closed) and 2.x (XML) into one tree.
 * A leaf ends at its text; an end tag closes the nearest open element of that name and is ignored
 * when none is open (the end tag of a leaf already closed by its text). Built with an explicit
 * stack, never recursion; nesting beyond MAX_MARKUP_DEPTH is refused.
 */
export function parseOfxTree(text: string): Result<MarkupTree> {
  const root: MarkupNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: MarkupNode[] = [root];
  const lastLine = lastContentLine(text);
  let cutInsideTag: string | undefined;
  try {
    for (const token of tokenizeMarkup(text)) {
      const top = stack[stack.length - 1]!;
      if (token.type === 'open') {
        const node: MarkupNode = {
          name: token.name.toUpperCase(),
          attrs: {},
          children: [],
          text: '',
          line: token.line,
        };
        top.children.push(node);
        if (!token.selfClosing) {
          if (stack.length > MAX_MARKUP_DEPTH) return fail(tooDeep(token));
          stack.push(node);
        }
      } else if (token.type === 'text') {
        const value = token.text.trim();
        if (value && stack.length > 1 && top.children.length === 0) {
          top.text = value;
          stack.pop();
        }
      } else {
        const name = token.name.toUpperCase();
        let index = stack.length - 1;
        while (index > 0 && stack[index]!.name !== name) index--;
        if (index > 0) stack.length = index;
      }
    }
  } catch (error) {
    if (!(error instanceof MarkupSyntaxError)) throw error;
    // A tag or CDATA section that never ends: the text stops there.
    cutInsideTag = error.message;
  }
  return ok({ root, open: stack.slice(1), lastLine, ...(cutInsideTag ? { cutInsideTag } : {}) });
}
