import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usageError';

/**
 * `node:util` parseArgs, strict, positionals allowed (the files), with its errors turned into
 * UsageErrors in the CLI's words. Both `--name value` and `--name=value` work; the last one given wins.
 */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), { cause: error });
  }
}

function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /argument missing/.test(message ?? ''))
    return `${option} needs a value`;
  // Ambiguous values ("--url -x") and values given to switches keep Node's own explanation.
  return String(message ?? error);
}
