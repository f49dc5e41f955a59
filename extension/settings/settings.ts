import * as z from 'zod';

/** Where batches go: the add-on's web-app URL and the token the add-on showed the bookkeeper. */
export const Settings = z.object({
  endpointUrl: z.string().url().or(z.literal('')),
  token: z.string(),
  /** Bound on "Capture all pages". */
  maxPages: z.int().positive().max(200),
  /** Days an account may go without a capture or import before it is an alert (default 7), per account. */
  rhythmDays: z.record(z.string(), z.int().positive().max(366)).optional(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { endpointUrl: '', token: '', maxPages: 20 };
const KEY = 'settings';

/** The part of `browser.storage.local` settings need; injected so the fake browser stands in. */
export type StorageArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

export async function loadSettings(area: StorageArea): Promise<Settings> {
  const stored = (await area.get(KEY))[KEY];
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(area: StorageArea, settings: Settings): Promise<void> {
  await area.set({ [KEY]: Settings.parse(settings) });
}
