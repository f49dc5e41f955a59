import { MATCH_SCHEMA_VERSION, type Match, type MatchMember, MatchType } from '../model/match';
import type { Transaction } from '../model/transaction';
import { heapCopy } from './heapCopy';
import type { PairFacts } from './matchContext';
import { OrdinalLists } from './ordinalLists';
import { pairReason } from './pairReason';
import { Codes } from './runColumns';
import { type Columns, NEW_ARRAYS } from './scratch';
import { hashHex } from './stableHash';

/**
 * The matches a run found, as columns: one entry per match in each, members one after the other.
 * A run finds a match for most of its lines and a bookkeeper reads few of them, so a match's id is
 * kept as its hash's two lanes and the reason of a payout–line pair as what it is written from (the
 * payout, the line and why): `match(k)` writes them out. Building every Match object, id and sentence
 * up front cost more than finding the matches.
 */
export class FoundMatches {
  private count = 0;
  /**
   * The numeric columns, typed and grown by doubling (valid below `length`): a run pushes a match per
   * line it settles, and plain arrays grew through copies of boxed numbers. Grown in the run's
   * scratch, when it has one, and copied out at their final length when the run ends (`seal`).
   */
  /** Index into MatchType.options. */
  types = new Uint8Array(INITIAL);
  /** In hundredths (what a Match keeps of it): 0–100. */
  private confidence = new Uint8Array(INITIAL);
  ambiguous = new Uint8Array(INITIAL);
  /**
   * The difference (see Match) in minor units, by match, where it is not 0 (most matches tie out),
   * and its currency (a code in `currencies`). A run of 1M kept 8 bytes per match for the zeros.
   */
  private readonly differences = new Map<number, number>();
  private currency = new Uint16Array(INITIAL);
  private readonly currencies = new Codes();
  /** The id's hash lanes (see matchIdLanes); plain arrays once sealed (see heapCopy). */
  idA: Int32Array | number[] = new Int32Array(INITIAL);
  idB: Int32Array | number[] = new Int32Array(INITIAL);
  /**
   * Per match, its members' ordinals in the run; each member's role (a code in ROLES) runs beside
   * them, and its id is the run's id at its ordinal (`memberIdAt`). A run makes a pair per line it
   * settles, and keeping each pair's two id strings and roles cost more than matching them.
   */
  readonly ordinals: OrdinalLists;
  private roleCodes = new Uint8Array(INITIAL * 2);
  /** Role names by code: the pair's roles first (PAYOUT, DEPOSIT, WITHDRAWAL), then others as the passes use them (a few). */
  private readonly roles = codesOf(['payout', 'deposit', 'withdrawal']);
  /** Ids of members not found by ordinal (outside the run, or no run ids), by member index. */
  private readonly otherIds = new Map<number, string>();
  /** Each ordinal's id (see MatchContext's `run`), when the run has them. */
  runIds: readonly string[] | undefined;
  /**
   * The reason, or for a pair written when read (see `pairs`), the why it ends with: a code in
   * `reasons` (most matches share a few texts). Codes rather than a list of strings: a run of 1M
   * rows allocated lists of a million pointers, old-space garbage that costs full collections.
   */
  reason: Int32Array | number[] = new Int32Array(INITIAL);
  private readonly reasons = new Codes();
  /**
   * 1 for a payout–line pair whose reason is written when read (from its members, by ordinal: see
   * `pairSides`), else 0. Not the objects: they are made when the reason is read.
   */
  pairs = new Uint8Array(INITIAL);
  /**
   * The run's transactions and each one's processor (a code in `processors`), by ordinal, which a
   * pair's reason is written from (set before the first pair). Nothing else of the run: the result
   * holds this list, and the run's working columns are reused by the next run (see Scratch).
   */
  pairSides:
    | {
        transactions: readonly Transaction[];
        processor: Int32Array | undefined;
        processors: readonly string[];
      }
    | undefined;
  /** Once sealed, each pair's processor (a code in `pairSides.processors`) by match, not by ordinal. */
  private pairProcessor: Uint16Array | undefined;

