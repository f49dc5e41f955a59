import type { PostAnswer } from '../../sheets-addon/src/handlePost';
import type { LoadedAddon } from './loadAddon';

/** Connects the extension through the menu and returns the token shown in the dialog. */
export function connect(addon: LoadedAddon): string {
  addon.run('connectExtension');
  const html = addon.ui.dialogs.at(-1)!.html.getContent();
  const token = /<p>Token<\/p><input readonly value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the Connect dialog');
  return token;
}

type Output = { getContent(): string; getMimeType(): string };

/** POSTs a body to doPost as the web app would receive it, and reads the JSON answer. */
export function post(addon: LoadedAddon, body: unknown): PostAnswer {
  const contents = typeof body === 'string' ? body : JSON.stringify(body);
  const output = addon.run('doPost', {
    postData: { contents, length: contents.length, type: 'application/json' },
  }) as Output;
  if (output.getMimeType() !== 'JSON') throw new Error(`doPost answered ${output.getMimeType()}`);
  return JSON.parse(output.getContent());
}

export function get(addon: LoadedAddon, parameter: Record<string, string>): Record<string, unknown> {
  const output = addon.run('doGet', { parameter }) as Output;
  return JSON.parse(output.getContent());
}

/** The tab as header + rows of stored values (dates as ISO instants, formulas as `{ formula }`). */
export function tab(addon: LoadedAddon, name: string) {
  const [header = [], ...rows] = addon.spreadsheet.sheet(name).snapshot();
  return { header: header as string[], rows };
}

/** Rows of a tab as objects keyed by header. */
export function records(addon: LoadedAddon, name: string): Array<Record<string, unknown>> {
  const { header, rows } = tab(addon, name);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}
