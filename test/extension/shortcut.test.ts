import { describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CAPTURE_COMMAND, listen } from '../../extension/background/listen';
import { activityPage, harness } from './harness';

type CommandListener = (command: string, tab?: { id?: number }) => Promise<void>;

describe('the keyboard shortcut', () => {
  it('captures the active tab into a preview, badges the count and opens the popup to show it', async () => {
    const h = harness();
    const listeners: CommandListener[] = [];
    // The fake browser has no commands or openPopup: stand-ins record what the background does.
    Object.assign(fakeBrowser.commands, {
      onCommand: { addListener: (l: CommandListener) => listeners.push(l) },
    });
    const openPopup = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, { openPopup });
    listen(fakeBrowser as unknown as typeof browser, h.deps);

    const tabId = await h.openTab(
      'https://bank.example/activity',
      activityPage([
        ['03/02/2026', 'COFFEE', '-$4.50'],
        ['03/03/2026', 'LUNCH', '-$12.00'],
      ]),
    );
    await listeners[0]!(CAPTURE_COMMAND, { id: tabId });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('2');
    expect(openPopup).toHaveBeenCalledOnce();
    const pending = await h.ask({ type: 'pendingCapture', tabId });
    expect(pending.ok && pending.value).toMatchObject({ found: 2, new: 2 });
    expect(await h.db.transactions.count()).toBe(0);
  });

  it('answers extension pages, and refuses scripts running in a portal tab', async () => {
    const h = harness();
    listen(fakeBrowser as unknown as typeof browser, h.deps);
    type Trigger = (
      message: unknown,
      sender: { url?: string },
      respond: (r: unknown) => void,
    ) => Promise<unknown>;
    const trigger = (fakeBrowser.runtime.onMessage as unknown as { trigger: Trigger }).trigger;
    const ask = (url: string) =>
      new Promise<{ ok: boolean; problems?: Array<{ code: string }> }>((resolve) => {
        trigger({ type: 'summary' }, { url }, resolve as (r: unknown) => void);
      });
    expect(await ask(fakeBrowser.runtime.getURL('/dashboard.html'))).toMatchObject({ ok: true });
    expect(await ask('https://bank.example/activity')).toMatchObject({
      ok: false,
      problems: [{ code: 'not_allowed' }],
    });
  });
});
