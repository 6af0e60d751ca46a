/**
 * .gitignore patterns matched without backtracking blow-ups. The `ignore` package, used before, builds backtracking
 * expressions, and a committed `.gitignore` line such as `**\/a/**\/a/**\/a/**\/a/b` took 28 s per path of 400
 * characters, so a tree could stall its own scan. Here each pattern gets the cheapest matcher that is safe:
 *
 * - a pattern without `/` is matched against the last path segment only (what git does): a plain name by string
 *   comparison, `*.ext` by a suffix test, others by an expression confined to one segment (at most 255 characters);
 * - an anchored pattern without `**` is confined segment by segment;
 * - these run on V8's ordinary engine when no segment has more than two `*` (so a test costs at most the square of
 *   a segment's length), else, and always for a pattern with `**`, on V8's linear-time engine
 *   (src/util/user-regex.ts), which is slower per call but linear.
 *
 * Semantics are git's (gitignore(5)) as the `ignore` package implements them, which a test compares on generated
 * patterns: `#` comments, `!` negation (the last matching pattern decides), `\` escapes, trailing spaces dropped
 * unless escaped, a `/` at the start or in the middle anchors the pattern to the file's folder, a trailing `/`
 * matches folders only, `*` `?` `[…]` stay within one path segment, `**` (or more stars) as a whole segment spans
 * folders, and a path is ignored when one of its parent folders is. Like `ignore` (and git on macOS and Windows),
 * matching ignores case.
 */
import { linearEngine } from '../util/user-regex.js';

interface Rule {
  /** Tests the path (anchored patterns) or its last segment (the others), lower-cased, without a trailing /. */
  test: (path: string, base: string) => boolean;
  negative: boolean;
  dirOnly: boolean;
}

export interface Gitignore {
  /** `path` is relative to the .gitignore's folder, with /, and ends with / for a folder. */
  ignores(path: string): boolean;
  /** The same without looking at the parent folders: for a walk that does not enter ignored folders. */
  matches(path: string): boolean;
  /** Patterns that could not be used (unbalanced escapes, invalid ranges), as written. */
  readonly refused: readonly string[];
}

const SPECIAL = /[\\^$.*+?()[\]{}|]/g;
const escapeChar = (c: string): string => c.replace(SPECIAL, (m) => `\\${m}`);

/** One path segment of a pattern as a regular expression; undefined when the segment is malformed. */
function segmentSource(seg: string): string | undefined {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\') {
      if (i + 1 >= seg.length) return undefined; // a trailing backslash: git ignores the pattern
      out += escapeChar(seg[++i]!);
    } else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const cls = classSource(seg, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
      } else out += '\\[';
    } else out += escapeChar(c);
  }
  return out;
}

/** A bracket expression starting at `start` ("[...]"), or undefined when it does not close. */
function classSource(seg: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === ']' && !first) return { source: negate ? `[^${body}/]` : `[${body}]`, end: i };
    first = false;
    if (c === '\\') {
      if (i + 1 >= seg.length) return undefined;
      body += `\\${seg[++i]!}`.replace(/^\\(\w)$/, '$1');
    } else if (c === '-' && body !== '' && seg[i + 1] !== ']') body += '-';
    else body += /[\\\]^[-]/.test(c) ? `\\${c}` : c;
  }
  return undefined;
}

/** One pattern line, parsed. */
export interface Pattern {
  /** The expression, matched against the path (anchored) or its last segment (not anchored), without a trailing /. */
  source: string;
  negative: boolean;
  dirOnly: boolean;
  anchored: boolean;
  /** `**` segments, and the most `*` in one other segment: what decides the engine. */
  globstars: number;
  maxStars: number;
  /** A pattern with no wildcard at all: the text to compare with. */
  literal?: string;
  /** `*` followed by wildcard-free text (`*.o`): the suffix. */
  suffix?: string;
}

