import { type BankLine, compatible, lineRefs, lineTaken } from './bankLine';
import type { BankLines } from './bankLines';
import type { Claims } from './claims';
import { Int32Set } from './int32Set';
import { acceptOneLink } from './linkDraft';
import { LINE_ORDINAL, LINE_RECORD, matchColumns, UNIT_ORDINAL, UNIT_RECORD } from './matchColumns';
import { isRejected, type MatchContext, recordLag } from './matchContext';
import { byUnitDate, type PayoutUnit, pairType, unitMemberIds, unitTaken } from './payoutUnit';
import type { PayoutUnits } from './payoutUnits';
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
export function matchByReference(units: PayoutUnits, lines: BankLines, ctx: MatchContext): NearPair[] {
  // Hashes of the tokens the open bank lines carry first (fewer than payouts, most of which are never
  // repeated), then each token's payout if exactly one open payout has it (-1 when several do).
  // A payout's token whose hash a line carries is taken as an owner even when the hash collides: the
  // owners are only ever looked up by the tokens lines carry, so a stray one changes nothing, and no
  // set of the lines' token strings is made. The open lines with a token are kept by index, so the
  // lines are not all read again.
  const claimed = ctx.claimed;
  const columns = matchColumns(units, lines);
  const { refFrom, refTo, refHash, records } = columns.lines;
  // Sized for every hash the lines carry (at most), in the run's scratch: no copies on the way.
  const lineHashes = new Int32Set(refHash.length, ctx.scratch);
  const carriers: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (refFrom[i] === refTo[i] || claimed.hasOrdinal(records[i * LINE_RECORD + LINE_ORDINAL]!)) continue;
    carriers.push(i);
    for (let k = refFrom[i]!; k < refTo[i]!; k++) lineHashes.add(refHash[k]!);
  }
  if (carriers.length === 0) return [];

  const owner = new Map<string, number>();
  for (const i of payoutsThatMayCarry(units, lineHashes, claimed)) {
    const refs = units.at(i).refs;
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k]!;
      if (!lineHashes.has(tokenHash(ref))) continue;
      owner.set(ref, owner.has(ref) ? -1 : i);
    }
  }
  if (owner.size === 0) return [];

  const ownerHashes = new Int32Set(owner.size, ctx.scratch);
  for (const ref of owner.keys()) ownerHashes.add(tokenHash(ref));
  const candidates = new Map<PayoutUnit, BankLine[]>();
  for (let c = 0; c < carriers.length; c++) {
    const i = carriers[c]!;
    let carries = false;
    for (let k = refFrom[i]!; k < refTo[i]! && !carries; k++) carries = ownerHashes.has(refHash[k]!);
    if (!carries) continue;
    const line = lines.at(i);
    for (const ref of lineRefs(line)) {
      const o = owner.get(ref);
      if (o === undefined || o < 0) continue;
      const unit = units.at(o);
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

/**
 * Indexes of the open payouts a token of which may be one of `hashes` (see mayCarry): a payout
 * line's hashes were read with the run's texts (see readBankLines), no transaction is read here.
 */
function payoutsThatMayCarry(units: PayoutUnits, hashes: Int32Set, claimed: Claims): number[] {
  const out: number[] = [];
  const records = units.records;
  const { refFrom, refTo, refHash } = units.refs;
  for (let r = 0; r < units.length; r++) {
    const ordinal = records[r * UNIT_RECORD + UNIT_ORDINAL]!;
    if (ordinal < 0) {
      const u = units.at(r);
      if (!unitTaken(claimed, u) && u.mayCarry(hashes)) out.push(r);
      continue;
    }
    if (claimed.hasOrdinal(ordinal)) continue;
    for (let k = refFrom[r]!; k < refTo[r]!; k++) {
      if (!hashes.has(refHash[k]!)) continue;
      out.push(r);
      break;
    }
  }
  return out;
}

/** Prefers a line on or after the payout date, the earliest first; ties by id. */
function closeness(unit: PayoutUnit, a: BankLine, b: BankLine): number {
  const ka = a.t.date >= unit.date ? 0 : 1;
  const kb = b.t.date >= unit.date ? 0 : 1;
  if (ka !== kb) return ka - kb;
  if (a.t.date !== b.t.date) return ka === 0 ? (a.t.date < b.t.date ? -1 : 1) : a.t.date > b.t.date ? -1 : 1;
  return a.t.id < b.t.id ? -1 : 1;
}
