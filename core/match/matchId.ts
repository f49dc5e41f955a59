import type { IdChars } from './idChars';
import {
  hashChars,
  hashCode,
  hashEnd,
  hashFinish,
  hashResume,
  hashStart,
  hashState,
  hashText,
} from './stableHash';

const SEPARATOR = 0x1f;

/**
 * The id of a match or discrepancy: its type plus its sorted member ids, so the same pairing found
 * again on a later run has the same id and a bookkeeper's confirm or reject still applies to it.
 */
export function matchId(type: string, memberIds: readonly string[]): string {
  if (memberIds.length === 2) return pairId(type, memberIds[0]!, memberIds[1]!, 'm_');
  typeAndIdsHash(type, memberIds);
  return hashEnd('m_');
}

/**
 * `matchId` of a match's members left as the hash's two lanes (`laneA`, `laneB` of stableHash), with
 * no string made: a run keeps its matches' ids as numbers and writes one out when it is read.
 */
export function matchIdLanes(type: string, members: readonly { id: string }[]): void {
  if (members.length === 2) {
    pairLanes(type, members[0]!.id, members[1]!.id);
    return;
  }
  typeAndIdsHash(
    type,
    members.map((m) => m.id),
  );
  hashFinish();
}

export function discrepancyId(type: string, transactionIds: readonly string[]): string {
  if (transactionIds.length === 2) return pairId(type, transactionIds[0]!, transactionIds[1]!, 'd_');
  typeAndIdsHash(type, transactionIds);
  return hashEnd('d_');
}

/** The hash of `type␟id␟id…`, the ids sorted, fed in parts rather than joined into one string first. */
function typeAndIdsHash(type: string, ids: readonly string[]): void {
  const sorted = ids.length > 1 ? [...ids].sort() : ids;
  typePrefix(type);
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0) hashCode(SEPARATOR);
    hashText(sorted[i]!);
  }
}

/**
 * The hash state after the last type hashed and its separator: a pass hashes thousands of pairs of one
 * type, and the type was as long as both member ids together.
 */
let prefixType: string | undefined;
let prefixState: readonly [number, number] = [0, 0];

/** The hash of `type␟lower␟higher`, fed in parts rather than joined into a string first. */
function pairId(type: string, a: string, b: string, prefix: string): string {
  pairHash(type, a, b);
  return hashEnd(prefix);
}

/** `pairId`'s hash left in the lanes (see matchIdLanes). */
export function pairLanes(type: string, a: string, b: string): void {
  pairHash(type, a, b);
  hashFinish();
}

/** `pairLanes` of the ids of ordinals `a` and `b`, read from the run's `ids` (see IdChars). */
export function pairLanesAt(type: string, ids: IdChars, a: number, b: number): void {
  typePrefix(type);
  const lower = ids.atOrBefore(a, b) ? a : b;
  const higher = lower === a ? b : a;
  const { chars, bounds } = ids;
  hashChars(chars, bounds[2 * lower]!, bounds[2 * lower + 1]!);
  hashCode(SEPARATOR);
  hashChars(chars, bounds[2 * higher]!, bounds[2 * higher + 1]!);
  hashFinish();
}

function pairHash(type: string, a: string, b: string): void {
  typePrefix(type);
  hashText(a <= b ? a : b);
  hashCode(SEPARATOR);
  hashText(a <= b ? b : a);
}

/** Starts the hash with `type` and its separator, resumed from the last type's state when the same. */
function typePrefix(type: string): void {
  if (type === prefixType) hashResume(prefixState);
  else {
    hashStart();
    hashText(type);
    hashCode(SEPARATOR);
    prefixType = type;
    prefixState = hashState();
  }
}
