/**
 * Preprocessor context per line: the #if/#ifdef/#elif/#else conditions a line sits under.
 * A line scan rather than the syntax tree, because tree-sitter-cpp nests conditionals only
 * where they wrap whole declarations or statements, and real code puts them anywhere.
 */

interface Frame {
  /** Conditions of the earlier branches of this #if chain, negated when a later branch is taken. */
  previous: string[];
  current: string;
  /** The #ifndef X / #define X pair at the top of a header: not a platform condition. */
  guard: boolean;
}

const DIRECTIVE = /^\s*#\s*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif|define)\b\s*(.*)$/;

function stripComment(expr: string): string {
  return expr.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, '').replace(/\s+/g, ' ').trim();
}

function negate(cond: string): string {
  return /^[\w()!]+$/.test(cond) && !cond.includes('&&') ? `!${cond}` : `!(${cond})`;
}

/**
 * Returns, for each 0-based line, the joined condition ("defined(USE_CUDA) && !(X > 2)") or
 * undefined when the line is unconditional. Backslash continuations are joined.
 */
export function conditionsByLine(lines: readonly string[]): (string | undefined)[] {
  const out: (string | undefined)[] = new Array<string | undefined>(lines.length);
  const stack: Frame[] = [];
  let pendingGuard: string | undefined;
  let current: string | undefined;
  let sawCode = false;

  const recompute = (): void => {
    const parts = stack.filter((f) => !f.guard).map((f) => [...f.previous, f.current].filter(Boolean).join(' && '));
    current = parts.length ? parts.join(' && ') : undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    out[i] = current;
    let text = lines[i] ?? '';
    const m = DIRECTIVE.exec(text);
    if (!m) {
      if (text.trim() && !/^\s*(\/\/|\/\*|\*)/.test(text)) sawCode = true;
      continue;
    }
    // Join continuation lines of the directive.
    let j = i;
    while (text.endsWith('\\') && j + 1 < lines.length) {
      j++;
      text = text.slice(0, -1) + ' ' + (lines[j] ?? '');
      out[j] = current;
    }
    // A continuation line holding a CR (a file with CR-only line endings) does not match `.`: keep the first line's.
    const [, directive, rest] = DIRECTIVE.exec(text) ?? m;
    const expr = stripComment(rest ?? '');
    switch (directive) {
      case 'if':
        stack.push({ previous: [], current: expr, guard: false });
        break;
      case 'ifdef':
        stack.push({ previous: [], current: `defined(${expr})`, guard: false });
        break;
      case 'ifndef':
        // An #ifndef before any code is a candidate include guard; confirmed by the next #define.
        stack.push({ previous: [], current: `!defined(${expr})`, guard: false });
        pendingGuard = !sawCode && stack.length === 1 ? expr : undefined;
        break;
      case 'define': {
        const frame = stack[stack.length - 1];
        if (pendingGuard && frame && expr.split(/\s+/)[0] === pendingGuard) frame.guard = true;
        pendingGuard = undefined;
        break;
      }
      case 'elif':
      case 'elifdef':
      case 'elifndef':
      case 'else': {
        const frame = stack[stack.length - 1];
        if (!frame) break;
        frame.previous.push(negate(frame.current));
        frame.current =
          directive === 'else' ? '' : directive === 'elifdef' ? `defined(${expr})` : directive === 'elifndef' ? `!defined(${expr})` : expr;
        break;
      }
      case 'endif':
        stack.pop();
        break;
    }
    if (directive !== 'define') pendingGuard = directive === 'ifndef' ? pendingGuard : undefined;
    recompute();
    i = j;
  }
  return out;
}
