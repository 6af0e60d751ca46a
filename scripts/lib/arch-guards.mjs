/**
 * arch-guards.mjs — per-chip views of C/C++ sources whose conditionals test an architecture macro
 * (`__NPU_ARCH__` in CANN's Ascend C headers, `__BANG_ARCH__` in Cambricon BANG C). Pure: text in, text out.
 *
 * chipView(text, macros) keeps the text's line structure and:
 *   - decides every #if/#ifdef/#ifndef/#elif whose condition can be evaluated from `macros` (a map
 *     name -> number; `defined(NAME)` is true for a name in the map). Conditions that use any other macro
 *     are undecided, unless the known part alone decides them (`A && unknown` with A false);
 *   - for a fully decided group, keeps the taken branch's lines and blanks the directives and the other
 *     branches; for a group with undecided branches, keeps its directives and blanks only the branches
 *     decided false (so later tools still see the undecided alternatives).
 * Declarations or uses that survive in one chip's view but not another's are restricted by a guard.
 */

const UNKNOWN = Symbol('unknown');

function tokenize(expr) {
  const tokens = [];
  const re = /\s*(defined\b|[A-Za-z_]\w*|0[xX][0-9a-fA-F]+|\d+[uUlL]*|&&|\|\||==|!=|<=|>=|<<|>>|[()!<>+\-*/%?:~])/gy;
  let m;
  let last = 0;
  while ((m = re.exec(expr))) {
    tokens.push(m[1]);
    last = re.lastIndex;
  }
  if (expr.slice(last).trim()) return undefined;
  return tokens;
}

/**
 * Evaluates a preprocessor condition with three-valued logic: a number, or UNKNOWN.
 * Unknown identifiers are UNKNOWN; `defined X` of a name not in `macros` is UNKNOWN too, except for names
 * listed in `undefinedNames`.
 */
