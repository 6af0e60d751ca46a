/**
 * Every input `npm run fuzz` found failing (bench/fuzz.mjs saves them; they are kept in test/fuzz/crashers/), replayed
 * through the same checks: none may fail again. Plus the smallest form of each defect, as a plain unit test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { conditionsByLine } from '../../src/parse/preprocessor.js';
import { InputError } from '../../src/util/errors.js';

const DIR = join(__dirname, 'crashers');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

interface Crasher { failure: string; kind: string; seed: number; input: unknown }

describe('fuzz crashers', () => {
  it('the folder holds the crashers found so far', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // bench/fuzz/targets.mjs runs on dist/ (the test script builds first).
  for (const file of files) {
    it(`${file} passes every check (was: ${(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Crasher).failure.split('\n')[0]!.slice(0, 100)})`, async () => {
      const { check, takeWarning } = await import('../../bench/fuzz/targets.mjs');
      const crasher = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Crasher;
      takeWarning();
      expect(() => check(crasher.input)).not.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(takeWarning()).toBeUndefined();
    });
  }
});

describe('the defects behind them', () => {
  it('a YAML key that is a list or mapping (or an alias of one) is one line, not a multi-line field name and a warning (yaml-2043640, config-2087001, yaml-2096970)', () => {
    expect(() => parseConfig('? {x: "a\\u0000b"}\n: 1\n', 'c.yaml')).toThrow(/^config c\.yaml is not usable YAML \(line 1\): a list or mapping is used as a key$/);
    expect(() => parseConfig('a: &k [1]\n? *k\n: x\n', 'c.yaml')).toThrow('a list or mapping is used as a key');
  });

  it('a field name is shown on one line, control characters escaped and long names cut', () => {
    const e = new InputError('f.yaml', 'is not a known field', ['effort', 'a\nb\u001b', 'x'.repeat(100)]);
    expect(e.message).toBe(`f.yaml: field "effort.a\\x0ab\\x1b.${'x'.repeat(57)}…" is not a known field`);
  });

  it('a #define continued onto a line holding a CR does not crash the preprocessor scan (cuda-1000523)', () => {
    expect(() => conditionsByLine(['#define threadIdx 1 \\', '\r  x', 'y'])).not.toThrow();
    expect(conditionsByLine(['#if A', '#define X 1 \\', '\r  x', 'y', '#endif'])).toEqual([undefined, 'A', 'A', 'A', 'A']);
  });
});
