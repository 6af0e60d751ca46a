/** The cache folder: entries bound to the build and checked on read, a size cap with LRU eviction, prune and clear. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheStore, cacheInfo, cacheMaxBytes, clearCache, DEFAULT_CACHE_MAX_BYTES, evict, listCache, parseByteSize, pruneCache } from '../../src/cache/store.js';
import { cli } from '../helpers/cli.js';

const made: string[] = [];
const tempRoot = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ascendify-store-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

const name = (i: number): string => i.toString(16).padStart(40, '0');
const payload = (i: number, size = 1000): Buffer => Buffer.alloc(size, i % 251);

describe('cache entries', () => {
  it('read back what was written; a changed byte, another build or another catalog is a miss, and the bad entry is deleted', () => {
    const root = tempRoot();
    const store = new CacheStore({ root, catalogVersion: 'cat-1', fingerprint: 'build-1' });
    store.write('facts', name(1), payload(1));
    expect(store.read('facts', name(1))).toEqual(payload(1));
    expect(existsSync(join(root, 'CACHEDIR.TAG'))).toBe(true);

    // A damaged payload (one byte) fails its digest: deleted, reported invalid, and a miss.
    const path = store.pathOf('facts', name(1));
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(path, bytes);
    expect(store.read('facts', name(1))).toBeUndefined();
    expect(store.stats.invalid).toBe(1);
    expect(existsSync(path)).toBe(false);

    // An entry another build wrote, copied where this build looks: its digest names the other build.
    const other = new CacheStore({ root, catalogVersion: 'cat-1', fingerprint: 'build-2' });
    expect(other.dir).not.toBe(store.dir);
    other.write('facts', name(2), payload(2));
    mkdirSync(join(store.dir, 'facts', name(2).slice(0, 2)), { recursive: true });
    writeFileSync(store.pathOf('facts', name(2)), readFileSync(other.pathOf('facts', name(2))));
    expect(store.read('facts', name(2))).toBeUndefined();
    // So is one of another catalog version, and one stored under another name.
    const otherCatalog = new CacheStore({ root, catalogVersion: 'cat-2', fingerprint: 'build-1' });
    otherCatalog.write('facts', name(3), payload(3));
    writeFileSync(store.pathOf('facts', name(3)), readFileSync(otherCatalog.pathOf('facts', name(3))));
    expect(store.read('facts', name(3))).toBeUndefined();
    store.write('facts', name(4), payload(4));
    writeFileSync(store.pathOf('facts', name(5)), readFileSync(store.pathOf('facts', name(4))));
    expect(store.read('facts', name(5))).toBeUndefined();
    expect(store.read('facts', name(4))).toEqual(payload(4));
  });

  it('an unwritable folder turns writing off without an error', () => {
    const root = tempRoot();
    writeFileSync(join(root, 'file'), 'x');
    const store = new CacheStore({ root: join(root, 'file', 'cache'), catalogVersion: 'c', fingerprint: 'b' });
    store.write('facts', name(1), payload(1));
    expect(store.read('facts', name(1))).toBeUndefined();
    expect(() => store.close()).not.toThrow();
  });
});

describe('size cap and eviction', () => {
  it('after a scan that writes past the cap, the least recently used entries go until 80% of the cap is left', () => {
    const root = tempRoot();
    const store = new CacheStore({ root, catalogVersion: 'c', fingerprint: 'b', maxBytes: 20_000 });
    const now = Date.now() / 1000;
    for (let i = 0; i < 30; i++) {
      store.write('facts', name(i), payload(i));
      // entry i was last used i minutes after entry 0
      utimesSync(store.pathOf('facts', name(i)), now - 3600 + i * 60, now - 3600 + i * 60);
    }
    // A hit makes entry 0 the most recently used.
    expect(store.read('facts', name(0))).toBeDefined();
    store.close();
    expect(store.stats.evicted).toBeGreaterThan(0);
    const left = listCache(root);
    expect(left.bytes).toBeLessThanOrEqual(16_000);
    const kept = new Set(left.entries.map((e) => e.path));
    expect(kept.has(store.pathOf('facts', name(0)))).toBe(true);
    expect(kept.has(store.pathOf('facts', name(29)))).toBe(true);
    expect(kept.has(store.pathOf('facts', name(1)))).toBe(false);
    // The usage estimate is written, so the next small scan does not walk the folder.
    expect(JSON.parse(readFileSync(join(root, 'usage.json'), 'utf8')).bytes).toBe(left.bytes);
  });

  it('evicts nothing under the cap, and never a file of another kind', () => {
    const root = tempRoot();
    writeFileSync(join(root, 'notes.txt'), 'mine');
    const store = new CacheStore({ root, catalogVersion: 'c', fingerprint: 'b', maxBytes: 1 << 20 });
    for (let i = 0; i < 5; i++) store.write('results', name(i), payload(i));
    store.close();
    expect(store.stats.evicted).toBe(0);
    expect(evict(root, 0).deleted).toBe(5);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('the cap: an option, else ASCENDIFY_CACHE_MAX_SIZE, else 512 MiB', () => {
    expect(DEFAULT_CACHE_MAX_BYTES).toBe(512 * 1024 * 1024);
    expect(cacheMaxBytes(undefined, {})).toBe(DEFAULT_CACHE_MAX_BYTES);
    expect(cacheMaxBytes(undefined, { ASCENDIFY_CACHE_MAX_SIZE: '2g' })).toBe(2 * 1024 ** 3);
    expect(cacheMaxBytes(1000, { ASCENDIFY_CACHE_MAX_SIZE: '2g' })).toBe(1000);
    expect(cacheMaxBytes(undefined, { ASCENDIFY_CACHE_MAX_SIZE: 'lots' })).toBe(DEFAULT_CACHE_MAX_BYTES);
    expect(parseByteSize('200mb')).toBe(200 * 1024 * 1024);
    expect(parseByteSize('x')).toBeUndefined();
  });
});

describe('prune, clear, info', () => {
  /** A folder with this build's entries, another build's, an earlier layout's, and a file of the user's. */
  function populated(): { root: string; current: CacheStore } {
    const root = tempRoot();
    const current = new CacheStore({ root, catalogVersion: 'c', fingerprint: 'this-build' });
    const other = new CacheStore({ root, catalogVersion: 'c', fingerprint: 'older-build' });
    for (let i = 0; i < 3; i++) {
      current.write('facts', name(i), payload(i));
      other.write('facts', name(i), payload(i));
    }
    current.write('results', name(9).slice(0, 32), payload(9));
    const legacy = join(root, 'v1', '0123456789abcdef', 'ab');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, `${'c'.repeat(38)}.json`), '{}');
    writeFileSync(join(root, 'notes.txt'), 'mine');
    return { root, current };
  }

  it('prune deletes what this build cannot read, then the least recently used beyond the size given', () => {
    const { root, current } = populated();
    const r = pruneCache(root, 1 << 20, 'this-build');
    expect(r.stale).toBe(4); // three of the other build, one of the earlier layout
    expect(listCache(root).entries.map((e) => e.path).sort()).toEqual(
      [current.pathOf('facts', name(0)), current.pathOf('facts', name(1)), current.pathOf('facts', name(2)), current.pathOf('results', name(9).slice(0, 32))].sort(),
    );
    expect(existsSync(join(root, 'v1'))).toBe(false);
    expect(pruneCache(root, 0, 'this-build').bytes).toBe(0);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('clear deletes every entry and nothing else; info counts them per namespace', () => {
    const { root } = populated();
    const info = cacheInfo(root, 1 << 20, 'this-build');
    expect(info.entries).toBe(8);
    expect(info.namespaces.filter((n) => n.currentBuild).map((n) => n.entries)).toEqual([4]);
    expect(clearCache(root).deleted).toBe(8);
    expect(listCache(root).entries).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['CACHEDIR.TAG', 'notes.txt']);
  });

  it('CLI: ascendify cache info|prune|clear', async () => {
    const { root } = populated();
    const info = await cli(['cache', 'info', '--cache-dir', root, '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ root, entries: 8 });
    const text = await cli(['cache', '--cache-dir', root]);
    expect(text.stdout).toContain('8 entries');
    const prune = await cli(['cache', 'prune', '--cache-dir', root, '--max-size', '0']);
    expect(prune.code).toBe(0);
    expect(listCache(root).entries).toEqual([]);
    const clear = await cli(['cache', 'clear', '--cache-dir', root]);
    expect(clear.code).toBe(0);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
    const bad = await cli(['cache', 'drop', '--cache-dir', root]);
    expect(bad.code).toBe(2);
    const badSize = await cli(['cache', 'prune', '--cache-dir', root, '--max-size', 'big']);
    expect(badSize.code).toBe(2);
  });
});
