import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { ImportContext, ParsedFile } from '../importTypes';
import type { ProcessorTable } from './processorTable';

/** The processor balance a file's lines belong to (`Stripe USD`), unless the caller named the account. */
export function processorAccount(
  out: ParsedFile,
  ctx: ImportContext,
  institution: string,
  label: string,
  currency: string,
): string {
  const account = ctx.options.account ?? `${label} ${currency}`;
  if (!out.accounts.some((a) => a.account === account)) {
    out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'processor' });
  }
  return account;
}

/** Refuses a file none of whose rows could be read; else keeps the skipped rows as warnings and notes the columns read. */
export function finishProcessorFile(
  out: ParsedFile,
  skipped: Problem[],
  table: ProcessorTable,
  file: string,
): Result<ParsedFile> {
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_rows', `none of the ${table.body.length} rows could be read`, { file }),
      ...skipped.slice(0, 20),
    );
  }
  out.warnings.push(...skipped);
  out.report = { ...table.notes(), ...out.report };
  return ok(out);
}
