/**
 * The warm path, metadata first: an unchanged tree is answered from the manifest and the stored result without
 * reading a file; a changed file is found even when its size and modification time are kept; the report is
 * byte-identical to a cold scan either way.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAsync } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/index.js';
import { renderJson } from '../../src/report/json.js';
import { buildDist, ROOT } from './helpers.js';

let dir: string;
let cacheDir: string;
let catalog: Catalog;

beforeAll(async () => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'ascendify-warm-'));
  cpSync(join(ROOT, 'samples'), dir, { recursive: true });
  cacheDir = mkdtempSync(join(tmpdir(), 'ascendify-warm-cache-'));
  catalog = loadCatalog();
  // A whole-second modification time, which utimes can put back exactly after an edit.
  const t = Math.floor(Date.now() / 1000) - 3600;
  utimesSync(join(dir, 'half-ported', 'host', 'buffers_cuda.cpp'), t, t);
  // Time stamps of files changed in the last two seconds are not trusted (they could repeat after another edit).
  await new Promise((r) => setTimeout(r, 2100));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Rewrite a file with the same size and put its modification time back. */
function sneakyEdit(path: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const st = statSync(path);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  utimesSync(path, st.atime, st.mtime);
  expect(statSync(path).mtimeMs).toBe(st.mtimeMs);
  expect(statSync(path).size).toBe(st.size);
}

describe('warm re-scan', () => {
  it('reads no file when nothing changed, finds a same-size edit with the old time stamp, and is byte-identical to cold', async () => {
    const opts = { paths: [dir], catalog, jobs: 1, cacheDir, results: true };
    const cold = await scanAsync(opts);
    expect(cold.cache).toMatchObject({ result: 'miss', fromMetadata: 0 });
    const files = cold.stats.files;

    const warm = await scanAsync(opts);
    expect(warm.cache).toMatchObject({ result: 'hit', fromMetadata: files, hashed: 0 });
    expect(warm.stats).toMatchObject({ parsed: 0, workers: 0 });
    expect(renderJson(warm.report)).toBe(renderJson(cold.report));

    const edited = join(dir, 'half-ported', 'host', 'buffers_cuda.cpp');
    sneakyEdit(edited, 'cudaMalloc(', 'cudaFree  (');
    const changed = await scanAsync(opts);
    expect(changed.cache).toMatchObject({ result: 'miss', hashed: 1, fromMetadata: files - 1 });
    expect(changed.stats).toMatchObject({ parsed: 1, cached: files - 1 });
    const plain = await scanAsync({ paths: [dir], catalog, jobs: 2 });
    expect(renderJson(changed.report)).toBe(renderJson(plain.report));
    expect(renderJson(changed.report)).not.toBe(renderJson(cold.report));

    // Back to the original bytes: its facts come from the cache again, and the report is the cold one.
    sneakyEdit(edited, 'cudaFree  (', 'cudaMalloc(');
    const back = await scanAsync(opts);
    expect(back.stats.parsed).toBe(0);
    expect(renderJson(back.report)).toBe(renderJson(cold.report));
  });
});
