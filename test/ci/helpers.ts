/** Shared fixtures for the CI tests: real git repositories in temp folders, and the CLI run in-process. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    stderrIsTTY: false,
    cwd,
    env: {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
  });
}

export function write(dir: string, path: string, text: string): void {
  const abs = join(dir, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** A git repository with `files` committed on branch main; the baseline and reports go outside it. */
export function makeRepo(files: Record<string, string>): { repo: string; work: string; cleanup: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'ascendify-'));
  const repo = join(work, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'ci-test@example.com');
  git(repo, 'config', 'user.name', 'CI Test');
  git(repo, 'config', 'commit.gpgsign', 'false');
  for (const [path, text] of Object.entries(files)) write(repo, path, text);
  commitAll(repo, 'initial');
  return { repo, work, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

/** Legacy code: already CUDA-only (cudaMallocManaged has no counterpart on the default profiles). */
export const LEGACY = `#include <cuda_runtime.h>

float* make_buffer(int n) {
  float* buf = nullptr;
  cudaMallocManaged(&buf, n * sizeof(float));
  return buf;
}

void release(float* buf) {
  cudaFree(buf);
}
`;

export function findings(run: CliRun): { symbol: string; file: string; line: number; suppressed?: { kind: string; reason?: string } }[] {
  return (JSON.parse(run.stdout) as { findings: { symbol: string; file: string; line: number; suppressed?: { kind: string; reason?: string } }[] }).findings;
}
