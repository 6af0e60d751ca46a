/**
 * Preprocessor context per line: the #if/#ifdef/#elif/#else conditions a line sits under, and the platform a
 * branch is written for (`#ifdef __HIP_PLATFORM_AMD__`, `#if defined(__CCE_AICORE__)`).
 * A line scan rather than the syntax tree, because tree-sitter-cpp nests conditionals only where they wrap whole
 * declarations or statements, and real code puts them anywhere.
 *
 * The context is a stack of frames shared by the lines: each frame keeps the text of its branch and of the frames
 * around it, bounded (the innermost conditions and a count of the outer ones left out), so a file of 16,000
 * nested #if costs the same per line as a flat one, and every line under one branch shares one string.
 */

/** How many innermost conditions a line's condition text names; outer ones are counted, not spelled. */
export const CONDITION_TERMS = 4;
/** Longest condition text (characters) before it is cut. */
const CONDITION_CHARS = 240;

interface Frame {
  /** Conditions of the earlier branches of this #if chain, negated when a later branch is taken. */
  previous: string[];
  current: string;
  /** The #ifndef X / #define X pair at the top of a header: not a platform condition. */
  guard: boolean;
  /** This frame's own text (previous and current joined), '' for a guard. */
  own: string;
  /** The condition text of a line in this branch (bounded), or undefined when it has none. */
  text: string | undefined;
  /** Conditions (frames with text) from the outermost to this one. */
  depth: number;
  /**
   * The platform this branch is written for: its own condition's, else the enclosing branch's. The #else of
   * `#if defined(__CCE_AICORE__)` has none of its own: it may be another Ascend C architecture or the CUDA build, which
   * the names in it tell (src/match/dialect.ts).
   */
  platform: string | undefined;
}

/** The per-line context: condition text and platform, one entry per 0-based line. */
export interface PreprocessorContext {
  conditions: (string | undefined)[];
  platforms: (string | undefined)[];
}

/** Which platform, if any, a condition requires (a positive, not negated, use of one of its macros). */
export type PlatformOf = (condition: string) => string | undefined;

const DIRECTIVE = /^\s*#\s*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif|define)\b\s*(.*)$/;

function stripComment(expr: string): string {
  return expr.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, '').replace(/\s+/g, ' ').trim();
}

function negate(cond: string): string {
  return /^[\w()!]+$/.test(cond) && !cond.includes('&&') ? `!${cond}` : `!(${cond})`;
}

function bounded(text: string): string {
  return text.length > CONDITION_CHARS ? `${text.slice(0, CONDITION_CHARS - 1)}…` : text;
}

/**
 * The condition text of a frame: its own text after those of the frames around it, keeping the innermost
 * CONDITION_TERMS frames and noting how many outer ones were left out (`…(+12) && A && B && C && D`).
 */
function frameText(stack: readonly Frame[], frame: Frame, parent: Frame | undefined): { text: string | undefined; depth: number } {
  if (!frame.own) return { text: parent?.text, depth: parent?.depth ?? 0 };
  const depth = (parent?.depth ?? 0) + 1;
  if (depth <= CONDITION_TERMS) return { text: bounded(parent?.text ? `${parent.text} && ${frame.own}` : frame.own), depth };
  // Walk outwards over at most CONDITION_TERMS frames with text: constant work per directive.
  const parts: string[] = [frame.own];
  for (let k = stack.length - 2; k >= 0 && parts.length < CONDITION_TERMS; k--) {
    const f = stack[k] as Frame;
    if (f.own) parts.unshift(f.own);
  }
  return { text: bounded(`…(+${depth - parts.length}) && ${parts.join(' && ')}`), depth };
}

/**
 * For each 0-based line, the joined condition ("defined(USE_CUDA) && !(X > 2)", bounded) or undefined when the
 * line is unconditional, and the platform its branch is written for. Backslash continuations are joined. Lines
 * of one branch share the same string.
 */
