import { decodeEntities } from './decodeEntities';

export type MarkupToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean; line: number }
  | { type: 'close'; name: string; line: number }
  | { type: 'text'; text: string; line: number };

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A small, platform-free tokenizer for XML and for OFX's SGML (where leaf tags are left open).
 * Comments, processing instructions and doctypes are skipped; CDATA becomes text; entities are
 * decoded. Every token carries its 1-based line so problems can point at it. Throws a
 * `MarkupSyntaxError` for a tag that never ends.
 */
export function* tokenizeMarkup(text: string): Generator<MarkupToken> {
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > pos) {
      const raw = text.slice(pos, textEnd);
      yield { type: 'text', text: decodeEntities(raw), line };
      line += countNewlines(text, pos, textEnd);
    }
    if (lt === -1) return;
    let end: number;
    if (text.startsWith('<!--', lt)) {
      end = text.indexOf('-->', lt + 4);
      end = end === -1 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) throw new MarkupSyntaxError('a CDATA section is never closed', line);
      yield { type: 'text', text: text.slice(lt + 9, close), line };
      end = close + 3;
    } else {
      const gt = text.indexOf('>', lt + 1);
      if (gt === -1)
        throw new MarkupSyntaxError(`the tag "${text.slice(lt, lt + 30).trim()}" is never closed`, line);
      end = gt + 1;
      const inner = text.slice(lt + 1, gt);
      const first = inner[0];
      if (first === '/') {
        yield { type: 'close', name: inner.slice(1).trim(), line };
      } else if (first !== '?' && first !== '!') {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const space = body.search(/\s/);
        const name = space === -1 ? body : body.slice(0, space);
        const attrs: Record<string, string> = {};
        if (space !== -1) {
          for (const m of body.slice(space).matchAll(ATTR)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
        }
        if (name !== '') yield { type: 'open', name, attrs, selfClosing, line };
      }
    }
    line += countNewlines(text, lt, end);
    pos = end;
  }
}

export class MarkupSyntaxError extends Error {
  override name = 'MarkupSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
