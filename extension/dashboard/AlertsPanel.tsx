import { useState } from 'preact/hooks';
import { DEFAULT_RHYTHM_DAYS } from '../../core/alerts/buildAlerts';
import { accountWords } from '../../core/model/accountWords';
import type { Alert, AlertType } from '../../core/model/invoice';

type Props = {
  alerts: Alert[];
  asOf: string;
  /** Accounts the owner may set a rhythm for, and what is set. */
  accounts: string[];
  rhythmDays: Record<string, number>;
  saveRhythm: (account: string, days: number) => Promise<void>;
};

const TYPE_WORDS: Record<AlertType, string> = {
  'stale-account': 'Not captured lately',
  'few-rows': 'Fewer rows than usual',
  'balance-gap': 'Gap in the balances',
  drift: 'Page changed',
  'overdue-invoice': 'Invoice overdue',
};

/** The one list of alerts: what, which account or invoice, since when, what to do; and each account's rhythm. */
export function AlertsPanel({ alerts, asOf, accounts, rhythmDays, saveRhythm }: Props) {
  const [account, setAccount] = useState('');
  const [typed, setDays] = useState<string>();
  const chosen = account || accounts[0] || '';
  const days = typed ?? String(rhythmDays[chosen] ?? DEFAULT_RHYTHM_DAYS);
  return (
    <section aria-labelledby="alerts-heading" class="alerts">
      <h2 id="alerts-heading">
        Alerts <span class="count">{alerts.length}</span>
      </h2>
      {alerts.length === 0 ? (
        <p class="verified">Nothing needs attention as of {asOf}.</p>
      ) : (
        <ul data-testid="alerts">
          {alerts.map((a) => (
            <li key={`${a.type}${a.account ?? a.invoice}${a.since}${a.message}`} class={`alert ${a.type}`}>
              <strong>{TYPE_WORDS[a.type]}</strong>
              {' · '}
              <span>{a.account !== undefined ? accountWords('', a.account) : `Invoice ${a.invoice}`}</span>
              {' · since '}
              <time dateTime={a.since}>{a.since}</time>
              <p>{a.message}</p>
            </li>
          ))}
        </ul>
      )}
      {accounts.length > 0 && (
        <form
          class="rhythm"
          onSubmit={async (e) => {
            e.preventDefault();
            const n = Number(days);
            if (Number.isInteger(n) && n > 0) await saveRhythm(chosen, n);
          }}
        >
          <label>
            Expect new data from{' '}
            <select
              value={chosen}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setAccount(next);
                setDays(undefined);
              }}
            >
              {accounts.map((a) => (
                <option key={a} value={a}>
                  {accountWords('', a)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            every{' '}
            <input
              type="number"
              min={1}
              max={366}
              value={days}
              onInput={(e) => setDays(e.currentTarget.value)}
            />{' '}
            days
          </label>{' '}
          <button type="submit">Set rhythm</button>
        </form>
      )}
    </section>
  );
}
