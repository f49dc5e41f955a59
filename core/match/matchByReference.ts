import { type BankLine, compatible, lineRefs, lineTaken } from './bankLine';
import { acceptOneLink } from './linkDraft';
import { isRejected, type MatchContext, recordLag } from './matchContext';
import { orderByKey } from './orderByKey';
import { byUnitDate, type PayoutUnit, pairType, unitMemberIds, unitTaken } from './payoutUnit';
import { tokenHash } from './referenceTokens';

/** A reference can be printed a little before the payout's own date (time zones) or late (slow banks). */
const EARLY_DAYS = 3;
const LATE_DAYS = 7;

/** A payout and a bank line that share a reference but not the amount: an amount difference to look at. */
export type NearPair = { unit: PayoutUnit; line: BankLine };

/**
 * Pass 2. A bank line that repeats a payout's own reference (payout id, trace id, `ST-…` code) with
 * the same amount is that payout's deposit. A reference shared by several payouts proves nothing and
 * is ignored. Returns the pairs that share a reference but differ in amount.
 */
export function matchByReference(
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  ctx: MatchContext,
  /** Per ordinal, the transaction's position in the input, when known (see below). */
  inputAt?: Int32Array,
): NearPair[] {
  // Hashes of the tokens the open bank lines carry first (fewer than payouts, most of which are never
  // repeated), then each token's payout if exactly one open payout has it (null when several do).
  // A payout's token whose hash a line carries is taken as an owner even when the hash collides: the
  // owners are only ever looked up by the tokens lines carry, so a stray one changes nothing, and no
  // set of the lines' token strings is made.
  const lineHashes = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (lineTaken(ctx.claimed, line)) continue;
    for (let k = 0; k < line.refHashes.length; k++) lineHashes.add(line.refHashes[k]!);
  }
  if (lineHashes.size === 0) return [];
  // Each token's owner does not depend on the order payouts are read in: they are read in the order
  // their lines sit in memory (input order), which makes reading their texts several times cheaper.
  let byPosition: Int32Array | undefined;
  if (inputAt) {
    const positions = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) positions[i] = inputAt[units[i]!.ordinal]!;
    byPosition = orderByKey(positions);
  }
  const owner = new Map<string, PayoutUnit | null>();
  for (let i = 0; i < units.length; i++) {
    const u = units[byPosition ? byPosition[i]! : i]!;
    if (unitTaken(ctx.claimed, u) || !u.mayCarry(lineHashes)) continue;
    const refs = u.refs;
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k]!;
      if (!lineHashes.has(tokenHash(ref))) continue;
      owner.set(ref, owner.has(ref) ? null : u);
    }
  }
  if (owner.size === 0) return [];

  const ownerHashes = new Set<number>();
  for (const ref of owner.keys()) ownerHashes.add(tokenHash(ref));
  const candidates = new Map<PayoutUnit, BankLine[]>();
  for (const line of lines) {
    if (lineTaken(ctx.claimed, line) || !line.refHashes.some((h) => ownerHashes.has(h))) continue;
    for (const ref of lineRefs(line)) {
      const unit = owner.get(ref);
      if (!unit) continue;
      if (unit.currency !== line.currency || !compatible(line, unit)) continue;
      if (line.day - unit.day < -EARLY_DAYS || line.day - unit.endDay > LATE_DAYS) continue;
      const list = candidates.get(unit);
      if (!list) candidates.set(unit, [line]);
      else if (!list.includes(line)) list.push(line);
    }
  }

  const near: NearPair[] = [];
  const ordered = [...candidates.keys()].sort(byUnitDate);
  for (const unit of ordered) {
    const lines = candidates
      .get(unit)!
      .filter(
        (l) =>
          !lineTaken(ctx.claimed, l) &&
          !isRejected(ctx, pairType(unit), () => [...unitMemberIds(unit), l.t.id]),
      );
    const exact = lines.filter((l) => l.t.amount.minor === unit.value).sort((a, b) => closeness(unit, a, b));
    const best = exact[0];
    if (best) {
      const ambiguous = exact.length > 1;
      const match = acceptOneLink(
        ctx,
        unit,
        best,
        ambiguous ? 0.85 : 0.99,
        ambiguous,
        ambiguous
          ? `the bank line repeats the payout's reference, as ${exact.length - 1} other line(s) do; the closest in date was taken`
          : `the bank line repeats the payout's reference and the amount is equal`,
      );
      if (match >= 0 && !ambiguous) recordLag(ctx, unit.processor, ctx.lag(unit.day, best.day));
      continue;
    }
    const sameSign = lines
      .filter((l) => Math.sign(l.t.amount.minor) === Math.sign(unit.value))
      .sort((a, b) => closeness(unit, a, b));
    if (sameSign.length === 1) near.push({ unit, line: sameSign[0]! });
  }
  return near;
}

/** Prefers a line on or after the payout date, the earliest first; ties by id. */
function closeness(unit: PayoutUnit, a: BankLine, b: BankLine): number {
  const ka = a.t.date >= unit.date ? 0 : 1;
  const kb = b.t.date >= unit.date ? 0 : 1;
  if (ka !== kb) return ka - kb;
  if (a.t.date !== b.t.date) return ka === 0 ? (a.t.date < b.t.date ? -1 : 1) : a.t.date > b.t.date ? -1 : 1;
  return a.t.id < b.t.id ? -1 : 1;
}
