/**
 * Scan-level caches: the finished report of a scan, reused when nothing it depends on has changed, and the
 * metadata manifest that lets a re-scan know files are unchanged without reading them.
 *
 * Manifest (metadata first): per scanned tree (its root), every file's inode, size, modification and change times
 * (nanoseconds) and content key. A file whose metadata all match has that content key without being read; any
 * other file is read and hashed. A file changed in the two seconds before the scan started is not recorded (its
 * time stamps could repeat after another edit in the same clock tick), so it is hashed again next time.
 *
 * Result key: the scan's setup (root, targets, config, effort weights, baseline, limits, skipped files) and every
 * file's content key, in order; the build and catalog are the store's namespace. Any difference is a miss, and
 * the scan runs as usual (through the facts cache). One result per slot and one manifest per tree: a new one
 * replaces the previous, so the folder does not grow with every edit. Storage: the compact binary form of codec.ts.
 *
 * alt: storing the rendered JSON report; reading 300 MB of JSON back costs more than the scan it saves.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Report, SourceFile } from '../model/index.js';
import { decode, encode } from './codec.js';
import type { CacheStore } from './store.js';

export { decode, encode };

/** What a file's metadata says: it is unchanged when all of these are. */
export interface FileStat {
  ino: string;
  size: number;
  mtimeNs: string;
  ctimeNs: string;
}

