import type { CapturePreview } from '../messages/responses';
import { formatWireAmount } from './formatMoney';

/** The first rows of a preview, each with what saving will do to it. */
export function PreviewTable({ preview }: { preview: CapturePreview }) {
  if (preview.rows.length === 0) return null;
  return (
    <section class="scroll" aria-label="Captured rows">
      <table>
        <caption>
          {preview.rows.length < preview.found
            ? `First ${preview.rows.length} of ${preview.found} rows`
            : `${preview.found} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Description</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map(({ change, transaction: t }) => (
            <tr key={t.id} class={`change-${change}`}>
              <td class="date">{t.date}</td>
              <td>{t.description}</td>
              <td class="num">{formatWireAmount(t.amount, t.currency)}</td>
              <td>{t.status}</td>
              <td>{change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
