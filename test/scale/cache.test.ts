import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAsync } from '../../src/analyze.js';
import { cacheNamespace } from '../../src/cache/fingerprint.js';
import { defaultCacheDir } from '../../src/cache/store.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/index.js';
import { renderJson } from '../../src/report/json.js';
import { cli } from '../helpers/cli.js';
import { buildDist, makeCorpus } from './helpers.js';

let dir: string;
let cacheRoot: string;
let catalog: Catalog;

/** Every facts entry in a cache folder. */
function entries(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (d.includes(`${sep}c3${sep}`) && d.includes(`${sep}facts${sep}`)) out.push(join(d, e.name));
    }
  };
  walk(root);
  return out.sort();
}

beforeAll(() => {
  buildDist();
  ({ dir } = makeCorpus());
  cacheRoot = mkdtempSync(join(tmpdir(), 'ascendify-'));
  catalog = loadCatalog();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheRoot, { recursive: true, force: true });
});

describe('incremental cache', () => {
  it('a warm re-scan parses nothing and gives the same bytes; one edit re-parses one file', async () => {
    const cacheDir = join(cacheRoot, 'warm');
    const cold = await scanAsync({ paths: [dir], catalog, jobs: 2, cacheDir });
    const n = cold.stats.files;
    expect(cold.stats).toMatchObject({ parsed: n, cached: 0 });
    const warm = await scanAsync({ paths: [dir], catalog, jobs: 2, cacheDir });
    expect(warm.stats).toMatchObject({ parsed: 0, cached: n, workers: 0 });
    expect(renderJson(warm.report)).toBe(renderJson(cold.report));

    const edited = join(dir, 'samples/reduction/reduce.cu');
    const before = readFileSync(edited, 'utf8');
    appendFileSync(edited, '\nvoid extra() { cudaDeviceReset(); }\n');
    try {
      const again = await scanAsync({ paths: [dir], catalog, jobs: 2, cacheDir });
      expect(again.stats).toMatchObject({ parsed: 1, cached: n - 1 });
      expect(again.report.findings.some((f) => f.symbol === 'cudaDeviceReset' && f.file.endsWith('reduction/reduce.cu'))).toBe(true);
    } finally {
      writeFileSync(edited, before);
    }
  });

  it('a corrupt or truncated entry is parsed again, silently', async () => {
    const cacheDir = join(cacheRoot, 'corrupt');
    const cold = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir });
    const files = entries(cacheDir);
    expect(files.length).toBe(cold.stats.files);
    writeFileSync(files[0]!, '{"entry": ');
    const full = readFileSync(files[1]!);
    writeFileSync(files[1]!, full.subarray(0, full.length / 2));
    // Its header kept, its payload another file's: the digest no longer matches.
    writeFileSync(files[2]!, Buffer.concat([readFileSync(files[2]!).subarray(0, 40), Buffer.from(JSON.stringify({ entry: { path: 'elsewhere.cu', language: 'cuda', lines: 1, status: 'scanned' } }))]));
    const warm = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir });
    expect(warm.stats).toMatchObject({ parsed: 3, cached: cold.stats.files - 3 });
    expect(warm.cache?.invalid).toBe(3);
    expect(renderJson(warm.report)).toBe(renderJson(cold.report));
    // and the bad entries were rewritten
    const rewarm = await scanAsync({ paths: [dir], catalog, jobs: 1, cacheDir });
    expect(rewarm.stats.parsed).toBe(0);
  });

  it('another catalog version is another namespace: nothing is reused', async () => {
    const cacheDir = join(cacheRoot, 'versions');
    await scanAsync({ paths: [join(dir, 'samples')], catalog, cacheDir });
    const other = await scanAsync({ paths: [join(dir, 'samples')], catalog: { ...catalog, version: 'another' }, cacheDir });
    expect(other.stats.cached).toBe(0);
    expect(readdirSync(join(cacheDir, 'c3')).length).toBe(2);
    expect(cacheNamespace('a', 'build-1')).not.toBe(cacheNamespace('a', 'build-2'));
    expect(cacheNamespace('a', 'build-1')).not.toBe(cacheNamespace('b', 'build-1'));
    expect(cacheNamespace('a', 'build-1')).toBe(cacheNamespace('a', 'build-1'));
  });

  it('an unwritable cache folder does not fail the scan', async () => {
    const blocker = join(cacheRoot, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = await scanAsync({ paths: [join(dir, 'samples')], catalog, cacheDir: join(blocker, 'cache') });
    expect(r.stats.cached).toBe(0);
    expect(r.report.summary.files.scanned).toBeGreaterThan(0);
  });

  it('the default folder: XDG_CACHE_HOME, else ~/.cache; never a folder of the scanned tree', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe(join('/xdg', 'ascendify'));
    expect(defaultCacheDir({})).toBe(join(homedir(), '.cache', 'ascendify'));
  });

  it('CLI: --cache-dir fills the cache, --no-cache leaves it alone, --jobs is checked', async () => {
    const cacheDir = join(cacheRoot, 'cli');
    const samples = join(dir, 'samples');
    const off = await cli(['scan', samples, '--cache-dir', cacheDir, '--no-cache', '-f', 'json']);
    expect(off.code).toBe(0);
    expect(() => statSync(cacheDir)).toThrow();
    const on = await cli(['scan', samples, '--cache-dir', cacheDir, '--jobs', '1', '-f', 'json']);
    expect(on.code).toBe(0);
    expect(on.stdout).toBe(off.stdout);
    expect(entries(cacheDir).length).toBeGreaterThan(5);
    const bad = await cli(['scan', samples, '--jobs', 'zero']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs');
  });
});