export function evaluate(expr, macros, undefinedNames = new Set()) {
  const tokens = tokenize(expr.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, ''));
  if (!tokens) return UNKNOWN;
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const num = (t) => Number.parseInt(t.replace(/[uUlL]+$/, ''), t.startsWith('0x') || t.startsWith('0X') ? 16 : 10);
  const U = UNKNOWN;
  const bin = (a, b, f) => (a === U || b === U ? U : f(a, b));
  function primary() {
    const t = next();
    if (t === undefined) throw new Error('end');
    if (t === '(') {
      const v = ternary();
      if (next() !== ')') throw new Error(')');
      return v;
    }
    if (t === '!') {
      const v = primary();
      return v === U ? U : v ? 0 : 1;
    }
    if (t === '-') {
      const v = primary();
      return v === U ? U : -v;
    }
    if (t === '~') {
      const v = primary();
      return v === U ? U : ~v;
    }
    if (t === 'defined') {
      let name = next();
      let paren = false;
      if (name === '(') {
        paren = true;
        name = next();
      }
      if (paren && next() !== ')') throw new Error(')');
      if (Object.hasOwn(macros, name)) return 1;
      return undefinedNames.has(name) ? 0 : U;
    }
    if (/^\d|^0[xX]/.test(t)) return num(t);
    if (/^[A-Za-z_]/.test(t)) {
      if (Object.hasOwn(macros, t)) return macros[t];
      if (undefinedNames.has(t)) return 0;
      if (peek() === '(') {
        // function-like macro call: unknown
        let depth = 0;
        do {
          const x = next();
          if (x === '(') depth++;
          else if (x === ')') depth--;
          if (x === undefined) break;
        } while (depth > 0);
      }
      return U;
    }
    throw new Error(`token ${t}`);
  }
  const levels = [
    ['*', '/', '%'],
    ['+', '-'],
    ['<<', '>>'],
    ['<', '>', '<=', '>='],
    ['==', '!='],
  ];
  const ops = {
    '*': (a, b) => a * b,
    '/': (a, b) => (b ? Math.trunc(a / b) : 0),
    '%': (a, b) => (b ? a % b : 0),
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '<<': (a, b) => a << b,
    '>>': (a, b) => a >> b,
    '<': (a, b) => +(a < b),
    '>': (a, b) => +(a > b),
    '<=': (a, b) => +(a <= b),
    '>=': (a, b) => +(a >= b),
    '==': (a, b) => +(a === b),
    '!=': (a, b) => +(a !== b),
  };
  function binary(level) {
    if (level < 0) return primary();
    let left = binary(level - 1);
    while (levels[level].includes(peek())) {
      const op = next();
      const right = binary(level - 1);
      left = bin(left, right, ops[op]);
    }
    return left;
  }
  function and() {
    let left = binary(levels.length - 1);
    while (peek() === '&&') {
      next();
      const right = binary(levels.length - 1);
      left = left === 0 || right === 0 ? 0 : left === U || right === U ? U : 1;
    }
    return left;
  }
  function or() {
    let left = and();
    while (peek() === '||') {
      next();
      const right = and();
      left = (left !== U && left !== 0) || (right !== U && right !== 0) ? 1 : left === U || right === U ? U : 0;
    }
    return left;
  }
  function ternary() {
    const c = or();
    if (peek() !== '?') return c;
    next();
    const a = ternary();
    if (next() !== ':') throw new Error(':');
    const b = ternary();
    return c === U ? (a === b ? a : U) : c ? a : b;
  }
  try {
    const v = ternary();
    return pos === tokens.length ? v : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

export const isUnknown = (v) => v === UNKNOWN;

/** Value of a directive's condition: true, false or undefined (undecided). */
function conditionOf(kind, rest, macros, undefinedNames) {
  if (kind === 'ifdef' || kind === 'ifndef') {
    const name = rest.trim().split(/\s+/)[0];
    const d = Object.hasOwn(macros, name) ? true : undefinedNames.has(name) ? false : undefined;
    return d === undefined ? undefined : kind === 'ifdef' ? d : !d;
  }
  const v = evaluate(rest, macros, undefinedNames);
  return v === UNKNOWN ? undefined : v !== 0;
}

/**
 * The view of `text` for one chip (see the file comment). `relevant` limits evaluation to conditions that
 * mention one of these names (others are left alone, even when decidable), so that only arch guards act.
 */
export function chipView(text, macros, { relevant = Object.keys(macros), undefinedNames = new Set() } = {}) {
  const lines = text.split('\n');
  // join continued directive lines: remember physical ranges
  const directives = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/.exec(lines[i]);
    if (!m) continue;
    let rest = m[2];
    let end = i;
    while (/\\\s*$/.test(lines[end]) && end + 1 < lines.length) {
      rest = rest.replace(/\\\s*$/, ' ') + lines[end + 1];
      end++;
    }
    directives.push({ kind: m[1], rest: rest.replace(/\\\s*$/, ''), start: i, end });
    i = end;
  }
  const keep = new Array(lines.length).fill(true);
  const blank = (from, to) => {
    for (let k = from; k <= to; k++) keep[k] = false;
  };
  const mentions = (rest) => relevant.some((name) => new RegExp(`\\b${name}\\b`).test(rest));
  // group directives: stack of groups, each with branches [{ directive, value }]
  const stack = [];
  const groups = [];
  for (const d of directives) {
    if (d.kind === 'if' || d.kind === 'ifdef' || d.kind === 'ifndef') {
      const g = { branches: [], endif: undefined };
      g.branches.push({ d, value: mentions(d.rest) ? conditionOf(d.kind, d.rest, macros, undefinedNames) : undefined });
      stack.push(g);
    } else if (d.kind === 'elif') {
      const g = stack.at(-1);
      if (g) g.branches.push({ d, value: mentions(d.rest) ? conditionOf('if', d.rest, macros, undefinedNames) : undefined });
    } else if (d.kind === 'else') {
      const g = stack.at(-1);
      if (g) g.branches.push({ d, value: true, isElse: true });
    } else if (d.kind === 'endif') {
      const g = stack.pop();
      if (g) {
        g.endif = d;
        groups.push(g);
      }
    }
  }
  for (const g of groups) {
    const bodyEnd = (k) => (k + 1 < g.branches.length ? g.branches[k + 1].d.start - 1 : g.endif.start - 1);
    // Which branch is taken, if decidable: the first whose value is true with all before it false.
    let taken = -1;
    let decided = true;
    for (let k = 0; k < g.branches.length; k++) {
      const v = g.branches[k].value;
      if (v === undefined) {
        decided = false;
        break;
      }
      if (v) {
        taken = k;
        break;
      }
    }
    const anyArch = g.branches.some((b) => !b.isElse && b.value !== undefined);
    if (!anyArch) continue;
    if (decided) {
      for (let k = 0; k < g.branches.length; k++) {
        blank(g.branches[k].d.start, g.branches[k].d.end);
        if (k !== taken) blank(g.branches[k].d.end + 1, bodyEnd(k));
      }
      blank(g.endif.start, g.endif.end);
    } else {
      // keep the directives; blank branches known false, and everything after a branch known true
      let sawTrue = false;
      for (let k = 0; k < g.branches.length; k++) {
        const v = g.branches[k].value;
        if (sawTrue || v === false) blank(g.branches[k].d.end + 1, bodyEnd(k));
        if (v === true && !g.branches[k].isElse) sawTrue = true;
      }
    }
  }
  return lines.map((l, k) => (keep[k] ? l : '')).join('\n');
}
