import type { Result } from '../model/result';
import { type DateOrderBasis, decideDateOrder } from './detectDateOrder';
import { type DateOptions, type DateOrder, parseDate } from './parseDate';

export type DateColumn = {
  order: DateOrder;
  /** Why that order: the values, the row order, a locale hint, or an assumption (say so). */
  basis: DateOrderBasis;
  evidence: string;
  /** One entry per value; `undefined` for a blank cell. */
  dates: Array<Result<string> | undefined>;
};

/**
 * Parses a column of dates with one month/day order decided from all of its values (see
 * decideDateOrder); `fallbackOrder` is the locale hint used only when the values cannot tell.
 */
export function parseDateColumn(
  values: readonly string[],
  options: DateOptions & { fallbackOrder?: DateOrder; fallbackBecause?: string } = {},
): DateColumn {
  const decision = options.order
    ? { order: options.order, basis: 'given' as const, evidence: 'given' }
    : decideDateOrder(
        values,
        options.fallbackOrder
          ? { order: options.fallbackOrder, because: options.fallbackBecause ?? 'the caller’s default' }
          : undefined,
      );
  const order = decision.order;
  const dates = values.map((value) =>
    value.trim() === '' ? undefined : parseDate(value, { ...options, order }),
  );
  return { order, basis: decision.basis, evidence: decision.evidence, dates };
}
