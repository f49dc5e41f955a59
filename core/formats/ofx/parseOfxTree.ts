import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { MarkupNode } from '../markup/markupNode';
import { MarkupSyntaxError, tokenizeMarkup } from '../markup/tokenizeMarkup';

/**
 * OFX 1.x (SGML: leaf tags such as `<TRNAMT>-5.00` are never closed) and 2.x (XML) into one tree.
 * A leaf ends at its text; an end tag closes the nearest open element of that name and is ignored
 * when none is open (the end tag of a leaf already closed by its text).
 */
export function parseOfxTree(text: string): Result<MarkupNode> {
  const root: MarkupNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: MarkupNode[] = [root];
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
        if (!token.selfClosing) stack.push(node);
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
    if (error instanceof MarkupSyntaxError)
      return fail(problem('malformed_ofx', error.message, { line: error.line }));
    throw error;
  }
  return ok(root);
}
