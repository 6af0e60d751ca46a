/**
 * Every input `npm run fuzz` found failing (bench/fuzz.mjs saves them; they are kept in test/fuzz/crashers/), replayed
 * through the same checks: none may fail again. Plus the smallest form of each defect, as a plain unit test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsByLine } from '../../src/parse/preprocessor.js';

const DIR = join(__dirname, 'crashers');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

interface Crasher { failure: string; kind: string; seed: number; input: unknown }

describe('fuzz crashers', () => {
  it('the folder holds the crashers found so far', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // bench/fuzz/targets.mjs runs on dist/ (the test script builds first).
  for (const file of files) {
    it(`${file} passes every check (was: ${(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Crasher).failure.slice(0, 120)})`, async () => {
      const { check } = (await import('../../bench/fuzz/targets.mjs')) as { check(input: unknown): void };
      const crasher = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Crasher;
      expect(() => check(crasher.input)).not.toThrow();
    });
  }
});

describe('the defects behind them', () => {
  it('a #define continued onto a line holding a CR does not crash the preprocessor scan (cuda-1000523)', () => {
    expect(() => conditionsByLine(['#define threadIdx 1 \\', '\r  x', 'y'])).not.toThrow();
    expect(conditionsByLine(['#if A', '#define X 1 \\', '\r  x', 'y', '#endif'])).toEqual([undefined, 'A', 'A', 'A', 'A']);
  });
});
