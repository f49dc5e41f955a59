import { type Problem, problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import { accountFromFileName } from './accountFromFileName';
import { type BalanceChain, balanceChain, sameAccountByBalances } from './balanceChain';
import { importFile } from './importFile';
import type { AccountSource, ImportOptions, ImportOutcome } from './importTypes';
import { collapseRepeatedCharges, collapseRepeatedPayouts } from './processors/collapseRepeatedPayouts';

export type FileToImport = {
  name: string;
  bytes: Uint8Array;
  /** The account named for this one file (`--account FILE=NAME`). */
  account?: string;
};

export type ImportedFile = { name: string; outcome: Extract<ImportOutcome, { ok: true }> };

type Slot = { file: FileToImport; outcome: Extract<ImportOutcome, { ok: true }>; chain?: BalanceChain };

const isUndecided = (s: Slot) => s.outcome.report?.accounts.some((a) => a.source === 'undecided') ?? false;
const soleAccount = (s: Slot) => {
  const accounts = s.outcome.report?.accounts ?? [];
  return accounts.length === 1 && accounts[0]!.source !== 'processor' ? accounts[0]!.name : undefined;
};

/**
 * Imports several files and decides, for every file, the one account it belongs to: from the
 * file's own data (OFX ACCTID, CAMT IBAN, a QIF !Account), else the account named for that file,
 * else its name as banks name downloads (`checking_4417_2026-11.csv`; files naming the same number
 * are one account), else its running balances continuing another file's. Files of different
 * accounts are never merged. A file nothing decides is booked to the default account only when it
 * is the only such file (or they all chain into one); otherwise the import is refused naming them.
 * The same processor payout listed by two exports (balance report and payouts export) is kept once.
 */
export function importFiles(
  files: readonly FileToImport[],
  options: ImportOptions = {},
): Result<ImportedFile[]> {
  const problems: Problem[] = [];
  const slots: Slot[] = [];
  const read = (file: FileToImport, account?: string, source?: AccountSource, evidence?: string) =>
    importFile(file, {
      ...options,
      ...(file.account !== undefined ? { account: file.account, accountSource: 'option' as const } : {}),
      ...(account !== undefined
        ? { account, accountSource: source!, ...(evidence ? { accountEvidence: evidence } : {}) }
        : {}),
    });
  for (const file of files) {
    const outcome = read(file);
    if (!outcome.ok) problems.push(...outcome.problems);
    else slots.push({ file, outcome });
  }
  if (problems.length > 0) return fail(...problems);

  const rebook = (slot: Slot, account: string, source: AccountSource, evidence: string) => {
    const again = read(slot.file, account, source, evidence);
    // The same bytes imported a moment ago: only the account differs.
    if (again.ok) slot.outcome = again;
  };

  // The file name, with every file naming the same account number booked under one name — unless
  // they name different kinds (checking 4417 and a card ending 4417 are two accounts).
  const byDigits: Array<{ digits: string; kind?: string; name: string; file: string }> = [];
  for (const slot of slots.filter(isUndecided)) {
    const named = accountFromFileName(slot.file.name);
    if (!named) continue;
    const same = named.digits
      ? byDigits.find((d) => d.digits === named.digits && (!d.kind || !named.kind || d.kind === named.kind))
      : undefined;
    if (named.digits && !same)
      byDigits.push({
        digits: named.digits,
        ...(named.kind ? { kind: named.kind } : {}),
        name: named.name,
        file: slot.file.name,
      });
    rebook(
      slot,
      same?.name ?? named.name,
      'file name',
      same && same.name !== named.name ? `${named.evidence}, as in ${same.file}` : named.evidence,
    );
  }

  // Balance chains: a file whose balances continue (or overlap) exactly one known account's is that account.
  for (const slot of slots) slot.chain = balanceChain(slot.outcome.transactions);
  for (let changed = true; changed; ) {
    changed = false;
    for (const slot of slots.filter(isUndecided)) {
      if (!slot.chain) continue;
      const matches = slots.filter(
        (other) =>
          other !== slot &&
          !isUndecided(other) &&
          soleAccount(other) &&
          other.chain &&
          sameAccountByBalances(slot.chain!, other.chain),
      );
      const names = new Set(matches.map(soleAccount));
      if (names.size !== 1) continue;
      rebook(slot, [...names][0]!, 'balance chain', `its balances continue ${matches[0]!.file.name}`);
      changed = true;
    }
  }

  // What is still undecided goes to the default account only if that merges nothing it should not.
  const open = slots.filter(isUndecided);
  if (open.length > 1) {
    const group = new Map<Slot, number>(open.map((s, i) => [s, i]));
    // Groups by label; joining two relabels every member, so a slot's label is its group.
    const find = (s: Slot) => group.get(s)!;
    for (let i = 0; i < open.length; i++)
      for (let j = i + 1; j < open.length; j++) {
        const a = open[i]!;
        const b = open[j]!;
        if (a.chain && b.chain && sameAccountByBalances(a.chain, b.chain)) {
          const ga = find(a);
          const gb = find(b);
          for (const [s, g] of group) if (g === gb) group.set(s, ga);
        }
      }
    if (new Set(open.map((s) => group.get(s))).size > 1) {
      const names = open.map((s) => s.file.name);
      return fail(
        problem(
          'account_undecided',
          `cannot tell which account each of these files belongs to: ${names.join(', ')} — they name no account in their data or file name, and their balances do not show them to be one account; name each one's account, e.g. --account ${names[0]}=Checking`,
        ),
      );
    }
    for (const slot of open) {
      const report = slot.outcome.report!;
      report.accounts = report.accounts.map((a) =>
        a.source === 'undecided'
          ? {
              ...a,
              source: 'balance chain',
              evidence: `its balances continue the other unnamed files (${open.length} in all)`,
            }
          : a,
      );
    }
  }
  const imported = slots.map((s) => ({ name: s.file.name, outcome: s.outcome }));
  collapseRepeatedPayouts(imported);
  collapseRepeatedCharges(imported);
  return ok(imported);
}
