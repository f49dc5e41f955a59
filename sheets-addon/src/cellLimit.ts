import { type Problem, problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { transactionToRow } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { toCellInput } from './toCellInput';

/** Google Sheets refuses a whole setValues when one cell's input is longer than this. */
export const MAX_CELL_CHARS = 50_000;

/** The wire field behind a Transactions column, where its key is not the field's name. */
const FIELD_OF_COLUMN: Record<string, string> = { source: 'origin', why: 'ruleTrail' };

/**
 * The first cell of a transaction's row that Sheets would refuse, as a problem naming the field;
 * undefined when every cell fits. Checked before writing, so one oversized row fails alone
 * instead of failing the setValues that carries the whole batch.
 */
export function cellLimitProblem(
  t: Transaction,
  where: { row?: number; path?: Array<string | number> } = {},
): Problem | undefined {
  const record = transactionToRow(t);
  for (const column of TRANSACTION_COLUMNS) {
    const input = toCellInput(record[column.key], column);
    if (typeof input !== 'string' || input.length <= MAX_CELL_CHARS) continue;
    const field = FIELD_OF_COLUMN[column.key] ?? column.key;
    const id = t.id.length > 60 ? `${t.id.slice(0, 60)}…` : t.id;
    return problem(
      'cell_too_long',
      `${column.header} of ${id} is ${String(record[column.key]).length} characters; a Google Sheets cell takes at most ${MAX_CELL_CHARS} as typed (text is typed after an apostrophe)`,
      { ...where, path: [...(where.path ?? []), field], field },
    );
  }
  return undefined;
}

/**
 * A computed text the tool writes (a long roll-up's members or descriptions) cut to fit a cell, at
 * a separator where there is one, saying how much was left out — rather than failing the write.
 */
export function fitCell<T>(input: T): T | string {
  if (typeof input !== 'string' || input.length <= MAX_CELL_CHARS) return input;
  const room = input.slice(0, MAX_CELL_CHARS - 40);
  const cut = Math.max(room.lastIndexOf(', '), room.lastIndexOf(' | '), room.lastIndexOf('; '));
  const kept = cut > MAX_CELL_CHARS / 2 ? room.slice(0, cut) : room;
  return `${kept} … (${input.length - kept.length} characters more)`;
}
