import type { Result } from '../model/result';
import { detectDateOrder } from './detectDateOrder';
import { type DateOptions, type DateOrder, parseDate } from './parseDate';

export type DateColumn = {
  order: DateOrder;
  /** One entry per value; `undefined` for a blank cell. */
  dates: Array<Result<string> | undefined>;
};

/** Parses a column of dates with one month/day order decided from all of its values. */
export function parseDateColumn(
  values: readonly string[],
  options: DateOptions & { fallbackOrder?: DateOrder } = {},
): DateColumn {
  const order = options.order ?? detectDateOrder(values) ?? options.fallbackOrder ?? 'mdy';
  const dates = values.map((value) =>
    value.trim() === '' ? undefined : parseDate(value, { ...options, order }),
  );
  return { order, dates };
}
