import { InputError, LedgerbridgeError } from '../core/model/errors';
import { describeProblem } from '../core/model/problem';
import { EXIT, type Io } from './command';
import { commands } from './commands/index';
import { UsageError } from './usageError';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: ledgerbridge <command> [options]',
    '',
    'Bank and payment-processor activity into one reconciled, categorized spreadsheet.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ledgerbridge <command> --help` for a command’s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`ledgerbridge: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ledgerbridge ${name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      for (const p of error.problems) io.stderr.write(`ledgerbridge ${name}: ${describeProblem(p)}\n`);
      return EXIT.input;
    }
    if (error instanceof LedgerbridgeError) {
      io.stderr.write(`ledgerbridge ${name}: ${error.message}\n`);
      return EXIT.input;
    }
    io.stderr.write(
      `ledgerbridge ${name}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return EXIT.internal;
  }
}
