/**
 * stubs.mjs — functions that a vendor library declares but does not implement. Pure: text in, facts out.
 *
 * Two kinds of evidence:
 *   returns-status  a function definition whose body, once argument checks are set aside, only returns a
 *                   *_NOT_IMPLEMENTED or *_NOT_SUPPORTED constant: `{ (void)plan; return ACLFFT_NOT_IMPLEMENTED; }`.
 *                   Set aside: `(void)x;` casts, calls of ALL_CAPS macros (`ACLFFT_CHECK_NULL(plan);`,
 *                   `UNUSED(x);`) and logging calls (`LOG...(...)`, `OP_LOGE(...)`); nothing else may remain.
 *                   A body that returns the status only on some path (a dispatch that falls through) is not a stub.
 *   no-definition   a function the public headers declare whose name never occurs in the library's
 *                   implementation files (sources outside include/, docs/, test(s)/, examples/): nothing can
 *                   define it, so calls cannot link.
 */

/** Blanks comments and string/char literals, keeping offsets and line breaks. */
export function stripComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/"(?:[^"\\\n]|\\.)*"/g, (m) => `"${' '.repeat(m.length - 2)}"`)
    .replace(/'(?:[^'\\\n]|\\.)*'/g, (m) => `'${' '.repeat(m.length - 2)}'`);
}

const NOT_A_FUNCTION = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'sizeof', 'defined', 'decltype', 'alignas', 'static_assert']);

function matchClose(text, open, o = '{', c = '}') {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) depth++;
    else if (text[i] === c && --depth === 0) return i;
  }
  return -1;
}

function matchOpenBackward(text, close) {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/** Function definitions of a C/C++ text: [{ name, body, line }] (members `A::f` as `f`). */
export function functionDefinitions(source) {
  const text = stripComments(source).replace(/^\s*#.*$/gm, (m) => ' '.repeat(m.length));
  const out = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    // what precedes the brace: `) [const] [noexcept] [override] [-> T]`
    const before = text.slice(Math.max(0, open - 400), open);
    const m = /\)\s*(?:const\s*)?(?:noexcept\s*)?(?:override\s*)?(?:->\s*[\w:<>*&\s]+)?\s*$/.exec(before);
    const close = matchClose(text, open);
    if (close < 0) break;
    if (m) {
      const parenClose = open - (before.length - m.index);
      const parenOpen = matchOpenBackward(text, parenClose);
      const nameMatch = parenOpen > 0 ? /([A-Za-z_]\w*)\s*$/.exec(text.slice(Math.max(0, parenOpen - 200), parenOpen)) : null;
      if (nameMatch && !NOT_A_FUNCTION.has(nameMatch[1])) {
        const line = text.slice(0, parenOpen).split('\n').length;
        out.push({ name: nameMatch[1], body: text.slice(open + 1, close), line });
        i = close + 1;
        continue;
      }
    }
    i = open + 1; // namespace, extern "C", class: look inside
  }
  return out;
}

const STATUS = /^[A-Z][A-Z0-9_]*_NOT_(?:IMPLEMENTED|SUPPORTED)$/;

/** The status a stub body returns, or undefined when the body does anything else. */
export function stubStatus(body) {
  let rest = body
    .replace(/\(\s*void\s*\)\s*[\w.>-]+\s*;/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]*\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*;/g, ' ')
    .replace(/\b(?:LOG\w*|OP_LOG\w*)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^return\s*\(?\s*([A-Z][A-Z0-9_]*)\s*\)?\s*;$/.exec(rest);
  return m && STATUS.test(m[1]) ? m[1] : undefined;
}

/** Stub definitions of one source text: [{ name, status, line }]. */
export function findStubs(source) {
  return functionDefinitions(source)
    .map((f) => ({ name: f.name, status: stubStatus(f.body), line: f.line }))
    .filter((f) => f.status);
}

/** Paths that hold implementations (not headers of the public API, docs, tests, examples, build scripts). */
export function isImplementationPath(p) {
  return /\.(c|cc|cpp|cxx|h|hh|hpp|inc|inl)$/.test(p) && !/(^|\/)(include|docs?|tests?|examples?|samples?|scripts|cmake|third_party|experimental)\//.test(p);
}

/**
 * Declared functions with no trace in the implementation: `declared` names, `implementationTexts` the texts
 * of the implementation files. Returns the names that occur in none of them.
 */
export function undefinedFunctions(declared, implementationTexts) {
  const seen = new Set();
  const wanted = new Set(declared);
  for (const text of implementationTexts) {
    for (const m of stripComments(text).matchAll(/[A-Za-z_]\w*/g)) if (wanted.has(m[0])) seen.add(m[0]);
  }
  return [...wanted].filter((n) => !seen.has(n));
}
