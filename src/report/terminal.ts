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
 * A copy of `value` (a report, or any JSON-like data) whose strings are escaped with `escapeControl`. Objects
 * without such a string are returned as they are, so a clean report costs one pass and no copy.
 */
export function terminalSafe<T>(value: T): T {
  return safe(value) as T;
}

function safe(value: unknown): unknown {
  if (typeof value === 'string') return escapeControl(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = safe(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const s = safe(v);
      const key = escapeControl(k);
      if (s !== v || key !== k) {
        out ??= { ...(value as Record<string, unknown>) };
        if (key !== k) delete out[k];
        out[key] = s;
      }
    }
    return out ?? value;
  }
  return value;
}
