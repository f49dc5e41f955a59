import { browser } from 'wxt/browser';
import type { Request } from './request';
import { sendRequest } from './sendRequest';

/** For extension pages: one typed request to the background. */
export const ask = <R extends Request>(request: R) =>
  sendRequest((m) => browser.runtime.sendMessage(m), request);
