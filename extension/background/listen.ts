import { problem } from '../../core/model/problem';
import { captureTab } from './captureTab';
import type { BackgroundDeps } from './deps';
import { createRequestHandler } from './handleRequest';

type Api = typeof import('wxt/browser').browser;

export const CAPTURE_COMMAND = 'capture-page';

/**
 * Wires the handler to runtime messages and the keyboard shortcut. The shortcut does what the
 * popup's button does: it captures the active tab into a preview, then opens the popup to show it.
 */
export function listen(browser: Api, deps: BackgroundDeps) {
  const stops = new Set<number>();
  const handle = createRequestHandler(deps, stops);
  const pages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only the extension's own pages ask; scripts running inside a portal's tab never do.
    if (!sender.url?.startsWith(pages)) {
      sendResponse({ ok: false, problems: [problem('not_allowed', 'only extension pages may ask')] });
      return false;
    }
    handle(message).then(sendResponse);
    return true; // answers asynchronously
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND || tab?.id === undefined) return;
    const result = await captureTab(deps, { type: 'capture', tabId: tab.id }, stops);
    const text = result.ok ? String(result.value.new + result.value.changed) : '!';
    await browser.action.setBadgeText({ tabId: tab.id, text });
    try {
      await browser.action.openPopup();
    } catch {
      // Older browsers cannot open the popup from a shortcut: the badge tells the owner to click.
    }
  });
}
