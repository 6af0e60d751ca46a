/**
 * The cache folder: entries bound to the running build, checked on every read, bounded in size.
 *
 * Layout: `<root>/c3/<namespace>/{facts,results,manifests}/…`, one file per entry; the namespace is a hash of the
 * build fingerprint and the catalog version (fingerprint.ts), and `<root>/c3/<namespace>/build` names the build
 * that owns it. `<root>/CACHEDIR.TAG` marks the folder for backup tools; `<root>/usage.json` is a running size
 * estimate.
 *
 * An entry is `MAGIC | sha256(build fingerprint, catalog version, kind, name, payload) | payload`. A read
 * recomputes the digest: an entry from another build, a damaged or truncated one, or one planted by hand without
 * this build's digest is deleted and reported as a miss (the caller computes the value again and writes it). It is
 * never an error and never trusted. This is an integrity and build binding, not a secret: whoever can write the
 * cache folder can run the same build and write valid entries, which is why the default folder is never inside
 * the scanned tree (docs/security.md).
 *
 * Size: after a scan that wrote entries, when the estimate passes the cap (default 512 MiB, ASCENDIFY_CACHE_MAX_SIZE
 * or the `maxBytes` option), the folder is walked and the least recently used entries are deleted (a hit refreshes
 * an entry's time) until it is under 80% of the cap. Only files the tool's layouts name are ever deleted
 * (`clearCache` and `pruneCache` too), so a --cache-dir pointed at a folder with other content loses nothing else.
 */
import { createHash } from 'node:crypto';
import {
  closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFingerprint, CACHE_LAYOUT, cacheNamespace } from './fingerprint.js';

/** Default size cap of the cache folder (docs/scale.md). */
export const DEFAULT_CACHE_MAX_BYTES = 512 * 1024 * 1024;
/** Eviction goes down to this share of the cap, so that it does not run after every scan. */
const EVICT_TO = 0.8;
const MAGIC = Buffer.from('ascdfy3\n', 'latin1');
const HEADER = MAGIC.length + 32;
const TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by ascendify.\n# For information about cache directory tags see https://bford.info/cachedir/\n';

export type EntryKind = 'facts' | 'results' | 'manifests';

/**
 * Where the cache lives unless --cache-dir says otherwise: `$XDG_CACHE_HOME/ascendify`, else `~/.cache/ascendify`.
 * Never inside the scanned tree: files there are input, and input must not be able to plant cache entries
 * (docs/security.md).
 */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'ascendify');
  return join(homedir(), '.cache', 'ascendify');
}

/** A size such as `512mb`, `2g` or `300000` (bytes); undefined when it is not one. */
export function parseByteSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
  return Math.round(Number(m[1]) * { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit]);
}

/** The cap in effect: the option, else ASCENDIFY_CACHE_MAX_SIZE, else the default. */
export function cacheMaxBytes(option?: number, env: Record<string, string | undefined> = process.env): number {
  if (option !== undefined) return option;
  const fromEnv = env.ASCENDIFY_CACHE_MAX_SIZE ? parseByteSize(env.ASCENDIFY_CACHE_MAX_SIZE) : undefined;
  return fromEnv ?? DEFAULT_CACHE_MAX_BYTES;
}

export interface StoreOptions {
  /** The cache folder. */
  root: string;
  /** The catalog version: part of the namespace and of every entry's digest. */
  catalogVersion: string;
  /** Size cap in bytes (default: `cacheMaxBytes()`). */
  maxBytes?: number;
  /** The build fingerprint (tests: a build of their own); default the running build's. */
  fingerprint?: string;
}

/** What a store did during one scan (tests, the bench, `cache info`). */
export interface StoreStats {
  hits: number;
  misses: number;
  /** Entries that failed their check (damaged, another build's, planted): deleted, and rewritten by the caller. */
  invalid: number;
  written: number;
  bytesWritten: number;
  /** Entries deleted by eviction after the scan. */
  evicted: number;
}

