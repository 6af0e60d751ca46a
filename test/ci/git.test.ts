import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/ci/diff.js';
import { cli, commitAll, findings, git, LEGACY, makeRepo, write } from './helpers.js';

const fixtures: (() => void)[] = [];
afterEach(() => {
  for (const clean of fixtures.splice(0)) clean();
});

const OTHER = 'void other(float** p) {\n  cudaMallocManaged(p, 16);\n}\n';

describe('parseUnifiedDiff', () => {
  it('returns the added line ranges of each file, ignoring deletions', () => {
    const diff = [
      'diff --git a/src/a.cu b/src/a.cu',
      '--- a/src/a.cu',
      '+++ b/src/a.cu',
      '@@ -3,0 +4,2 @@ void f() {',
      '+x',
      '+y',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      '@@ -20,3 +21,0 @@',
      'diff --git a/gone.cu b/gone.cu',
      '--- a/gone.cu',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git "a/sp ace\\tb.cu" "b/sp ace\\tb.cu"',
      '+++ "b/sp ace\\tb.cu"',
      '@@ -0,0 +1 @@',
    ].join('\n');
    expect([...parseUnifiedDiff(diff)]).toEqual([
      ['src/a.cu', [[4, 5], [12, 12]]],
      ['sp ace\tb.cu', [[1, 1]]],
    ]);
  });
});

describe('--changed-since', () => {
  /** main has two legacy files; branch `feature` then changes one of them. */
  function branchRepo(): { repo: string } {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY, 'src/other.cu': OTHER });
    fixtures.push(cleanup);
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, 'src/legacy.cu', `${LEGACY}\nvoid extra(float** q) {\n  cudaMallocManaged(q, 8);\n}\n`);
    commitAll(repo, 'feature work');
    return { repo };
  }

  it('scans only files changed on the branch', async () => {
    const { repo } = branchRepo();
    const run = await cli(['scan', repo, '--format', 'json', '--changed-since', 'main']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['src/legacy.cu']);
    expect(findings(run).map((f) => `${f.symbol}@${f.line}`)).toEqual(['cuda_runtime.h@1', 'cudaMallocManaged@5', 'cudaFree@10', 'cudaMallocManaged@14']);
  });

  it('includes uncommitted and untracked changes', async () => {
    const { repo } = branchRepo();
    write(repo, 'src/other.cu', `${OTHER}// touched\n`);
    write(repo, 'src/fresh.cu', 'void fresh() { cudaDeviceSynchronize(); }\n');
    const run = await cli(['scan', repo, '--format', 'json', '--changed-since', 'main']);
    const paths = JSON.parse(run.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['src/fresh.cu', 'src/legacy.cu', 'src/other.cu']);
  });

  it('--new-lines-only keeps findings on changed lines, and gates on them', async () => {
    const { repo } = branchRepo();
    write(repo, 'src/fresh.cu', 'void fresh() { cudaDeviceSynchronize(); }\n');
    const run = await cli(['scan', repo, '--format', 'json', '--changed-since', 'main', '--new-lines-only', '--fail-on', 'none']);
    expect(findings(run).map((f) => `${f.file} ${f.symbol}@${f.line}`)).toEqual([
      'src/fresh.cu cudaDeviceSynchronize@1',
      'src/legacy.cu cudaMallocManaged@14',
    ]);
    expect(run.code).toBe(1);
    const onMain = await cli(['scan', repo, '--format', 'json', '--changed-since', 'HEAD', '--new-lines-only', '--fail-on', 'none']);
    expect(findings(onMain).map((f) => f.file)).toEqual(['src/fresh.cu']);
  });

  it('combines with a baseline: fixed entries are judged only in the scanned files', async () => {
    const { repo, work } = (() => {
      const r = makeRepo({ 'src/legacy.cu': LEGACY, 'src/other.cu': OTHER });
      fixtures.push(r.cleanup);
      return r;
    })();
    const baseline = join(work, 'baseline.json');
    expect((await cli(['baseline', repo, '--output', baseline])).code).toBe(0);
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, 'src/legacy.cu', `// header comment\n${LEGACY}`);
    commitAll(repo, 'comment');
    const run = await cli(['scan', repo, '--format', 'json', '--baseline', baseline, '--changed-since', 'main', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).baseline.counts).toEqual({ new: 0, unchanged: 3, fixed: 0 });
  });

  it('exits 2 for an unknown ref, outside a repository, and --new-lines-only alone', async () => {
    const { repo } = branchRepo();
    const bad = await cli(['scan', repo, '--changed-since', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown git ref "no-such-branch"');
    const plain = mkdtempSync(join(tmpdir(), 'ascendify-'));
    fixtures.push(() => rmSync(plain, { recursive: true, force: true }));
    write(plain, 'a.cu', OTHER);
    const outside = await cli(['scan', plain, '--changed-since', 'main']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
    const alone = await cli(['scan', repo, '--new-lines-only']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--new-lines-only needs --changed-since');
  });
});
