import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import { decodeHtmlBytes } from './decodeHtmlBytes';
import { inlineFrames } from './inlineFrames';
import { isMhtml, type MhtmlPart, param, parseMhtml } from './parseMhtml';

export type SavedPage = {
  html: string;
  /** The address the page was saved from, when the file says. */
  url?: string;
  /** The day it was saved (an MHTML file's Date), what "Today" on the page meant. */
  savedOn?: string;
  /** What was decided while reading that the owner should know (an encoding guessed). */
  notes: string[];
};

/** Saved pages the command line reads: HTML ("Webpage, HTML only" / "Complete") and MHTML ("Single File"). */
export const isPageFile = (name: string): boolean => /\.(html?|mhtml?|mht)$/i.test(name);

/**
 * A saved portal page as the browser showed it: bytes decoded in the page's own encoding, an
 * MHTML file's page taken from its parts, and frames the file carries put in place.
 * `sibling` reads a file the page refers to beside it (a "Webpage, Complete" page's `_files`).
 */
export function readSavedPage(
  bytes: Uint8Array,
  sibling?: (src: string) => Uint8Array | undefined,
): Result<SavedPage> {
  const notes: string[] = [];
  const decode = (body: Uint8Array, transport?: string) => {
    const decoded = decodeHtmlBytes(body, transport);
    if (decoded.note) notes.push(decoded.note);
    return decoded.text;
  };
  if (isMhtml(bytes)) {
    const mhtml = parseMhtml(bytes);
    if (!mhtml.ok) return mhtml;
    const { location, parts } = mhtml.value;
    const pages = parts.filter((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
    const main = pages.find((p) => p.headers.get('content-location') === location) ?? pages[0];
    if (!main) return fail(problem('page_unreadable', 'the MHTML file holds no HTML page'));
    const byRef = new Map<string, MhtmlPart>();
    for (const p of pages) {
      const id = p.headers.get('content-id')?.replace(/^<|>$/g, '');
      if (id) byRef.set(`cid:${id}`, p);
      const location = p.headers.get('content-location');
      if (location) byRef.set(location, p);
    }
    const html = inlineFrames(decode(main.body, charsetOf(main)), (src) => {
      const part = byRef.get(src);
      return part && part !== main ? decode(part.body, charsetOf(part)) : undefined;
    });
    const url = location ?? main.headers.get('content-location');
    const savedOn = isoDay(mhtml.value.date);
    return ok({ html, ...(url ? { url } : savedFrom(html)), ...(savedOn ? { savedOn } : {}), notes });
  }
  const html = inlineFrames(decode(bytes), (src) => {
    const found = sibling?.(src);
    return found ? decode(found) : undefined;
  });
  return ok({ html, ...savedFrom(html), notes });
}

function isoDay(date: string | undefined): string | undefined {
  const ms = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

const charsetOf = (part: MhtmlPart) => param(part.headers.get('content-type') ?? '', 'charset');

/**
 * The address a saved page came from: browsers write `<!-- saved from url=(0042)https://… -->`;
 * many portals carry a canonical link.
 */
function savedFrom(html: string): { url?: string } {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  if (saved) return { url: saved[1]! };
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html);
  return canonical ? { url: canonical[1]! } : {};
}
