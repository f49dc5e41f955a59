import { basename, resolve } from 'node:path';
import { UsageError } from './usageError';

export type AccountOption = {
  /** `--account NAME`: the account of every file that names none itself. */
  all?: string;
  /** `--account FILE=NAME`: one file's account, by the index of the FILE among the files given. */
  byIndex: Map<number, string>;
};

/**
 * Reads `--account` values: `NAME` for every file, or `FILE=NAME` (repeatable) for one file, FILE
 * written as on the command line or as its base name. A `FILE=` that names none of the files given
 * is a usage error, so a typo never silently falls back to guessing.
 */
export function accountOption(
  values: readonly string[] | undefined,
  files: readonly string[],
  cwd: string,
): AccountOption {
  const option: AccountOption = { byIndex: new Map() };
  for (const value of values ?? []) {
    const eq = value.lastIndexOf('=');
    const target = eq > 0 ? value.slice(0, eq) : undefined;
    const name = (eq > 0 ? value.slice(eq + 1) : value).trim();
    if (!name) throw new UsageError(`--account "${value}": the account name is empty`);
    if (target === undefined) {
      if (option.all !== undefined && option.all !== name)
        throw new UsageError(
          `--account given twice for all files ("${option.all}", "${name}"); name one file each: --account FILE=NAME`,
        );
      option.all = name;
      continue;
    }
    const matches = files
      .map((f, i) => [f, i] as const)
      .filter(([f]) => f === target || resolve(cwd, f) === resolve(cwd, target) || basename(f) === target);
    if (matches.length === 0)
      throw new UsageError(
        `--account ${value}: "${target}" is not one of the files given (${files.join(', ')})`,
      );
    if (matches.length > 1)
      throw new UsageError(`--account ${value}: "${target}" names several of the files given; use its path`);
    option.byIndex.set(matches[0]![1], name);
  }
  return option;
}
