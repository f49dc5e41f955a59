import type { Invoice, InvoiceApplication, InvoiceStanding } from '../model/invoice';
import type { Match } from '../model/match';
import type { Transaction } from '../model/transaction';
import { type AgingRow, invoiceStandings, receivablesAging } from './invoiceStandings';
import { matchInvoices } from './matchInvoices';

export type Receivables = {
  applications: InvoiceApplication[];
  standings: InvoiceStanding[];
  aging: AgingRow[];
};

/** Matches payments to invoices and states where each invoice stands on `asOf`, with the aging. */
export function settleInvoices(input: {
  invoices: readonly Invoice[];
  transactions: readonly Transaction[];
  matches: readonly Match[];
  decisions?: readonly InvoiceApplication[];
  asOf: string;
}): Receivables {
  const applications = matchInvoices(input);
  const standings = invoiceStandings(input.invoices, applications, input.asOf);
  return { applications, standings, aging: receivablesAging(standings) };
}
