import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const PORTALS = fileURLToPath(new URL('../fixtures/portals/', import.meta.url));

function memoryIo() {
  const io = { out: '', err: '' };
  return Object.assign(io, {
    stdout: { write: (s: string) => (io.out += s) },
    stderr: { write: (s: string) => (io.err += s) },
    cwd: PORTALS,
  });
}

// Every command reads its options through one parser: `--name value` and `--name=value` alike.
describe('command options', () => {
  it('takes --name=value as well as --name value in every command', async () => {
    const page = 'wellsfargo-checking.html';
    const url = 'https://connect.secure.wellsfargo.com/accounts/start';
    const spaced = memoryIo();
    expect(await main(['capture', page, '--url', url, '--as-of', '2026-11-21'], spaced)).toBe(0);
    const joined = memoryIo();
    expect(await main(['capture', page, `--url=${url}`, '--as-of=2026-11-21'], joined)).toBe(0);
    expect(joined.err).toBe('');
    const withoutTime = (json: string) => json.replace(/"capturedAt": "[^"]+"/g, '');
    expect(withoutTime(joined.out)).toBe(withoutTime(spaced.out));
  });

  it('names an unknown option, a missing value and a switch given a value, with usage exit code 2', async () => {
    const unknown = memoryIo();
    expect(await main(['reconcile', 'a.csv', '--bogus'], unknown)).toBe(2);
    expect(unknown.err).toMatch(
      /^ledgerbridge reconcile: unknown option --bogus\n\nUsage: ledgerbridge reconcile/,
    );
    const missing = memoryIo();
    expect(await main(['import', 'a.csv', '--currency'], missing)).toBe(2);
    expect(missing.err).toMatch(/^ledgerbridge import: --currency needs a value\n/);
    const switchValue = memoryIo();
    expect(await main(['capture', 'a.html', '--url', 'https://x/', '--json=yes'], switchValue)).toBe(2);
    expect(switchValue.err).toContain("'--json' does not take an argument");
    const demo = memoryIo();
    expect(await main(['demo', 'extra'], demo)).toBe(2);
    expect(demo.err).toContain('unexpected argument extra');
  });
});
