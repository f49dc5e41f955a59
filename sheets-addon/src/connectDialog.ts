const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The Connect dialog: the web-app URL and the new token, to paste in the extension's options. */
export function connectDialogHtml(url: string | null, token: string): string {
  const urlPart = url
    ? `<p>Web-app URL</p><input readonly value="${escapeHtml(url)}" onclick="this.select()">`
    : '<p>Deploy this script as a web app first (Deploy → New deployment → Web app, execute as me, anyone), then run this again.</p>';
  return `<!doctype html><html><head><base target="_top"><style>
body{font:13px Arial,sans-serif;margin:12px}input{width:100%;font:12px monospace;padding:4px;box-sizing:border-box}
</style></head><body>
<p>Paste these in the Ledgerbridge extension's options. The token replaces any earlier one: an extension connected before must be connected again.</p>
${urlPart}
<p>Token</p><input readonly value="${escapeHtml(token)}" onclick="this.select()">
</body></html>`;
}
