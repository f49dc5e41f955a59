import type { Command } from '../command';

// Placeholder until its issue lands; replaced by the owner of this command.
export const demoCommand: Command = {
  name: 'demo',
  summary: '(not built yet)',
  usage: 'ledgerbridge demo: not built yet',
  async run(_argv, io) {
    io.stderr.write('ledgerbridge demo: not built yet\n');
    return 1;
  },
};
