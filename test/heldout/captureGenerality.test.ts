import { beforeAll, describe, expect, it } from 'vitest';
import { type Evaluation, evaluateHeldout, formatEvaluation } from './evaluateCapture';
import { evaluateHeldoutInChromium } from './evaluateCaptureChromium';

/**
 * Issue 10's bar on pages in styles unlike every other fixture folder (ARIA div grids with split
 * cents, definition lists, Soll/Haben and חובה/זכות columns, CR suffixes on a card page, day headings
 * with a tally, DataTables' cloned header, a virtualized window, a processor's gross/fee/net in EUR,
 * colour-only signs, two lists with their own counts): read by the engine and by `ledgerbridge
 * capture`. Full report: `npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality [--cli]`.
 */
const DIR = new URL('../fixtures/portals-generality/', import.meta.url).pathname;

describe.each(['engine', 'cli'] as const)('capture generality pages through the %s', (via) => {
  const evaluation = evaluateHeldout(DIR, via);
  const report = formatEvaluation(evaluation);

  it('reads at least 95% of rows right and at least 99% of captured rows are correct', () => {
    expect(evaluation.pages.length).toBeGreaterThanOrEqual(13);
    expect(evaluation.accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.precision, report).toBeGreaterThanOrEqual(0.99);
  });

  it('makes up and doubles no row', () => {
    expect(evaluation.invented, report).toBe(0);
    expect(evaluation.captured, report).toBeLessThanOrEqual(evaluation.expected);
  });

  it('shows every self-check the page breaks, and flags no page whose figures agree', () => {
    expect(evaluation.unflagged, report).toEqual([]);
    expect(evaluation.falseAlarms, report).toEqual([]);
  });
});

describe('capture generality pages in Chromium, as the content script reads them', () => {
  let evaluation: Evaluation;
  beforeAll(async () => {
    evaluation = await evaluateHeldoutInChromium(DIR);
  });

  it('reads them as the saved files are read: every row right, none doubled, every failed check shown', () => {
    const report = formatEvaluation(evaluation);
    expect(evaluation.accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.precision, report).toBeGreaterThanOrEqual(0.99);
    expect(evaluation.invented, report).toBe(0);
    expect(evaluation.unflagged, report).toEqual([]);
    expect(evaluation.falseAlarms, report).toEqual([]);
  });
});
