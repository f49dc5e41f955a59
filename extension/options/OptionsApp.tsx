import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkEndpointUrl } from '../send/checkEndpointUrl';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings } from '../settings/settings';

/**
 * Where batches go. Saving also asks for access to the web app's site, so the background can post
 * to it (one origin, asked for by the owner, rather than access to every site).
 */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState('');
  useEffect(() => {
    loadSettings(browser.storage.local).then(setSettings);
  }, []);
  return (
    <main>
      <h1>Ledgerbridge options</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const checked = settings.endpointUrl ? checkEndpointUrl(settings.endpointUrl) : undefined;
          if (checked && !checked.ok) {
            setStatus(`Not saved: ${checked.message}.`);
            return;
          }
          const endpoint = checked?.url;
          const granted = endpoint
            ? await browser.permissions.request({ origins: [`${endpoint.origin}/*`] }).catch(() => false)
            : true;
          try {
            await saveSettings(browser.storage.local, settings);
            setStatus(
              granted ? 'Saved.' : 'Saved, but without access to the web app the extension cannot send.',
            );
          } catch (error) {
            setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
          }
        }}
      >
        <p class="field-row">
          <label for="endpoint">Spreadsheet web-app URL</label>
          <input
            id="endpoint"
            type="url"
            size={60}
            aria-describedby="endpoint-rule"
            placeholder="https://script.google.com/macros/s/…/exec"
            value={settings.endpointUrl}
            onInput={(e) => setSettings({ ...settings, endpointUrl: e.currentTarget.value })}
          />
        </p>
        <p id="endpoint-rule" class="hint">
          An https address (http only for localhost while developing). The token is never sent on to another
          address.
        </p>
        <p class="field-row">
          <label for="token">Token</label>
          <input
            id="token"
            type="password"
            autoComplete="off"
            value={settings.token}
            onInput={(e) => setSettings({ ...settings, token: e.currentTarget.value })}
          />
        </p>
        <p class="field-row">
          <label for="maxPages">Most pages for "Capture all pages"</label>
          <input
            id="maxPages"
            type="number"
            min={1}
            max={200}
            value={settings.maxPages}
            onInput={(e) => setSettings({ ...settings, maxPages: Number(e.currentTarget.value) || 1 })}
          />
        </p>
        <button type="submit" class="primary">
          Save
        </button>
        <p role="status">{status}</p>
      </form>
    </main>
  );
}
