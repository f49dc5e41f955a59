import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Problem } from '../../core/model/problem';
import { ProblemList } from '../components/ProblemList';
import { ask } from '../messages/ask';
import type { TransactionFilter } from '../messages/request';
import type { QueryResult, Summary } from '../messages/responses';
import { saveRhythm } from '../settings/saveRhythm';
import { AccountBalances } from './AccountBalances';
import { AlertsAndInvoices } from './AlertsAndInvoices';
import { CaptureHistory } from './CaptureHistory';
import { ExportButtons } from './ExportButtons';
import { Filters } from './Filters';
import { ImportDrop } from './ImportDrop';
import { MatchesReview } from './MatchesReview';
import { MonthlyChart } from './MonthlyChart';
import { RulesEditor } from './RulesEditor';
import { SendPanel } from './SendPanel';
import { TransactionTable } from './TransactionTable';

/** Everything captured, to review, correct, send and export. */
export function DashboardApp() {
  const [filter, setFilter] = useState<TransactionFilter>({});
  const [result, setResult] = useState<QueryResult>({ transactions: [], total: 0, unverified: {} });
  const [summary, setSummary] = useState<Summary>({ accounts: [], months: [] });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [unverified, setUnverified] = useState(0);

  const refresh = useCallback(async () => {
    const [q, s, u] = await Promise.all([
      ask({ type: 'query', filter }),
      ask({ type: 'summary' }),
      ask({ type: 'captures', unverified: true, limit: 1000 }),
    ]);
    if (q.ok) setResult(q.value);
    if (s.ok) setSummary(s.value);
    if (u.ok) setUnverified(u.value.filter((c) => c.state === 'saved').length);
    setProblems([...(q.ok ? [] : q.problems), ...(s.ok ? [] : s.problems)]);
  }, [filter]);

  /** What a count links to: the list behind it, in the transactions table. */
  const showOnly = (only: TransactionFilter) => setFilter(only);

  useEffect(() => {
    refresh();
  }, [refresh]);

  async function edit(id: string, change: { category?: string; notes?: string }) {
    const r = await ask({ type: 'updateTransaction', id, ...change });
    if (!r.ok) return setProblems(r.problems);
    setResult((prev) => ({
      ...prev,
      transactions: prev.transactions.map((t) => (t.id === id ? r.value : t)),
    }));
  }

  const categories = [
    ...new Set(result.transactions.flatMap((t) => (t.category ? [t.category] : []))),
  ].sort();
  return (
    <main>
      <header class="bar">
        <h1>Ledgerbridge</h1>
        <nav aria-label="Extension pages">
          <a href="/options.html">Options</a>
        </nav>
      </header>
      <ProblemList problems={problems} />
      {unverified > 0 && (
        <p class="check-failed" role="status">
          <a href="#history">
            {unverified} unverified {unverified === 1 ? 'capture' : 'captures'}
          </a>
          : the page’s own figures (a running balance, a count or a total) disagreed with the rows read.
        </p>
      )}
      <AlertsAndInvoices
        load={() => ask({ type: 'alerts' })}
        version={summary}
        accounts={[...new Set(summary.accounts.map((a) => a.account))]}
        saveRhythm={(account, days) => saveRhythm(browser.storage.local, account, days)}
      />
      <div class="cards">
        <AccountBalances accounts={summary.accounts} onAccount={(account) => showOnly({ account })} />
        <MonthlyChart months={summary.months} />
      </div>
      <section aria-labelledby="transactions-heading">
        <h2 id="transactions-heading">Transactions</h2>
        <Filters filter={filter} accounts={summary.accounts} categories={categories} onChange={setFilter} />
        <TransactionTable
          transactions={result.transactions}
          total={result.total}
          unverified={result.unverified}
          onEdit={edit}
        />
      </section>
      <div class="cards">
        <SendPanel
          send={async () => {
            const r = await ask({ type: 'send' });
            await refresh();
            return r;
          }}
        />
        <ExportButtons
          load={async () => {
            const r = await ask({ type: 'query', filter: { ...filter, limit: 10_000 } });
            return r.ok ? r.value.transactions : [];
          }}
          now={() => new Date()}
          newId={() => crypto.randomUUID()}
        />
        <ImportDrop
          importFile={(name, base64, account) =>
            ask({ type: 'importFile', name, base64, ...(account ? { account } : {}) })
          }
          save={(captureId) => ask({ type: 'saveCapture', captureId })}
          discard={(captureId) => ask({ type: 'discardCapture', captureId })}
          onSaved={refresh}
        />
      </div>
      <MatchesReview
        load={() => ask({ type: 'matches' })}
        decide={(matchId, state) => ask({ type: 'decideMatch', matchId, state })}
        version={summary}
        show={showOnly}
      />
      <CaptureHistory
        load={() => ask({ type: 'captures', limit: 20 })}
        version={summary}
        onShowUnverified={() => showOnly({ unverified: true })}
        onShowCapture={(captureId) => showOnly({ captureId })}
      />
      <RulesEditor
        load={() => ask({ type: 'rules' })}
        save={(rows) => ask({ type: 'saveRules', rows })}
        newId={() => crypto.randomUUID().slice(0, 8)}
        onSaved={refresh}
      />
    </main>
  );
}
