import { beforeAll, describe, expect, it } from 'vitest';
import { type Evaluation, evaluateHeldout, formatEvaluation } from './evaluateCapture';
import { evaluateHeldoutInChromium } from './evaluateCaptureChromium';

/**
 * Issue 10's bar on a folder of pages (page.html, page.meta.json, page.expected.json), judged
 * through the engine on the saved file, through `ledgerbridge capture`, and in Chromium as the
 * content script reads it: ≥ 95% of rows right, ≥ 99% of captured rows correct, none made up or
 * doubled, every failed self-check shown and no page flagged whose figures agree.
 */
export function describeCaptureJudges(name: string, dir: string, minPages: number): void {
  describe.each(['engine', 'cli'] as const)(`${name} through the %s`, (via) => {
    const evaluation = evaluateHeldout(dir, via);
    const report = formatEvaluation(evaluation);

    it('reads at least 95% of rows right and at least 99% of captured rows are correct', () => {
      expect(evaluation.pages.length).toBeGreaterThanOrEqual(minPages);
      expect(evaluation.accuracy, report).toBeGreaterThanOrEqual(0.95);
      expect(evaluation.precision, report).toBeGreaterThanOrEqual(0.99);
    });

    it('makes up and doubles no row', () => {
      expect(evaluation.invented, report).toBe(0);
      expect(evaluation.captured, report).toBeLessThanOrEqual(evaluation.expected);
    });

    it('shows every self-check the page breaks, and flags no page whose figures agree', () => {
      expect(evaluation.unflagged, report).toEqual([]);
      expect(evaluation.unsaid, report).toEqual([]);
      expect(evaluation.falseAlarms, report).toEqual([]);
    });
  });

  describe(`${name} in Chromium, as the content script reads them`, () => {
    let evaluation: Evaluation;
    beforeAll(async () => {
      evaluation = await evaluateHeldoutInChromium(dir);
    });

    it('reads them as the saved files are read: every row right, none doubled, every failed check shown', () => {
      const report = formatEvaluation(evaluation);
      expect(evaluation.accuracy, report).toBeGreaterThanOrEqual(0.95);
      expect(evaluation.precision, report).toBeGreaterThanOrEqual(0.99);
      expect(evaluation.invented, report).toBe(0);
      expect(evaluation.unflagged, report).toEqual([]);
      expect(evaluation.unsaid, report).toEqual([]);
      expect(evaluation.falseAlarms, report).toEqual([]);
    });
  });
}
