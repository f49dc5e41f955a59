/** The account as a portal would show it, masked: `Checking ••6789`. */
export function maskedAccount(label: string, accountId: string | undefined): string {
  const compact = (accountId ?? '').replace(/\s+/g, '');
  return compact ? `${label} ••${compact.slice(-4)}` : label;
}

/** `Bank of Fake, N.A.` → `bank-of-fake-n-a`; `generic` when nothing usable is left. */
export function institutionSlug(name: string | undefined): string {
  const slug = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'generic';
}