export function preprocessorContext(lines: readonly string[], platformOf?: PlatformOf): PreprocessorContext {
  const conditions = new Array<string | undefined>(lines.length);
  const platforms = new Array<string | undefined>(lines.length);
  const stack: Frame[] = [];
  let pendingGuard: string | undefined;
  let sawCode = false;
  let current: Frame | undefined;

  const refresh = (frame: Frame): void => {
    const parent = stack[stack.length - 2];
    frame.own = frame.guard ? '' : [...frame.previous, frame.current].filter(Boolean).join(' && ');
    const { text, depth } = frameText(stack, frame, parent);
    frame.text = text;
    frame.depth = depth;
    // The platform of the branch: the taken condition's own, else inherited. An #else of `#ifdef HIP` is not HIP.
    frame.platform = (frame.current && !frame.guard ? platformOf?.(frame.current) : undefined) ?? parent?.platform;
  };

  for (let i = 0; i < lines.length; i++) {
    conditions[i] = current?.text;
    platforms[i] = current?.platform;
    let text = lines[i] ?? '';
    if (!text.includes('#')) {
      if (!sawCode && text.trim() && !/^\s*(\/\/|\/\*|\*)/.test(text)) sawCode = true;
      continue;
    }
    const m = DIRECTIVE.exec(text);
    if (!m) {
      if (!sawCode && text.trim() && !/^\s*(\/\/|\/\*|\*)/.test(text)) sawCode = true;
      continue;
    }
    // Join continuation lines of the directive.
    let j = i;
    while (text.endsWith('\\') && j + 1 < lines.length) {
      j++;
      text = text.slice(0, -1) + ' ' + (lines[j] ?? '');
      conditions[j] = current?.text;
      platforms[j] = current?.platform;
    }
    // A continuation line holding a CR (a file with CR-only line endings) does not match `.`: keep the first line's.
    const [, directive, rest] = DIRECTIVE.exec(text) ?? m;
    const expr = stripComment(rest ?? '');
    const push = (cond: string): Frame => {
      const frame: Frame = { previous: [], current: cond, guard: false, own: '', text: undefined, depth: 0, platform: undefined };
      stack.push(frame);
      return frame;
    };
    switch (directive) {
      case 'if':
        refresh(push(expr));
        break;
      case 'ifdef':
        refresh(push(`defined(${expr})`));
        break;
      case 'ifndef':
        // An #ifndef before any code is a candidate include guard; confirmed by the next #define.
        refresh(push(`!defined(${expr})`));
        pendingGuard = !sawCode && stack.length === 1 ? expr : undefined;
        break;
      case 'define': {
        const frame = stack[stack.length - 1];
        if (pendingGuard && frame && expr.split(/\s+/)[0] === pendingGuard) {
          frame.guard = true;
          refresh(frame);
        }
        pendingGuard = undefined;
        break;
      }
      case 'elif':
      case 'elifdef':
      case 'elifndef':
      case 'else': {
        const frame = stack[stack.length - 1];
        if (!frame) break;
        // Keep the earlier branches' negations bounded: a chain of many #elif names only the last few.
        frame.previous.push(negate(frame.current));
        if (frame.previous.length > CONDITION_TERMS) frame.previous.splice(0, frame.previous.length - CONDITION_TERMS);
        frame.current =
          directive === 'else' ? '' : directive === 'elifdef' ? `defined(${expr})` : directive === 'elifndef' ? `!defined(${expr})` : expr;
        refresh(frame);
        break;
      }
      case 'endif':
        stack.pop();
        break;
    }
    if (directive !== 'define') pendingGuard = directive === 'ifndef' ? pendingGuard : undefined;
    current = stack[stack.length - 1];
    i = j;
  }
  return { conditions, platforms };
}

/** The condition text of each 0-based line (see preprocessorContext). */
export function conditionsByLine(lines: readonly string[]): (string | undefined)[] {
  return preprocessorContext(lines).conditions;
}
