import { SHEET_LAYOUT_VERSION, type SheetRecord } from './workbookLayout';

export type AuditEntry = {
  /** ISO 8601 time of the write, from the caller's clock. */
  at: string;
  /** Who or what wrote: `ledgerbridge-cli/0.1.0 reconcile`, the add-on user's email, … */
  actor: string;
  /** `import`, `reconcile`, `upsert`, `rules`, … */
  action: string;
  batchId?: string;
  added: number;
  updated: number;
  skipped: number;
  detail?: string;
};

/** One Audit-tab row per write, so the accountant can see every change the sheet went through. */
export function auditRow(entry: AuditEntry): SheetRecord {
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    batchId: entry.batchId ?? null,
    added: entry.added,
    updated: entry.updated,
    skipped: entry.skipped,
    layoutVersion: SHEET_LAYOUT_VERSION,
    detail: entry.detail ?? null,
  };
}
