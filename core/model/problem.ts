import * as z from 'zod';
import { problem } from './problemRecord';

export { describeProblem, problem } from './problemRecord';

/**
 * An expected failure, as data: what went wrong and where. Every importer, parser and
 * validator reports problems in this one shape so the CLI, the extension and the add-on
 * can all say "file X, line 12, field amount: …".
 */
export const Problem = z.object({
  code: z.string(),
  message: z.string(),
  /** Path inside a structured input (zod-style), e.g. ['transactions', 3, 'amount']. */
  path: z.array(z.union([z.string(), z.number()])),
  file: z.string().optional(),
  /** 1-based line in a text file. */
  line: z.number().int().optional(),
  /** 1-based data row (CSV record, table row, batch row). */
  row: z.number().int().optional(),
  field: z.string().optional(),
  /** Element or tag in a structured file, e.g. `STMTTRN` or `Ntry`. */
  element: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Turns zod issues into problems, keeping the path so the row and field can be named. */
export function problemsFromZod(
  error: z.core.$ZodError,
  where: Partial<Omit<Problem, 'code' | 'message'>> = {},
) {
  return error.issues.map((issue) => {
    const path = [...(where.path ?? []), ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
    const field = issue.path.filter((k) => typeof k === 'string').join('.') || undefined;
    return problem(`invalid_${issue.code}`, issue.message, { ...where, path, ...(field ? { field } : {}) });
  });
}
