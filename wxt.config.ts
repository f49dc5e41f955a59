import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension's source lives in extension/ (DESIGN.md layout); core/ is imported from there.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Ledgerbridge',
    description: 'Capture bank and processor activity into one reconciled spreadsheet.',
    permissions: ['activeTab', 'scripting', 'storage'],
  },
});
