import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { buildAddon } from '../../sheets-addon/build/buildAddon';
import { createEmulator, type EmulatorOptions } from './emulator/createEmulator';

const distDir = join(import.meta.dirname, '../../sheets-addon/dist');

/** Builds the add-on into sheets-addon/dist, as `npm run addon:build` does (for beforeAll). */
export async function buildBundle() {
  return buildAddon(distDir);
}

/**
 * Loads the compiled `dist/Code.js` in a fresh `node:vm` context holding only what Apps Script's
 * V8 runtime has: the ECMAScript built-ins (the context's own, so no `require`, `process`,
 * `Buffer`, `TextEncoder`, `URL`, `fetch` or timers), `console`, `Logger` and the emulated
 * services. `Date.now()` and `new Date()` read the emulated clock (plus real time with `realClock`).
 */
export function loadAddon(
  options: Omit<EmulatorOptions, 'makeDate' | 'htmlFiles'> & {
    /** The script's clock also runs in real time, so what it measures of its own work is real. */
    realClock?: boolean;
  } = {},
) {
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  const context = vm.createContext({});
  let emulator: ReturnType<typeof createEmulator> | undefined;
  const installClock = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      function EmulatedDate() {
        if (!new.target) return new RealDate(now()).toString();
        return arguments.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))();
      }
      EmulatedDate.prototype = RealDate.prototype;
      EmulatedDate.now = now;
      EmulatedDate.UTC = RealDate.UTC;
      EmulatedDate.parse = RealDate.parse;
      globalThis.Date = EmulatedDate;
      return RealDate;
    })`,
    context,
  ) as (now: () => number) => DateConstructor;
  const loadedAt = performance.now();
  const ContextDate = installClock(
    () => emulator!.env.nowMs + (options.realClock ? Math.round(performance.now() - loadedAt) : 0),
  );
  emulator = createEmulator({
    ...options,
    makeDate: (ms) => new ContextDate(ms),
    htmlFiles: { Sidebar: readFileSync(join(distDir, 'Sidebar.html'), 'utf8') },
  });
  Object.assign(context, emulator.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const toContext = vm.runInContext('(function (json) { return JSON.parse(json); })', context) as (
    json: string,
  ) => unknown;

  /** Calls a top-level function of the bundle; arguments are recreated inside the script's realm. */
  const run = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`the bundle has no top-level function ${name}`);
    return fn(...args.map((a) => (a === undefined ? undefined : toContext(JSON.stringify(a)))));
  };
  return { ...emulator, context, run };
}

export type LoadedAddon = ReturnType<typeof loadAddon>;
