import type { AlertsView } from '../messages/responses';
import { computeAlerts } from './computeAlerts';
import type { BackgroundDeps } from './deps';

/** The action's badge: how many alerts there are (nothing when none). */
export async function showAlertCount(deps: BackgroundDeps): Promise<AlertsView> {
  const view = await computeAlerts(deps);
  const count = view.alerts.length;
  await deps.setBadge(count === 0 ? '' : count > 99 ? '99+' : String(count));
  return view;
}

/** One refresh after another, so an older count never lands after a newer one. */
const queues = new WeakMap<BackgroundDeps, Promise<void>>();

/**
 * After a capture or import is stored, on startup: the badge follows in the background, without
 * holding up the answer, and a failure there never fails the save.
 */
export function refreshAlertCount(deps: BackgroundDeps): Promise<void> {
  const next = (queues.get(deps) ?? Promise.resolve()).then(
    () => showAlertCount(deps).then(() => undefined),
    () => undefined,
  );
  const settled = next.catch(() => undefined);
  queues.set(deps, settled);
  return settled;
}
