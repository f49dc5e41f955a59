import type { Command } from '../command';

// Placeholder until its issue lands; replaced by the owner of this command.
export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: '(not built yet)',
  usage: 'ledgerbridge reconcile: not built yet',
  async run(_argv, io) {
    io.stderr.write('ledgerbridge reconcile: not built yet\n');
    return 1;
  },
};
