import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, scanAsync } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { buildLexicon } from '../../src/catalog/lexicon.js';
import type { Catalog } from '../../src/model/index.js';
import { fromWire, toWire } from '../../src/parallel/lexicon-wire.js';
import { renderJson } from '../../src/report/json.js';
import { buildDist, makeCorpus } from './helpers.js';

let dir: string;
let genFiles: number;
let catalog: Catalog;

beforeAll(() => {
  buildDist();
  ({ dir, genFiles } = makeCorpus());
  catalog = loadCatalog();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallel parsing', () => {
  it('the generated corpus is big enough to use the pool', () => {
    expect(genFiles).toBeGreaterThanOrEqual(50);
    expect(genFiles).toBeLessThanOrEqual(80);
  });

  it('gives byte-identical JSON for --jobs 1 and --jobs 2, and matches the synchronous scan', async () => {
    const one = await scanAsync({ paths: [dir], catalog, jobs: 1 });
    const two = await scanAsync({ paths: [dir], catalog, jobs: 2 });
    // One worker thread parses (the main thread watches the per-file budget); two share the files.
    expect(one.stats.workers).toBe(1);
    expect(two.stats.workers).toBe(2);
    expect(two.stats.parsed).toBe(one.stats.parsed);
    expect(one.report.summary.findings).toBeGreaterThan(1000);
    expect(renderJson(two.report)).toBe(renderJson(one.report));
    expect(renderJson(scan({ paths: [dir], catalog }))).toBe(renderJson(one.report));
  });

  it('starts one worker for a handful of files', async () => {
    const small = await scanAsync({ paths: [join(dir, 'samples')], catalog, jobs: 2 });
    expect(small.stats.workers).toBe(1);
    expect(small.stats.parsed).toBeGreaterThan(0);
  });

  it('a worker that dies loses only the file it was parsing', async () => {
    const normal = await scanAsync({ paths: [dir], catalog, jobs: 2 });
    const crashing = await scanAsync({ paths: [dir], catalog, jobs: 2, workerUrl: new URL('./fixtures/crashing-worker.mjs', import.meta.url) });
    expect(crashing.stats.crashes).toBe(1);
    const victim = crashing.report.files.filter((f) => f.reason?.includes('crashed'));
    expect(victim.map((f) => f.path)).toEqual([expect.stringMatching(/unit00003\.\w+$/)]);
    expect(victim[0]).toMatchObject({ status: 'skipped', lines: 0 });
    const others = (r: typeof normal.report) => r.findings.filter((f) => !f.file.includes('unit00003'));
    expect(others(crashing.report)).toEqual(others(normal.report));
    expect(crashing.report.files.length).toBe(normal.report.files.length);
  });

  it('falls back to in-process parsing when workers cannot start', async () => {
    const missing = new URL('./fixtures/no-such-worker.mjs', import.meta.url);
    const r = await scanAsync({ paths: [dir], catalog, jobs: 2, workerUrl: missing });
    expect(r.stats.workers).toBe(0);
    expect(renderJson(r.report)).toBe(renderJson(scan({ paths: [dir], catalog })));
  });

  it('the lexicon survives the trip to a worker', () => {
    const lexicon = buildLexicon(catalog);
    const back = fromWire(JSON.parse(JSON.stringify(toWire(lexicon))));
    expect([...back.names]).toEqual([...lexicon.names]);
    expect([...back.deviceOnly]).toEqual([...lexicon.deviceOnly]);
    expect(back.identifierPatterns.map(String)).toEqual(lexicon.identifierPatterns.map(String));
    expect(back.headerPatterns.map(String)).toEqual(lexicon.headerPatterns.map(String));
  });

  it('writes nothing outside its temp folder when the cache is off', () => {
    expect(readdirSync(dir).sort()).toEqual(['generated', 'samples']);
  });
});
