import type { CaptureOptions, PageCapture } from './captureDocument';

/** executeScript with `files` takes no arguments, so options ride on the isolated world's global. */
export const OPTIONS_KEY = '__ledgerbridgeCaptureOptions';

export type InjectedOptions = Omit<CaptureOptions, 'url'>;
export type InjectedCaptureResult = { ok: true; page: PageCapture } | { ok: false; message: string };

export function readInjectedOptions(global: object): InjectedOptions {
  return ((global as Record<string, unknown>)[OPTIONS_KEY] as InjectedOptions | undefined) ?? {};
}

/** The injected capture's answer as executeScript hands it back (a JSON string, see entrypoints/capture.ts). */
export function readInjectedResult(result: unknown): InjectedCaptureResult {
  if (typeof result !== 'string') return { ok: false, message: 'the page gave no answer' };
  try {
    return JSON.parse(result) as InjectedCaptureResult;
  } catch (error) {
    return { ok: false, message: `the page's answer could not be read: ${(error as Error).message}` };
  }
}
