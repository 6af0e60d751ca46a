/** Run the CLI in-process and capture what it prints. */
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], overrides: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
    stderrIsTTY: false,
    cwd: process.cwd(),
    env: {},
    ...overrides,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
