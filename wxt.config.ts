import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The extension's source lives in extension/ (DESIGN.md layout); core/ is imported from there.
 * `wxt build --mode e2e` (output .output/chrome-mv3-e2e) additionally grants host access to
 * http://127.0.0.1 at install time, standing in for the per-site grant the owner gives by clicking:
 * tests cannot click a permission prompt, and activeTab is only granted by a real user gesture.
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: 'Ledgerbridge',
    description: 'Capture bank and processor activity into one reconciled spreadsheet.',
    // webRequest: to read (never change) the web app's redirect, so the token is not sent on with it.
    permissions: ['activeTab', 'scripting', 'storage', 'webRequest'],
    // Per-site access, asked for one portal at a time; never granted for every site up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Capture the transactions on this page',
      },
    },
    action: { default_title: 'Ledgerbridge: capture this page' },
    // Firefox builds are MV3 too (scripting, action, optional host permissions); they need an add-on id.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'ledgerbridge@ledgerbridge.invalid', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
