import type { Browser } from 'wxt/browser';

type WebRequest = Pick<typeof Browser.webRequest, 'onHeadersReceived'>;

/** How long the redirect's headers may lag behind the fetch that stopped at it. */
const HEADERS_WAIT_MS = 2_000;

/**
 * A browser's fetch with `redirect: 'manual'` stops at a redirect but hides it ("opaqueredirect":
 * no status, no Location). The extension's own view of its requests (webRequest, for the web app's
 * site the owner granted) sees both, so the redirect is handed back readable and
 * postWithoutForwarding can decide whether it may be followed without the token.
 */
export function fetchSeeingRedirects(webRequest: WebRequest | undefined, base: typeof fetch): typeof fetch {
  if (!webRequest) return base;
  return async (input, init) => {
    if (init?.redirect !== 'manual') return base(input, init);
    const url = new URL(String(input));
    let seen: (value: Response) => void = () => {};
    const redirect = new Promise<Response>((resolve) => {
      seen = resolve;
    });
    const listener = (details: Browser.webRequest.OnHeadersReceivedDetails) => {
      if (details.url !== url.href || details.statusCode < 300 || details.statusCode >= 400) return undefined;
      const location = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
      seen(
        new Response(null, { status: details.statusCode, headers: location ? { Location: location } : {} }),
      );
      return undefined;
    };
    try {
      webRequest.onHeadersReceived.addListener(
        listener,
        { urls: [`${url.protocol}//${url.hostname}/*`], tabId: -1 },
        ['responseHeaders'],
      );
    } catch {
      // No webRequest here (a browser without it, or a test's fake): the redirect stays opaque and is refused.
      return base(input, init);
    }
    try {
      const response = await base(input, init);
      if (response.type !== 'opaqueredirect') return response;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<Response>((resolve) => {
        timer = setTimeout(() => resolve(response), HEADERS_WAIT_MS);
      });
      const readable = await Promise.race([redirect, late]);
      clearTimeout(timer);
      return readable;
    } finally {
      webRequest.onHeadersReceived.removeListener(listener);
    }
  };
}
