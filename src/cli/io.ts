/** What the CLI needs from the process, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour on stdout: a TTY and NO_COLOR unset. */
  color: boolean;
  /** stderr is a TTY (progress output). */
  stderrIsTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Language of messages and reports (--lang, else the locale); set by runCli. */
  lang?: 'en' | 'zh-CN';
}

/** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org), always with FORCE_COLOR. */
export function colorEnabled(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

/** The process's streams, and how writing to stdout ended. */
export interface ProcessIo extends CliIo {
  /**
   * Wait until stdout has taken everything written, and turn the command's exit code into the process's:
   * a reader that went away (`| head`, EPIPE) ends quietly with the command's own code; any other write error
   * (ENOSPC, EIO, …) is one line on stderr and exit 2.
   */
  finish(code: number): Promise<number>;
}

/** Exit code of a write error on stdout (a usage/environment problem, like an unwritable --output). */
const WRITE_ERROR = 2;

export function processIo(stdoutStream: NodeJS.WriteStream = process.stdout, stderrStream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): ProcessIo {
  let closed = false; // the reader is gone: stop writing, say nothing
  let failure: NodeJS.ErrnoException | undefined;
  // Write errors arrive as 'error' events (asynchronously, for pipes and files alike); without a listener
  // they would end the process with a stack trace.
  stdoutStream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else failure ??= e;
  });
  // Nothing sensible can be said about a broken stderr: stop writing to it.
  let stderrClosed = false;
  stderrStream.on('error', () => {
    stderrClosed = true;
  });
  return {
    stdout: (t) => {
      if (!closed && !failure) stdoutStream.write(t);
    },
    stderr: (t) => {
      if (!stderrClosed) stderrStream.write(t);
    },
    color: colorEnabled(Boolean(stdoutStream.isTTY), env),
    stderrIsTTY: Boolean(stderrStream.isTTY),
    cwd: process.cwd(),
    env,
    async finish(code) {
      if (!closed && !failure && !stdoutStream.destroyed) {
        // The callback runs once everything before it was handed to the system (or the write failed).
        await new Promise<void>((done) => stdoutStream.write('', () => done()));
      }
      if (failure) {
        if (!stderrClosed) stderrStream.write(`ascendify: error: cannot write to standard output: ${failure.code ?? failure.message}\n  hint: check the disk or the file or pipe stdout goes to, or write with --output FILE\n`);
        return WRITE_ERROR;
      }
      return code;
    },
  };
}
