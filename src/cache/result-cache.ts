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

// ---------------------------------------------------------------------------------------------
// Compact encoding: a stream of int32 tokens, plus a JSON header with the key, the strings, the
// non-integer numbers and the object shapes (key lists). Objects referenced more than once are
// stored once and referred to by id afterwards. Values follow JSON's rules (undefined members
// are left out), so the decoded report renders exactly as the original.

const T = { null: 0, false: 1, true: 2, int: 3, float: 4, string: 5, array: 6, object: 7, define: 8, ref: 9 } as const;

interface Header {
  key: string;
  strings: string[];
  floats: number[];
  shapes: number[][];
}

class Tokens {
  buf = new Int32Array(1 << 16);
  n = 0;

  push(v: number): void {
    if (this.n === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = v;
  }
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function encode(root: unknown, key: string): Buffer {
  // Pass 1: which objects are referenced more than once.
  const seen = new Map<object, number>();
  const count = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    const c = seen.get(v);
    seen.set(v, (c ?? 0) + 1);
    if (c !== undefined) return;
    if (Array.isArray(v)) for (const x of v) count(x);
    else for (const x of Object.values(v)) count(x);
  };
  count(root);

  const strings = new Map<string, number>();
  const floats = new Map<number, number>();
  const shapes = new Map<string, number>();
  const header: Header = { key, strings: [], floats: [], shapes: [] };
  const ids = new Map<object, number>();
  const out = new Tokens();
  const str = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) {
      strings.set(s, (i = header.strings.length));
      header.strings.push(s);
    }
    return i;
  };
  const put = (v: unknown): void => {
    if (v === null || skipped(v)) return out.push(T.null);
    if (v === true) return out.push(T.true);
    if (v === false) return out.push(T.false);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return out.push(T.null); // as JSON renders it
      if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0)) {
        out.push(T.int);
        return out.push(v);
      }
      let i = floats.get(v);
      if (i === undefined) {
        floats.set(v, (i = header.floats.length));
        header.floats.push(v);
      }
      out.push(T.float);
      return out.push(i);
    }
    if (typeof v === 'string') {
      out.push(T.string);
      return out.push(str(v));
    }
    if (typeof v !== 'object') throw new Error(`cannot encode a ${typeof v}`);
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw new Error('cannot encode an object with toJSON');
    const id = ids.get(v);
    if (id !== undefined) {
      out.push(T.ref);
      return out.push(id);
    }
    if ((seen.get(v) ?? 0) > 1) {
      ids.set(v, ids.size);
      out.push(T.define);
      out.push(ids.size - 1);
    }
    if (Array.isArray(v)) {
      out.push(T.array);
      out.push(v.length);
      for (const x of v) put(x);
      return;
    }
    const entries = Object.entries(v).filter(([, x]) => !skipped(x));
    const shapeKey = entries.map(([k]) => k).join('\0');
    let shape = shapes.get(shapeKey);
    if (shape === undefined) {
      shapes.set(shapeKey, (shape = header.shapes.length));
      header.shapes.push(entries.map(([k]) => str(k)));
    }
    out.push(T.object);
    out.push(shape);
    for (const [, x] of entries) put(x);
  };
  put(root);

  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((4 + head.length) % 4)) % 4;
  const bytes = Buffer.alloc(4 + head.length + pad + out.n * 4);
  bytes.writeUInt32LE(head.length, 0);
  head.copy(bytes, 4);
  Buffer.from(out.buf.buffer, 0, out.n * 4).copy(bytes, 4 + head.length + pad);
  return bytes;
}

/** The value stored in `bytes` when its key is `key`; throws on anything malformed; undefined for another key. */
export function decode(bytes: Buffer, key: string): unknown {
  const headLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as Header;
  if (header.key !== key) return undefined;
  const start = 4 + headLength + ((4 - ((4 + headLength) % 4)) % 4);
  if ((bytes.length - start) % 4 !== 0) throw new Error('truncated');
  // Copy into an aligned buffer (a Buffer from readFileSync may sit at any offset of its pool).
  const tok = new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
  const { strings, floats } = header;
  const shapes = header.shapes.map((s) => s.map((i) => strings[i]!));
  const shared: unknown[] = [];
  let pos = 0;
  const at = (): number => {
    if (pos >= tok.length) throw new Error('truncated');
    return tok[pos++]!;
  };
  const get = (): unknown => {
    const t = at();
    switch (t) {
      case T.null:
        return null;
      case T.false:
        return false;
      case T.true:
        return true;
      case T.int:
        return at();
      case T.float: {
        const v = floats[at()];
        if (v === undefined) throw new Error('bad number');
        return v;
      }
      case T.string: {
        const v = strings[at()];
        if (v === undefined) throw new Error('bad string');
        return v;
      }
      case T.array: {
        const n = at();
        const a: unknown[] = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = get();
        return a;
      }
      case T.object: {
        const keys = shapes[at()];
        if (!keys) throw new Error('bad shape');
        const o: Record<string, unknown> = {};
        for (const k of keys) o[k] = get();
        return o;
      }
      case T.define: {
        const id = at();
        const v = get();
        shared[id] = v;
        return v;
      }
      case T.ref: {
        const v = shared[at()];
        if (v === undefined) throw new Error('bad reference');
        return v;
      }
      default:
        throw new Error(`bad token ${t}`);
    }
  };
  const value = get();
  if (pos !== tok.length) throw new Error('trailing data');
  return value;
}

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
