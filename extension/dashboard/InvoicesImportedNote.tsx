import { describeProblem } from '../../core/model/problem';
import type { InvoicesImported } from '../messages/responses';

/** What an invoice list brought, and each row left out by file, line and field. */
export function InvoicesImportedNote({ imported }: { imported: InvoicesImported }) {
  const { invoices, added, updated, skipped, file, system } = imported;
  return (
    <div data-testid="invoices-imported">
      <p role="status">
        {invoices} {invoices === 1 ? 'invoice' : 'invoices'} read from {file}
        {system ? ` (${system})` : ''}: {added} new, {updated} updated.
      </p>
      {skipped.length > 0 && (
        <details open={skipped.length <= 5}>
          <summary>
            {skipped.length} {skipped.length === 1 ? 'row' : 'rows'} left out
          </summary>
          <ul>
            {skipped.map((p) => (
              <li key={`${p.line}${p.field}${p.message}`}>{describeProblem(p)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
