/**
 * What changed since a git ref, for --changed-since and --new-lines-only. Runs git (execFileSync,
 * no shell) in the scanned root; paths come back relative to that root, with / separators.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../util/errors.js';
import { parseUnifiedDiff, type ChangedLines } from './diff.js';

export interface GitChanges {
  /** Files changed since the ref: committed (REF...HEAD), staged, unstaged and untracked. */
  files: Set<string>;
  /** With lines: the changed lines of each file (merge base -> working tree), untracked files as 'all'. */
  lines?: Map<string, ChangedLines>;
}

class GitFailure extends Error {
  constructor(readonly stderr: string, readonly notFound: boolean) {
    super(stderr);
  }
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    throw new GitFailure(String(err.stderr ?? err.message).trim().split('\n')[0] ?? '', err.code === 'ENOENT');
  }
}

const split0 = (out: string): string[] => out.split('\0').filter(Boolean);

/** Changed files (and lines, when asked) in the work tree at `root` since `ref`. */
export function gitChanges(root: string, ref: string, withLines: boolean): GitChanges {
  if (!ref || ref.startsWith('-')) throw new UsageError(`invalid git ref "${ref}"`, 'give a branch, tag or commit: --changed-since origin/main');
  try {
    git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch (e) {
    if (e instanceof GitFailure && e.notFound) throw new UsageError('--changed-since needs git, and git was not found', 'install git or put it on PATH');
    throw new UsageError(`--changed-since: ${root} is not inside a git repository`, 'run the scan in a git checkout, or drop --changed-since');
  }
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since: unknown git ref "${ref}"`, 'use a branch, tag or commit that exists here (in CI, fetch it first, e.g. `git fetch origin main`, with enough history for a merge base)');
  }
  let base: string;
  try {
    base = git(root, ['merge-base', ref, 'HEAD']).trim();
  } catch (e) {
    throw new UsageError(`--changed-since: no common ancestor of "${ref}" and HEAD (${(e as GitFailure).stderr || 'git merge-base failed'})`, 'fetch more history (actions/checkout: fetch-depth: 0)');
  }
  const files = new Set<string>([
    ...split0(git(root, ['diff', '--name-only', '-z', '--relative', `${base}...HEAD`, '--'])),
    ...split0(git(root, ['diff', '--name-only', '-z', '--relative', 'HEAD', '--'])),
  ]);
  const untracked = split0(git(root, ['ls-files', '--others', '--exclude-standard', '-z']));
  for (const f of untracked) files.add(f);
  if (!withLines) return { files };
  const patch = git(root, ['diff', '-U0', '--no-color', '--no-ext-diff', '--relative', '--src-prefix=a/', '--dst-prefix=b/', base, '--']);
  const lines = new Map<string, ChangedLines>(parseUnifiedDiff(patch));
  for (const f of untracked) lines.set(f, 'all');
  return { files, lines };
}
