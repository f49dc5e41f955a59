import { stableHash } from './stableHash';

/**
 * The id of a match or discrepancy: its type plus its sorted member ids, so the same pairing found
 * again on a later run has the same id and a bookkeeper's confirm or reject still applies to it.
 */
export function matchId(type: string, memberIds: readonly string[]): string {
  return stableHash(`${type}\u001f${sortedIds(memberIds)}`, 'm_');
}

export function discrepancyId(type: string, transactionIds: readonly string[]): string {
  return stableHash(`${type}\u001f${sortedIds(transactionIds)}`, 'd_');
}

/** The ids sorted and joined; two ids (most matches) without copying them into an array first. */
function sortedIds(ids: readonly string[]): string {
  if (ids.length === 2) {
    const [a, b] = ids as [string, string];
    return a <= b ? `${a}\u001f${b}` : `${b}\u001f${a}`;
  }
  return [...ids].sort().join('\u001f');
}
