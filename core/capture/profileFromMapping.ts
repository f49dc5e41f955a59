import {
  type ColumnMapping,
  PROFILE_SCHEMA_VERSION,
  Profile,
  type ProfileConventions,
} from '../model/profile';

export type SiteProfileOptions = {
  name?: string;
  institution?: string;
  portalKind?: Profile['portalKind'];
  account?: string;
  rowSelector?: string;
  conventions?: Partial<ProfileConventions>;
};

/**
 * The URL pattern a saved profile matches: same site and path, with the query and fragment
 * dropped and ids in the path (numbers, long tokens) made wildcards, so the profile also fits the
 * next visit and the owner's other accounts.
 */
export function urlPatternFor(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^?#]*)/i.exec(url);
  if (!m) return `${url.replace(/[?#].*$/, '')}*`;
  const path = m[2]!
    .split('/')
    .map((segment) => (/\d/.test(segment) && /^[\w-]{4,}$|^\d+$/.test(segment) ? '*' : segment))
    .join('/');
  return `${m[1]!.toLowerCase()}${path}*`;
}

/** Turns a corrected mapping for a page into a site profile the next capture of that page uses. */
export function profileFromMapping(
  mapping: ColumnMapping,
  url: string,
  options: SiteProfileOptions = {},
): Profile {
  const pattern = urlPatternFor(url);
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? 'site';
  return Profile.parse({
    schemaVersion: PROFILE_SCHEMA_VERSION,
    id: `site:${pattern}`,
    name: options.name ?? host,
    institution: options.institution ?? host,
    portalKind: options.portalKind ?? 'bank',
    urlPatterns: [pattern],
    ...(options.account ? { account: options.account } : {}),
    ...(options.rowSelector ? { rowSelector: options.rowSelector } : {}),
    columns: mapping,
    conventions: { amountSign: 'asShown', ...options.conventions },
  });
}
