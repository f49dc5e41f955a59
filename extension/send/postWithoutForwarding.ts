import { checkEndpointUrl } from './checkEndpointUrl';

export type Posted = { ok: true; response: Response } | { ok: false; message: string };

/** Redirects after which a POST becomes a GET without its body: safe to follow, the token stays behind. */
const BECOMES_GET = new Set([301, 302, 303]);
const MAX_HOPS = 5;

const isRedirect = (r: Response) =>
  r.type === 'opaqueredirect' || (r.status >= 300 && r.status < 400 && r.status !== 304);

/**
 * POSTs `body` (which holds the token) to `url` and never lets it follow a redirect. Redirects are
 * handled here, by hand: a 301/302/303 (how Apps Script hands out its answer) is followed with a
 * plain GET that carries nothing, to an https address only; a 307/308, which asks for the same
 * request — token included — to be sent somewhere else, is refused with the reason. Network errors
 * are thrown for the caller to retry.
 */
export async function postWithoutForwarding(
  fetchFn: typeof fetch,
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<Posted> {
  const first = checkEndpointUrl(url);
  if (!first.ok) return first;
  let at = first.url;
  let response = await fetchFn(at.href, { method: 'POST', ...init, redirect: 'manual' });
  for (let hop = 1; isRedirect(response); hop++) {
    const location = response.headers.get('location');
    if (!location) {
      return {
        ok: false,
        message: `${at.host} answered with a redirect that does not say where to (HTTP ${response.status || 'opaque'})`,
      };
    }
    const target = new URL(location, at);
    if (!BECOMES_GET.has(response.status)) {
      return {
        ok: false,
        message:
          `${at.host} redirected to ${target.origin} (HTTP ${response.status}) and asked for the request, ` +
          'token included, to be sent there again: Ledgerbridge does not send the token on. ' +
          'Put the web app’s final address in Options.',
      };
    }
    const checked = checkEndpointUrl(target.href);
    if (!checked.ok)
      return { ok: false, message: `${at.host} redirected to ${target.href}: ${checked.message}` };
    if (hop > MAX_HOPS) return { ok: false, message: `${first.url.host}: more than ${MAX_HOPS} redirects` };
    at = checked.url;
    response = await fetchFn(at.href, { method: 'GET', redirect: 'manual' });
  }
  return { ok: true, response };
}
