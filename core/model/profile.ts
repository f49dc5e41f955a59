import * as z from 'zod';
import { CurrencyCode } from './currency';
import { problemsFromZod } from './problem';
import { fail, ok, type Result } from './result';
import { PROFILE_SCHEMA_VERSION } from './schemaVersions';
import { TransactionKind } from './transaction';

export { PROFILE_SCHEMA_VERSION } from './schemaVersions';

/** The fields a captured row is read into. */
export const CaptureField = z.enum([
  'date',
  'description',
  'amount',
  'debit',
  'credit',
  'balance',
  'status',
  'currency',
  'type',
  'id',
  'fee',
  'gross',
]);
export type CaptureField = z.infer<typeof CaptureField>;

/**
 * Which column holds each field. A column is named by its header text ("Amount"; alternatives
 * separated by `|`: "Amount|Net"), by its 1-based position ("#3"), or for card rows without
 * headers by a class of the cell (".txn-amount").
 */
export const ColumnMapping = z.partialRecord(CaptureField, z.string().min(1));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ProfileConventions = z.object({
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  /** Used when an amount shows no currency. */
  currency: CurrencyCode.optional(),
  /** `inverted`: the page shows money out as positive (card portals show charges positive). */
  amountSign: z.enum(['asShown', 'inverted']).default('asShown'),
  /** The kind of a row when nothing on it says otherwise (e.g. `payout` on a payouts page). */
  defaultKind: TransactionKind.optional(),
});
export type ProfileConventions = z.infer<typeof ProfileConventions>;

/** How a known portal page reads: declarative data, so profiles can be shipped, saved and edited. */
export const Profile = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  institution: z.string().min(1),
  portalKind: z.enum(['bank', 'card', 'processor']),
  /** Globs over the page URL: `*` matches any run of characters, e.g. `https://dashboard.stripe.com/*payments*`. */
  urlPatterns: z.array(z.string().min(1)).min(1),
  /** Account name when the page does not show one (processors have one balance). */
  account: z.string().min(1).optional(),
  /** CSS selector for the transaction rows; without it the rows are found as on any page. */
  rowSelector: z.string().min(1).optional(),
  columns: ColumnMapping,
  conventions: ProfileConventions.default({ amountSign: 'asShown' }),
});
export type Profile = z.infer<typeof Profile>;

/** Version 1 named fields in `headers` and kept conventions flat; kept readable for saved profiles. */
const ProfileV1 = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  institution: z.string().min(1),
  kind: z.enum(['bank', 'card', 'processor']),
  urlPattern: z.string().min(1),
  rowSelector: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  decimalComma: z.boolean().optional(),
  currency: CurrencyCode.optional(),
});

function migrateV1(v1: z.infer<typeof ProfileV1>): unknown {
  const columns: Record<string, string> = {};
  for (const [field, header] of Object.entries(v1.headers)) columns[field] = header;
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    id: v1.id,
    name: v1.name,
    institution: v1.institution,
    portalKind: v1.kind,
    urlPatterns: [v1.urlPattern],
    ...(v1.rowSelector ? { rowSelector: v1.rowSelector } : {}),
    columns,
    conventions: {
      ...(v1.dateOrder ? { dateOrder: v1.dateOrder } : {}),
      ...(v1.decimalComma !== undefined ? { decimalSeparator: v1.decimalComma ? ',' : '.' } : {}),
      ...(v1.currency ? { currency: v1.currency } : {}),
      amountSign: v1.kind === 'card' ? 'inverted' : 'asShown',
    },
  };
}

/** Reads a stored profile of any known version, migrating older versions to the current one. */
export function parseProfile(input: unknown): Result<Profile> {
  const version = (input as { schemaVersion?: unknown } | null)?.schemaVersion;
  let candidate = input;
  if (version === 1) {
    const v1 = ProfileV1.safeParse(input);
    if (!v1.success) return fail(...problemsFromZod(v1.error));
    candidate = migrateV1(v1.data);
  }
  const parsed = Profile.safeParse(candidate);
  return parsed.success ? ok(parsed.data) : fail(...problemsFromZod(parsed.error));
}
