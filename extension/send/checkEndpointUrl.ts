/** Hosts a developer's own machine answers on: the only ones reached over plain http. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export type EndpointCheck = { ok: true; url: URL } | { ok: false; message: string };

/**
 * The one rule for where the token may go: https, or http to this machine (a local web app in
 * development). No user name or password in the address: they would travel with every request.
 * Checked in Options, before every send and for every redirect target.
 */
export function checkEndpointUrl(text: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: `"${text}" is not a web address` };
  }
  if (url.username || url.password) {
    return { ok: false, message: `${url.host}: the address must not hold a user name or password` };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: `${url.host}: the web app must be reached over https (http only for localhost while developing)`,
    };
  }
  return { ok: false, message: `${url.protocol} addresses are not supported: use https` };
}
