/**
 * Text bound for a terminal: control characters (C0 including newline and tab, DEL, C1) and the Unicode
 * bidirectional overrides become visible escapes (`\x1b`, `\u202e`), so a file named `\x1b]0;…\x07x.cu`
 * cannot retitle the terminal, move the cursor, hide a line or reorder what is shown. Applied to every string of
 * a report before the text renderer adds its own colours, and to gate messages and errors on stderr.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** One value (a path, a name, a message) with its control characters escaped. */
export function escapeControl(text: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * `value` (a report, or any JSON-like data) as a view whose strings read escaped with `escapeControl`, keys
 * included. The view escapes what is read, when it is read: the text report reads a few hundred of a large
 * report's strings, and walking all of them (every finding's) cost more than the rest of a warm scan. An object
 * with a key that needs escaping is copied with escaped keys (rare); nothing else is copied.
 */
export function terminalSafe<T>(value: T): T {
  return view(value) as T;
}

const views = new WeakMap<object, object>();

const HANDLER: ProxyHandler<object> = {
  get(target, key, receiver) {
    const v = Reflect.get(target, key, receiver) as unknown;
    return typeof key === 'string' ? view(v) : v;
  },
  getOwnPropertyDescriptor(target, key) {
    const d = Reflect.getOwnPropertyDescriptor(target, key);
    if (d && 'value' in d && typeof key === 'string' && d.configurable) d.value = view(d.value);
    return d;
  },
};

function view(value: unknown): unknown {
  if (typeof value === 'string') return escapeControl(value);
  if (!value || typeof value !== 'object') return value;
  let v = views.get(value);
  if (!v) {
    let target = value;
    if (!Array.isArray(value)) {
      for (const k in value) {
        if (HAS_UNSAFE.test(k)) {
          target = Object.fromEntries(Object.entries(value).map(([key, x]) => [escapeControl(key), x]));
          break;
        }
      }
    }
    v = new Proxy(target, HANDLER);
    views.set(value, v);
  }
  return v;
}

// A renderer that escapes its whole output cannot colour it with escape codes first. It colours with marks
// (two Unicode noncharacters around an SGR code) instead; `terminalLines` escapes every line, then turns the marks
// back into escape codes. Only the codes below are restored: a mark written in a scanned name can colour text, no more.
const MARK = '\uFDD0';
const MARK_END = '\uFDD1';
const RESTORED = new Set(['1', '2', '22', '31', '32', '33', '35', '36', '39', '90']);
const MARKS = /\uFDD0(\d{1,3})\uFDD1/g;

/** The mark standing for SGR code `code` (see `terminalLines`). */
export function sgrMark(code: number): string {
  return `${MARK}${code}${MARK_END}`;
}

/** Rendered lines made safe for a terminal: each line escaped (`escapeControl`), then the colour marks restored. */
export function terminalLines(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const safe = escapeControl(line);
    return safe.includes(MARK) ? safe.replace(MARKS, (_m, code: string) => (RESTORED.has(code) ? `\x1b[${code}m` : `\\ufdd0${code}\\ufdd1`)) : safe;
  });
}
