import type { Match } from '../model/match';
import { type MatchContext, takenMembers } from './matchContext';

/**
 * The bookkeeper's earlier decisions, applied before any pass: a confirmed match keeps its members
 * (no pass can take them), a rejected one is remembered so the same pairing is never proposed again.
 * Returns the decisions to hand back unchanged, so writing the result back keeps them.
 */
export function applyDecisions(decisions: readonly Match[], ctx: MatchContext): Match[] {
  const kept: Match[] = [];
  const seen = new Set<string>();
  for (const d of [...decisions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (d.state === 'suggested' || seen.has(d.id)) continue;
    seen.add(d.id);
    kept.push(d);
    if (d.state === 'rejected') ctx.rejected.add(d.id);
    else for (const id of takenMembers(d)) ctx.claimed.add(id);
  }
  return kept;
}
