import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { capturePage } from '../../core/capture/capturePage';
import { fmt, medianMs, table } from './measure';

const DESCRIPTIONS = [
  'CARD PURCHASE SQ *BLUE BOTTLE COF',
  'ACH DEBIT GUSTO PAYROLL',
  'STRIPE TRANSFER ST-K8J2M1',
  'CHECK # 1042',
];

/** A bank activity page with `rows` transactions: summary tiles, one activity table, a footer. */
function activityPage(rows: number): string {
  const body: string[] = [];
  let balance = 1_000_000_00;
  for (let i = 0; i < rows; i++) {
    const day = 28 - (i % 28);
    const cents = ((i * 7919) % 500_000) + 1;
    const out = i % 3 !== 0;
    balance += out ? cents : -cents;
    const amount = `${out ? '-' : ''}$${(cents / 100).toFixed(2)}`;
    body.push(
      `<tr class="row${i % 2 ? ' odd' : ''}"><td>Oct ${day}, 2026</td><td><a href="#">${DESCRIPTIONS[i % 4]} ${i}</a></td>` +
        `<td>${out ? 'Debit' : 'Credit'}</td><td class="amount">${amount}</td><td class="amount">$${(balance / 100).toFixed(2)}</td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="en"><body><header><h1>Business Checking ••6789</h1>
    <div class="tile"><span>Available</span><span>$12,000.00</span></div></header>
    <table><thead><tr><th>Date</th><th>Description</th><th>Type</th><th>Amount</th><th>Balance</th></tr></thead>
    <tbody>${body.join('\n')}</tbody></table><footer>© 2026</footer></body></html>`;
}

/** Median CPU time (user + system) of `fn`: on a shared machine wall time mostly measures the neighbours. */
function medianCpuMs(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The baseline: what any scraper does at least, one querySelectorAll walk reading each cell's text. */
function naiveWalk(document: Document): number {
  let cells = 0;
  for (const tr of document.querySelectorAll('tbody tr')) {
    for (const td of tr.querySelectorAll('td')) if (td.textContent) cells++;
  }
  return cells;
}

const INJECTED = fileURLToPath(new URL('../../extension/capture/runInjectedCapture.ts', import.meta.url));

/** The code the extension injects into the portal's tab, bundled as the content script is. */
async function injectedBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `export { runInjectedCapture } from ${JSON.stringify(INJECTED)};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'ledgerbridgeInjected',
    write: false,
    platform: 'browser',
    minify: true,
  });
  return out.outputFiles[0]!.text;
}

type InBrowser = { capture: number; walk: number; read: number };

const IN_PAGE = `(() => {
  const lb = globalThis.ledgerbridgeInjected;
  const median = (fn) => {
    fn();
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  let read = 0;
  const capture = median(() => {
    const r = lb.runInjectedCapture(globalThis, document, 'https://bank.example/activity');
    read = r.ok ? r.page.transactions.length : -1;
  });
  const walk = median(() => {
    let cells = 0;
    for (const tr of document.querySelectorAll('tbody tr'))
      for (const td of tr.querySelectorAll('td')) if (td.textContent) cells++;
    return cells;
  });
  return { capture, walk, read };
})()`;

/**
 * The real path: Chromium lays the page out, the injected capture reads it (visibility from
 * checkVisibility, live DOM), timed inside the page beside a plain querySelectorAll walk.
 */
async function chromiumFigures(sizes: number[], runs: number): Promise<Map<number, InBrowser>> {
  const bundle = await injectedBundle();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  const out = new Map<number, InBrowser>();
  try {
    for (const n of sizes) {
      const page = await browser.newPage();
      await page.setContent(activityPage(n), { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      // A string, not a function: tsx would wrap a function in helpers the page does not have.
      const figures = (await page.evaluate(IN_PAGE.replace('RUNS', String(runs)))) as InBrowser;
      if (figures.read !== n) throw new Error(`Chromium capture read ${figures.read} of ${n} rows`);
      out.set(n, figures);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export default async function bench(): Promise<void> {
  const sizes = [500, 5_000, 50_000];
  const browserRows: Array<Record<string, string>> = [];
  const inBrowser = await chromiumFigures(sizes, 5);
  const b500 = inBrowser.get(500)!;
  for (const n of sizes) {
    const f = inBrowser.get(n)!;
    browserRows.push({
      rows: n.toLocaleString('en-US'),
      'capture ms': fmt(f.capture),
      'plain DOM walk ms': fmt(f.walk),
      'capture / walk': fmt(f.capture / f.walk, 1),
      'capture growth vs linear': fmt(f.capture / b500.capture / (n / 500), 2),
      'walk growth vs linear': fmt(f.walk / b500.walk / (n / 500), 2),
    });
  }
  console.log(
    'capture in Chromium through the injected content-script code (runInjectedCapture, bundled), timed in the page; growth 1.00 = linear from 500 rows',
  );
  console.log(table(browserRows));
  console.log('');
  const rows: Array<Record<string, string>> = [];
  let base: { generic: number; profile: number; naive: number } | undefined;
  for (const n of [500, 5_000, 50_000]) {
    const { document } = parseHTML(activityPage(n));
    const doc = document as unknown as Document;
    const options = {
      asOf: '2026-11-21',
      capturedAt: '2026-11-21T12:00:00.000Z',
      profiles: BUILTIN_PROFILES,
    };
    const runs = n > 10_000 ? 3 : 5;
    let captured = 0;
    const generic = await medianMs(() => {
      captured = capturePage(doc, { ...options, url: 'https://bank.example/activity' }).transactions.length;
    }, runs);
    if (captured !== n) throw new Error(`generic path read ${captured} of ${n} rows`);
    const profile = await medianMs(() => {
      const r = capturePage(doc, { ...options, url: 'https://secure.chase.com/web/auth/dashboard' });
      if (r.diagnostics.path !== 'profile') throw new Error('profile path not taken');
      captured = r.transactions.length;
    }, runs);
    if (captured !== n) throw new Error(`profile path read ${captured} of ${n} rows`);
    const naive = await medianMs(() => naiveWalk(doc), runs);
    const genericCpu = medianCpuMs(
      () => capturePage(doc, { ...options, url: 'https://bank.example/activity' }),
      runs,
    );
    base ??= { generic, profile, naive };
    const growth = (ms: number, b: number) => fmt(ms / b / (n / 500), 2);
    rows.push({
      rows: n.toLocaleString('en-US'),
      'generic ms': fmt(generic),
      'generic cpu ms': fmt(genericCpu),
      'profile ms': fmt(profile),
      'naive walk ms': fmt(naive),
      'generic / naive': fmt(generic / naive, 1),
      'generic growth vs linear': growth(generic, base.generic),
      'profile growth vs linear': growth(profile, base.profile),
      'naive growth vs linear': growth(naive, base.naive),
    });
  }
  console.log(
    'capturePage on a bank activity table (linkedom, parse not included); growth 1.00 = linear from 500 rows',
  );
  console.log(
    `load average while running: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(table(rows));
}
