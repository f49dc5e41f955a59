/** The HTML a frame's `src` (or `srcdoc`) names, when the saved page carries it. */
export type FrameSource = (src: string) => string | undefined;

const FRAME = /<(iframe|frame)\b([^>]*)>(?:[\s\S]*?<\/\1\s*>)?/gi;
const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const MAX_DEPTH = 5;

/**
 * A saved page's frames put in place as `<div>`s holding the framed page's body (and styles), as
 * the owner saw them: older online banking shows the activity in a frame. The frame's own
 * attributes stay on the div, so a frame the page hid stays hidden. Frames the page does not carry
 * are left as they are (capture then says it cannot read them).
 */
export function inlineFrames(html: string, source: FrameSource, depth = 0): string {
  if (depth >= MAX_DEPTH) return html;
  return html.replace(FRAME, (whole, _tag: string, attrs: string) => {
    const srcdoc = attribute(attrs, 'srcdoc');
    const src = attribute(attrs, 'src');
    const inner = srcdoc !== undefined ? decodeEntities(srcdoc) : src ? source(src) : undefined;
    if (inner === undefined) return whole;
    const kept = attrs.replace(ATTR('srcdoc'), '').replace(ATTR('src'), '');
    return `<div data-saved-frame="${escapeAttr(src ?? 'srcdoc')}"${kept}>${bodyOf(inlineFrames(inner, source, depth + 1))}</div>`;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const m = ATTR(name).exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The framed page's body, with its `<style>` elements: they say what is hidden. */
function bodyOf(html: string): string {
  const styles = (html.match(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi) ?? []).join('');
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  return styles + (body ? body[1]! : html.replace(/<head\b[\s\S]*?<\/head\s*>/i, ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e]!);
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
