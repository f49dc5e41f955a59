import type { InjectedCaptureResult, InjectedOptions } from '../capture/injectedOptions';
import type { LedgerDb } from '../db/openDb';
import type { CaptureProgress } from '../messages/progress';
import type { Settings } from '../settings/settings';

/** Everything the background's logic needs from the platform, injected so tests use fakes. */
export type BackgroundDeps = {
  db: LedgerDb;
  now: () => Date;
  newId: () => string;
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Runs the capture script in the tab's isolated world. */
  captureInTab: (tabId: number, options: InjectedOptions) => Promise<InjectedCaptureResult>;
  /** Clicks the page's "next" / "load more" control and waits for the new rows; false when there is none. */
  nextPageInTab: (tabId: number) => Promise<boolean>;
  /** Tells open extension pages how far "Capture all pages" has got. */
  reportProgress: (progress: CaptureProgress) => void;
  settings: () => Promise<Settings>;
  /** The action's badge text for every tab ('' clears it): the alert count. */
  setBadge: (text: string) => Promise<void>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
};
