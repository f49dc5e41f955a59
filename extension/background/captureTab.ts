import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { PageCapture } from '../capture/captureDocument';
import type { Request } from '../messages/request';
import type { CapturePreview } from '../messages/responses';
import type { BackgroundDeps } from './deps';
import { hostOf, previewCapture } from './previewCapture';

type CaptureRequest = Extract<Request, { type: 'capture' }>;

/** Tabs whose "capture all pages" the owner asked to stop. */
export type StopFlags = Set<number>;

/**
 * Reads the tab's page (and with `allPages` the pages after it, up to the bound) and returns the
 * preview. What the owner saved for the site (a mapping, how its signs read) applies unless the
 * request brings its own; a sign convention in the request is saved for the site.
 */
export async function captureTab(
  deps: BackgroundDeps,
  request: CaptureRequest,
  stops: StopFlags,
): Promise<Result<CapturePreview>> {
  stops.delete(request.tabId); // before any await: a Stop sent after this call starts must count
  const url = await deps.tabUrl(request.tabId);
  if (!url) {
    return fail(
      problem(
        'no_access',
        'Ledgerbridge may not read this page yet: click its toolbar button on the page, or choose "Always allow" for the site.',
      ),
    );
  }
  const host = hostOf(url);
  const saved = await deps.db.profiles.get(host);
  if ((request.mapping && request.saveMapping) || request.signConvention || request.currency) {
    await deps.db.profiles.put({
      ...saved,
      host,
      ...(request.mapping && request.saveMapping ? { mapping: request.mapping } : {}),
      ...(request.signConvention ? { signConvention: request.signConvention } : {}),
      ...(request.currency ? { currency: request.currency } : {}),
      savedAt: deps.now().toISOString(),
    });
  }
  const mapping = request.mapping ?? saved?.mapping;
  const signConvention = request.signConvention ?? saved?.signConvention;
  const currency = request.currency ?? saved?.currency;
  const options = {
    ...(mapping ? { mapping } : {}),
    ...(signConvention ? { signConvention } : {}),
    ...(currency ? { currency } : {}),
    ...(request.asOf ? { asOf: request.asOf } : {}),
  };
  const maxPages = request.allPages ? (request.maxPages ?? (await deps.settings()).maxPages) : 1;
  const pages: PageCapture[] = [];
  while (pages.length < maxPages) {
    const result = await deps.captureInTab(request.tabId, options).catch((error: unknown) => ({
      ok: false as const,
      message: error instanceof Error ? error.message : String(error),
    }));
    if (!result.ok) {
      if (pages.length > 0) break;
      return fail(problem('capture_failed', `could not read the page: ${result.message}`));
    }
    pages.push(result.page);
    if (request.allPages) {
      deps.reportProgress({ type: 'captureProgress', tabId: request.tabId, pages: pages.length, maxPages });
    }
    if (pages.length >= maxPages || stops.has(request.tabId)) break;
    if (!(await deps.nextPageInTab(request.tabId))) break;
  }
  stops.delete(request.tabId);
  const preview = await previewCapture(deps, { kind: 'capture', source: url, pages });
  return ok(currency ? { ...preview, siteCurrency: currency } : preview);
}
