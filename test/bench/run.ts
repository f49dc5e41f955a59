import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSection } from './benchRow';
import { fmt, table } from './measure';

/**
 * `npm run bench [-- name…]`: runs every test/bench/*.bench.ts (or those whose name contains
 * one of the arguments). Each prints its details, then returns its summary rows (figure, baseline
 * from the same run, ratio, aim); the summary table of all of them is printed at the end.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const summary: BenchRow[] = [];
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = (await import(join(here, file))) as { default: BenchSection };
  summary.push(...((await mod.default()) ?? []));
}

if (summary.length > 0) {
  console.log('\n## summary (each figure beside its baseline from this run)');
  console.log(
    table(
      summary.map((r) => ({
        work: r.work,
        now: r.now,
        'baseline in the same run': r.baseline,
        ratio: `${fmt(r.ratio, r.ratio < 10 ? 2 : 1)}×`,
        aim: r.aim,
        met: r.met === undefined ? '—' : r.met ? 'yes' : 'NO',
      })),
    ),
  );
}
