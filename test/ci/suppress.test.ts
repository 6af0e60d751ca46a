import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { analyzeSource } from '../../src/core/analyze.js';
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
      { line: 1, target: 'cudaMallocManaged', reason: 'host fallback covers it' }, // after code: its own line only
      { line: 2, target: 'runtime-free', reason: 'reviewed in #12', nextLine: 3 },
      { line: 2, target: 'cudaMemcpy', reason: 'reviewed in #12', nextLine: 3 },
      { line: 3, target: 'cudaFree', nextLine: 4 },
      { line: 4, target: '', nextLine: 5 },
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

  it('a comment alone on its line(s) covers the next line; after or before code, its own line only', () => {
    const text = [
      '  // ascendify-ignore a -- alone',
      'x(); /* ascendify-ignore b -- after code */',
      '/* ascendify-ignore c -- before code */ x();',
      '/* one */ // ascendify-ignore d -- after another comment, no code',
      '/*',
      ' * ascendify-ignore e -- in a block comment alone on lines 5-7',
      ' */',
      'const char* s = "x"; // ascendify-ignore f -- after a string',
    ].join('\n');
    expect(findSuppressions(text).map((x) => [x.target, x.line, x.nextLine])).toEqual([
      ['a', 1, 2],
      ['b', 2, undefined],
      ['c', 3, undefined],
      ['d', 4, 5],
      ['e', 6, 8],
      ['f', 8, undefined],
    ]);
  });
});

describe('what an ignore comment covers (issue 18)', () => {
  const catalog = loadCatalog();
  const suppressed = (text: string, path = 'a.cu'): [number, string, boolean][] =>
    analyzeSource(text, path, catalog).findings.map((f) => [f.line, f.symbol, Boolean(f.suppressed)]);

  it('a trailing comment covers its own line, not the next one: a new use below still counts', () => {
    const text = [
      'void f(float** p) {',
      '  cudaMallocManaged(p, 4); // ascendify-ignore cudaMallocManaged -- reviewed in #7',
      '  cudaMallocManaged(p, 8);',
      '}',
    ].join('\n');
    expect(suppressed(text)).toEqual([[2, 'cudaMallocManaged', true], [3, 'cudaMallocManaged', false]]);
    const report = analyzeSource(text, 'a.cu', catalog);
    expect(report.summary.findings).toBe(1);
  });

  it('a trailing comment on a line without the use does not reach the use below', () => {
    const text = ['void f(float** p) {', '  int n = 4; // ascendify-ignore cudaMallocManaged -- reviewed', '  cudaMallocManaged(p, n);', '}'].join('\n');
    expect(suppressed(text)).toEqual([[3, 'cudaMallocManaged', false]]);
    const diagnostics = analyzeSource(text, 'a.cu', catalog).diagnostics ?? [];
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['ascendify-ignore-unused', 2]]);
    expect(diagnostics[0]!.message).toContain('its own line');
  });

  it('a comment alone on its line covers the next line (and only that one)', () => {
    const text = ['void f(float** p) {', '  // ascendify-ignore cudaMallocManaged -- reviewed', '  cudaMallocManaged(p, 4);', '  cudaMallocManaged(p, 8);', '}'].join('\n');
    expect(suppressed(text)).toEqual([[3, 'cudaMallocManaged', true], [4, 'cudaMallocManaged', false]]);
  });

  it('the same holds in Python, CMake, Makefiles and requirement lists', () => {
    const lines = (text: string, path: string): [number, boolean][] => analyzeSource(text, path, catalog).findings.map((f) => [f.line, Boolean(f.suppressed)]);
    // Each: a use with a trailing ignore (line 2), a use right below it (3, counts), a lone ignore (4) over a use (5).
    const py = ['import torch', 'x = torch.cuda.is_available()  # ascendify-ignore torch-cuda-device -- reviewed', 'y = torch.cuda.is_available()', '# ascendify-ignore torch-cuda-device -- reviewed', 'z = torch.cuda.is_available()'];
    expect(lines(py.join('\n'), 'm.py')).toEqual([[2, true], [3, false], [5, true]]);
    const cmake = ['project(x LANGUAGES CXX)', 'enable_language(CUDA) # ascendify-ignore cmake-cuda-language -- reviewed', 'enable_language(CUDA)', '# ascendify-ignore cmake-cuda-language -- reviewed', 'enable_language(CUDA)'];
    expect(lines(cmake.join('\n'), 'CMakeLists.txt')).toEqual([[2, true], [3, false], [5, true]]);
    const make = ['all:', 'LIBS = -lcudart # ascendify-ignore make-lib-cudart -- reviewed', 'LIBS2 = -lcudart', '# ascendify-ignore make-lib-cudart -- reviewed', 'LIBS3 = -lcudart'];
    expect(lines(make.join('\n'), 'Makefile')).toEqual([[2, true], [3, false], [5, true]]);
    const deps = ['numpy', 'pycuda  # ascendify-ignore deps-pycuda -- reviewed', 'pycuda>=2024', '# ascendify-ignore deps-pycuda -- reviewed', 'pycuda==2024.1'];
    expect(lines(deps.join('\n'), 'requirements.txt')).toEqual([[2, true], [3, false], [5, true]]);
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
