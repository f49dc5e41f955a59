import { findNextPageControl } from '../../core/capture/findNextPageControl';

/** How long a page may take to show the next rows after the click. */
const SETTLE_TIMEOUT_MS = 10_000;
/** Rows are in once the DOM has been quiet this long. */
const QUIET_MS = 300;

/**
 * Clicks the page's next / load-more control and resolves once the page has changed and settled.
 * Resolves false when there is no such control (the last page). A click that navigates ends this
 * script; the background then waits for the tab to load.
 */
export function clickNextPage(doc: Document): Promise<boolean> {
  const control = findNextPageControl(doc);
  if (!(control instanceof HTMLElement)) return Promise.resolve(false);
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(giveUp);
      resolve(true);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, QUIET_MS);
    });
    const giveUp = setTimeout(done, SETTLE_TIMEOUT_MS);
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    control.click();
  });
}
