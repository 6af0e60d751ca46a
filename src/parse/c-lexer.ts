/**
 * A small C tokenizer for text the grammar hands over unparsed: #define bodies and
 * fallbacks inside ERROR regions. It only needs to tell code from comments and literals.
 */

/** Code spans of `text` (offsets relative to it): everything outside comments and string/char literals. */
export function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    let end = -1;
    if (c === '/' && next === '/') {
      const nl = text.indexOf('\n', i);
      end = nl < 0 ? n : nl;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      end = close < 0 ? n : close + 2;
    } else if (c === 'R' && next === '"' && (!/\w/.test(text[i - 1] ?? '') || /(^|\W)(u8|u|U|L)$/.test(text.slice(Math.max(0, i - 3), i)))) {
      // Raw string R"delim( ... )delim"
      const open = text.indexOf('(', i + 2);
      const delim = open < 0 ? '' : text.slice(i + 2, open);
      const close = open < 0 || /[\s\\)]/.test(delim) ? -1 : text.indexOf(`)${delim}"`, open + 1);
      end = close < 0 ? Math.min(n, i + 2) : close + delim.length + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      end = Math.min(j + 1, n);
    }
    if (end >= 0) {
      if (i > start) spans.push([start, i]);
      i = end;
      start = end;
    } else {
      i++;
    }
  }
  if (n > start) spans.push([start, n]);
  return spans;
}

export function inSpans(spans: readonly [number, number][], offset: number): boolean {
  for (const [s, e] of spans) if (offset >= s && offset < e) return true;
  return false;
}

/**
 * From an offset just after `{`-less function header text, find the body braces: the first `{`
 * at parenthesis depth 0, and its matching `}`. Returns absolute offsets or undefined.
 */
export function matchBody(text: string, from: number, limit = 200_000): { open: number; close: number } | undefined {
  const end = Math.min(text.length, from + limit);
  let paren = 0;
  let i = from;
  for (; i < end; i++) {
    const c = text[i];
    if (c === '(') paren++;
    else if (c === ')') paren--;
    else if (c === ';' && paren === 0) return undefined;
    else if (c === '{' && paren === 0) break;
  }
  if (i >= end) return undefined;
  const open = i;
  const spans = codeSpans(text.slice(open, end));
  let depth = 0;
  for (const [s, e] of spans) {
    for (let k = open + s; k < open + e; k++) {
      const c = text[k];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return { open, close: k };
    }
  }
  return undefined;
}
