import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Median wall time of `fn` over `runs` runs (after one warm-up), in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Peak heap growth (MB) while `fn` runs, sampled; run with --expose-gc for a clean start. */
export async function peakHeapMb(fn: () => unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  await fn();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  return (peak - base) / 1024 / 1024;
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints a small aligned table. */
export function table(rows: Array<Record<string, string | number>>): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    line(keys),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(keys.map((k) => String(r[k] ?? '')))),
  ].join('\n');
}

/** CPU time (user + system, ms) `fn` takes, its garbage collection included. */
export function cpuMsOf(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median CPU time (user + system, ms) of `fn` over `runs` runs after one warm-up: steadier than wall time on a shared machine. */
export function medianCpuMs(fn: () => unknown, runs: number, warmUp = true): number {
  if (warmUp) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMsOf(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median CPU time (user + system, ms) of each function over `runs` runs, interleaved (a, b, a, b …)
 * after one warm-up each: a burst of load on a shared machine then weighs on all alike, so their
 * ratios hold where medians taken one after another swing several-fold.
 */
export async function interleavedCpuMs<K extends string>(
  fns: Record<K, () => unknown>,
  runs: number,
): Promise<Record<K, number>> {
  const keys = Object.keys(fns) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (const k of keys) await fns[k]();
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const start = process.cpuUsage();
      await fns[k]();
      const used = process.cpuUsage(start);
      times.get(k)!.push((used.user + used.system) / 1000);
    }
  }
  const median = (t: number[]) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
  return Object.fromEntries(keys.map((k) => [k, median(times.get(k)!)])) as Record<K, number>;
}

/**
 * CPU times of several sides of one comparison, each run in a Node process of its own: `node
 * …nodeArgs <side> …args` (the last of `nodeArgs` the script) prints `{ times, count }` as its last line. Processes alternate side by side for `rounds`
 * rounds, the starting side turning each round, and each side's figure is its fastest run. In one
 * process each side paid for the garbage and heap layout its neighbours left (one bench read the
 * same code at 8.2×, 9.7× and 11.0× its baseline within ten minutes; a baseline jumped 84 → 320 ms);
 * apart, the fastest of a side's runs holds within a few percent.
 */
export function isolatedCpuMs<K extends string>(
  nodeArgs: readonly string[],
  sides: readonly K[],
  args: readonly string[],
  rounds: number,
): Record<K, { min: number; median: number; runs: number; count: number; cold: number }> {
  const times = new Map<K, number[]>(sides.map((k) => [k, []]));
  const colds = new Map<K, number[]>(sides.map((k) => [k, []]));
  const counts = new Map<K, number>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(i + round) % sides.length]!;
      const out = execFileSync(process.execPath, [...nodeArgs, side, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const last = out.trim().split('\n').pop() ?? '';
      const { times: t, count, cold } = JSON.parse(last) as { times: number[]; count: number; cold: number };
      times.get(side)!.push(...t);
      colds.get(side)!.push(cold);
      const before = counts.get(side);
      if (before !== undefined && before !== count)
        throw new Error(`${side} found ${before} in one process and ${count} in another`);
      counts.set(side, count);
    }
  }
  return Object.fromEntries(
    sides.map((k) => {
      const t = times.get(k)!.sort((a, b) => a - b);
      const cold = Math.min(...colds.get(k)!);
      return [
        k,
        { min: t[0]!, median: t[Math.floor(t.length / 2)]!, runs: t.length, count: counts.get(k)!, cold },
      ];
    }),
  ) as Record<K, { min: number; median: number; runs: number; count: number; cold: number }>;
}
