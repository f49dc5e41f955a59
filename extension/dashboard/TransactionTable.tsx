import { accountWords } from '../../core/model/accountWords';
import type { TransactionJson } from '../../core/model/transactionJson';
import { formatWireAmount } from '../components/formatMoney';

type Props = {
  transactions: TransactionJson[];
  total: number;
  /** Id → why, for lines an unverified capture wrote. */
  unverified: Record<string, string>;
  onEdit: (id: string, edit: { category?: string; notes?: string }) => void;
};

/**
 * The stored lines; category and notes are edited in place and saved when the field is left. The
 * inputs are uncontrolled so an answer arriving for one field never resets another being typed in.
 */
export function TransactionTable({ transactions, total, unverified, onEdit }: Props) {
  if (transactions.length === 0) return <p role="status">No transactions match.</p>;
  return (
    // Wide tables scroll inside their own box, so the page itself reflows at 200% zoom.
    <div class="wide">
      <table class="transactions">
        <caption>
          {transactions.length < total
            ? `${transactions.length} of ${total} transactions`
            : `${total} transactions`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Account</th>
            <th scope="col">Description</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Category</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t) => {
            const what = `${t.description} on ${t.date}`;
            return (
              <tr key={t.id} data-id={t.id}>
                <td class="date">{t.date}</td>
                <td>{accountWords(t.institution, t.account)}</td>
                <td>{t.description}</td>
                <td class="num">{formatWireAmount(t.amount, t.currency)}</td>
                <td>
                  {t.supersedes ? `${t.status} (was pending)` : t.status}
                  {unverified[t.id] && (
                    <>
                      {' '}
                      <span class="bad" title={`Not verified: ${unverified[t.id]}`}>
                        unverified
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <input
                    list="categories"
                    aria-label={`Category for ${what}`}
                    defaultValue={t.category ?? ''}
                    onChange={(e) => onEdit(t.id, { category: e.currentTarget.value.trim() })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Notes for ${what}`}
                    defaultValue={t.notes ?? ''}
                    onChange={(e) => onEdit(t.id, { notes: e.currentTarget.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
