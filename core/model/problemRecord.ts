import type { Problem } from './problem';

/**
 * Problems made and described without zod, so code that only reports them (amount and date
 * parsing in the capture content script) does not pull the schema library in.
 */
const NOWHERE: Partial<Omit<Problem, 'code' | 'message'>> = Object.freeze({});

export function problem(
  code: string,
  message: string,
  where: Partial<Omit<Problem, 'code' | 'message'>> = NOWHERE,
): Problem {
  // Most problems name no place (a value refused on its own): no spread of an empty object.
  if (where === NOWHERE) return { code, message, path: [] };
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
