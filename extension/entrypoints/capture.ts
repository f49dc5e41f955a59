import { runInjectedCapture } from '../capture/runInjectedCapture';

/**
 * Injected into the portal's tab by the background (scripting.executeScript) only when the owner
 * captures; its return value is the executeScript result. Reads the page, changes nothing on it.
 */
export default defineUnlistedScript(() => runInjectedCapture(globalThis, document, location.href));
