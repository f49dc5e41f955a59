import { importFiles } from '../../core/formats/importFiles';
import type { ImportOutcome } from '../../core/formats/importTypes';
import { describeProblem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { AccountQuestion, CapturePreview, InvoicesImported } from '../messages/responses';
import type { BackgroundDeps } from './deps';
import { importInvoiceList } from './importInvoiceList';
import { previewCapture } from './previewCapture';

/**
 * A dropped invoice list is stored as invoices; a bank or processor file goes through the same
 * preview-then-save path as a capture. Its account is decided as the CLI decides it (the file's
 * data, then its name); when nothing decides it, nothing is stored and the owner is asked — the
 * answer comes back as `account`.
 */
export async function importDroppedFile(
  deps: BackgroundDeps,
  name: string,
  base64: string,
  account?: string,
): Promise<Result<CapturePreview | InvoicesImported | AccountQuestion>> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const read = importFiles([{ name, bytes, ...(account ? { account } : {}) }], {
    capturedAt: deps.now().toISOString(),
  });
  const outcome: ImportOutcome = read.ok ? read.value[0]!.outcome : { ok: false, problems: read.problems };
  const invoices = await importInvoiceList(deps, name, bytes, outcome);
  if (invoices) return invoices;
  if (!outcome.ok) return fail(...outcome.problems);
  if (outcome.report?.accounts.some((a) => a.source === 'undecided'))
    return ok({
      kind: 'account',
      file: name,
      accounts: await storedAccounts(deps),
      reason: 'the file names no account in its data or its file name',
    });
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

/** Account names already stored, read from the account index only. */
async function storedAccounts(deps: BackgroundDeps): Promise<string[]> {
  const keys = (await deps.db.transactions.orderBy('[account+date]').uniqueKeys()) as unknown as [
    string,
    string,
  ][];
  return [...new Set(keys.map((k) => k[0]))].sort((a, b) => a.localeCompare(b));
}