export class CacheStore {
  readonly root: string;
  /** This build's namespace folder. */
  readonly dir: string;
  readonly maxBytes: number;
  readonly stats: StoreStats = { hits: 0, misses: 0, invalid: 0, written: 0, bytesWritten: 0, evicted: 0 };
  private readonly secret: string;
  private readonly fingerprint: string;
  private writable = true;
  private readonly made = new Set<string>();

  constructor(options: StoreOptions) {
    this.root = options.root;
    this.fingerprint = options.fingerprint ?? buildFingerprint();
    this.dir = join(options.root, CACHE_LAYOUT, cacheNamespace(options.catalogVersion, this.fingerprint));
    this.secret = `${this.fingerprint}\0${options.catalogVersion}`;
    this.maxBytes = cacheMaxBytes(options.maxBytes);
  }

  pathOf(kind: EntryKind, name: string): string {
    return kind === 'facts' ? join(this.dir, kind, name.slice(0, 2), name.slice(2)) : join(this.dir, kind, name);
  }

  private digest(kind: EntryKind, name: string, payload: Uint8Array | readonly Uint8Array[]): Buffer {
    const hash = createHash('sha256').update(this.secret).update('\0').update(kind).update('\0').update(name).update('\0');
    if (payload instanceof Uint8Array) hash.update(payload);
    else for (const p of payload) hash.update(p);
    return hash.digest();
  }

  /** The payload of a valid entry, or undefined (missing; or invalid, which is deleted). */
  read(kind: EntryKind, name: string): Buffer | undefined {
    const path = this.pathOf(kind, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const payload = bytes.subarray(HEADER);
    if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || !bytes.subarray(MAGIC.length, HEADER).equals(this.digest(kind, name, payload))) {
      this.stats.invalid++;
      this.stats.misses++;
      try {
        unlinkSync(path);
      } catch {
        // another scan removed or replaced it
      }
      return undefined;
    }
    this.stats.hits++;
    try {
      const now = new Date();
      utimesSync(path, now, now); // least recently used goes first
    } catch {
      // read-only cache: no LRU refresh
    }
    return payload;
  }

