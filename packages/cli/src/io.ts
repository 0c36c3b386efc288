/** Where a command writes. Tests pass buffers; the bin passes the process streams. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether standard error is a terminal (progress bars redraw in place there). */
  interactive?: boolean;
  /** Resolves when a long-running command (serve) should stop: SIGINT/SIGTERM for the bin. */
  waitForStop: () => Promise<void>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  interactive: process.stderr.isTTY,
  waitForStop: () =>
    new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

/** A mistake in how the command was called: printed with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A command. `run` returns the exit code; long-running commands (serve) resolve only when
 * they stop.
 */
export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
