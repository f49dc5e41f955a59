import type { Browser } from 'wxt/browser';
import { type InjectedOptions, OPTIONS_KEY } from '../capture/injectedOptions';
import { readInjectedResult } from '../capture/readInjectedResult';
import type { LedgerDb } from '../db/openDb';
import { fetchSeeingRedirects } from '../send/fetchSeeingRedirects';
import { loadSettings } from '../settings/settings';
import type { BackgroundDeps } from './deps';

type Api = typeof import('wxt/browser').browser;

/** How long a "next page" that navigates may take to load. */
const LOAD_TIMEOUT_MS = 15_000;

function setOptions(key: string, options: InjectedOptions) {
  (globalThis as Record<string, unknown>)[key] = options;
}

function waitForLoad(browser: Api, tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && info.status === 'complete') finish();
    };
    const finish = () => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(listener);
    browser.tabs.get(tabId).then((tab) => {
      if (tab.status === 'complete') finish();
    }, finish);
  });
}

/** The background's dependencies on the real browser. */
export function platformDeps(browser: Api, db: LedgerDb): BackgroundDeps {
  return {
    db,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    captureInTab: async (tabId, options) => {
      await browser.scripting.executeScript({
        target: { tabId },
        func: setOptions,
        args: [OPTIONS_KEY, options],
      });
      const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
      return readInjectedResult(first?.result);
    },
    nextPageInTab: async (tabId) => {
      try {
        const [first] = await browser.scripting.executeScript({
          target: { tabId },
          files: ['/next-page.js'],
        });
        // true: new rows came in place; false: no next control. No answer: the click navigated.
        if (typeof first?.result === 'boolean') return first.result;
      } catch {
        // The click navigated away and took the script with it.
      }
      await waitForLoad(browser, tabId);
      return true;
    },
    reportProgress: (progress) => {
      // No page may be listening (the popup closed): that is fine.
      Promise.resolve()
        .then(() => browser.runtime.sendMessage(progress))
        .catch(() => {});
    },
    settings: () => loadSettings(browser.storage.local),
    setBadge: async (text) => {
      await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
      await browser.action.setBadgeText({ text });
    },
    fetch: fetchSeeingRedirects(browser.webRequest, (input, init) => fetch(input, init)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
