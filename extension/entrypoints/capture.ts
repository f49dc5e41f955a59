import { captureDocument } from '../capture/captureDocument';
import { type InjectedCaptureResult, readInjectedOptions } from '../capture/injectedOptions';

/**
 * Injected into the portal's tab by the background (scripting.executeScript) only when the owner
 * captures; its return value is the executeScript result. Reads the page, changes nothing on it.
 */
export default defineUnlistedScript((): InjectedCaptureResult => {
  try {
    const options = readInjectedOptions(globalThis);
    return { ok: true, page: captureDocument(document, { ...options, url: location.href }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
});
