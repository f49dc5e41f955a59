import { stableHash } from './stableHash';

/**
 * The id of a match or discrepancy: its type plus its sorted member ids, so the same pairing found
 * again on a later run has the same id and a bookkeeper's confirm or reject still applies to it.
 */
export function matchId(type: string, memberIds: readonly string[]): string {
  return `m_${stableHash(`${type}\u001f${[...memberIds].sort().join('\u001f')}`)}`;
}

export function discrepancyId(type: string, transactionIds: readonly string[]): string {
  return `d_${stableHash(`${type}\u001f${[...transactionIds].sort().join('\u001f')}`)}`;
}
