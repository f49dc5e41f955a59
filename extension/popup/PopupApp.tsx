import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../messages/ask';
import { CaptureProgress } from '../messages/progress';
import { CapturePanel, type OnProgress } from './CapturePanel';
import { SiteAccess } from './SiteAccess';

type Target = { tabId: number; url: string | undefined };

/**
 * The toolbar popup. It captures the active tab, or the tab named by `?tabId=` (how a script or a
 * test drives the same UI from an ordinary tab).
 */
export function PopupApp({ search }: { search: string }) {
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  useEffect(() => {
    findTarget(search).then(setTarget);
  }, [search]);
  return (
    <main>
      <header class="bar">
        <h1>Ledgerbridge</h1>
        <nav aria-label="Extension pages">
          <a href="/dashboard.html" target="_blank" rel="noopener">
            Dashboard
          </a>
          <a href="/options.html" target="_blank" rel="noopener">
            Options
          </a>
        </nav>
      </header>
      {target === null && <p role="alert">No page to capture in this tab.</p>}
      {target && (
        <>
          <p class="site">{target.url ? new URL(target.url).host : ''}</p>
          <CapturePanel tabId={target.tabId} ask={ask} onProgress={onProgress} />
          <SiteAccess url={target.url} />
        </>
      )}
    </main>
  );
}

/** Progress messages from the background; every other message is left for its own listener. */
const onProgress: OnProgress = (listener) => {
  const handler = (message: unknown) => {
    const progress = CaptureProgress.safeParse(message);
    if (progress.success) listener(progress.data);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
};

async function findTarget(search: string): Promise<Target | null> {
  const named = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => undefined);
    return tab ? { tabId: named, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { tabId: tab.id, url: tab.url } : null;
}
