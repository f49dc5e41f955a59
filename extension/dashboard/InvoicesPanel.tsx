import type { InvoiceStatus } from '../../core/model/invoice';
import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { InvoiceRow } from '../messages/responses';

const STATUS_WORDS: Record<InvoiceStatus, string> = {
  open: 'open',
  partial: 'partly paid',
  paid: 'paid',
  overpaid: 'over-paid',
};

/** Every imported invoice where it stands: status, what remains, how many days overdue (overdue first, highlighted). */
export function InvoicesPanel({ invoices, asOf }: { invoices: InvoiceRow[]; asOf: string }) {
  if (invoices.length === 0) return null;
  const overdue = invoices.filter((i) => i.daysOverdue > 0).length;
  return (
    <section aria-labelledby="invoices-heading">
      <h2 id="invoices-heading">Invoices</h2>
      <p>
        {invoices.length} invoices as of {asOf}; {overdue} overdue.
      </p>
      <div class="scroll">
        <table data-testid="invoices">
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Customer</th>
              <th scope="col">Due</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Remaining
              </th>
              <th scope="col" class="num">
                Days overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.number} class={i.daysOverdue > 0 ? 'overdue' : undefined}>
                <th scope="row">{i.number}</th>
                <td>{i.customer}</td>
                <td>{i.due}</td>
                <td class="num">{formatAmountForDisplay(i.amountMinor, i.currency)}</td>
                <td>
                  {STATUS_WORDS[i.status]}
                  {i.flags.length > 0 && <div class="hint">{i.flags.join('; ')}</div>}
                </td>
                <td class="num">{formatAmountForDisplay(i.remainingMinor, i.currency)}</td>
                <td class="num">{i.daysOverdue > 0 ? `${i.daysOverdue} days overdue` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
