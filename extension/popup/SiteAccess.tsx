import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * Access to this one site, asked for only when the owner wants it: the popup's own Capture works
 * without it (activeTab); the keyboard shortcut after navigation and "Capture all pages" across
 * page loads need it.
 */
export function SiteAccess({ url }: { url: string | undefined }) {
  const origin = originPattern(url);
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (origin) browser.permissions.contains({ origins: [origin] }).then(setGranted);
  }, [origin]);
  if (!origin || granted === undefined) return null;
  if (granted) return <p class="hint">Allowed on {new URL(url!).host}.</p>;
  return (
    <button
      type="button"
      class="link"
      onClick={async () => setGranted(await browser.permissions.request({ origins: [origin] }))}
    >
      Always allow on {new URL(url!).host}
    </button>
  );
}

function originPattern(url: string | undefined): string | undefined {
  if (!url || !/^https?:/.test(url)) return undefined;
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
