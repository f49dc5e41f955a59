import type { CaptureOptions, PageAnswer, PageCapture } from './captureDocument';

/** executeScript with `files` takes no arguments, so options ride on the isolated world's global. */
export const OPTIONS_KEY = '__ledgerbridgeCaptureOptions';

export type InjectedOptions = Omit<CaptureOptions, 'url'>;
export type InjectedCaptureResult = { ok: true; page: PageCapture } | { ok: false; message: string };
/** What the injected script answers: the page's rows still without ids (see PageAnswer). */
export type InjectedAnswer = { ok: true; page: PageAnswer } | { ok: false; message: string };

export function readInjectedOptions(global: object): InjectedOptions {
  return ((global as Record<string, unknown>)[OPTIONS_KEY] as InjectedOptions | undefined) ?? {};
}
