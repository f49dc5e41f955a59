import { describeCaptureJudges } from './describeCaptureJudges';

/**
 * A third set, in styles the first two lack: three-decimal dinars, whole euros written ',-', a
 * foreign and a billed figure in one cell, currencies named by a section heading or a label, card
 * pages in Spanish, Italian, Japanese, Hebrew and German (installment columns, charged beside
 * purchase amounts), Arabic-Indic digits, Buddhist, Reiwa and Minguo years, dong and Chilean pesos,
 * Indonesian DB/CR, Russian columns, repeated header rows, nested detail tables, disputes, Open and
 * Expired payments, declined and scheduled rows, print-only copies, skeleton rows, signs in CSS
 * pseudo-elements, card statements whose summary agrees or not, and pages whose evidence does not
 * decide (meta `says`: the capture must say what it assumed, or that it holds one page of several).
 * Full report: `npx tsx test/heldout/evaluateCapture.ts --dir test/fixtures/portals-generality3 [--cli]`.
 */
describeCaptureJudges(
  'capture generality pages, third set',
  new URL('../fixtures/portals-generality3/', import.meta.url).pathname,
  38,
);
