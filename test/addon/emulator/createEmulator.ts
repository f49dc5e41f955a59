import { type CostModel, DEFAULT_COSTS, EmulatorEnv } from './emulatorEnv';
import { fakeContentService } from './fakeContentService';
import { fakeHtmlService } from './fakeHtmlService';
import { fakeLockService } from './fakeLockService';
import { fakePropertiesService } from './fakePropertiesService';
import { FakeSpreadsheet } from './fakeSpreadsheet';
import { fakeSpreadsheetApp } from './fakeSpreadsheetApp';
import { FakeUi } from './fakeUi';
import { fakeUtilities } from './fakeUtilities';

export type EmulatorOptions = {
  costs?: Partial<CostModel>;
  /** Emulated clock start, ms since the epoch. */
  startMs?: number;
  timeZone?: string;
  /** HTML files of the project by name, for HtmlService. */
  htmlFiles?: Record<string, string>;
  webAppUrl?: string;
  /** Creates dates in the script's realm; the vm loader passes the context's Date. */
  makeDate?: (ms: number) => Date;
};

export type Emulator = ReturnType<typeof createEmulator>;

/** An in-memory Apps Script: one bound spreadsheet and the services the add-on uses. */
export function createEmulator(options: EmulatorOptions = {}) {
  const env = new EmulatorEnv(
    { ...DEFAULT_COSTS, ...options.costs },
    options.startMs ?? Date.UTC(2026, 0, 15, 14, 0, 0),
    options.makeDate ?? ((ms) => new Date(ms)),
  );
  const spreadsheet = new FakeSpreadsheet(env, 'sheet-under-test', options.timeZone ?? 'America/New_York');
  const ui = new FakeUi(env);
  const properties = fakePropertiesService(env);
  const logs: string[] = [];
  const globals = {
    SpreadsheetApp: fakeSpreadsheetApp(spreadsheet, ui),
    LockService: fakeLockService(env),
    PropertiesService: properties.service,
    HtmlService: fakeHtmlService(env, options.htmlFiles ?? {}),
    ContentService: fakeContentService(env),
    Utilities: fakeUtilities(env),
    ScriptApp: {
      getService: () => ({
        getUrl: () => options.webAppUrl ?? 'https://script.google.com/macros/s/emulated/exec',
      }),
    },
    Logger: { log: (...args: unknown[]) => logs.push(args.map(String).join(' ')) },
    console: {
      log: (...args: unknown[]) => logs.push(args.map(String).join(' ')),
      info: (...args: unknown[]) => logs.push(args.map(String).join(' ')),
      warn: (...args: unknown[]) => logs.push(args.map(String).join(' ')),
      error: (...args: unknown[]) => logs.push(args.map(String).join(' ')),
    },
  };
  return { env, spreadsheet, ui, properties: properties.stores, logs, globals };
}
