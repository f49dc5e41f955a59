/**
 * One row of the summary `npm run bench` prints at the end: a figure beside its baseline measured in
 * the same run. A bench section's default export returns its rows (or nothing).
 */
export type BenchRow = {
  /** What was measured, e.g. "reconcile 100k × 100k". */
  work: string;
  /** The figure, with its unit, e.g. "412 ms" or "310k rows/s, 95 MB heap". */
  now: string;
  /** The baseline and its figure, e.g. "sort-and-sweep one-to-one: 180 ms". */
  baseline: string;
  /** now against baseline in the direction the aim reads (time ratio, or throughput ratio). */
  ratio: number;
  /** The aim for that ratio, e.g. "≤ 3×" or "≥ 0.5×". */
  aim: string;
  /** Whether the ratio meets the aim; absent for a row shown for context (the aim is on another row). */
  met?: boolean;
};

export type BenchSection = () => Promise<BenchRow[] | undefined>;
