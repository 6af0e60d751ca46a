/**
 * Issue 18, item 1: a cache entry cannot change results or pass a failing gate. Entries are bound to the running
 * build and checked on every read (a planted, damaged or foreign entry is ignored and rewritten), and the default
 * cache folder is never inside the scanned tree.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAsync } from '../../src/analyze.js';
import { encode } from '../../src/cache/codec.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog, Report } from '../../src/model/index.js';
import { cli } from '../helpers/cli.js';
import { buildDist, ROOT } from './helpers.js';

let tree: string;
let catalog: Catalog;
const temps: string[] = [];
const temp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};

/** Entry files of one kind under a cache folder. */
function entriesOf(root: string, kind: 'facts' | 'results'): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (d.includes(`${sep}c3${sep}`) && d.includes(`${sep}${kind}`)) out.push(join(d, e.name));
    }
  };
  walk(root);
  return out;
}

/** An entry's header (format and digest) with another payload: what a hand-made or edited entry looks like. */
function plant(path: string, payload: Buffer): void {
  writeFileSync(path, Buffer.concat([readFileSync(path).subarray(0, 40), payload]));
}

beforeAll(() => {
  buildDist();
  tree = temp('ascendify-trust-');
  writeFileSync(join(tree, 'managed.cu'), '#include <cuda_runtime.h>\nvoid f() { float *p; cudaMallocManaged(&p, 4); }\n');
  catalog = loadCatalog();
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('planted cache entries', () => {
  it('an edited result or facts entry does not pass a failing gate; it is ignored and rewritten', async () => {
    const cacheDir = temp('ascendify-trust-cache-');
    const gate = ['scan', tree, '--cache-dir', cacheDir, '--fail-on', 'none', '--target', 'ascend-910b', '-f', 'json'];
    const first = await cli(gate);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('cudaMallocManaged');

    // The stored result, edited: no findings (a gate that passes), under the right key and the old digest.
    const [result] = entriesOf(cacheDir, 'results');
    const bytes = readFileSync(result!).subarray(40);
    const key = (JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as { key: string }).key;
    const clean = { ...(JSON.parse(first.stdout) as Report), findings: [] };
    plant(result!, encode(clean, key));
    // The stored facts, edited: the file has no CUDA uses.
    const [facts] = entriesOf(cacheDir, 'facts');
    const parsed = JSON.parse(readFileSync(facts!).subarray(40).toString('utf8')) as { facts: { occurrences: unknown[] } };
    parsed.facts.occurrences = [];
    plant(facts!, Buffer.from(JSON.stringify(parsed)));

    const second = await cli(gate);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);

    // Rewritten: the next scan is answered by valid entries again.
    const third = await scanAsync({ paths: [tree], catalog, targets: ['ascend-910b'], cacheDir, results: true });
    expect(third.cache).toMatchObject({ result: 'hit', invalid: 0 });
    expect(third.report.findings.map((f) => f.symbol)).toContain('cudaMallocManaged');
  });

  it('a cache folder inside the scanned tree is never the default: it is not read, nothing is written there', () => {
    const repo = temp('ascendify-trust-repo-');
    cpSync(tree, repo, { recursive: true });
    // What an earlier version used by default, filled with entries that would clean the report.
    const inTree = join(repo, 'node_modules', '.cache', 'ascendify');
    mkdirSync(inTree, { recursive: true });
    writeFileSync(join(inTree, 'planted.json'), '{"rules": []}');
    const xdg = temp('ascendify-trust-xdg-');
    const run = (): number => {
      try {
        execFileSync(process.execPath, [join(ROOT, 'bin', 'ascendify.js'), 'scan', '.', '--fail-on', 'none', '-q'], {
          cwd: repo, env: { ...process.env, XDG_CACHE_HOME: xdg }, stdio: 'pipe',
        });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    expect(run()).toBe(1);
    expect(run()).toBe(1);
    expect(readdirSync(inTree)).toEqual(['planted.json']);
    expect(entriesOf(join(xdg, 'ascendify'), 'facts').length).toBe(1);
  });
});
