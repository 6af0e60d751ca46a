/** The per-file budget: a file that would stall the scan or exhaust its memory is skipped with the reason; --jobs is capped. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveJobs, scanAsync } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog, Report } from '../../src/model/index.js';
import { renderJson } from '../../src/report/json.js';
import { cli } from '../helpers/cli.js';
import { buildDist, ROOT } from './helpers.js';

let dir: string;
let catalog: Catalog;
const worker = new URL('./fixtures/budget-worker.mjs', import.meta.url);
const hostile = '#include <cuda_runtime.h>\nvoid f() { float *p; cudaMalloc(&p, 4); }\n';

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'ascendify-budget-'));
  cpSync(join(ROOT, 'samples', 'vector-add'), join(dir, 'vector-add'), { recursive: true });
  writeFileSync(join(dir, 'stall.cu'), hostile);
  writeFileSync(join(dir, 'hog.cu'), hostile);
  catalog = loadCatalog();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files and findings of a report other than the two hostile files. */
const others = (r: Report): string => JSON.stringify({ files: r.files.filter((f) => !/stall|hog/.test(f.path)), findings: r.findings.filter((f) => !/stall|hog/.test(f.file)) });

describe('per-file budget', () => {
  it('a file that keeps its worker past the time budget is skipped with the reason; the scan goes on', async () => {
    const r = await scanAsync({ paths: [dir], catalog, jobs: 2, workerUrl: worker, fileTimeoutMs: 400, exclude: ['hog.cu'] });
    const stall = r.report.files.find((f) => f.path === 'stall.cu');
    expect(stall).toMatchObject({ status: 'skipped', lines: 0 });
    expect(stall?.reason).toMatch(/per-file time budget \(0\.4 s\).*--file-timeout/);
    expect(r.stats).toMatchObject({ overBudget: 1, crashes: 0 });
    // Everything else is what a normal scan reports.
    const normal = await scanAsync({ paths: [dir], catalog, jobs: 2 });
    expect(others(r.report)).toBe(others(normal.report));
    expect(normal.report.files.find((f) => f.path === 'stall.cu')?.status).toBe('scanned');
  });

  it('a file that needs more memory than the budget is skipped with the reason; the scan goes on', async () => {
    const r = await scanAsync({ paths: [dir], catalog, jobs: 1, workerUrl: worker, fileTimeoutMs: 0, fileMemoryMb: 64, exclude: ['stall.cu'] });
    const hog = r.report.files.find((f) => f.path === 'hog.cu');
    expect(hog).toMatchObject({ status: 'skipped', lines: 0 });
    expect(hog?.reason).toMatch(/per-file memory budget \(64 MB/);
    expect(r.stats).toMatchObject({ overBudget: 1, crashes: 0 });
    const normal = await scanAsync({ paths: [dir], catalog, jobs: 1 });
    expect(others(r.report)).toBe(others(normal.report));
  });

  it('a budget skip is cached for that budget only', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'ascendify-budget-cache-'));
    try {
      const first = await scanAsync({ paths: [dir], catalog, jobs: 1, workerUrl: worker, fileTimeoutMs: 300, cacheDir, exclude: ['hog.cu'] });
      expect(first.stats.overBudget).toBe(1);
      // Same budget: the skip comes from the cache (no worker is asked again).
      const again = await scanAsync({ paths: [dir], catalog, jobs: 1, workerUrl: worker, fileTimeoutMs: 300, cacheDir, exclude: ['hog.cu'] });
      expect(again.stats).toMatchObject({ parsed: 0, overBudget: 0 });
      expect(renderJson(again.report)).toBe(renderJson(first.report));
      // Another budget (here: the real worker, which parses it): the file is parsed again.
      const other = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir, fileTimeoutMs: 5000, exclude: ['hog.cu'] });
      expect(other.stats.parsed).toBe(1);
      expect(other.report.files.find((f) => f.path === 'stall.cu')?.status).toBe('scanned');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('--jobs is capped at the cores unless forced', async () => {
    expect(effectiveJobs({ jobs: 64 }, 2)).toBe(2);
    expect(effectiveJobs({ jobs: 64, forceJobs: true }, 2)).toBe(64);
    expect(effectiveJobs({}, 3)).toBe(3);
    expect(effectiveJobs({ jobs: 1 }, 8)).toBe(1);
    const r = await scanAsync({ paths: [dir], catalog, jobs: 64 });
    expect(r.stats.workers).toBeLessThanOrEqual(availableParallelism());
  });

  it('CLI: --file-timeout is checked; --jobs over the cores is noted', async () => {
    const bad = await cli(['scan', dir, '--file-timeout', 'soon', '--no-cache']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--file-timeout');
    const ok = await cli(['scan', dir, '--file-timeout', '0', '--no-cache', '-f', 'json']);
    expect(ok.code).toBe(0);
    const many = await cli(['scan', dir, '--jobs', String(availableParallelism() + 1), '--no-cache', '-f', 'json']);
    expect(many.code).toBe(0);
    expect(many.stderr).toContain('is more than the');
    expect(many.stderr).toContain('--force-jobs');
  });
});
