/**
 * A compact binary form for plain JSON-like values (reports, a file's facts): a stream of int32 tokens plus a JSON
 * header with the strings and the object shapes (key lists). Repeated strings and shapes are stored once; small
 * objects that hold objects and are referenced several times (a finding's per-target answers) are stored once and
 * referred to afterwards, so a decoded report shares them as the original did. Decoding is several times faster
 * than JSON.parse of the rendered text. Values follow JSON's rules (undefined members are left out), so a decoded
 * value renders exactly as the original.
 */
// Encoding: a stream of int32 tokens, plus a JSON header with the key, the strings and the
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
/** A value decoded on first use: the payload is the number of tokens that encode it, which follow. */
const LAZY = 11;
/** Objects with at most this many keys are checked for sharing (larger ones are findings and items: one reference each). */
const SHARE_KEYS = 8;

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

/**
 * `lazy`: objects (property values) to decode only when first read, e.g. the effort items of a report, which the
 * text report never reads: they are skipped over when the rest is decoded and become accessors on their parent.
 * Objects inside a lazy value are never shared with the rest.
 */
export function encode(root: unknown, key: string, lazy: ReadonlySet<object> = new Set()): Buffer {
  const header: Header = { key, strings: [], shapes: [] };
  const strings = new Map<string, number>();
  const shapes: ShapeNode = { next: new Map(), id: -1 };
  // Small objects: the slot of their first occurrence, or -(id + 1) once shared.
  const slots = new Map<object, number>();
  let shared = 0;
  let inLazy = 0;
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
  const put = (v: unknown, property = false): void => {
    if (property && inLazy === 0 && typeof v === 'object' && v !== null && lazy.has(v)) {
      const slot = n;
      raw(0);
      inLazy++;
      put(v);
      inLazy--;
      const length = n - slot - 1;
      if (length > MAX_PAYLOAD) throw new Error('too large to cache');
      buf[slot] = LAZY | (length << 4);
      return;
    }
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
    const o = v as Record<string, unknown>;
    // One pass for the shape (no key or value arrays: findings and effort items number in the hundreds of
    // thousands), one for the values. for-in over a plain object is its own keys, in Object.keys order.
    let node = shapes;
    let count = 0;
    let holdsObject = false;
    for (const k in o) {
      count++;
      if (k === '__proto__') throw new Error('cannot encode a __proto__ key');
      const x = o[k];
      if (skipped(x)) continue;
      if (typeof x === 'object' && x !== null) holdsObject = true;
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), id: -1 }));
      node = child;
    }
    if (inLazy === 0 && count <= SHARE_KEYS && holdsObject) {
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
    if (node.id === -1) {
      node.id = header.shapes.length;
      const keys: number[] = [];
      for (const k in o) if (!skipped(o[k])) keys.push(str(k));
      header.shapes.push(keys);
    }
    push(OBJECT, node.id);
    for (const k in o) {
      const x = o[k];
      if (!skipped(x)) put(x, true);
    }
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
  // A view when the tokens sit at a 4-byte boundary of their buffer (a large file read whole does), else a copy (a
  // small Buffer may sit at any offset of Node's pool). Tokens are in the machine's byte order either way.
  const offset = bytes.byteOffset + start;
  const tok = offset % 4 === 0
    ? new Int32Array(bytes.buffer, offset, (bytes.length - start) / 4)
    : new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
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
  /** Lazy values met while the current object was being made. */
  let lazyMet = 0;
  /** A lazy value as a placeholder, until its parent object makes it an accessor. */
  class Lazy {
    constructor(readonly from: number, readonly to: number) {}
    value(): unknown {
      const saved = pos;
      pos = this.from;
      const v = get();
      if (pos !== this.to) throw new Error('malformed lazy value');
      pos = saved;
      return v;
    }
  }
  const accessors = (o: Record<string, unknown>, keys: string[]): void => {
    for (const k of keys) {
      const l = o[k];
      if (!(l instanceof Lazy)) continue;
      // Redefining keeps the property's place, so the object renders in the same key order.
      const settle = (v: unknown): unknown => (Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }), v);
      Object.defineProperty(o, k, { get: () => settle(l.value()), set: (v: unknown) => void settle(v), enumerable: true, configurable: true });
    }
  };
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
      case OBJECT: {
        const before = lazyMet;
        const o = (makers[payload] ?? maker(payload))(get);
        if (lazyMet !== before) accessors(o as Record<string, unknown>, valid(shapes[payload]));
        return o;
      }
      case LAZY: {
        const from = pos;
        pos += payload;
        if (pos > tok.length) throw new Error('truncated');
        lazyMet++;
        return new Lazy(from, pos);
      }
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

