import { daysBetween } from '../dates/calendar';
import { accountKey } from '../model/account';
import type { Transaction } from '../model/transaction';
import { descriptionSimilarity } from './descriptionSimilarity';

export type MergeResult = {
  /** New ids; a posted line that replaced a pending one carries `supersedes`. */
  added: Transaction[];
  /** Known ids whose source fields changed (e.g. pending → posted), or pending lines now superseded. */
  changed: Array<{ before: Transaction; after: Transaction }>;
  unchanged: Transaction[];
  /** Pending lines linked to the posted line that replaced them. */
  superseded: Array<{ pending: Transaction; posted: Transaction }>;
};

/** Fields the source owns; everything else (category, notes, tags, splits…) belongs to people and rules. */
const SOURCE_FIELDS = [
  'institution',
  'account',
  'date',
  'description',
  'status',
  'kind',
  'externalId',
  'payoutId',
  'checkNumber',
  'memo',
] as const;
const SOURCE_MONEY = ['amount', 'gross', 'fee', 'balance'] as const;

function sourceChanged(a: Transaction, b: Transaction): boolean {
  if (SOURCE_FIELDS.some((f) => a[f] !== b[f])) return true;
  return SOURCE_MONEY.some((f) => a[f]?.minor !== b[f]?.minor || a[f]?.currency !== b[f]?.currency);
}

/** Keeps what people and rules set on the stored line; takes the source's fields from the new one. */
function refresh(stored: Transaction, fresh: Transaction): Transaction {
  const next: Transaction = { ...fresh, origin: stored.origin };
  for (const f of [
    'category',
    'rule',
    'ruleTrail',
    'notes',
    'splits',
    'transfer',
    'supersedes',
    'supersededBy',
  ] as const) {
    if (stored[f] !== undefined) (next as Record<string, unknown>)[f] = stored[f];
  }
  if (stored.tags.length > 0) next.tags = stored.tags;
  if (stored.payee !== stored.description) next.payee = stored.payee;
  return next;
}

/** Window in days in which a pending line can post. */
const POSTING_WINDOW = { before: 1, after: 10 };
/** Restaurants post tips: a pending line may post for a different amount if the text agrees. */
const MAX_TIP_SHARE = 0.3;

function postingScore(pending: Transaction, posted: Transaction): number | undefined {
  if (pending.amount.currency !== posted.amount.currency) return undefined;
  const days = daysBetween(pending.date, posted.date);
  if (days < -POSTING_WINDOW.before || days > POSTING_WINDOW.after) return undefined;
  const similarity = descriptionSimilarity(pending.description, posted.description);
  const sameAmount = pending.amount.minor === posted.amount.minor;
  if (!sameAmount) {
    const base = Math.abs(pending.amount.minor);
    const diff = Math.abs(posted.amount.minor - pending.amount.minor);
    const sameSign = Math.sign(pending.amount.minor) === Math.sign(posted.amount.minor);
    if (!sameSign || similarity < 0.5 || diff > base * MAX_TIP_SHARE) return undefined;
  }
  return (sameAmount ? 4 : 0) + 2 * similarity - Math.abs(days) * 0.1;
}

/**
 * Merges one capture or import into what is stored, as a multiset keyed by stable id:
 * known ids are unchanged or refreshed, new ids are added, and a newly posted line takes over
 * the pending line it replaces (linked both ways, never a duplicate).
 */
export function mergeTransactions(
  existing: Iterable<Transaction>,
  incoming: readonly Transaction[],
): MergeResult {
  const byId = new Map<string, Transaction>();
  for (const t of existing) byId.set(t.id, t);
  const result: MergeResult = { added: [], changed: [], unchanged: [], superseded: [] };
  const incomingIds = new Set(incoming.map((t) => t.id));
  const fresh: Transaction[] = [];

  for (const t of incoming) {
    const stored = byId.get(t.id);
    if (!stored) fresh.push(t);
    else if (sourceChanged(stored, t)) result.changed.push({ before: stored, after: refresh(stored, t) });
    else result.unchanged.push(stored);
  }

  // Pending lines that could have posted: stored, still pending, not superseded, not shown again as pending.
  const openPending = new Map<string, Transaction[]>();
  for (const t of byId.values()) {
    if (t.status !== 'pending' || t.supersededBy || incomingIds.has(t.id)) continue;
    const key = accountKey(t);
    openPending.set(key, [...(openPending.get(key) ?? []), t]);
  }
  const claimed = new Set<string>();
  const ordered = [...fresh].sort((a, b) =>
    a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1,
  );
  const supersedesOf = new Map<string, string>();
  for (const posted of ordered) {
    if (posted.status !== 'posted') continue;
    let best: { pending: Transaction; score: number } | undefined;
    for (const pending of openPending.get(accountKey(posted)) ?? []) {
      if (claimed.has(pending.id)) continue;
      const score = postingScore(pending, posted);
      if (score === undefined) continue;
      if (!best || score > best.score || (score === best.score && pending.id < best.pending.id))
        best = { pending, score };
    }
    if (!best) continue;
    claimed.add(best.pending.id);
    supersedesOf.set(posted.id, best.pending.id);
    const after = { ...best.pending, supersededBy: posted.id };
    result.changed.push({ before: best.pending, after });
  }
  for (const t of fresh) {
    const pendingId = supersedesOf.get(t.id);
    const pending = pendingId ? byId.get(pendingId) : undefined;
    // The posted line inherits what the bookkeeper already decided on the pending one.
    const added: Transaction = pending
      ? {
          ...t,
          supersedes: pending.id,
          ...(pending.category !== undefined && t.category === undefined
            ? { category: pending.category }
            : {}),
          ...(pending.notes !== undefined && t.notes === undefined ? { notes: pending.notes } : {}),
        }
      : t;
    result.added.push(added);
    if (pending) result.superseded.push({ pending: { ...pending, supersededBy: t.id }, posted: added });
  }
  return result;
}
