import { browser } from 'wxt/browser';
import { listen } from '../background/listen';
import { platformDeps } from '../background/platformDeps';
import { openDb } from '../db/openDb';

export default defineBackground(() => {
  listen(browser, platformDeps(browser, openDb()));
});
