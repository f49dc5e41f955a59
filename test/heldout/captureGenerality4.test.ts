import { describeCaptureJudges } from './describeCaptureJudges';

/**
 * A fourth set, in styles the first three lack: Italian Dare/Avere and Greek debit/credit columns,
 * Romanian 'lei' with dotted month names, Czech spaced dates, Hungarian 'yyyy.mm.dd.', Ukrainian
 * грн, Swedish, Danish and Icelandic kr (whole krónur), '$' after French-Canadian figures,
 * full-width and Bengali digits, today/yesterday in Dutch, Italian and Portuguese, read-only input
 * cells, a statement in a srcdoc frame, nested declarative shadow roots, label: value cards,
 * directions only in an svg's aria-label, card cash-back, fleet fuel (litres, price per litre, VAT)
 * and spend-card VAT columns, FX rate columns, an acquirer's settlement report (net and gross
 * credit/debit), marketplace and seller ledgers with several charge columns, cardholder subtotals,
 * fees and interest sections, hostile figures (zero-width spaces, bidi overrides, a figure beyond
 * any account, a letter among digits), a running balance that skips a row, an Egyptian Arabic page;
 * a second batch: Finnish, Turkish and Polish day headings (today, yesterday, weekday, genitive
 * months) and a Slovak pending badge.
 * Full report: `npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality4 [--cli]`.
 */
describeCaptureJudges(
  'capture generality pages, fourth set',
  new URL('../fixtures/portals-generality4/', import.meta.url).pathname,
  38,
);
