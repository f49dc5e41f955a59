/** Legal forms and fillers that banks drop or abbreviate, so they never decide a name. */
const FILLER = new Set(
  'the and of und et y inc incorporated llc ltd limited co company corp corporation gmbh ag kg ohg ug sa sas sarl srl spa bv nv plc pty pc lp llp oy ab as aps'.split(
    ' ',
  ),
);

/** The words that identify a name: `The Smith & Sons Bakery, LLC` → `smith sons bakery`. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9@.]+|(?<=[a-z0-9])\.(?=\s|$)/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

/**
 * Whether text names the customer: every identifying word of the name appears in it, allowing the
 * truncation bank statements apply to the last word (`SMITH SONS BAKE`). An email address (PayPal,
 * Stripe) counts on its own.
 */
export function namesCustomer(text: string, customer: { name: string; email?: string }): boolean {
  const lower = text.toLowerCase();
  if (customer.email && lower.includes(customer.email.toLowerCase())) return true;
  const name = nameWords(customer.name);
  if (name.length === 0) return false;
  const words = nameWords(text);
  const have = new Set(words);
  return name.every((w, i) => {
    if (have.has(w)) return true;
    // Only the last word may be cut short, and only to a prefix long enough to mean something.
    return i === name.length - 1 && words.some((x) => x.length >= 4 && w.startsWith(x));
  });
}
