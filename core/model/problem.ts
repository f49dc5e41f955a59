import * as z from 'zod';

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

export function problem(
  code: string,
  message: string,
  where: Partial<Omit<Problem, 'code' | 'message'>> = {},
): Problem {
  return { code, message, path: where.path ?? [], ...where };
}

/** "file.csv, line 12, field amount: message" — the one way problems are shown to people. */
export function describeProblem(p: Problem): string {
  const where: string[] = [];
  if (p.file) where.push(p.file);
  if (p.line !== undefined) where.push(`line ${p.line}`);
  if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.element) where.push(`element <${p.element}>`);
  if (p.field) where.push(`field ${p.field}`);
  else if (p.path.length > 0) where.push(`at ${p.path.join('.')}`);
  return where.length > 0 ? `${where.join(', ')}: ${p.message}` : p.message;
}

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
