import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';

/** One part of an MHTML file: its headers (lower-case names) and its body bytes, transfer-decoded. */
export type MhtmlPart = { headers: Map<string, string>; body: Uint8Array };

export type Mhtml = { location?: string; date?: string; parts: MhtmlPart[] };

/** Whether the bytes are an MHTML file ("Save as… Webpage, Single File"): a MIME multipart/related message. */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  return /^content-type:\s*multipart\/related/im.test(head) && /^mime-version:/im.test(head);
}

/**
 * Splits an MHTML file into its parts (RFC 2557): the saved page, its frames, its styles and
 * images, each with its headers. Bodies are decoded from quoted-printable or base64.
 */
export function parseMhtml(bytes: Uint8Array): Result<Mhtml> {
  const text = latin1(bytes);
  const { headers, rest } = splitHeaders(text);
  const boundary = param(headers.get('content-type') ?? '', 'boundary');
  if (!boundary)
    return fail(problem('page_unreadable', 'the MHTML file names no boundary between its parts'));
  const delimiter = `--${boundary}`;
  const parts: MhtmlPart[] = [];
  const chunks = rest.split(delimiter);
  // The text before the first delimiter is a preamble; "--" after the last one closes the message.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = splitHeaders(chunk.replace(/^\r?\n/, ''));
    const body = part.rest.replace(/\r?\n$/, '');
    parts.push({
      headers: part.headers,
      body: transferDecode(body, part.headers.get('content-transfer-encoding')),
    });
  }
  const location = headers.get('snapshot-content-location');
  const date = headers.get('date');
  return ok({ ...(location ? { location } : {}), ...(date ? { date } : {}), parts });
}

/** A header's parameter, e.g. `boundary` or `charset` of a Content-Type. */
export function param(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

function splitHeaders(text: string): { headers: Map<string, string>; rest: string } {
  const end = /\r?\n\r?\n/.exec(text);
  const block = end ? text.slice(0, end.index) : text;
  const rest = end ? text.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, rest };
}

function transferDecode(body: string, encoding: string | undefined): Uint8Array {
  const how = (encoding ?? '').trim().toLowerCase();
  if (how === 'base64')
    return Uint8Array.from(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')), (c) => c.charCodeAt(0));
  if (how === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const c = joined.charCodeAt(i);
      const hex = c === 0x3d ? joined.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(Number.parseInt(hex, 16));
        i += 2;
      } else out.push(c & 0xff);
    }
    return Uint8Array.from(out);
  }
  return Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return s;
}
