import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index';
import { main } from '../../cli/main';
import { memoryIo } from './memoryIo';

describe('ledgerbridge main', () => {
  it('lists every command in --help', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of commands) expect(io.out()).toContain(c.name);
  });

  it('gives every command its own --help', async () => {
    for (const c of commands) {
      const io = memoryIo();
      expect(await main([c.name, '--help'], io)).toBe(0);
      expect(io.out()).toContain(c.name);
    }
  });

  it('refuses an unknown command on stderr with a usage exit code', async () => {
    const io = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "frobnicate"');
  });
});
