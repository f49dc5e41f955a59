import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { AccountSummary } from '../messages/responses';

/** Per account: how many lines, what they net to, and the last balance the portal showed. */
export function AccountBalances({ accounts }: { accounts: AccountSummary[] }) {
  return (
    <section aria-labelledby="balances-heading">
      <h2 id="balances-heading">Accounts</h2>
      {accounts.length === 0 ? (
        <p>Nothing captured yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" class="num">
                Lines
              </th>
              <th scope="col" class="num">
                Net
              </th>
              <th scope="col" class="num">
                Last balance
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={`${a.institution}/${a.account}/${a.currency}`}>
                <td>
                  {a.account} <span class="hint">({a.institution})</span>
                </td>
                <td class="num">{a.count}</td>
                <td class="num">{formatAmountForDisplay(a.netMinor, a.currency)}</td>
                <td class="num">
                  {a.balance
                    ? `${formatAmountForDisplay(a.balance.minor, a.currency)} on ${a.balance.date}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