/** One pattern line; undefined for blank lines and comments, 'malformed' for what git would not use. */
export function parsePattern(line: string): Pattern | 'malformed' | undefined {
  let p = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (p === '' || p.startsWith('#')) return undefined;
  // Trailing spaces go, unless escaped with a backslash.
  while (p.endsWith(' ') && !p.endsWith('\\ ')) p = p.slice(0, -1);
  const negative = p.startsWith('!');
  if (negative) p = p.slice(1);
  if (p === '' || p === '/') return undefined;
  const dirOnly = p.endsWith('/') && !p.endsWith('\\/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  // A segment of two or more stars is `**` (as in git's wildmatch), and `**/**` is `**`.
  const segments = p.split('/').map((seg) => (/^\*{2,}$/.test(seg) ? '**' : seg)).filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  let body = '';
  let globstars = 0;
  let maxStars = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const sep = i === 0 || segments[i - 1] === '**' ? '' : '/';
    if (seg === '**' && (anchored || segments.length > 1)) {
      globstars++;
      // Leading: any folders (or none); in the middle: zero or more folders; trailing: everything inside.
      if (last) body += i === 0 ? '.*' : '/.+';
      else body += `${sep === '' && i === 0 ? '' : '/'}(?:.*/)?`;
      continue;
    }
    const s = segmentSource(seg);
    if (s === undefined) return 'malformed';
    maxStars = Math.max(maxStars, (s.match(/\[\^\/\]\*/g) ?? []).length);
    body += sep + s;
  }
  const pattern: Pattern = { source: `^${body}$`, negative, dirOnly, anchored, globstars, maxStars };
  if (globstars === 0) {
    const plain = (text: string): string | undefined => (/[*?[\\]/.test(text) ? undefined : text);
    pattern.literal = plain(p);
    if (!anchored && p.startsWith('*')) pattern.suffix = plain(p.replace(/^\*+/, ''));
  }
  return pattern;
}

const LINEAR = 'l';

/** A matcher for one pattern: the cheapest safe one (see the top of this file). */
function ruleTest(p: Pattern): ((path: string, base: string) => boolean) | undefined {
  const on = p.anchored ? (path: string): string => path : (_path: string, base: string): string => base;
  if (p.literal !== undefined) {
    const lit = p.literal;
    return p.anchored ? (path) => path === lit : (_path, base) => base === lit;
  }
  if (p.suffix !== undefined) {
    const suffix = p.suffix;
    return (_path, base) => base.endsWith(suffix);
  }
  const linear = p.globstars > 0 || p.maxStars > 2;
  let re: RegExp;
  try {
    re = new RegExp(p.source, linear && linearEngine() ? LINEAR : '');
  } catch {
    return undefined;
  }
  return (path, base) => re.test(on(path, base));
}

/** The rules of one .gitignore text. */
export function compileGitignore(text: string): Gitignore {
  const rules: Rule[] = [];
  const refused: string[] = [];
  for (const line of text.split('\n')) {
    const parsed = parsePattern(line.toLowerCase());
    if (parsed === undefined) continue;
    const test = parsed === 'malformed' ? undefined : ruleTest(parsed);
    if (parsed === 'malformed' || !test) {
      refused.push(line);
      continue;
    }
    rules.push({ test, negative: parsed.negative, dirOnly: parsed.dirOnly });
  }
  /** `path` without a trailing /; `dir` says whether it names a folder. */
  const decide = (path: string, dir: boolean): boolean => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    let ignored = false;
    for (const r of rules) if (r.negative === ignored && (dir || !r.dirOnly) && r.test(path, base)) ignored = !r.negative;
    return ignored;
  };
  const dirs = new Map<string, boolean>();
  return {
    refused,
    matches(path: string): boolean {
      const dir = path.endsWith('/');
      return decide((dir ? path.slice(0, -1) : path).toLowerCase(), dir);
    },
    ignores(path: string): boolean {
      const dir = path.endsWith('/');
      const p = (dir ? path.slice(0, -1) : path).toLowerCase();
      // A path is ignored when a parent folder is (nothing inside an ignored folder can be re-included).
      for (let slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
        const parent = p.slice(0, slash);
        let d = dirs.get(parent);
        if (d === undefined) dirs.set(parent, (d = decide(parent, true)));
        if (d) return true;
      }
      return decide(p, dir);
    },
  };
}
