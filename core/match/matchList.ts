import type { Match, MatchState, MatchType } from '../model/match';
import type { FoundMatches } from './foundMatches';

type Listed = {
  /** The decisions handed back, then the found matches: `order[i] < decisions.length` names a decision. */
  decisions: readonly Match[];
  found: FoundMatches;
  /** Per position in the list, a decision's index, or decisions.length + a found match's index. */
  order: readonly number[];
};

/**
 * A run's matches in their order (see reconcile), read one at a time: `at(i)` makes the Match, with
 * its id and reason, when it is asked for; `typeAt`, `stateAt` and `idAt` answer without making it.
 * Iterating, `toArray()` and `JSON.stringify` (through `toJSON`) give exactly the Match objects.
 */
export class MatchList implements Iterable<Match> {
  /** Not an own enumerable field: two lists compare (and print) by their matches, not their columns. */
  declare private readonly listed: Listed;

  constructor(decisions: readonly Match[], found: FoundMatches, order: readonly number[]) {
    Object.defineProperty(this, 'listed', { value: { decisions, found, order } });
  }

  get length(): number {
    return this.listed.order.length;
  }

  /** The `i`th match (from the end when negative, as Array's `at`), made now; undefined past the end. */
  at(i: number): Match | undefined {
    const { decisions, found, order } = this.listed;
    const at = i < 0 ? order.length + i : i;
    if (at < 0 || at >= order.length) return undefined;
    const s = order[at]!;
    return s < decisions.length ? decisions[s] : found.match(s - decisions.length);
  }

  typeAt(i: number): MatchType {
    const { decisions, found, order } = this.listed;
    const s = order[i]!;
    return s < decisions.length ? decisions[s]!.type : found.typeAt(s - decisions.length);
  }

  /** Found matches are all suggested; a decision keeps its state. */
  stateAt(i: number): MatchState {
    const { decisions, order } = this.listed;
    const s = order[i]!;
    return s < decisions.length ? decisions[s]!.state : 'suggested';
  }

  idAt(i: number): string {
    const { decisions, found, order } = this.listed;
    const s = order[i]!;
    return s < decisions.length ? decisions[s]!.id : found.idAt(s - decisions.length);
  }

  /** The match with this id, if listed: ids are compared, only the one found is made. */
  byId(id: string): Match | undefined {
    for (let i = 0; i < this.length; i++) if (this.idAt(i) === id) return this.at(i);
    return undefined;
  }

  *[Symbol.iterator](): Iterator<Match> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  toArray(): Match[] {
    const all = new Array<Match>(this.length);
    for (let i = 0; i < all.length; i++) all[i] = this.at(i)!;
    return all;
  }

  toJSON(): Match[] {
    return this.toArray();
  }
}
