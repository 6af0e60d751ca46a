/**
 * Run the real CLI (bin/ascendify.js, the built dist/) in a child process, for defects that live at the process
 * level (pipes, FIFOs, exit codes) or could hang: the child is killed after `timeout` ms, so a regression fails
 * instead of stalling the suite.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The CLI under test; ASCENDIFY_TEST_BIN points at another build (to check that a test fails on old code). */
export const BIN = process.env.ASCENDIFY_TEST_BIN ?? resolve(__dirname, '../../bin/ascendify.js');

export interface SpawnResult {
  /** Exit status, or null when the child was killed (a hang past the timeout, a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI in a `shell` script given to runBin: `${SH} scan . | head -1`. */
export const SH = '"$NODE" "$ASCENDIFY_BIN"';

export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number; shell?: string } = {}): SpawnResult {
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  const timeout = options.timeout ?? 45_000;
  const r = options.shell !== undefined
    ? spawnSync('/bin/sh', ['-c', options.shell], { cwd: options.cwd, env: { ...env, NODE: process.execPath, ASCENDIFY_BIN: BIN }, timeout, encoding: 'utf8', killSignal: 'SIGKILL' })
    : spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env, timeout, encoding: 'utf8', killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
