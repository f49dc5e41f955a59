import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { MAX_MARKUP_DEPTH, type MarkupNode } from './markupNode';
import { MarkupSyntaxError, tokenizeMarkup } from './tokenizeMarkup';

/** Drops the namespace prefix: `camt:Ntry` → `Ntry` (CAMT files come with and without prefixes). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Well-formed XML → element tree; a mismatched or missing end tag is a problem naming the line. */
export function parseXml(text: string): Result<MarkupNode> {
  const root: MarkupNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: MarkupNode[] = [root];
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
          if (stack.length > MAX_MARKUP_DEPTH) {
            return fail(
              problem(
                'too_deep',
                `elements nest more than ${MAX_MARKUP_DEPTH} levels deep at <${token.name}>: not a statement file`,
                { line: token.line, element: token.name },
              ),
            );
          }
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
    if (error instanceof MarkupSyntaxError)
      return fail(problem('malformed_xml', error.message, { line: error.line }));
    throw error;
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    return fail(
      problem('malformed_xml', `<${open.name}> opened on line ${open.line} is never closed`, {
        line: open.line,
        element: open.name,
      }),
    );
  }
  return ok(root);
}