/** A file's metadata now (undefined when it cannot be stat'ed: the parse stage reports why). */
export function fileStat(absPath: string): FileStat | undefined {
  try {
    const s = statSync(absPath, { bigint: true });
    if (!s.isFile()) return undefined;
    return { ino: String(s.ino), size: Number(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
  } catch {
    return undefined;
  }
}

const sameStat = (a: FileStat, b: FileStat): boolean => a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** How long before the scan a change must be for its time stamps to be trusted next time. */
const RACY_NS = 2_000_000_000n;

interface ManifestFile {
  /** path -> [ino, size, mtimeNs, ctimeNs, content key] */
  files: Record<string, [string, number, string, string, string]>;
}

const isManifest = (v: unknown): v is ManifestFile => {
  if (typeof v !== 'object' || v === null || typeof (v as ManifestFile).files !== 'object' || (v as ManifestFile).files === null) return false;
  for (const e of Object.values((v as ManifestFile).files)) {
    if (!Array.isArray(e) || e.length !== 5 || typeof e[0] !== 'string' || typeof e[1] !== 'number' || typeof e[2] !== 'string' || typeof e[3] !== 'string' || !/^[0-9a-f]{40}$/.test(String(e[4]))) return false;
  }
  return true;
};

export interface ScanCacheSetup {
  store: CacheStore;
  /** What identifies the scan apart from file contents (root, targets, config, baseline): one result per slot. */
  slot: unknown;
  /** The scanned tree (its absolute root): one manifest per tree, shared by every setup that scans it. */
  tree: string;
  /** Everything else the report depends on (config, weights, baseline, skipped files ...); JSON-serialisable. */
  setup: unknown;
  maxFileSize: number;
}

/** The content keys of a scan's files, found through the manifest or by hashing. */
export interface FileKeys {
  /** Per file, in order: its content key; undefined when it was not read (over the size limit, unreadable). */
  keys: (string | undefined)[];
  /** Per file: its metadata before the scan. */
  stats: (FileStat | undefined)[];
  /** Files whose key came from the manifest (not read). */
  fromMetadata: number;
  /** Whether this tree had a manifest at all (false: a first scan). */
  hadManifest: boolean;
  /** The keys are not known yet (a first scan): the parse stage fills them in. */
  pending: boolean;
}

export class ScanCache {
  private readonly slotName: string;
  private readonly treeName: string;
  private manifest: ManifestFile | undefined;
  private loaded = false;
  /** When the scan began reading files (wall clock, as file time stamps are). */
  readonly startedNs = BigInt(Date.now()) * 1_000_000n;

  constructor(private readonly s: ScanCacheSetup) {
    this.slotName = createHash('sha1').update(JSON.stringify(s.slot)).digest('hex').slice(0, 32);
    this.treeName = createHash('sha1').update(JSON.stringify({ tree: s.tree })).digest('hex').slice(0, 32);
  }

  private loadManifest(): ManifestFile | undefined {
    if (this.loaded) return this.manifest;
    this.loaded = true;
    const bytes = this.s.store.read('manifests', this.treeName);
    if (!bytes) return undefined;
    try {
      const v: unknown = JSON.parse(bytes.toString('utf8'));
      if (isManifest(v)) this.manifest = v;
    } catch {
      // a miss
    }
    return this.manifest;
  }

  /** Whether this tree has a manifest (false: its first scan, so most files will be parsed). */
  hasManifest(): boolean {
    return this.loadManifest() !== undefined;
  }

  /**
   * Step one of a cached scan: every file's metadata, and its content key where the manifest vouches for it.
   * `hash(index)` is called for the others (in order) and returns the key or undefined. Without a manifest (the
   * first scan of this tree) nothing is hashed here: the parse workers, which read every file anyway, report the
   * keys (`FileKeys.pending`), and no stored result can be looked up before.
   */
  keys(files: SourceFile[], hash: (file: SourceFile, index: number) => string | undefined): FileKeys {
    const manifest = this.loadManifest();
    const keys: (string | undefined)[] = new Array<string | undefined>(files.length);
    const stats: (FileStat | undefined)[] = new Array<FileStat | undefined>(files.length);
    let fromMetadata = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const st = fileStat(f.absPath);
      stats[i] = st;
      if (!st || st.size > this.s.maxFileSize) continue; // counted by size, or reported by the parse stage
      if (!manifest) continue;
      const m = manifest.files[f.path];
      if (m && sameStat(st, { ino: m[0], size: m[1], mtimeNs: m[2], ctimeNs: m[3] })) {
        keys[i] = m[4];
        fromMetadata++;
      } else {
        keys[i] = hash(f, i);
      }
    }
    return { keys, stats, fromMetadata, hadManifest: manifest !== undefined, pending: !manifest };
  }

  /** The result key of a scan whose files have these keys (undefined when a file that should be read was not). */
  resultKey(files: SourceFile[], k: FileKeys): string | undefined {
    const hash = createHash('sha1').update(JSON.stringify({ slot: this.s.slot, setup: this.s.setup }));
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const st = k.stats[i];
      hash.update(`\0${f.path}\0${f.language}\0`);
      if (st && st.size > this.s.maxFileSize) {
        hash.update(`size ${st.size}`);
        continue;
      }
      const key = k.keys[i];
      if (key === undefined) return undefined;
      hash.update(key);
    }
    return hash.digest('hex');
  }

  getResult(key: string): Report | undefined {
    const bytes = this.s.store.read('results', this.slotName);
    if (!bytes) return undefined;
    try {
      const value = decode(bytes, key);
      return isReport(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * After the scan: store the manifest (files unchanged since step one, and changed long enough before the scan)
   * and, when `report` is given and no file changed while the scan ran, the result.
   */
  finish(files: SourceFile[], k: FileKeys, resultKey: string | undefined, report: Report | undefined): void {
    const files2: ManifestFile['files'] = {};
    let unchanged = true;
    const trustedBefore = this.startedNs - RACY_NS;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const before = k.stats[i];
      const now = fileStat(f.absPath);
      if (!before || !now || !sameStat(before, now)) {
        if (before || now) unchanged = false;
        continue;
      }
      const key = k.keys[i];
      if (key === undefined) continue;
      if (BigInt(now.mtimeNs) >= trustedBefore || BigInt(now.ctimeNs) >= trustedBefore) continue;
      files2[f.path] = [now.ino, now.size, now.mtimeNs, now.ctimeNs, key];
    }
    const manifest: ManifestFile = { files: files2 };
    const old = this.manifest ? JSON.stringify(this.manifest) : undefined;
    const text = JSON.stringify(manifest);
    if (text !== old) this.s.store.write('manifests', this.treeName, Buffer.from(text, 'utf8'));
    if (report && resultKey && unchanged) {
      let bytes: Buffer | undefined;
      try {
        // The effort items (about a third of a large report) are decoded only when read: the text report never does.
        bytes = encode(report, resultKey, new Set((report.effort?.targets ?? []).map((t) => t.items)));
      } catch {
        bytes = undefined; // a value the codec cannot hold: not cached
      }
      if (bytes) this.s.store.write('results', this.slotName, bytes);
    }
  }
}

const isReport = (v: unknown): v is Report =>
  typeof v === 'object' && v !== null && (v as Report).schemaVersion === 2 && Array.isArray((v as Report).findings) && Array.isArray((v as Report).files);
