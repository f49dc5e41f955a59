import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { RunReceivables } from './receivablesOfRun';

const SHOWN_ALERTS = 10;

/** The lines `reconcile` adds to its summary: where the invoices stand, and every alert. */
export function describeReceivables(r: RunReceivables): string[] {
  const lines: string[] = [];
  const standings = r.receivables?.standings ?? [];
  if (standings.length > 0) {
    const count = (status: string) => standings.filter((s) => s.status === status).length;
    const owed = new Map<string, { owed: number; late: number }>();
    for (const s of standings) {
      if (s.remaining.minor <= 0) continue;
      const x = owed.get(s.remaining.currency) ?? { owed: 0, late: 0 };
      x.owed += s.remaining.minor;
      if (s.daysOverdue > 0) x.late += s.remaining.minor;
      owed.set(s.remaining.currency, x);
    }
    const money = [...owed]
      .map(
        ([c, x]) =>
          `${formatAmountForDisplay(x.owed, c)} owed, ${formatAmountForDisplay(x.late, c)} past due`,
      )
      .join('; ');
    lines.push(
      `Invoices: ${standings.length} as of ${r.asOf} (${count('paid')} paid, ${count('partial')} partly paid, ${count('overpaid')} over-paid, ${count('open')} open)${money ? `; ${money}` : ''}`,
    );
  }
  lines.push(`Alerts: ${r.alerts.length}`);
  for (const a of r.alerts.slice(0, SHOWN_ALERTS)) lines.push(`  - ${a.message}`);
  if (r.alerts.length > SHOWN_ALERTS)
    lines.push(`  … and ${r.alerts.length - SHOWN_ALERTS} more (see --json or the Summary tab)`);
  return lines;
}
