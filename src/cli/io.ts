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
}

export function processIo(): CliIo {
  const env = process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: !noColor && (Boolean(process.stdout.isTTY) || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env,
  };
}
