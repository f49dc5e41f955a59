import { reconcile } from '../../core/match/reconcile';
import type { Match } from '../../core/model/match';
import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { LedgerDb } from '../db/openDb';
import { toContract, toWire } from '../db/toWire';
import type { MatchesResult } from '../messages/responses';

/** Reconciles everything stored (superseded pending lines aside) with the owner's earlier decisions. */
export async function reconcileStored(db: LedgerDb) {
  const stored = (await db.transactions.toArray()).filter((t) => !t.supersededBy);
  const result = reconcile({ transactions: stored.map(toContract), decisions: await db.decisions.toArray() });
  return { stored, result };
}

/** Matches with their members spelled out, suggestions first, for the owner to review. */
export async function listMatches(db: LedgerDb): Promise<MatchesResult> {
  const { stored, result } = await reconcileStored(db);
  const byId = new Map(stored.map((t) => [t.id, t]));
  const order = { suggested: 0, confirmed: 1, rejected: 2 } as const;
  return {
    matches: [...result.matches]
      .sort((a, b) => order[a.state] - order[b.state])
      .map((m) => ({
        match: m,
        members: m.members.flatMap((member) => {
          const t = byId.get(member.id);
          return t ? [{ role: member.role, transaction: toWire(t) }] : [];
        }),
      })),
    unmatched: result.unmatched.length,
    discrepancies: result.discrepancies.length,
    discrepancyList: result.discrepancies.map((d) => ({
      discrepancy: d,
      transactions: d.transactionIds.flatMap((id) => {
        const t = byId.get(id);
        return t ? [toWire(t)] : [];
      }),
    })),
  };
}

/** Records the owner's confirm or reject of a match found by the current run. */
export async function decideMatch(
  db: LedgerDb,
  matchId: string,
  state: 'confirmed' | 'rejected',
): Promise<Result<Match>> {
  const { result } = await reconcileStored(db);
  const match = result.matches.byId(matchId);
  if (!match) return fail(problem('unknown_match', `no match ${matchId} among the current matches`));
  const decided: Match = { ...match, state };
  await db.decisions.put(decided);
  return ok(decided);
}
