import type { Io } from '../../cli/command';

/** The CLI's Io in memory: what a command printed, to stdout and stderr, read back as text. */
export function memoryIo(cwd = process.cwd()): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    out: () => out,
    err: () => err,
  };
}
