/** Institution ids the engine uses when nothing names the bank: never shown to the owner. */
const UNNAMED = new Set(['generic', 'unknown', '']);

/** How the owner names an institution: "Stripe" for `stripe`; nothing for the engine's placeholders. */
export function institutionWords(institution: string): string {
  if (UNNAMED.has(institution)) return '';
  return institution
    .split(/[-_\s]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "Stripe · Checking ••6789", or the account alone; "Account not named on the page" when there is none. */
export function accountWords(institution: string, account: string): string {
  const who = institutionWords(institution);
  const what = UNNAMED.has(account) ? 'Account not named on the page' : account;
  return who && !what.toLowerCase().includes(who.toLowerCase()) ? `${who} · ${what}` : what;
}
