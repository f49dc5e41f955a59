import { clickNextPage } from '../capture/clickNextPage';

/** Injected by "Capture all pages" between pages; returns whether there was a next page. */
export default defineUnlistedScript(() => clickNextPage(document));
