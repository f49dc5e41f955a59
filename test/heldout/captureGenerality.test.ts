import { describeCaptureJudges } from './describeCaptureJudges';

/**
 * Pages in styles unlike every other fixture folder (ARIA div grids with split cents, definition
 * lists, Soll/Haben and חובה/זכות columns, CR suffixes on a card page, day headings with a tally,
 * DataTables' cloned header, a virtualized window, a processor's gross/fee/net in EUR, colour-only
 * signs, two lists with their own counts). Full report:
 * `npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality [--cli]`.
 */
describeCaptureJudges(
  'capture generality pages',
  new URL('../fixtures/portals-generality/', import.meta.url).pathname,
  13,
);
