import { captureDocument } from './captureDocument';
import { type InjectedAnswer, readInjectedOptions } from './injectedOptions';

/** The injected script's work, with its world passed in: a failure comes back as data, not a lost error. */
export function runInjectedCapture(global: object, doc: Document, url: string): InjectedAnswer {
  try {
    return { ok: true, page: captureDocument(doc, { ...readInjectedOptions(global), url }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
