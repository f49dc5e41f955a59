import { parseHTML } from 'linkedom';

/** An attribute written in capitals inside a tag: `<TD CLASS="amt" COLSPAN=2>` (not SVG's `viewBox`). */
const UPPERCASE_ATTRIBUTE = /<[A-Za-z][^<>]*?\s[A-Z][A-Z-]+\s*=/;
const ALL_CAPS = /^[A-Z][A-Z-]+$/;

/**
 * A saved page as a document, its attribute names lowercased as a browser's parser does: linkedom
 * keeps `CLASS`, `COLSPAN`, `LANG` as written, and capture then missed classes, spans and hidden
 * styles on older portals' pages that Chromium reads. The walk runs only when the text has any.
 */
export function parseSavedPage(html: string): Document {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  if (!UPPERCASE_ATTRIBUTE.test(html)) return doc;
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (!el.hasAttributes()) continue;
    for (const { name, value } of Array.from(el.attributes)) {
      if (!ALL_CAPS.test(name)) continue;
      const lower = name.toLowerCase();
      el.removeAttribute(name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
  return doc;
}