  /** `lag`: business days from a payout to its deposit (see MatchContext), for pair reasons. */
  constructor(
    private readonly lag: (payoutDay: number, depositDay: number) => number,
    private columns: Columns = NEW_ARRAYS,
  ) {
    this.ordinals = new OrdinalLists(columns);
  }

  get length(): number {
    return this.count;
  }

  /** Adds a match whose id lanes are `a`, `b` and difference `minor` `currency`; returns its index. */
  push(
    type: MatchType,
    a: number,
    b: number,
    minor: number,
    currency: string,
    confidence: number,
    ambiguous: boolean,
    reason: string,
  ): number {
    const k = this.count++;
    if (k === this.types.length) this.grow();
    this.types[k] = TYPE_CODE.get(type)!;
    this.idA[k] = a;
    this.idB[k] = b;
    if (!Object.is(minor, 0)) this.differences.set(k, minor);
    const code = this.currencies.of(currency);
    if (code > 0xffff) throw new Error(`FoundMatches: more than 65,536 currencies (at "${currency}")`);
    this.currency[k] = code;
    const hundredths = Math.round(confidence * 100);
    if (!(hundredths >= 0 && hundredths <= 100))
      throw new Error(`FoundMatches: confidence ${confidence} outside 0–1 (a pass's mistake)`);
    this.confidence[k] = hundredths;
    this.ambiguous[k] = ambiguous ? 1 : 0;
    this.reason[k] = this.reasons.of(reason);
    this.pairs[k] = 0;
    return k;
  }

  private grow(): void {
    const size = this.types.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Int32Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    const c = this.columns;
    this.types = grown(this.types, c.uint8(size));
    this.confidence = grown(this.confidence, c.uint8(size));
    this.ambiguous = grown(this.ambiguous, c.uint8(size));
    this.idA = grown(this.idA as Int32Array, c.int32(size));
    this.idB = grown(this.idB as Int32Array, c.int32(size));
    this.pairs = grown(this.pairs, c.uint8(size));
    this.currency = grown(this.currency, c.uint16(size));
    this.reason = grown(this.reason as Int32Array, c.int32(size));
  }

  /**
   * The columns copied out of the run's scratch at their final length, for the run's result to keep:
   * the next run writes over the scratch. Called once the run has found everything.
   */
  seal(): void {
    // The run's processor column is scratch: each pair's processor is copied out of it, by match.
    const sides = this.pairSides;
    if (sides?.processor !== undefined) {
      const byMatch = new Uint16Array(this.count);
      for (let k = 0; k < this.count; k++) {
        if (this.pairs[k] === 0) continue;
        const code = sides.processor[this.ordinals.at(this.ordinals.from(k))]!;
        if (!(code >= 0 && code <= 0xffff))
          throw new Error(`FoundMatches: pair ${k}'s processor code ${code}`);
        byMatch[k] = code;
      }
      this.pairProcessor = byMatch;
      this.pairSides = {
        transactions: sides.transactions,
        processor: undefined,
        processors: sides.processors,
      };
    }
    if (this.columns === NEW_ARRAYS) return;
    const n = this.count;
    this.types = this.types.slice(0, n);
    this.confidence = this.confidence.slice(0, n);
    this.ambiguous = this.ambiguous.slice(0, n);
    // The 32-bit columns, most of what the result keeps, into V8's heap (see heapCopy).
    this.idA = heapCopy(this.idA, n);
    this.idB = heapCopy(this.idB, n);
    this.pairs = this.pairs.slice(0, n);
    this.currency = this.currency.slice(0, n);
    this.reason = heapCopy(this.reason, n);
    this.roleCodes = this.roleCodes.slice(0, this.ordinals.size);
    this.ordinals.seal();
    this.columns = NEW_ARRAYS;
  }

  /** The members of the match just pushed, in member order. */
  members(members: readonly MatchMember[], ordinals: ArrayLike<number>): void {
    const first = this.ordinals.size;
    this.reserveRoles(members.length);
    for (let i = 0; i < members.length; i++) {
      const { id, role } = members[i]!;
      this.roleCodes[first + i] = this.roleCode(role);
      const o = ordinals[i]!;
      if (o < 0 || this.runIds?.[o] !== id) this.otherIds.set(first + i, id);
    }
    this.ordinals.push(ordinals);
  }

