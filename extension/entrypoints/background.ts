import { browser } from 'wxt/browser';
import { refreshAlertCount } from '../background/alertBadge';
import { listen } from '../background/listen';
import { platformDeps } from '../background/platformDeps';
import { openDb } from '../db/openDb';

export default defineBackground(() => {
  const deps = platformDeps(browser, openDb());
  listen(browser, deps);
  // The badge shows the alert count from the start (accounts go quiet while the browser is closed).
  refreshAlertCount(deps);
});
