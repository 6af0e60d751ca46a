import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/parse/suppressions.js';
import { cli, findings, LEGACY, makeRepo, write } from './helpers.js';

const fixtures: (() => void)[] = [];
afterEach(() => {
  for (const clean of fixtures.splice(0)) clean();
});

describe('findSuppressions', () => {
  it('reads targets and reasons from line and block comments, with their lines', () => {
    const text = [
      'int a; // ascendify-ignore cudaMallocManaged -- host fallback covers it',
      '/* ascendify-ignore runtime-free, cudaMemcpy -- reviewed in #12 */',
      '// ascendify-ignore cudaFree',
      '//ascendify-ignore',
    ].join('\n');
    expect(findSuppressions(text)).toEqual([
      { line: 1, target: 'cudaMallocManaged', reason: 'host fallback covers it' },
      { line: 2, target: 'runtime-free', reason: 'reviewed in #12' },
      { line: 2, target: 'cudaMemcpy', reason: 'reviewed in #12' },
      { line: 3, target: 'cudaFree' },
      { line: 4, target: '' },
    ]);
  });

  it('ignores the words in code, in string literals and in longer names', () => {
    const text = [
      'const char* s = "// ascendify-ignore cudaFree -- not a comment";',
      'int ascendify_ignore = 0;',
      '// ascendify-ignore-all cudaFree -- other tool',
      "char c = '/'; // ascendify-ignore cudaFree -- after a char literal",
    ].join('\n');
    expect(findSuppressions(text)).toEqual([{ line: 4, target: 'cudaFree', reason: 'after a char literal' }]);
  });
});

describe('suppressions in a scan', () => {
  const withComment = (comment: string): string => LEGACY.replace('  cudaMallocManaged(', `  ${comment}\n  cudaMallocManaged(`);

  it('a suppression with a reason passes the gate and stays in the JSON, marked', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': withComment('// ascendify-ignore cudaMallocManaged -- ported in the host path, see #42') });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const managed = findings(run).find((f) => f.symbol === 'cudaMallocManaged');
    expect(managed?.suppressed).toEqual({ kind: 'inline', reason: 'ported in the host path, see #42' });
    const report = JSON.parse(run.stdout);
    expect(report.summary.findings).toBe(2); // suppressed findings do not count
    expect(report.diagnostics).toBeUndefined();
  });

  it('a suppression on the same line works by rule id too', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY.replace('sizeof(float));', 'sizeof(float));  // ascendify-ignore runtime-malloc-managed -- tests only') });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
  });

  it('a suppression without a reason is reported and not applied', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': withComment('// ascendify-ignore cudaMallocManaged') });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ code: 'ascendify-ignore-without-reason', file: 'src/legacy.cu', line: 5, severity: 'warning' }),
    ]);
    expect(findings(run).find((f) => f.symbol === 'cudaMallocManaged')?.suppressed).toBeUndefined();
    expect(run.stderr).toContain('src/legacy.cu:5: ascendify-ignore cudaMallocManaged has no reason');
  });

  it('an ignore that matches nothing is reported as unused', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': withComment('// ascendify-ignore cudaMemcpy -- wrong symbol') });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo, '--format', 'json']);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['ascendify-ignore-unused']);
  });

  it('config ignores by path and by rule mark findings as config-suppressed', async () => {
    const { repo, cleanup } = makeRepo({
      'src/legacy.cu': LEGACY,
      'third_party/vendored.cu': 'void v(float** p) { cudaMallocManaged(p, 4); }\n',
      'ascendify.config.yaml': 'ignore:\n  paths: ["third_party/**"]\n  rules: [runtime-malloc-managed]\n',
    });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const got = findings(run).map((f) => `${f.file} ${f.symbol} ${f.suppressed?.kind ?? '-'}`);
    expect(got).toEqual([
      'src/legacy.cu cuda_runtime.h -',
      'src/legacy.cu cudaMallocManaged config',
      'src/legacy.cu cudaFree -',
      'third_party/vendored.cu cudaMallocManaged config',
    ]);
    expect(findings(run)[1]?.suppressed?.reason).toBe('ascendify.config.yaml: ignore.rules runtime-malloc-managed');
  });

  it('a config file with an unknown field or bad value exits 2 naming the file and field', async () => {
    const { repo, work, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY, 'ascendify.config.yaml': 'ignore:\n  path: ["x/**"]\n' });
    fixtures.push(cleanup);
    const run = await cli(['scan', repo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config ascendify.config.yaml: field "ignore.path" is not a known field');
    const other = join(work, 'ci.yaml');
    write(other, '', 'ignore:\n  rules: oops\n');
    const bad = await cli(['scan', join(repo, 'src'), '--config', other]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`config ${other}: field "ignore.rules" must be array`);
    const missing = await cli(['scan', repo, '--config', `${other}.absent`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read config');
  });
});
