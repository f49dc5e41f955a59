import {
  CURRENCY_ASSUMED,
  type SelfCheck,
  type SignConvention,
  type SignDecision,
} from '../../core/capture/captureDiagnostics';
import type { CapturePreview } from '../messages/responses';

const rowList = (rows: number[]) =>
  rows.length === 0
    ? ''
    : ` (page ${rows.length === 1 ? 'row' : 'rows'} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? '…' : ''})`;

/** A failed self-check, loud: the capture will be stored as unverified, and why. */
export function CheckResults({ checks, verification }: Pick<CapturePreview, 'checks' | 'verification'>) {
  if (verification === 'unverified') {
    const failed = checks.filter((c: SelfCheck) => !c.ok);
    return (
      <div class="check-failed" role="alert" data-testid="check-failed">
        <p>
          <strong>Not verified:</strong> the page’s own figures disagree with the rows read. Saving keeps this
          capture marked unverified; the marked rows (⚠) are where it breaks.
        </p>
        <ul>
          {(failed.length > 0 ? failed : [{ message: 'a self-check failed', rows: [] }]).map((c) => (
            <li key={c.message}>
              {c.message}
              {rowList(c.rows)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (verification === 'checked') {
    return (
      <p class="verified" data-testid="checks-passed">
        ✓ Checked against the page: {checks.map((c) => c.message).join('; ')}
      </p>
    );
  }
  return null;
}

/** Rows left out, named: "12 rows skipped: a hidden duplicate of the table above". */
export function SkippedRows({ skipped }: { skipped: string[] }) {
  if (skipped.length === 0) return null;
  return (
    <ul class="skipped" aria-label="Rows left out" data-testid="skipped">
      {skipped.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

const CONVENTION_WORDS: Record<SignConvention, string> = {
  'as-shown': 'Amounts are read as the page shows them: a minus is money out.',
  'card-flipped': 'This reads as a card account: purchases shown positive are stored as money out.',
  'payouts-flipped': 'This reads as a list of payouts: payouts shown positive leave the balance.',
};

/**
 * How the page's signs were read. When nothing on the page decided, the owner may flip it once;
 * the choice is kept for the site and used on its next captures.
 */
export function SignChoice({
  decision,
  onChoose,
  disabled,
}: {
  decision: SignDecision;
  onChoose: (convention: SignConvention) => void;
  disabled?: boolean;
}) {
  const { convention, decidedBy } = decision;
  if (decidedBy === 'assumed') {
    const other: SignConvention = convention === 'as-shown' ? 'card-flipped' : 'as-shown';
    return (
      <div class="sign" data-testid="sign-choice">
        <p>
          {CONVENTION_WORDS[convention]} <em>Nothing on the page said so; this was assumed.</em>
        </p>
        <button type="button" disabled={disabled} onClick={() => onChoose(other)}>
          {other === 'card-flipped'
            ? 'It is a card: purchases are money out'
            : 'Read the amounts as the page shows them'}
        </button>
      </div>
    );
  }
  if (decidedBy === 'forced') {
    return (
      <p class="hint sign" data-testid="sign-choice">
        {CONVENTION_WORDS[convention]} (Your choice for this site.)
      </p>
    );
  }
  if (convention === 'as-shown') return null;
  const why = decidedBy.startsWith('profile')
    ? 'This portal is known to show them that way.'
    : `The page says so: “${decidedBy}”.`;
  return (
    <p class="hint sign" data-testid="sign-choice">
      {CONVENTION_WORDS[convention]} {why}
    </p>
  );
}

/** Currencies offered first; the amounts' own currency when the page shows one is never asked. */
const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'JPY',
  'SEK',
  'NOK',
  'DKK',
  'MXN',
  'INR',
  'SGD',
  'HKD',
  'ZAR',
];

/**
 * Where no currency is shown on the page (or the owner chose one for the site): which currency its
 * bare amounts are in, chosen once and kept for the site.
 */
export function CurrencyChoice({
  preview,
  onChoose,
  disabled,
}: {
  preview: Pick<CapturePreview, 'warnings' | 'siteCurrency' | 'rows'>;
  onChoose: (currency: string) => void;
  disabled?: boolean;
}) {
  const assumed = preview.warnings.some((w) => w.startsWith(CURRENCY_ASSUMED));
  if (!assumed && !preview.siteCurrency) return null;
  const current = preview.siteCurrency ?? preview.rows[0]?.transaction.currency ?? 'USD';
  return (
    <div class="sign" data-testid="currency-choice">
      <label>
        {assumed
          ? 'No currency is shown on this page. Amounts are in '
          : 'Amounts without a currency are in '}
        <select
          aria-label="Currency of the amounts"
          value={current}
          disabled={disabled}
          onChange={(e) => onChoose((e.target as HTMLSelectElement).value)}
        >
          {[...new Set([current, ...CURRENCIES])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {!assumed && <span class="hint"> (your choice for this site)</span>}
    </div>
  );
}
