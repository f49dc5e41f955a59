import type { CapturePreview, RowChange } from '../messages/responses';
import { formatWireAmount, formatWireNumber } from './formatMoney';

/** Short enough for the popup's change column; the full words are on hover and for screen readers. */
const CHANGE_WORDS: Record<RowChange, { short: string; full: string }> = {
  new: { short: 'new', full: 'new' },
  changed: { short: 'changed', full: 'changed: replaces what was stored' },
  unchanged: { short: 'already', full: 'already captured' },
};

/**
 * The first rows of a preview, each with what saving will do to it. Fixed column widths keep Date,
 * Amount, Status and the change column in view at 400px; a long description takes two lines at
 * most, is cut with "…" and shown whole on hover. Rows a failed self-check points at are marked.
 */
export function PreviewTable({ preview }: { preview: CapturePreview }) {
  if (preview.rows.length === 0) return null;
  // One currency (the usual case): named once in the header, so the column holds only numbers.
  const currencies = new Set(preview.rows.map((r) => r.transaction.currency));
  const single = currencies.size === 1 ? [...currencies][0] : undefined;
  return (
    <section class="scroll" aria-label="Captured rows">
      <table class="preview-table">
        <caption>
          {preview.rows.length < preview.found
            ? `First ${preview.rows.length} of ${preview.found} rows`
            : `${preview.found} rows`}
          {single ? `, amounts in ${single}` : ''}
        </caption>
        <colgroup>
          <col class="col-date" />
          <col />
          <col class="col-amount" />
          <col class="col-status" />
          <col class="col-change" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Description</th>
            <th scope="col" class="num" title={single ? `Amount in ${single}` : 'Amount'}>
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col" title="What saving does to the row">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map(({ change, transaction: t, broken }) => {
            const amount = single
              ? formatWireNumber(t.amount, t.currency)
              : formatWireAmount(t.amount, t.currency);
            return (
              <tr
                key={t.id}
                class={`change-${change}${broken ? ' broken' : ''}`}
                data-broken={broken ? 'true' : undefined}
              >
                <td class="date" title={t.date}>
                  {t.date}
                </td>
                <td
                  class="desc"
                  title={broken ? `${t.description} — breaks a check of the page` : t.description}
                >
                  <span class="clamp">
                    {broken && (
                      <span class="flag">
                        <span aria-hidden="true">⚠ </span>
                        <span class="visually-hidden">Breaks a check: </span>
                      </span>
                    )}
                    {t.description}
                  </span>
                </td>
                <td class="num" title={amount}>
                  {amount}
                </td>
                <td title={t.status}>{t.status}</td>
                <td class="change" title={CHANGE_WORDS[change].full}>
                  <span aria-hidden="true">{CHANGE_WORDS[change].short}</span>
                  <span class="visually-hidden">{CHANGE_WORDS[change].full}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
