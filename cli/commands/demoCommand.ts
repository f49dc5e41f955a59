import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, EXIT } from '../command';
import { parseOptions } from '../parseOptions';
import { UsageError } from '../usageError';
import { describeRun } from '../workbook/describeRun';
import { readRulesFile } from '../workbook/readRulesFile';

const DEFAULT_OUT = 'ledgerbridge-demo.xlsx';
/** The made-up business shipped with the repository (see examples/ridgeline/README.md). */
export const DEMO_FILES = fileURLToPath(new URL('../../examples/ridgeline/files/', import.meta.url));
export const DEMO_RULES = fileURLToPath(new URL('../../examples/ridgeline/rules.json', import.meta.url));

const usage = `Usage: ledgerbridge demo [--out FILE]

Reconciles two months of a made-up coffee roaster (Stripe and Square exports, bank, savings and
credit card statements in examples/ridgeline/files/, categorized by examples/ridgeline/rules.json)
and writes the workbook to FILE
(default ${DEFAULT_OUT}, replaced if it exists). Works offline.
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'build the reconciliation workbook of the example business',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const out = values.out || DEFAULT_OUT;
    const files = readdirSync(DEMO_FILES)
      .sort()
      .map((f) => join(DEMO_FILES, f));
    // The workbook code (exceljs, linkedom for saved pages) loads only when a command runs.
    const { reconcileToBook } = await import('../workbook/reconcileToBook');
    const result = await reconcileToBook(files, {
      out: resolve(io.cwd, out),
      replace: true,
      rules: await readRulesFile(DEMO_RULES),
      now: new Date().toISOString(),
      actor: 'ledgerbridge-cli demo',
    });
    io.stdout.write(
      [
        'Ridgeline Coffee Roasters, September–October 2026 (examples/ridgeline):',
        ...describeRun(result.run).map((line) => `  ${line}`),
        `Wrote ${out}: open it in LibreOffice, Excel or Google Sheets (Summary, Matches, Transactions…).`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
