import { reconcile } from '../../core/match/reconcile';
import { compactBook, sortAndSweep, sortAndSweepObjects } from './match.bench';
import { cpuMsOf } from './measure';

/**
 * One side of the matching bench in a process of its own (see isolatedCpuMs):
 * `matchSide.ts <side> <n> <warm-ups> <runs>` builds the n × n book, runs the side, and prints its CPU
 * times, its first (cold) run's, and what it found as one JSON line. At least one warm-up: the cold run.
 */
const sides: Record<string, (transactions: ReturnType<typeof compactBook>) => number> = {
  base: (transactions) => sortAndSweep(transactions).length,
  objects: (transactions) => sortAndSweepObjects(transactions),
  // The aim's figure: reconcile, its links counted by type (matches are made when read, see MatchList).
  ours: (transactions) => {
    const { matches } = reconcile({ transactions });
    let linked = 0;
    for (let i = 0; i < matches.length; i++) if (matches.typeAt(i) !== 'payout-rollup') linked++;
    return linked;
  },
  // What the lazy list moved out of `ours`: every match made, id and reason, as the Matches tab and --json.
  read: (transactions) => reconcile({ transactions }).matches.toArray().length,
};

const [side = '', n, warmUps, runs] = process.argv.slice(2);
const run = sides[side];
if (run === undefined) throw new Error(`matchSide: no side "${side}" (${Object.keys(sides).join(', ')})`);
const transactions = compactBook(Number(n));
let count = 0;
// The first run, in a process that has run nothing yet: a one-off command's case, printed apart.
const cold = cpuMsOf(() => (count = run(transactions)));
for (let i = 1; i < Number(warmUps); i++) count = run(transactions);
const times: number[] = [];
for (let i = 0; i < Number(runs); i++) times.push(cpuMsOf(() => (count = run(transactions))));
console.log(JSON.stringify({ times, cold, count }));
