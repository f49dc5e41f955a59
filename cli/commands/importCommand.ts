import type { Command } from '../command';

// Placeholder until its issue lands; replaced by the owner of this command.
export const importCommand: Command = {
  name: 'import',
  summary: '(not built yet)',
  usage: 'ledgerbridge import: not built yet',
  async run(_argv, io) {
    io.stderr.write('ledgerbridge import: not built yet\n');
    return 1;
  },
};
