import { importFile } from '../../core/formats/importFile';
import { describeProblem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { CapturePreview, InvoicesImported } from '../messages/responses';
import type { BackgroundDeps } from './deps';
import { importInvoiceList } from './importInvoiceList';
import { previewCapture } from './previewCapture';

/**
 * A dropped invoice list is stored as invoices; a bank or processor file goes through the same
 * preview-then-save path as a capture.
 */
export async function importDroppedFile(
  deps: BackgroundDeps,
  name: string,
  base64: string,
): Promise<Result<CapturePreview | InvoicesImported>> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const outcome = importFile({ name, bytes }, { capturedAt: deps.now().toISOString() });
  const invoices = await importInvoiceList(deps, name, bytes, outcome);
  if (invoices) return invoices;
  if (!outcome.ok) return fail(...outcome.problems);
  return ok(
    await previewCapture(deps, {
      kind: 'import',
      source: name,
      pages: [
        {
          transactions: outcome.transactions,
          mapping: {},
          headers: [],
          columns: [],
          warnings: outcome.warnings.map(describeProblem),
          skipped: [],
          checks: [],
          verified: true,
          // A file states its own signs; nothing is assumed.
          signConvention: { convention: 'as-shown', decidedBy: 'the file' },
          rows: [],
        },
      ],
    }),
  );
}
