import { runInjectedCapture } from '../capture/runInjectedCapture';

/**
 * Injected into the portal's tab by the background (scripting.executeScript) only when the owner
 * captures; its return value is the executeScript result. Reads the page, changes nothing on it.
 * The result goes back as one JSON string: Chrome converts an object result value by value, which
 * for 5,000 rows took three times as long as the string (see readInjectedResult).
 */
export default defineUnlistedScript(() =>
  JSON.stringify(runInjectedCapture(globalThis, document, location.href)),
);
