/** What a command may touch: injected so tests run commands in-process and read their output. */
export type Io = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
};

export type Command = {
  name: string;
  summary: string;
  /** Full `--help` text. */
  usage: string;
  /** Returns the exit code. Expected failures are reported on stderr with a non-zero code. */
  run(argv: string[], io: Io): Promise<number>;
};

/** Exit codes: 1 = the input could not be used, 2 = wrong usage, 70 = internal error. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;
