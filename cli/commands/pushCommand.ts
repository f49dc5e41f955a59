import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importFile } from '../../core/formats/importFile';
import { mergeTransactions } from '../../core/ids/mergeTransactions';
import { sha256Hex } from '../../core/ids/sha256Hex';
import type { StatementBalance } from '../../core/model/account';
import { parseBatch } from '../../core/model/batch';
import { InputError } from '../../core/model/errors';
import { describeProblem, type Problem, problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { type Command, EXIT, type Io } from '../command';
import { parseOptions } from '../parseOptions';
import type { pushToSheet } from '../sheetsApi/pushToSheet';
import type { SheetsAuth } from '../sheetsApi/sheetsGateway';
import { UsageError } from '../usageError';

const usage = `Usage: ledgerbridge push FILE… --spreadsheet ID [--key service-account.json | --oauth client.json]

Writes bank and processor files (OFX/QFX, QIF, CAMT.053, CSV, Stripe, PayPal, Square) and
batches exported by the extension (.json) into a Google Sheet, in the same layout as the add-on:
transactions categorized by the sheet's Rules tab (a new sheet gets the starter rules) and
upserted by id (the bookkeeper's Category Override and Notes are never overwritten), then
Matches, Categories and Summary from a reconcile of everything in the sheet, and an Audit row per
write. Pushing the same files again changes nothing.

Options:
  --spreadsheet ID   the spreadsheet id, or its whole URL (…/spreadsheets/d/ID/edit)
  --key FILE         a service account key (JSON); share the spreadsheet with its e-mail address
  --oauth FILE       an OAuth desktop client (JSON); the first run prints a URL to authorize in a
                     browser and keeps the refresh token in ~/.config/ledgerbridge
  -h, --help         this text

Without --key or --oauth, Application Default Credentials are used (gcloud auth application-default login).
`;

export type PushDeps = {
  /** The credentials to use; tests inject a client with a fixed token. */
  auth(choice: { key?: string; oauth?: string }, io: Io): Promise<SheetsAuth>;
  rootUrl?: string;
  sleep(ms: number): Promise<void>;
  now(): Date;
  random?: () => number;
};

function parseArgs(argv: string[]) {
  const { values, positionals: files } = parseOptions(argv, {
    spreadsheet: { type: 'string' },
    key: { type: 'string' },
    oauth: { type: 'string' },
  });
  for (const [name, value] of Object.entries(values))
    if (value === '') throw new UsageError(`--${name} needs a value`);
  if (files.length === 0) throw new UsageError('no FILE given');
  const given = values.spreadsheet;
  if (!given) throw new UsageError('--spreadsheet ID is required');
  // The whole address pasted from the browser works too.
  const spreadsheet = /\/spreadsheets\/d\/([\w-]+)/.exec(given)?.[1] ?? given;
  const { key, oauth } = values;
  if (key !== undefined && oauth !== undefined) throw new UsageError('give --key or --oauth, not both');
  return { files, spreadsheet, choice: { ...(key ? { key } : {}), ...(oauth ? { oauth } : {}) } };
}

type Loaded = { transactions: Transaction[]; balances: StatementBalance[]; batchId: string };

/** Reads every file: a Batch export by its JSON envelope, anything else through core/formats. */
async function loadFiles(files: string[], io: Io, capturedAt: string): Promise<Loaded> {
  const merged = new Map<string, Transaction>();
  const balances: StatementBalance[] = [];
  const problems: Problem[] = [];
  const digests: string[] = [];
  for (const name of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(resolve(io.cwd, name)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      problems.push(problem('unreadable_file', `cannot read the file (${code})`, { file: name }));
      continue;
    }
    digests.push(sha256Hex(Buffer.from(bytes).toString('base64')));
    let incoming: Transaction[];
    const text = Buffer.from(bytes).toString('utf8');
    const json = text.trimStart().startsWith('{') ? tryJson(text) : undefined;
    if (json && typeof json === 'object' && 'schemaVersion' in json && 'transactions' in json) {
      const parsed = parseBatch(json);
      if (!parsed.ok) {
        problems.push(...parsed.problems.map((p) => ({ ...p, file: name })));
        continue;
      }
      for (const p of parsed.value.rowProblems)
        io.stderr.write(`ledgerbridge push: skipped: ${describeProblem({ ...p, file: name })}\n`);
      incoming = parsed.value.rows.map((r) => r.transaction);
    } else {
      const outcome = importFile({ name, bytes }, { capturedAt });
      if (!outcome.ok) {
        problems.push(...outcome.problems);
        continue;
      }
      for (const w of outcome.warnings)
        io.stderr.write(`ledgerbridge push: warning: ${describeProblem(w)}\n`);
      balances.push(...outcome.balances);
      incoming = outcome.transactions;
    }
    const result = mergeTransactions(merged.values(), incoming);
    for (const { after } of result.changed) merged.set(after.id, after);
    for (const t of result.added) merged.set(t.id, t);
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    transactions: [...merged.values()],
    balances,
    batchId: `push-${sha256Hex(digests.join(',')).slice(0, 16)}`,
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What failed talking to Google, in a sentence (gaxios errors carry the API's own message). */
function apiFailure(error: unknown): string | undefined {
  const e = error as {
    response?: { status?: number; data?: { error?: { message?: string } } };
    message?: string;
  };
  if (!e?.response?.status) return undefined;
  return `the Sheets API answered HTTP ${e.response.status}: ${e.response.data?.error?.message ?? e.message ?? ''}`.trim();
}

export function makePushCommand(deps: PushDeps): Command {
  return {
    name: 'push',
    summary: 'write files into a Google Sheet through the Sheets API, in the add-on’s layout',
    usage,
    async run(argv, io) {
      const { files, spreadsheet, choice } = parseArgs(argv);
      const now = deps.now().toISOString();
      const loaded = await loadFiles(files, io, now);
      // The Google client libraries load only here: the other commands and --help never need them.
      const [{ checkCredentials }, { sheetsGateway }, { pushToSheet }] = await Promise.all([
        import('../sheetsApi/sheetsAuth'),
        import('../sheetsApi/sheetsGateway'),
        import('../sheetsApi/pushToSheet'),
      ]);
      const auth = await deps.auth(choice, io);
      await checkCredentials(auth);
      const gateway = sheetsGateway({
        auth,
        spreadsheetId: spreadsheet,
        ...(deps.rootUrl ? { rootUrl: deps.rootUrl } : {}),
        retry: { sleep: deps.sleep, ...(deps.random ? { random: deps.random } : {}) },
      });
      let outcome: Awaited<ReturnType<typeof pushToSheet>>;
      try {
        outcome = await pushToSheet(gateway, { ...loaded, actor: 'ledgerbridge push', now });
      } catch (error) {
        const message = apiFailure(error);
        if (!message) throw error;
        io.stderr.write(`ledgerbridge push: ${message}\n`);
        return EXIT.input;
      }
      for (const p of outcome.problems)
        io.stderr.write(`ledgerbridge push: sheet row skipped: ${describeProblem(p)}\n`);
      io.stdout.write(
        `${outcome.added} added, ${outcome.updated} updated, ${outcome.skipped} unchanged; ` +
          `${outcome.matches} matches, ${outcome.discrepancies} discrepancies, ${outcome.unmatched} unmatched\n`,
      );
      return EXIT.ok;
    },
  };
}

export const pushCommand = makePushCommand({
  auth: async (choice, io) => {
    const { applicationDefaultAuth, serviceAccountAuth } = await import('../sheetsApi/sheetsAuth');
    const { oauthDesktopAuth } = await import('../sheetsApi/oauthDesktopAuth');
    if (choice.key) return serviceAccountAuth(resolve(io.cwd, choice.key));
    if (choice.oauth) return oauthDesktopAuth(resolve(io.cwd, choice.oauth), (text) => io.stderr.write(text));
    return applicationDefaultAuth();
  },
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  now: () => new Date(),
});
