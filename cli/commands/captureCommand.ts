import type { Command } from '../command';

// Placeholder until its issue lands; replaced by the owner of this command.
export const captureCommand: Command = {
  name: 'capture',
  summary: '(not built yet)',
  usage: 'ledgerbridge capture: not built yet',
  async run(_argv, io) {
    io.stderr.write('ledgerbridge capture: not built yet\n');
    return 1;
  },
};
