/** Which column (0-based) plays which part in a bank CSV. */
export type ColumnRoles = {
  date: number;
  description: number[];
  amount?: number;
  debit?: number;
  credit?: number;
  balance?: number;
  currency?: number;
  status?: number;
  reference?: number;
  checkNumber?: number;
  /** A column saying debit/credit (`DR`/`CR`, `S`/`H`) for an unsigned amount column. */
  direction?: number;
};
