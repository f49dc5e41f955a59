import { buildAlerts, type DataDelivery } from '../../core/alerts/buildAlerts';
import type { Invoice } from '../../core/model/invoice';
import { settleInvoices } from '../../core/receivables/settleInvoices';
import type { CaptureRecord, StoredInvoice } from '../db/schema';
import { toContract } from '../db/toWire';
import type { AlertsView, InvoiceRow } from '../messages/responses';
import type { BackgroundDeps } from './deps';
import { reconcileStored } from './reconcileStored';

/** Drift lines core/capture reports for a built-in profile that no longer fits its page. */
const DRIFT = /^profile \S+: /;

/**
 * The one list of alerts over what is stored, as of today: deliveries are the saved captures and
 * imports (when each was made, what it brought per account), drift is what the newest capture of
 * each site said, invoices are settled against the stored lines and their matches.
 */
export async function computeAlerts(deps: BackgroundDeps): Promise<AlertsView> {
  const { db } = deps;
  const asOf = deps.now().toISOString().slice(0, 10);
  const [{ stored, result }, captures, invoices, settings] = await Promise.all([
    reconcileStored(db),
    db.captures.orderBy('capturedAt').toArray(),
    db.invoices.toArray(),
    deps.settings(),
  ]);
  const transactions = stored.map(toContract);
  const saved = captures.filter((c) => c.state === 'saved');
  const receivables =
    invoices.length > 0
      ? settleInvoices({
          invoices: invoices.map(toInvoice),
          transactions,
          matches: result.matches.toArray(),
          asOf,
        })
      : undefined;
  const rhythmDays = settings.rhythmDays ?? {};
  const alerts = buildAlerts({
    asOf,
    transactions,
    deliveries: saved.flatMap(deliveriesOfCapture),
    rhythmDays,
    drifts: driftsOf(captures),
    ...(receivables ? { standings: receivables.standings } : {}),
  });
  return { asOf, alerts, invoices: (receivables?.standings ?? []).map(toRow).sort(byUrgency), rhythmDays };
}

function deliveriesOfCapture(c: CaptureRecord): DataDelivery[] {
  return (c.delivered ?? []).map((d) => ({ ...d, source: c.source, at: c.capturedAt.slice(0, 10) }));
}

/** A site's newest capture says whether its page still fits its profile; older drift was fixed or is repeated. */
function driftsOf(captures: readonly CaptureRecord[]) {
  const newest = new Map<string, CaptureRecord>();
  for (const c of captures) if (c.kind === 'capture' && c.state !== 'preview') newest.set(c.host, c);
  return [...newest.values()].flatMap((c) => {
    const lines = c.diagnostics.warnings.filter((w) => DRIFT.test(w));
    if (lines.length === 0) return [];
    const accounts = c.delivered?.map((d) => d.account) ?? [];
    return [
      {
        account: accounts.length > 0 ? accounts.join(', ') : c.host,
        since: c.capturedAt.slice(0, 10),
        message: `${c.source}: the page no longer looks like its profile (${lines.join('; ')}). Check the capture's rows against the page; if rows are missing, correct the column mapping in the popup.`,
      },
    ];
  });
}

const toInvoice = ({ importedAt: _at, ...invoice }: StoredInvoice): Invoice => invoice;

function toRow(s: ReturnType<typeof settleInvoices>['standings'][number]): InvoiceRow {
  return {
    number: s.invoice.number,
    customer: s.invoice.customer,
    issued: s.invoice.issued,
    due: s.invoice.due,
    currency: s.invoice.amount.currency,
    amountMinor: s.invoice.amount.minor,
    paidMinor: s.paid.minor,
    remainingMinor: s.remaining.minor,
    status: s.status,
    daysOverdue: s.remaining.minor > 0 ? s.daysOverdue : 0,
    ...(s.settled ? { settled: s.settled } : {}),
    flags: s.flags,
  };
}

/** Most overdue first, then open before settled, then by due date. */
const byUrgency = (a: InvoiceRow, b: InvoiceRow) =>
  b.daysOverdue - a.daysOverdue ||
  Number(b.remainingMinor > 0) - Number(a.remainingMinor > 0) ||
  (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
