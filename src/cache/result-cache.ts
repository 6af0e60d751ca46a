/**
 * Scan-level result cache: the finished report of a scan, reused when nothing it depends on has
 * changed, so a re-scan of an unchanged tree skips matching, scoring and the facts cache as well.
 *
 * Key: the facts cache's namespace (tool, catalog, tree-sitter versions, front-end code), a
 * fingerprint of every module of the running build (match, score, CI and report code included),
 * the scan's setup (root, targets, config, effort weights, baseline, file-size limit, skipped
 * files) and the content key of every file, in order. Any difference is a miss, and the scan runs
 * as usual (through the facts cache). One entry per scan setup (`slot`): a new result replaces the
 * previous one, so the folder does not grow with every edit.
 *
 * Storage: a compact binary form of the report (shared objects stored once, strings in a table),
 * which reads back in a fraction of the time JSON.parse takes on the rendered report. Anything
 * unreadable is a miss. Writes go to a temp file and are renamed into place.
 *
 * alt: storing the rendered JSON report; reading 300 MB of JSON back costs more than the scan it saves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report, SourceFile } from '../model/index.js';
import { cacheNamespace, type CacheVersions } from './facts-cache.js';

const FORMAT = 'r1';

/** Every module of the running build (dist/ or src/): any change to the code that makes a report is a new key. */
function buildFingerprint(): string {
  const hash = createHash('sha1');
  const top = join(dirname(fileURLToPath(import.meta.url)), '..');
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (/\.(ts|js)$/.test(n)) hash.update(p.slice(top.length)).update(readFileSync(p));
      else if (!n.includes('.') && statSync(p).isDirectory()) walk(p);
    }
  };
  walk(top);
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/**
 * The key of one scan: its setup and every file's content. Files larger than `maxFileSize` count by
 * size (they are skipped unread). Undefined when a file cannot be read (the parse stage reports it).
 */
export function scanKey(setup: unknown, files: SourceFile[], maxFileSize: number, fileKey: (file: SourceFile, bytes: Uint8Array) => string): string | undefined {
  fingerprint ??= buildFingerprint();
  const hash = createHash('sha1').update(FORMAT).update(fingerprint).update(JSON.stringify(setup));
  for (const f of files) {
    hash.update(`\0${f.path}\0${f.language}\0`);
    if (f.size > maxFileSize) {
      hash.update(`size ${f.size}`);
      continue;
    }
    try {
      hash.update(fileKey(f, readFileSync(f.absPath)));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}

export class ResultCache {
  readonly dir: string;

  constructor(root: string, versions: CacheVersions) {
    this.dir = join(root, FORMAT, cacheNamespace(versions));
  }

  private pathOf(slot: string): string {
    return join(this.dir, `${createHash('sha1').update(slot).digest('hex').slice(0, 24)}.bin`);
  }

  /** The report stored in this slot under this key, or undefined (missing, another key, unreadable). */
  get(slot: string, key: string): Report | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(slot));
    } catch {
      return undefined;
    }
    try {
      const value = decode(bytes, key);
      return isReport(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Store a report (replacing the slot's previous one). Failures are silent: the cache is an optimisation. */
  set(slot: string, key: string, report: Report): void {
    const path = this.pathOf(slot);
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, encode(report, key));
      renameSync(tmp, path);
    } catch {
      // read-only or full disk: the next scan runs in full
    }
  }
}

const isReport = (v: unknown): v is Report =>
  typeof v === 'object' && v !== null && (v as Report).schemaVersion === 1 && Array.isArray((v as Report).findings) && Array.isArray((v as Report).files);

@@CODEC@@
/** The result cache for one scan: `get` before the parse stage, `set` after the scan. */
export interface ResultLookup {
  get(): Report | undefined;
  set(report: Report): void;
}

export interface ResultSetup {
  /** Cache folder (the facts cache's). */
  root: string;
  versions: CacheVersions;
  /** What identifies the scan apart from file contents (root, targets, options): one stored result per slot. */
  slot: unknown;
  /** Everything else the report depends on (config, weights, baseline, skipped files ...); JSON-serialisable. */
  setup: unknown;
  files: SourceFile[];
  maxFileSize: number;
  fileKey: (file: SourceFile, bytes: Uint8Array) => string;
}

export function resultLookup(s: ResultSetup): ResultLookup {
  const cache = new ResultCache(s.root, s.versions);
  const slot = JSON.stringify(s.slot);
  const keyNow = (): string | undefined => scanKey({ slot: s.slot, setup: s.setup }, s.files, s.maxFileSize, s.fileKey);
  let before: string | undefined;
  return {
    get() {
      before = keyNow();
      return before === undefined ? undefined : cache.get(slot, before);
    },
    set(report) {
      // Stored only when no file changed while the scan ran (else the report fits neither content).
      const after = keyNow();
      if (after !== undefined && after === before) cache.set(slot, after, report);
    },
  };
}
