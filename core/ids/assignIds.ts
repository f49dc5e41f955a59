import { TRANSACTION_SCHEMA_VERSION, type Transaction, type TransactionDraft } from '../model/transaction';
import { normalizeForId } from './normalizeForId';
import { sha256Hex } from './sha256Hex';

const SEP = '\u001f';

/** Id from the source's own durable id (FITID, Stripe txn_/po_, PayPal id, CAMT AcctSvcrRef). */
export function sourceTransactionId(
  institution: string,
  account: string,
  externalId: string,
  occurrence = 0,
): string {
  const key = ['src', institution, account, externalId, occurrence ? String(occurrence) : ''].join(SEP);
  return `lb_${sha256Hex(key, 12)}`;
}

const contentKey = (d: TransactionDraft, normalizedDescription: string) =>
  [d.institution, d.account, d.date, String(d.amount.minor), d.amount.currency, normalizedDescription].join(
    SEP,
  );

/** Id from content, for sources without ids; `occurrence` counts identical lines in one capture or file. */
export function contentTransactionId(d: TransactionDraft, occurrence: number): string {
  return contentIdFromKey(contentKey(d, normalizeForId(d.description)), occurrence);
}

const contentIdFromKey = (key: string, occurrence: number) =>
  `lb_${sha256Hex(['content', key, String(occurrence)].join(SEP), 12)}`;

/**
 * Gives every draft of ONE capture or file its stable id. Identical lines get increasing
 * occurrence numbers in source order, so two real identical coffees stay two, and reading the
 * same page or file again gives the same ids (so it adds nothing).
 */
export function assignIds(drafts: readonly TransactionDraft[]): Transaction[] {
  const seen = new Map<string, number>();
  const occurrenceOf = (key: string) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  };
  return drafts.map((d) => {
    let id: string;
    if (d.externalId) {
      const key = ['src', d.institution, d.account, d.externalId].join(SEP);
      id = sourceTransactionId(d.institution, d.account, d.externalId, occurrenceOf(key));
    } else {
      const key = contentKey(d, normalizeForId(d.description));
      id = contentIdFromKey(key, occurrenceOf(key));
    }
    return {
      ...d,
      schemaVersion: TRANSACTION_SCHEMA_VERSION,
      id,
      payee: d.payee ?? d.description,
      tags: d.tags ?? [],
    };
  });
}