  /** A payout line and its bank line (`f` holds what is recorded of them) as the match just pushed, its reason written when read from `why`. */
  pair(k: number, f: PairFacts): void {
    const first = this.ordinals.size;
    this.reserveRoles(2);
    this.roleCodes[first] = PAYOUT;
    this.roleCodes[first + 1] = f.amount >= 0 ? DEPOSIT : WITHDRAWAL;
    if (this.runIds === undefined) {
      this.otherIds.set(first, f.payoutId);
      this.otherIds.set(first + 1, f.lineId);
    }
    this.ordinals.pushPair(f.unitOrdinal, f.lineOrdinal);
    this.pairs[k] = 1;
  }

  /** The id of member `i` (an index of `ordinals`' values). */
  memberIdAt(i: number): string {
    return this.otherIds.get(i) ?? this.runIds![this.ordinals.at(i)]!;
  }

  /** The ids of match `k`'s members, in member order. */
  memberIds(k: number): string[] {
    const out: string[] = [];
    for (let i = this.ordinals.from(k); i < this.ordinals.to(k); i++) out.push(this.memberIdAt(i));
    return out;
  }

  /** The role of member `i` (an index of `ordinals`' values). */
  roleAt(i: number): string {
    return this.roles.values[this.roleCodes[i]!]!;
  }

  private roleCode(role: string): number {
    const code = this.roles.of(role);
    if (code > 255) throw new Error(`FoundMatches: more than 256 member roles (at "${role}")`);
    return code;
  }

  private reserveRoles(more: number): void {
    const need = this.ordinals.size + more;
    if (need <= this.roleCodes.length) return;
    const size = Math.max(this.roleCodes.length * 2, need);
    const grown = this.columns.uint8(size);
    grown.set(this.roleCodes);
    this.roleCodes = grown;
  }

  typeAt(k: number): MatchType {
    return MatchType.options[this.types[k]!]!;
  }

  idAt(k: number): string {
    return hashHex('m_', this.idA[k]!, this.idB[k]!);
  }

  reasonAt(k: number): string {
    const why = this.reasons.values[this.reason[k]!]!;
    if (this.pairs[k] === 0) return why;
    // A pair's members are its payout line and its bank line, by ordinal.
    const { transactions, processor, processors } = this.pairSides!;
    const from = this.ordinals.from(k);
    const payout = this.ordinals.at(from);
    const line = transactions[this.ordinals.at(from + 1)]!;
    const code = this.pairProcessor ? this.pairProcessor[k]! : processor![payout]!;
    return pairReason(this.lag, processors[code]!, transactions[payout]!, line, why);
  }

  /** The match as the Match contract has it (keys in the contract's order). */
  match(k: number): Match {
    const from = this.ordinals.from(k);
    const to = this.ordinals.to(k);
    const members: MatchMember[] = new Array(to - from);
    for (let i = from; i < to; i++) members[i - from] = { id: this.memberIdAt(i), role: this.roleAt(i) };
    const id = this.idAt(k);
    const type = this.typeAt(k);
    const difference = {
      minor: this.differences.get(k) ?? 0,
      currency: this.currencies.values[this.currency[k]!]!,
    };
    const confidence = this.confidence[k]! / 100;
    const reason = this.reasonAt(k);
    // Two literals rather than a spread: the keys in the contract's order, no temporary object.
    return this.ambiguous[k] === 1
      ? {
          schemaVersion: MATCH_SCHEMA_VERSION,
          id,
          type,
          members,
          difference,
          confidence,
          state: 'suggested',
          ambiguous: true,
          reason,
        }
      : {
          schemaVersion: MATCH_SCHEMA_VERSION,
          id,
          type,
          members,
          difference,
          confidence,
          state: 'suggested',
          reason,
        };
  }
}

const INITIAL = 256;

/** Codes with `values` first, in order. */
function codesOf(values: readonly string[]): Codes {
  const codes = new Codes();
  for (const v of values) codes.of(v);
  return codes;
}

/** The codes of a pair's roles (the first three of `roles`). */
const [PAYOUT, DEPOSIT, WITHDRAWAL] = [0, 1, 2];

const TYPE_CODE = new Map(MatchType.options.map((t, i) => [t, i]));
