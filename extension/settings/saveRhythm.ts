import { loadSettings, type StorageArea, saveSettings } from './settings';

/** Sets how many days an account may go without new data before it is an alert. */
export async function saveRhythm(area: StorageArea, account: string, days: number): Promise<void> {
  const settings = await loadSettings(area);
  await saveSettings(area, { ...settings, rhythmDays: { ...settings.rhythmDays, [account]: days } });
}
