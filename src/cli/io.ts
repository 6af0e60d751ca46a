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

export function processIo(): CliIo {
  const env = process.env;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: colorEnabled(Boolean(process.stdout.isTTY), env),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env,
  };
}
