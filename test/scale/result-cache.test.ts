import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAsync } from '../../src/analyze.js';
import { decode, encode } from '../../src/cache/codec.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/index.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { buildDist, ROOT } from './helpers.js';

let dir: string;
let cacheRoot: string;
let catalog: Catalog;

/** Result entries under a cache folder. */
function resultFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (d.endsWith(`${sep}results`) && d.includes(`${sep}c3${sep}`)) out.push(join(d, e.name));
    }
  };
  walk(root);
  return out;
}

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  cpSync(join(ROOT, 'samples'), dir, { recursive: true });
  cacheRoot = mkdtempSync(join(tmpdir(), 'ascendify-'));
  catalog = loadCatalog();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheRoot, { recursive: true, force: true });
});

describe('result cache encoding', () => {
  // Like a finding's per-target answers: one object, referenced by many findings.
  const shared = { ascend: { status: 'partial', note: 'ü – “quoted”\n', replacement: ['aclrtMalloc'] } };
  const range = { low: 0.1, likely: 0.25, high: 1e-7 };
  const value = {
    a: shared,
    list: [shared, shared, { n: -3, big: 2 ** 40, f: 0.1 + 0.2, neg: -0.5, t: true, z: false, nil: null, rate: range, hours: range }],
    skipped: undefined,
    nested: [[1, 2], [], {}],
  };

  it('decodes to a value that renders as the original, objects shared as before', () => {
    const back = decode(encode(value, 'k1'), 'k1') as typeof value;
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(back.list[0]).toBe(back.a);
    expect('skipped' in back).toBe(false);
  });

  it('a lazy value is decoded when first read, in its place, and renders as the original', () => {
    const items = [{ kind: 'use', hours: range }, { kind: 'api', hours: range, shared }];
    const report = { a: 1, effort: { targets: [{ target: 't', items, total: range }] }, after: shared };
    const back = decode(encode(report, 'k', new Set([items])), 'k') as typeof report;
    const target = back.effort.targets[0]!;
    expect(Object.getOwnPropertyDescriptor(target, 'items')?.get).toBeDefined();
    expect(Object.keys(target)).toEqual(['target', 'items', 'total']);
    expect(JSON.stringify(back)).toBe(JSON.stringify(report));
    expect(Object.getOwnPropertyDescriptor(target, 'items')?.value).toEqual(items);
    expect(back.after).toBe(back.after);
  });

  it('another key is a miss; truncated bytes are an error', () => {
    const bytes = encode(value, 'k1');
    expect(decode(bytes, 'k2')).toBeUndefined();
    expect(() => decode(bytes.subarray(0, bytes.length - 8), 'k1')).toThrow();
  });
});

describe('JSON in pieces', () => {
  it('the pieces join to the rendered report, and a large array is split', async () => {
    const { report } = await scanAsync({ paths: [dir], catalog, jobs: 1 });
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.join('')).toBe(renderJson(report));
    expect(pieces.length).toBeGreaterThan(report.findings.length);
  });
});

describe('scan-level result cache', () => {
  it('an unchanged re-scan reuses the report; an edit, another option or a corrupt entry runs the scan again', async () => {
    const cacheDir = join(cacheRoot, 'results');
    const plain = await scanAsync({ paths: [dir], catalog, jobs: 1 });
    const cold = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true });
    expect(cold.stats.parsed).toBe(cold.stats.files);
    expect(resultFiles(cacheDir)).toHaveLength(1);
    const warm = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true });
    expect(warm.stats).toMatchObject({ parsed: 0, cached: cold.stats.files });
    expect(renderJson(warm.report)).toBe(renderJson(plain.report));

    // Another option: another report, not the stored one.
    const deeper = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true, groupDepth: 2 });
    expect(deeper.report.effort?.groupDepth).toBe(2);
    const ascend = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true, targets: ['ascend'] });
    expect(ascend.report.targets.map((t) => t.vendor)).toEqual(['ascend']);

    // An edited file: the scan runs (one file parsed) and sees the edit.
    const edited = join(dir, 'reduction/reduce.cu');
    const before = readFileSync(edited, 'utf8');
    appendFileSync(edited, '\nvoid extra() { cudaDeviceReset(); }\n');
    try {
      const again = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true });
      expect(again.stats.parsed).toBe(1);
      expect(again.report.findings.some((f) => f.symbol === 'cudaDeviceReset' && f.file === 'reduction/reduce.cu')).toBe(true);
    } finally {
      writeFileSync(edited, before);
    }

    // A corrupt entry is a miss: the report is made again, and is the same.
    for (const f of resultFiles(cacheDir)) writeFileSync(f, readFileSync(f).subarray(0, 100));
    const repaired = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, results: true });
    expect(renderJson(repaired.report)).toBe(renderJson(plain.report));
  });

  it('is off unless asked for (library default)', async () => {
    const cacheDir = join(cacheRoot, 'off');
    await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir });
    await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir });
    expect(resultFiles(cacheDir)).toEqual([]);
  });
});
