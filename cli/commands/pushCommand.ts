import type { Command } from '../command';

// Placeholder until its issue lands; replaced by the owner of this command.
export const pushCommand: Command = {
  name: 'push',
  summary: '(not built yet)',
  usage: 'ledgerbridge push: not built yet',
  async run(_argv, io) {
    io.stderr.write('ledgerbridge push: not built yet\n');
    return 1;
  },
};
