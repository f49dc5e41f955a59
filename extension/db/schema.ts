import type { Transaction as DexieTransaction } from 'dexie';
import type { SelfCheck, SignConvention, SignDecision } from '../../core/capture/captureDiagnostics';
import type { Invoice } from '../../core/model/invoice';
import type { Transaction } from '../../core/model/transaction';
import { STARTER_RULES } from '../../core/rules/defaultCategories';
import { deliveredSpans } from './deliveredSpans';

/** A transaction as the extension keeps it: the contract plus what only this store needs. */
export type StoredTransaction = Transaction & {
  /** The capture or import that last wrote the source fields. */
  captureId: string;
  /** ISO time of the last change by a capture, an import or a person; drives "send what changed". */
  updatedAt: string;
  /** ISO time the current version reached the spreadsheet. */
  sentAt?: string;
};

/**
 * What the page's own figures said about a capture: `checked` (every check passed), `unverified`
 * (one failed: stored, but flagged everywhere), `unchecked` (the page showed nothing to check
 * against, a file import, or a capture made before checks existed).
 */
export type Verification = 'checked' | 'unverified' | 'unchecked';

/** One capture or file import: when, where, how many. */
export type CaptureRecord = {
  id: string;
  kind: 'capture' | 'import';
  /** Page URL, or file name for an import. */
  source: string;
  host: string;
  capturedAt: string;
  /** preview: read but not yet saved; saved: merged into transactions; discarded: dropped by the user. */
  state: 'preview' | 'saved' | 'discarded';
  counts: { found: number; added: number; unchanged: number; changed: number };
  /** The transactions as read, kept until saved so a preview survives the service worker stopping. */
  incoming: Transaction[];
  diagnostics: CaptureDiagnostics;
  verification: Verification;
  /** What a saved capture or import brought per account (schema 7): the alerts' deliveries. */
  delivered?: DeliveredSpan[];
};

/** One account's share of a capture or import: how many lines, over which days. */
export type DeliveredSpan = { account: string; rows: number; from: string; to: string };

/** An invoice as the extension keeps it (keyed by number): the contract plus when it was imported. */
export type StoredInvoice = Invoice & { importedAt: string };

/** What the extractor reported: pages read, the mapping it chose, the headers it saw, drift warnings. */
export type CaptureDiagnostics = {
  pages: number;
  mapping: Record<string, string>;
  headers: string[];
  warnings: string[];
  /** Added in schema 6; older captures lack them. */
  columns?: Array<{ key: string; label: string; samples: string[] }>;
  skipped?: string[];
  checks?: SelfCheck[];
  signConvention?: SignDecision;
  /** Ids (in `incoming`) of the lines a failed check points at. */
  brokenIds?: string[];
};

/** The cells as the page showed them, per row of a capture. */
export type RawRow = { captureId: string; row: number; cells: string[] };

/** One batch sent (or being sent) to the spreadsheet; retries reuse its batchId. */
export type SendRecord = {
  batchId: string;
  createdAt: string;
  transactionIds: string[];
  /** What each id looked like when the batch was made, so a later edit is sent again. */
  updatedAt: Record<string, string>;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  result?: { added: number; updated: number; skipped: number; errors: unknown[] };
  error?: string;
};

/** What the owner decided for one site: a corrected column mapping, how the site's signs read. */
export type SiteProfile = {
  host: string;
  mapping?: Record<string, string>;
  /** Chosen by the owner where the capture said it assumed one; used on the site's next captures. */
  signConvention?: SignConvention;
  /** Chosen by the owner where the capture said it assumed one: amounts shown without a currency are in it. */
  currency?: string;
  savedAt: string;
};

/**
 * Every schema version, oldest first. Dexie needs the full history to upgrade old databases;
 * `upgrade` fills in what a new version expects from rows written by the one before.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      transactions: 'id, [account+date], date, category, captureId',
      captures: 'id, capturedAt, host',
      raw: '[captureId+row], captureId',
    },
  },
  {
    version: 2,
    stores: {
      transactions: 'id, [account+date], date, category, captureId, updatedAt',
      sends: 'batchId, createdAt, state',
      profiles: 'host',
    },
    /** v1 rows had no updatedAt: they changed when they were captured. */
    upgrade: (tx: DexieTransaction) =>
      tx
        .table('transactions')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (typeof row.updatedAt === 'string') return;
          const origin = row.origin as { capturedAt?: string } | undefined;
          row.updatedAt = origin?.capturedAt ?? new Date(0).toISOString();
        }),
  },
  {
    version: 3,
    stores: {
      // Open pending lines per account and date: what a new capture's posted lines may replace.
      transactions: 'id, [account+date], [account+status+date], date, category, captureId, updatedAt',
    },
  },
  {
    version: 4,
    stores: {
      // Categorization rules (core/model/rule), edited on the dashboard; seeded with the starter rules.
      rules: 'id',
    },
    upgrade: (tx: DexieTransaction) => tx.table('rules').bulkPut([...STARTER_RULES]),
  },
  {
    version: 5,
    stores: {
      // Matches the owner confirmed or rejected (core/model/match); reconcile keeps them on re-runs.
      decisions: 'id',
    },
  },
  {
    version: 6,
    stores: {
      // Captures by what their self-checks said, so unverified ones are listed apart.
      captures: 'id, capturedAt, host, verification',
    },
    /** Captures made before self-checks existed were never checked: say so rather than call them clean. */
    upgrade: (tx: DexieTransaction) =>
      tx
        .table('captures')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (typeof row.verification !== 'string') row.verification = 'unchecked';
        }),
  },
  {
    version: 7,
    stores: {
      // Invoices imported from invoice lists (core/model/invoice), one per invoice number.
      invoices: 'number',
    },
    /** Captures saved before 7 lack their per-account spans: rebuilt from the lines each still wrote last. */
    upgrade: async (tx: DexieTransaction) => {
      const lines = await tx.table('transactions').toArray();
      await tx
        .table('captures')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.state !== 'saved' || Array.isArray(row.delivered)) return;
          row.delivered = deliveredSpans(lines.filter((t) => t.captureId === row.id));
        });
    },
  },
] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
