/**
 * Start-up (issue 17): a command loads what it runs. `explain` loads no parser, no worker code, no effort model and
 * no YAML or schema validator; a scan of an empty folder loads no parser and reads no rule. Checked by what is
 * loaded and read, never by time (speed is measured by `npm run bench -- --real`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAsync } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/index.js';
import { buildDist, ROOT } from '../scale/helpers.js';

let empty: string;
beforeAll(() => {
  buildDist();
  // The compiled catalog (buildDist runs tsc only).
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-catalog.mjs')], { cwd: ROOT, stdio: 'pipe' });
  empty = mkdtempSync(join(tmpdir(), 'ascendify-empty-'));
});
afterAll(() => rmSync(empty, { recursive: true, force: true }));

/** Run the built CLI with a hook that records every module it loads. */
function run(args: string[]): { code: number | null; stdout: string; urls: string[] } {
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'cli', 'fixtures', 'record-loads.mjs'), join(ROOT, 'bin', 'ascendify.js'), ...args], {
    cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: join(empty, 'xdg') }, encoding: 'utf8',
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return { code: r.status, stdout: r.stdout, urls: line ? (JSON.parse(line.slice('LOADED '.length)) as string[]) : [] };
}

const heavy = (urls: string[]): string[] =>
  urls.filter((u) => /node_modules\/(tree-sitter|yaml|ajv)|\/dist\/(parse|parallel)\/|\/dist\/score\/effort|\/dist\/report\/(html|sarif|csv)/.test(u));

describe('start-up', () => {
  it('explain loads no parser, worker code, effort model, YAML or schema validator', () => {
    const r = run(['explain', 'cudaMalloc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('runtime-malloc');
    expect(r.urls.length).toBeGreaterThan(5);
    expect(heavy(r.urls)).toEqual([]);
  });

  it('a scan of an empty folder loads no parser', () => {
    const r = run(['scan', empty, '-q']);
    expect(r.code).toBe(0);
    expect(r.urls.some((u) => u.includes('/dist/pipeline.js'))).toBe(true);
    // (the CI step's small C lexer for fingerprints is not the parser)
    expect(r.urls.filter((u) => /node_modules\/tree-sitter|\/dist\/parse\/(?!c-lexer)/.test(u))).toEqual([]);
  });

  it('a scan of an empty folder reads no rule and no inventory name', async () => {
    const catalog = loadCatalog();
    const guarded = new Proxy(catalog, {
      get(target, key, receiver) {
        if (key === 'rules' || key === 'bySymbol' || key === 'prefixRules' || key === 'inventory') throw new Error(`read catalog.${String(key)}`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    }) as Catalog;
    const r = await scanAsync({ paths: [empty], catalog: guarded, cacheDir: join(empty, 'cache'), results: true });
    expect(r.report.summary.files.scanned).toBe(0);
    expect(r.stats.workers).toBe(0);
  });
});
