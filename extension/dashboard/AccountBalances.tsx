import { accountWords } from '../../core/model/accountWords';
import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { AccountSummary } from '../messages/responses';
import { ShowLink } from './ShowLink';

/** Per account: how many lines, what they net to, and the last balance the portal showed. */
export function AccountBalances({
  accounts,
  onAccount,
}: {
  accounts: AccountSummary[];
  /** Shows the account's transactions in the list below (each count links to them). */
  onAccount: (account: string) => void;
}) {
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
                Transactions
              </th>
              <th scope="col" class="num">
                Net change
              </th>
              <th scope="col" class="num">
                Last balance
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={`${a.institution}/${a.account}/${a.currency}`}>
                <td>{accountWords(a.institution, a.account)}</td>
                <td class="num">
                  <ShowLink target="transactions-heading" onShow={() => onAccount(a.account)}>
                    {a.count}
                  </ShowLink>
                </td>
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
