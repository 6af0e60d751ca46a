/**
 * Tests as data: each sample's results for every profile (findings with their answers, kernels, summary, progress,
 * effort totals) equal test/samples/expected/<sample>.json as a whole, so one extra, missing or changed finding
 * fails. After a deliberate change: `npm run update-expected`, then read the diff.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { expectedResults, formatExpected } from '../../src/core/expected.js';

const SAMPLES = join(__dirname, '../../samples');
const EXPECTED = join(__dirname, 'expected');
const catalog = loadCatalog();
const targets = [catalog.profiles.map((p) => p.id).join(',')];
const samples = readdirSync(SAMPLES).filter((n) => statSync(join(SAMPLES, n)).isDirectory()).sort();

describe('samples: whole results as expected', () => {
  it('every sample has an expected-results file, and every file a sample', () => {
    expect(readdirSync(EXPECTED).map((f) => f.replace(/\.json$/, '')).sort()).toEqual(samples);
  });

  for (const name of samples) {
    it(name, () => {
      const report = scan({ paths: [join(SAMPLES, name)], catalog, targets });
      const actual = formatExpected(expectedResults({ ...report, root: name }));
      expect(actual).toBe(readFileSync(join(EXPECTED, `${name}.json`), 'utf8'));
    });
  }

  it('fails on one extra finding', () => {
    const report = scan({ paths: [join(SAMPLES, 'vector-add')], catalog, targets });
    const extra = { ...report, findings: [...report.findings, { ...report.findings[0]!, line: report.findings[0]!.line + 1000 }] };
    expect(formatExpected(expectedResults(extra))).not.toBe(readFileSync(join(EXPECTED, 'vector-add.json'), 'utf8'));
  });
});
