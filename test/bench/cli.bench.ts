import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../cli/bundle.mjs';
import type { BenchRow } from './benchRow';
import { fmt, table } from './measure';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 9;
/** Reports the child's peak RSS and CPU time on exit; loaded into both commands alike. */
const REPORT =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write("\\nUSAGE "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

type Figures = { wallMs: number; rssMb: number; cpuMs: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time from spawn to exit, then RSS and CPU from a second, reporting run. */
function measure(args: string[]): Figures {
  const wall = performance.now();
  const plain = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wallMs = performance.now() - wall;
  if (plain.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${plain.stderr}`);
  const reported = spawnSync(process.execPath, ['--import', REPORT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const [, rss, cpu] = /USAGE (\d+) (\d+)/.exec(reported.stderr) ?? [];
  return { wallMs, rssMb: Number(rss) / 1024, cpuMs: Number(cpu) / 1000 };
}

/** `ledgerbridge --help` from a cold process against `node -e 0`, alternating, median of 9 each. */
export default async function cliBench(): Promise<BenchRow[]> {
  await bundleEntry(); // built (or rebuilt) before timing, as `npm install` leaves it
  const base: Figures[] = [];
  const ours: Figures[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(measure(['-e', '0']));
    ours.push(measure(['cli/bin.mjs', '--help']));
  }
  const pick = (xs: Figures[]) => ({
    wallMs: median(xs.map((x) => x.wallMs)),
    rssMb: median(xs.map((x) => x.rssMb)),
    cpuMs: median(xs.map((x) => x.cpuMs)),
  });
  const b = pick(base);
  const o = pick(ours);
  console.log(
    table([
      {
        command: 'node -e 0',
        'wall ms': fmt(b.wallMs, 0),
        'CPU ms': fmt(b.cpuMs, 0),
        'peak RSS MB': fmt(b.rssMb, 0),
      },
      {
        command: 'ledgerbridge --help (node cli/bin.mjs)',
        'wall ms': fmt(o.wallMs, 0),
        'CPU ms': fmt(o.cpuMs, 0),
        'peak RSS MB': fmt(o.rssMb, 0),
      },
    ]),
  );
  return [
    {
      work: '`ledgerbridge --help` cold start',
      now: `${fmt(o.wallMs, 0)} ms wall, ${fmt(o.cpuMs, 0)} ms CPU, ${fmt(o.rssMb, 0)} MB`,
      baseline: `node -e 0: ${fmt(b.wallMs, 0)} ms wall, ${fmt(b.cpuMs, 0)} ms CPU, ${fmt(b.rssMb, 0)} MB`,
      ratio: o.wallMs / b.wallMs,
      aim: '≤ 4× (wall)',
      met: o.wallMs / b.wallMs <= 4,
    },
  ];
}
