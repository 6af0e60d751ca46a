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

const FORMAT = 'r2';

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
  typeof v === 'object' && v !== null && (v as Report).schemaVersion === 2 && Array.isArray((v as Report).findings) && Array.isArray((v as Report).files);

// ---------------------------------------------------------------------------------------------
// Compact encoding: a stream of int32 tokens, plus a JSON header with the key, the strings and the
// object shapes (key lists). A token is a tag in its low 4 bits and a payload (a small whole
// number, a table index, a length, a shape or an id) above; any other number follows its NUMBER
// token as the two halves of its 64-bit float.
// Small objects that hold objects (a finding's per-target answers) and are referenced more than once
// are stored once and referred to by id afterwards: each is preceded by a slot that becomes DEFINE
// when a second reference turns up. Objects of plain values (hour ranges) are cheaper to repeat. Values follow JSON's rules (undefined members are left out), so the decoded report
// renders exactly as the original.

const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const INT = 3;
const NUMBER = 4;
const STRING = 5;
const ARRAY = 6;
const OBJECT = 7;
const DEFINE = 8;
const REF = 9;
/** A small object seen once so far (its slot; DEFINE once it is seen again). */
const ONCE = 10;
/** Objects with at most this many keys are checked for sharing (larger ones are findings and items: one reference each). */
const SHARE_KEYS = 8;

/** Is this object worth checking for sharing: small, and holding objects? */
function shareable(keys: string[], values: unknown[]): boolean {
  if (keys.length > SHARE_KEYS) return false;
  for (const x of values) if (typeof x === 'object' && x !== null) return true;
  return false;
}
const MAX_PAYLOAD = 2 ** 27 - 1;

interface Header {
  key: string;
  strings: string[];
  shapes: number[][];
}

interface ShapeNode {
  next: Map<string, ShapeNode>;
  id: number;
}

/** A float's two 32-bit halves. */
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function encode(root: unknown, key: string): Buffer {
  const header: Header = { key, strings: [], shapes: [] };
  const strings = new Map<string, number>();
  const shapes: ShapeNode = { next: new Map(), id: -1 };
  // Small objects: the slot of their first occurrence, or -(id + 1) once shared.
  const slots = new Map<object, number>();
  let shared = 0;
  let buf = new Int32Array(1 << 20);
  let n = 0;
  const raw = (token: number): void => {
    if (n === buf.length) {
      const next = new Int32Array(buf.length * 2);
      next.set(buf);
      buf = next;
    }
    buf[n++] = token;
  };
  const push = (tag: number, payload: number): void => {
    if (payload > MAX_PAYLOAD) throw new Error('too large to cache');
    raw(tag | (payload << 4));
  };
  const str = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) {
      strings.set(s, (i = header.strings.length));
      header.strings.push(s);
    }
    return i;
  };
  const shapeOf = (keys: string[], values: unknown[]): number => {
    let node = shapes;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === '__proto__') throw new Error('cannot encode a __proto__ key');
      if (skipped(values[i])) continue;
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), id: -1 }));
      node = child;
    }
    if (node.id === -1) {
      node.id = header.shapes.length;
      header.shapes.push(keys.filter((_, i) => !skipped(values[i])).map(str));
    }
    return node.id;
  };
  const put = (v: unknown): void => {
    if (v === null || skipped(v)) return push(NULL, 0);
    if (v === true) return push(TRUE, 0);
    if (v === false) return push(FALSE, 0);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return push(NULL, 0); // as JSON renders it
      if (Number.isInteger(v) && v >= 0 && v <= MAX_PAYLOAD && !Object.is(v, -0)) return push(INT, v);
      push(NUMBER, 0);
      f64[0] = v;
      raw(i32[0]!);
      return raw(i32[1]!);
    }
    if (typeof v === 'string') return push(STRING, str(v));
    if (typeof v !== 'object') throw new Error(`cannot encode a ${typeof v}`);
    if (Array.isArray(v)) {
      push(ARRAY, v.length);
      for (const x of v) put(x);
      return;
    }
    // Plain objects only (a Date or a class instance would not render the same after decoding).
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new Error('cannot encode an object that is not plain');
    const keys = Object.keys(v);
    const values = Object.values(v);
    if (shareable(keys, values)) {
      const slot = slots.get(v);
      if (slot !== undefined) {
        if (slot < 0) return push(REF, -slot - 1);
        const id = shared++;
        buf[slot] = DEFINE | (id << 4);
        slots.set(v, -id - 1);
        return push(REF, id);
      }
      slots.set(v, n);
      push(ONCE, 0);
    }
    push(OBJECT, shapeOf(keys, values));
    for (const x of values) if (!skipped(x)) put(x);
  };
  put(root);

  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((4 + head.length) % 4)) % 4;
  const bytes = Buffer.alloc(4 + head.length + pad + n * 4);
  bytes.writeUInt32LE(head.length, 0);
  head.copy(bytes, 4);
  Buffer.from(buf.buffer, 0, n * 4).copy(bytes, 4 + head.length + pad);
  return bytes;
}

/** The value stored in `bytes` when its key is `key`; undefined for another key; throws on anything malformed. */
export function decode(bytes: Buffer, key: string): unknown {
  const headLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as Header;
  if (header.key !== key) return undefined;
  const start = 4 + headLength + ((4 - ((4 + headLength) % 4)) % 4);
  if ((bytes.length - start) % 4 !== 0) throw new Error('truncated');
  // Copied into an aligned buffer (a Buffer from readFileSync may sit at any offset of its pool).
  const tok = new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
  const { strings } = header;
  const shapes = header.shapes.map((s) => s.map((i) => valid(strings[i])));
  const shared: unknown[] = [];
  // One object-literal factory per shape: objects get their final layout at once.
  const makers: ((g: () => unknown) => unknown)[] = [];
  const maker = (shape: number): ((g: () => unknown) => unknown) => {
    const keys = valid(shapes[shape]);
    if (keys.includes('__proto__')) throw new Error('bad shape');
    // The keys are JSON string literals (JSON.stringify), so the source holds no code from the file.
    return (makers[shape] = new Function('g', `return { ${keys.map((k) => `${JSON.stringify(k)}: g()`).join(', ')} };`) as (g: () => unknown) => unknown);
  };
  let pos = 0;
  // Reading past the end gives undefined tokens (an error below, or a position check at the end).
  const get = (): unknown => {
    const t = tok[pos++]!;
    const payload = t >>> 4;
    switch (t & 15) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT:
        return payload;
      case NUMBER:
        if (pos + 2 > tok.length) throw new Error('truncated');
        i32[0] = tok[pos++]!;
        i32[1] = tok[pos++]!;
        return f64[0];
      case STRING:
        return valid(strings[payload]);
      case ARRAY: {
        const a: unknown[] = new Array<unknown>(payload);
        for (let i = 0; i < payload; i++) a[i] = get();
        return a;
      }
      case OBJECT:
        return (makers[payload] ?? maker(payload))(get);
      case ONCE:
        return get();
      case DEFINE: {
        const v = get();
        shared[payload] = v;
        return v;
      }
      case REF:
        return valid(shared[payload]);
      default:
        throw new Error('bad token');
    }
  };
  const value = get();
  if (pos !== tok.length) throw new Error('truncated or trailing data');
  return value;
}

function valid<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('bad reference');
  return v;
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
