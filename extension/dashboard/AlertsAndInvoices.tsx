import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../core/model/problem';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';
import type { AlertsView } from '../messages/responses';
import { AlertsPanel } from './AlertsPanel';
import { InvoicesPanel } from './InvoicesPanel';
import './receivables.css';

type Props = {
  load: () => Promise<Reply<AlertsView>>;
  /** Changes when stored data changes, to compute the alerts again. */
  version: unknown;
  accounts: string[];
  saveRhythm: (account: string, days: number) => Promise<void>;
};

/** The alerts first, then the invoices with what each still owes. */
export function AlertsAndInvoices({ load, version, accounts, saveRhythm }: Props) {
  const [view, setView] = useState<AlertsView>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const reload = async () => {
    const r = await load();
    if (r.ok) setView(r.value);
    setProblems(r.ok ? [] : r.problems);
  };
  useEffect(() => {
    reload();
  }, [version]);
  return (
    <>
      <ProblemList problems={problems} />
      {view && (
        <>
          <AlertsPanel
            alerts={view.alerts}
            asOf={view.asOf}
            accounts={accounts}
            rhythmDays={view.rhythmDays}
            saveRhythm={async (account, days) => {
              await saveRhythm(account, days);
              await reload();
            }}
          />
          <InvoicesPanel invoices={view.invoices} asOf={view.asOf} />
        </>
      )}
    </>
  );
}
