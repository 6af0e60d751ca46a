/**
 * A user regex in the config (an effort incompatibility `snippet`) cannot take minutes (issue 18, item 7): it runs
 * on V8's linear-time engine, and what that engine cannot run is refused as an input error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globTest } from '../../src/util/glob.js';
import { backtrackingRisk, linearEngine, userRegex } from '../../src/util/user-regex.js';
import { runBin } from '../helpers/spawn.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ascendify-regex-'));
  // A warp-shuffle use (the warp-size category looks at its source line) on a line ending in 40 a's and a !.
  writeFileSync(join(dir, 'k.cu'), `__global__ void k(float v) { v += __shfl_down_sync(0xffffffff, v, 1); } // ${'a'.repeat(40)}!\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (snippet: string): string => {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `effort:\n  incompatibilities:\n    warp-size:\n      snippet: ${JSON.stringify(snippet)}\n`);
  return file;
};

describe('user regex', () => {
  it('runs on the linear-time engine in this Node', () => {
    expect(linearEngine()).toBe(true);
    expect(userRegex('a').flags).toContain('l');
  });

  it('a catastrophic pattern is matched at once', () => {
    const re = userRegex('(a+)+$');
    expect(re.test(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(re.test('aaa')).toBe(true);
  });

  it('the shipped snippet pattern still works', () => {
    const re = userRegex('0x[fF]{8}\\b|\\b32\\b');
    expect([re.test('mask 0xffffffff'), re.test('32 lanes'), re.test('320')]).toEqual([true, true, false]);
  });

  it('what cannot run in linear time is refused with a reason, and so are invalid and overlong patterns', () => {
    expect(() => userRegex('(a)\\1')).toThrow('cannot run in linear time');
    expect(() => userRegex('(?=a)b')).toThrow('cannot run in linear time');
    expect(() => userRegex('(')).toThrow('is not a valid regular expression');
    expect(() => userRegex('a'.repeat(1001))).toThrow('longer than 1000');
  });

  it('the fallback check (for a Node without the engine) refuses nested quantifiers', () => {
    expect(backtrackingRisk('(a+)+$')).toContain('nested quantifiers');
    expect(backtrackingRisk('(a|aa)*b')).toContain('nested quantifiers');
    expect(backtrackingRisk('(?:x(y+))*')).toContain('nested quantifiers');
    expect(backtrackingRisk('(a)\\1')).toBe('uses a backreference');
    expect(backtrackingRisk('(?<!a)b')).toBe('uses lookaround');
    expect(backtrackingRisk('0x[fF]{8}\\b|\\b32\\b')).toBeUndefined();
    expect(backtrackingRisk('(foo|bar)\\s+[(+*]')).toBeUndefined();
  });
});

describe('globs (config ignore.paths, --exclude) run in linear time', () => {
  const slowGlob = `${'*a'.repeat(8)}b`; // polynomial in picomatch: about n^8 steps on a name of n a's

  it('the glob means what picomatch says it means', () => {
    const cases: [string, string, boolean][] = [
      ['third_party/**', 'third_party/x/y.cu', true], ['third_party/**', 'third_party', true], ['third_party/**', 'src/third_party/a.cu', false],
      ['**/*_test.cu', 'a/b_test.cu', true], ['**/*_test.cu', 'b_test.cu', true], ['**/*_test.cu', 'a/b_test.cuh', false],
      ['*.cu', 'a.cu', true], ['*.cu', 'd/a.cu', false], ['src/{a,b}/*.h', 'src/b/x.h', true], ['src/{a,b}/*.h', 'src/c/x.h', false],
      ['.hidden/**', '.hidden/x.cu', true], ['a/**/b', 'a/b', true], ['a/**/b', 'a/x/y/b', true], ['?.cu', 'ab.cu', false],
    ];
    expect(cases.map(([g, p]) => globTest(g)(p))).toEqual(cases.map(([, , want]) => want));
  });

  it('a negation cannot be matched in linear time and is refused', () => {
    expect(() => globTest('!(x)')).toThrow('negation');
  });

  it('a config ignore.paths glob cannot stall a scan (it used to run for hours)', () => {
    const d = join(dir, 'globs');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, `${'a'.repeat(120)}y.cu`), 'void f(float** p) { cudaMallocManaged(p, 4); }\n');
    const file = join(dir, 'globs.yaml');
    writeFileSync(file, `ignore:\n  paths: [${JSON.stringify(slowGlob)}]\n`);
    const r = runBin(['scan', '.', '--config', file, '--no-cache', '-q', '--fail-on', 'none'], { cwd: d, timeout: 45_000 });
    expect(r.signal, 'the scan stalled on the glob').toBeNull();
    expect(r.code).toBe(1);
    const x = runBin(['scan', '.', '--exclude', slowGlob, '--no-cache', '-q', '--fail-on', 'none'], { cwd: d, timeout: 45_000 });
    expect(x.signal, 'the scan stalled on --exclude').toBeNull();
    expect(x.code).toBe(1);
  });

  it('a negated glob in the config is one line and exit 2, naming the field', () => {
    const file = join(dir, 'neg.yaml');
    writeFileSync(file, 'ignore:\n  paths: ["!(vendor)/**"]\n');
    const r = runBin(['scan', '.', '--config', file, '--no-cache', '-q'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('field "ignore.paths.0" uses a negation');
  });
});

describe('through the CLI', () => {
  it('(a+)+$ as a snippet does not stall the estimate (it used to run for minutes)', () => {
    const r = runBin(['effort', '.', '--config', config('(a+)+$'), '--no-cache', '-q'], { cwd: dir, timeout: 45_000 });
    expect(r.signal, 'the estimate hung on the pattern').toBeNull();
    expect(r.code).toBe(0);
  });

  it('a pattern the engine cannot run is one line and exit 2, naming the field', () => {
    const r = runBin(['effort', '.', '--config', config('(a)\\1'), '--no-cache', '-q'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/field "effort\.incompatibilities\.warp-size\.snippet" cannot run in linear time/);
  });
});
