import { type Problem, problem } from '../../model/problem';
import type { MarkupNode } from './markupNode';

/** A parsed document and where its text stops: a whole file leaves nothing open. */
export type MarkupTree = {
  root: MarkupNode;
  /**
   * Elements still open where the text ends, outermost first. OFX closes every aggregate and XML
   * every element, so anything left open means a download cut short.
   */
  open: MarkupNode[];
  /** The file's last line with content, for saying where a cut file ends. */
  lastLine: number;
  /** Set when the text stops inside a tag (`<TRNA`). */
  cutInsideTag?: string;
};

/** The last line with content: where a cut file ends. */
export const lastContentLine = (text: string) => text.trimEnd().split(/\r\n|\r|\n/).length;

/**
 * Where a cut download ends, as a problem naming its last line and the innermost open element;
 * undefined for a whole file. Importers read what is complete and leave the open elements out, so
 * importing the whole file later adds them once rather than changed duplicates.
 */
export function cutDownload(tree: MarkupTree, where: { file: string }): Problem | undefined {
  if (tree.open.length === 0 && !tree.cutInsideTag) return undefined;
  const innermost = tree.open.at(-1);
  const inside = innermost ? ` inside <${innermost.name}> (opened on line ${innermost.line})` : '';
  const missing = tree.open.map((n) => `</${n.name}>`).reverse();
  const what = [
    ...(tree.cutInsideTag ? [tree.cutInsideTag] : []),
    ...(missing.length > 0 ? [`${missing.join('')} are missing`] : []),
  ].join(' and ');
  return problem(
    'file_truncated',
    `the file ends on line ${tree.lastLine}${inside}: ${what}; the download looks cut, so only what is complete is imported (import the complete file)`,
    { ...where, line: tree.lastLine, ...(innermost ? { element: innermost.name } : {}) },
  );
}
