import { describeCaptureJudges } from './describeCaptureJudges';

/**
 * A second set, written from the markup real bank scrapers read (woob's modules, israeli-bank-
 * scrapers): a header in its own table, lakh grouping with Cr balances, U+2212 and narrow-space
 * figures under weekday headings, year-less "18.11." with trailing signs, an Af/Bij column,
 * month subtotal rows inside the table, two-line and expandable rows, slotted web components,
 * a <template> copy, screen-reader direction words, processor badges, a pending table in another
 * column order, two accounts on one page, pages whose own figures disagree, and more (Korean,
 * Chinese, Thai, Polish, Turkish, Norwegian columns; ag-Grid; statement sections; card statements
 * by section; processor Type columns; month headings over day-only rows). Full report:
 * `npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality2 [--cli]`.
 */
describeCaptureJudges(
  'capture generality pages, second set',
  new URL('../fixtures/portals-generality2/', import.meta.url).pathname,
  80,
);
