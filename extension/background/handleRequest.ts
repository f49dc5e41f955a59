import { problem, problemsFromZod } from '../../core/model/problem';
import type { Result } from '../../core/model/result';
import { rulesToRows } from '../../core/rules/rulesSheet';
import type { Reply } from '../messages/reply';
import { Request } from '../messages/request';
import type { Responses } from '../messages/responses';
import { refreshAlertCount, showAlertCount } from './alertBadge';
import { captureTab, type StopFlags } from './captureTab';
import type { BackgroundDeps } from './deps';
import { importDroppedFile } from './importDroppedFile';
import { describeCapture } from './previewCapture';
import { queryTransactions } from './queryTransactions';
import { decideMatch, listMatches } from './reconcileStored';
import { saveCapture } from './saveCapture';
import { saveRules } from './saveRules';
import { sendUnsent } from './sendUnsent';
import { summarize } from './summarize';
import { updateTransaction } from './updateTransaction';

const value = <T>(v: T): Reply<T> => ({ ok: true, value: v });
const reply = <T>(r: Result<T>): Reply<T> => r;

/**
 * The background's one entry point for messages: validates the request with zod, runs it, and
 * answers ok with a value or the problems that say what failed. Never throws.
 */
export function createRequestHandler(deps: BackgroundDeps, stops: StopFlags = new Set()) {
  async function run(request: Request): Promise<Reply<Responses[keyof Responses]>> {
    const { db } = deps;
    switch (request.type) {
      case 'capture':
        return reply(await captureTab(deps, request, stops));
      case 'stopCapture':
        stops.add(request.tabId);
        return value({ stopping: true });
      case 'pendingCapture': {
        const url = await deps.tabUrl(request.tabId);
        const latest = url
          ? (await db.captures.orderBy('capturedAt').reverse().toArray()).find(
              (c) => c.state === 'preview' && c.source === url,
            )
          : undefined;
        if (!latest) return value(null);
        const { preview } = await describeCapture(deps, latest);
        // As the capture answered it: the currency chosen for the site, so the owner still sees it.
        const siteCurrency = (await db.profiles.get(latest.host))?.currency;
        return value(siteCurrency ? { ...preview, siteCurrency } : preview);
      }
      case 'saveCapture': {
        const saved = await saveCapture(deps, request.captureId);
        if (saved.ok) refreshAlertCount(deps);
        return reply(saved);
      }
      case 'discardCapture':
        await db.transaction('rw', db.captures, db.raw, async () => {
          await db.captures.update(request.captureId, { state: 'discarded', incoming: [] });
          await db.raw.where('captureId').equals(request.captureId).delete();
        });
        return value({ discarded: true as const });
      case 'query':
        return value(await queryTransactions(db, request.filter));
      case 'updateTransaction':
        return reply(await updateTransaction(deps, request));
      case 'summary':
        return value(await summarize(db));
      case 'captures': {
        const newest = db.captures.orderBy('capturedAt').reverse();
        const rows = await (request.unverified
          ? newest.filter((c) => c.verification === 'unverified')
          : newest
        )
          .limit(request.limit ?? 50)
          .toArray();
        return value(
          rows.map(({ incoming: _i, diagnostics: d, ...c }) => ({
            ...c,
            verification: c.verification ?? 'unchecked',
            checks: d.checks ?? [],
          })),
        );
      }
      case 'matches':
        return value(await listMatches(db));
      case 'decideMatch':
        return reply(await decideMatch(db, request.matchId, request.state));
      case 'rules':
        return value({ rows: rulesToRows(await db.rules.toArray()) });
      case 'saveRules':
        return reply(await saveRules(deps, request.rows));
      case 'importFile': {
        const imported = await importDroppedFile(deps, request.name, request.base64, request.account);
        // An invoice list is stored at once: its overdue invoices count now.
        if (imported.ok && 'kind' in imported.value && imported.value.kind === 'invoices')
          refreshAlertCount(deps);
        return reply(imported);
      }
      case 'alerts':
        return value(await showAlertCount(deps));
      case 'send':
        return reply(await sendUnsent(deps));
      case 'sends':
        return value(
          await db.sends
            .orderBy('createdAt')
            .reverse()
            .limit(request.limit ?? 50)
            .toArray(),
        );
    }
  }

  return async (message: unknown): Promise<Reply<unknown>> => {
    const parsed = Request.safeParse(message);
    if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
    try {
      return await run(parsed.data);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [problem('internal_error', text)] };
    }
  };
}
