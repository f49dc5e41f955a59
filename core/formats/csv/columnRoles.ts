/** Which column (0-based) plays which part in a bank CSV. */
export type ColumnRoles = {
  date: number;
  /** Payee first, then the purpose columns, joined per row with " — ". */
  description: number[];
  amount?: number;
  debit?: number;
  credit?: number;
  /** Balance after the line. */
  balance?: number;
  /** Balance before the line (ABN AMRO, Rabobank): never an amount. */
  balanceBefore?: number;
  currency?: number;
  status?: number;
  reference?: number;
  checkNumber?: number;
  /** A column saying debit/credit (`DR`/`CR`, `S`/`H`, `Af`/`Bij`) for an unsigned amount column. */
  direction?: number;
};

/** How the roles were found, for the import report and for refusals that explain themselves. */
export type RoleFacts = {
  /** role → how it was found, e.g. `header "Betrag (EUR)"` or `values`. */
  found: Record<string, string>;
  /** The currency the header text names ("Bedrag (EUR)"), if any. */
  headerCurrency?: string;
  /** Negate every amount: decided by the balance chain (the file shows money out as positive). */
  negate?: boolean;
  /** What the balance column said about the amounts' sign, when there is one. */
  balanceCheck?: string;
  /** Two counterparty columns (payer and payee): the holder's own name fills one of them per row. */
  partyColumns?: number[];
  /** The header language writes dates day first (German, Dutch, French, …). */
  dayFirstLanguage?: boolean;
};
