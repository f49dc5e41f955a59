import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { lastContentLine, type MarkupTree } from './cutDownload';
import { MAX_MARKUP_DEPTH, type MarkupNode, tooDeep } from './markupNode';
import { MarkupSyntaxError, tokenizeMarkup } from './tokenizeMarkup';

/** Drops the namespace prefix: `camt:Ntry` → `Ntry` (CAMT files come with and without prefixes). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * XML → element tree, built with an explicit stack (nesting beyond MAX_MARKUP_DEPTH is refused).
 * A mismatched end tag is a problem naming the line; text that stops with elements still open is
 * a cut download: the tree so far comes back with them listed (see cutDownload).
 */
export function parseXml(text: string): Result<MarkupTree> {
  const root: MarkupNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: MarkupNode[] = [root];
  let cutInsideTag: string | undefined;
  try {
    for (const token of tokenizeMarkup(text)) {
      const top = stack[stack.length - 1]!;
      if (token.type === 'text') {
        top.text += token.text;
      } else if (token.type === 'open') {
        const node: MarkupNode = {
          name: local(token.name),
          attrs: token.attrs,
          children: [],
          text: '',
          line: token.line,
        };
        top.children.push(node);
        if (!token.selfClosing) {
          if (stack.length > MAX_MARKUP_DEPTH) return fail(tooDeep(token));
          stack.push(node);
        }
      } else {
        if (stack.length === 1 || top.name !== local(token.name)) {
          return fail(
            problem('malformed_xml', `end tag </${token.name}> does not match <${top.name}>`, {
              line: token.line,
              element: token.name,
            }),
          );
        }
        top.text = top.text.trim();
        stack.pop();
      }
    }
  } catch (error) {
    if (!(error instanceof MarkupSyntaxError)) throw error;
    // A tag or CDATA section that never ends: the text stops there.
    cutInsideTag = error.message;
  }
  for (const open of stack.slice(1)) open.text = open.text.trim();
  return ok({
    root,
    open: stack.slice(1),
    lastLine: lastContentLine(text),
    ...(cutInsideTag ? { cutInsideTag } : {}),
  });
}
