import { type Problem, problem } from '../../model/problem';
/** An element of a parsed XML or OFX document; `text` is the element's own trimmed character data. */
export type MarkupNode = {
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  text: string;
  line: number;
};

export const child = (node: MarkupNode | undefined, name: string): MarkupNode | undefined =>
  node?.children.find((c) => c.name === name);

export const children = (node: MarkupNode | undefined, name: string): MarkupNode[] =>
  node ? node.children.filter((c) => c.name === name) : [];

/** Follows a path of child names: `at(stmt, 'Acct', 'Id', 'IBAN')`. */
export function at(node: MarkupNode | undefined, ...path: string[]): MarkupNode | undefined {
  let current = node;
  for (const name of path) current = child(current, name);
  return current;
}

/** Trimmed text at a path, or undefined when the element is missing or empty. */
export function textAt(node: MarkupNode | undefined, ...path: string[]): string | undefined {
  const text = at(node, ...path)?.text.trim();
  return text ? text : undefined;
}

/**
 * Deeper than any statement format nests (OFX and CAMT stay under 20 levels); a file nested deeper
 * is refused by the tree builders, so nothing downstream meets a pathological tree.
 */
export const MAX_MARKUP_DEPTH = 200;

/** The refusal for an element nested deeper than MAX_MARKUP_DEPTH: no statement is that deep. */
export const tooDeep = (token: { name: string; line: number }): Problem =>
  problem(
    'too_deep',
    `elements nest more than ${MAX_MARKUP_DEPTH} levels deep at <${token.name}>: not a statement file`,
    { line: token.line, element: token.name },
  );

/** Every descendant (depth-first, document order) with this name; iterative, whatever the depth. */
export function descendants(node: MarkupNode, name: string): MarkupNode[] {
  const out: MarkupNode[] = [];
  const stack: MarkupNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.name === name) out.push(c);
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}