  /** Write an entry (replacing any). Failures turn writing off for this store, silently: the cache is an optimisation. */
  write(kind: EntryKind, name: string, payload: Uint8Array | readonly Uint8Array[]): void {
    if (!this.writable) return;
    const path = this.pathOf(kind, name);
    const sub = dirname(path);
    const parts = payload instanceof Uint8Array ? [payload] : payload;
    try {
      if (!this.made.has(sub)) {
        if (!this.made.size) this.prepareRoot();
        mkdirSync(sub, { recursive: true });
        this.made.add(sub);
      }
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      const fd = openSync(tmp, 'w');
      let size = 0;
      try {
        for (const b of [MAGIC, this.digest(kind, name, parts), ...parts]) {
          for (let at = 0; at < b.length; ) at += writeSync(fd, b, at);
          size += b.length;
        }
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
      this.stats.written++;
      this.stats.bytesWritten += size;
    } catch {
      this.writable = false;
    }
  }

  /** The tag file and the namespace's owner, written with the first entry. */
  private prepareRoot(): void {
    mkdirSync(this.dir, { recursive: true });
    const tag = join(this.root, 'CACHEDIR.TAG');
    if (!existsSync(tag)) writeFileSync(tag, TAG);
    const owner = join(this.dir, 'build');
    if (!existsSync(owner)) writeFileSync(owner, `${this.fingerprint}\n`);
  }

  /** After a scan: update the size estimate and evict least recently used entries when over the cap. */
  close(): void {
    if (!this.stats.bytesWritten || !this.writable) return;
    const usageFile = join(this.root, 'usage.json');
    let estimate: number | undefined;
    try {
      const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { bytes?: unknown };
      if (typeof u.bytes === 'number' && Number.isFinite(u.bytes) && u.bytes >= 0) estimate = u.bytes + this.stats.bytesWritten;
    } catch {
      // no estimate yet: walk
    }
    try {
      if (estimate === undefined || estimate > this.maxBytes) {
        const r = evict(this.root, Math.floor(this.maxBytes * EVICT_TO), { whenOver: this.maxBytes });
        this.stats.evicted += r.deleted;
        estimate = r.bytes;
      }
      writeUsage(this.root, estimate);
    } catch {
      // eviction is best effort
    }
  }
}

function writeUsage(root: string, bytes: number): void {
  const file = join(root, 'usage.json');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ bytes })}\n`);
  renameSync(tmp, file);
}

// -------------------------------------------------------------------------------------------------------------
// Walking, eviction and the `ascendify cache` command. Only names of the tool's layouts are touched.

/** Layout folders at the root: the current one and those of earlier versions (v1 facts, r1/r2 results). */
const LAYOUTS = new Set([CACHE_LAYOUT, 'v1', 'r1', 'r2']);
const NAMESPACE = /^[0-9a-f]{16,20}$/;
const ENTRY = /^[0-9a-f]{2,64}(\.json|\.bin)?$/;
const TEMP = /\.\d+\.[0-9a-z]+\.tmp$/;

export interface CacheEntry {
  path: string;
  size: number;
  mtimeMs: number;
  layout: string;
  namespace: string;
}

export interface CacheListing {
  entries: CacheEntry[];
  /** Temp files of interrupted writes. */
  temps: string[];
  bytes: number;
  /** namespace -> owning build fingerprint (current layout only; undefined when not recorded). */
  owners: Map<string, string | undefined>;
}

/** Every entry of the tool's layouts under `root` (nothing else is listed). */
export function listCache(root: string): CacheListing {
  const out: CacheListing = { entries: [], temps: [], bytes: 0, owners: new Map() };
  const walk = (dir: string, layout: string, namespace: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (/^[0-9a-f]{2}$/.test(n) || n === 'facts' || n === 'results' || n === 'manifests') walk(p, layout, namespace);
      } else if (st.isFile()) {
        if (TEMP.test(n)) out.temps.push(p);
        else if (ENTRY.test(n)) {
          out.entries.push({ path: p, size: st.size, mtimeMs: st.mtimeMs, layout, namespace });
          out.bytes += st.size;
        }
      }
    }
  };
  let layouts: string[];
  try {
    layouts = readdirSync(root);
  } catch {
    return out;
  }
  for (const layout of layouts.filter((l) => LAYOUTS.has(l))) {
    let namespaces: string[];
    try {
      namespaces = readdirSync(join(root, layout));
    } catch {
      continue;
    }
    for (const ns of namespaces.filter((n) => NAMESPACE.test(n))) {
      if (layout === CACHE_LAYOUT) {
        let owner: string | undefined;
        try {
          owner = readFileSync(join(root, layout, ns, 'build'), 'utf8').trim();
        } catch {
          owner = undefined;
        }
        out.owners.set(ns, owner);
      }
      walk(join(root, layout, ns), layout, ns);
    }
  }
  return out;
}

function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Remove folders of the layouts that are empty now (deepest first); the rest stay. */
function removeEmptyFolders(root: string): void {
  const sweep = (dir: string, depth: number): boolean => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return false;
    }
    let empty = true;
    for (const n of names) {
      const p = join(dir, n);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue;
      }
      if (isDir && depth < 4 && sweep(p, depth + 1)) continue;
      if (depth === 2 && n === 'build' && !isDir) continue; // an owner file alone does not keep a namespace
      empty = false;
    }
    if (empty && depth > 0) {
      removeQuietly(join(dir, 'build'));
      try {
        rmdirSync(dir);
      } catch {
        return false;
      }
    }
    return empty;
  };
  for (const layout of LAYOUTS) if (existsSync(join(root, layout))) sweep(join(root, layout), 1);
}

export interface EvictResult {
  deleted: number;
  /** Bytes of entries left. */
  bytes: number;
}

/**
 * Delete entries, least recently used first, until at most `targetBytes` are left; with `whenOver`, only when the
 * folder holds more than that. Stale temp files (an interrupted write, older than an hour) go too.
 */
export function evict(root: string, targetBytes: number, options: { whenOver?: number; now?: number } = {}): EvictResult {
  const listing = listCache(root);
  const now = options.now ?? Date.now();
  for (const t of listing.temps) {
    try {
      if (now - statSync(t).mtimeMs > 3600_000) unlinkSync(t);
    } catch {
      // gone already
    }
  }
  let bytes = listing.bytes;
  let deleted = 0;
  if (options.whenOver !== undefined && bytes <= options.whenOver) return { deleted, bytes };
  const order = [...listing.entries].sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
  for (const e of order) {
    if (bytes <= targetBytes) break;
    if (removeQuietly(e.path)) {
      bytes -= e.size;
      deleted++;
    }
  }
  if (deleted) removeEmptyFolders(root);
  return { deleted, bytes };
}

export interface CacheInfo {
  root: string;
  exists: boolean;
  bytes: number;
  entries: number;
  maxBytes: number;
  /** Per namespace: entries, bytes, whether the running build wrote it, the newest use. */
  namespaces: { layout: string; namespace: string; entries: number; bytes: number; currentBuild: boolean; lastUsed: number }[];
}

export function cacheInfo(root: string, maxBytes = cacheMaxBytes(), fingerprint = buildFingerprint()): CacheInfo {
  const listing = listCache(root);
  const by = new Map<string, CacheInfo['namespaces'][number]>();
  for (const e of listing.entries) {
    const key = `${e.layout}/${e.namespace}`;
    let n = by.get(key);
    if (!n) by.set(key, (n = { layout: e.layout, namespace: e.namespace, entries: 0, bytes: 0, currentBuild: e.layout === CACHE_LAYOUT && listing.owners.get(e.namespace) === fingerprint, lastUsed: 0 }));
    n.entries++;
    n.bytes += e.size;
    n.lastUsed = Math.max(n.lastUsed, e.mtimeMs);
  }
  return {
    root,
    exists: existsSync(root),
    bytes: listing.bytes,
    entries: listing.entries.length,
    maxBytes,
    namespaces: [...by.values()].sort((a, b) => b.lastUsed - a.lastUsed || (a.namespace < b.namespace ? -1 : 1)),
  };
}

/**
 * `ascendify cache prune`: delete what the running build can never read (earlier layouts, namespaces of other
 * builds, stale temp files), then least recently used entries down to `maxBytes`.
 */
export function pruneCache(root: string, maxBytes = cacheMaxBytes(), fingerprint = buildFingerprint()): EvictResult & { stale: number } {
  const listing = listCache(root);
  let stale = 0;
  for (const e of listing.entries) {
    const current = e.layout === CACHE_LAYOUT && listing.owners.get(e.namespace) === fingerprint;
    if (!current && removeQuietly(e.path)) stale++;
  }
  removeEmptyFolders(root);
  const r = evict(root, maxBytes, { now: Date.now() + 3600_000 }); // every temp file counts as stale here
  if (existsSync(root)) writeUsage(root, r.bytes);
  return { ...r, stale };
}

/** `ascendify cache clear`: delete every entry of the tool's layouts (the folder and anything else in it stay). */
export function clearCache(root: string): { deleted: number; bytes: number } {
  const listing = listCache(root);
  let deleted = 0;
  let bytes = 0;
  for (const e of listing.entries) {
    if (removeQuietly(e.path)) {
      deleted++;
      bytes += e.size;
    }
  }
  for (const t of listing.temps) removeQuietly(t);
  removeEmptyFolders(root);
  removeQuietly(join(root, 'usage.json'));
  return { deleted, bytes };
}
