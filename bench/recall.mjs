// Recall check: what share of the CUDA-specific names in a code base does a scan find?
//
//   npm run recall -- <path> [--show SYMBOL] [--json]
//
// "Careful token count": every identifier token in C/C++/CUDA code (comments, strings and
// raw strings removed) that NVIDIA's headers declare (rules/inventory/cuda.tsv, names the C
// library shares excluded), not a member access (`.x`, `->x`), not a namespace component
// (`x::`), not a namespace alias target, not on an #include line, and not a name the project
// defines itself (typedef/struct/class/union/enum/#define), nor a compiler keyword the catalog
// ignores (rules/recognition.yaml `ignore`), nor the name in a namespace directive. Declarations of such names by the
// project (overloads, parameters) are counted too, so the measure is a lower bound. A token
// counts as found when the scan reports that symbol on that line (`extern __shared__` for
// `__shared__`). Declarations of CUDA-named things by the project (overloads, function-pointer
// variables, parameters, enumerators of copied headers) are not uses and are left out by a text
// heuristic (isDeclaration).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../dist/analyze.js';
import { loadCatalog } from '../dist/catalog/load.js';
import { codeSpans } from '../dist/parse/c-lexer.js';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const show = flag('--show');
const json = args.includes('--json');
const paths = args.filter((a) => !a.startsWith('--'));
if (!paths.length) {
  console.error('usage: npm run recall -- <path> [--show SYMBOL] [--json]');
  process.exit(2);
}

const catalog = loadCatalog();
const report = scan({ paths, catalog, cache: false });
const root = report.root;
const names = new Set([...catalog.inventory.values()].filter((e) => !e.stdOverlap && !e.symbol.includes('::')).map((e) => e.symbol));
const sources = report.files.filter((f) => f.status === 'scanned' && ['cuda', 'cpp', 'c'].includes(f.language));
const read = (p) => readFileSync(join(root, p), 'latin1');

const own = new Set();
for (const file of sources) {
  for (const m of read(file.path).matchAll(/\b(?:struct|class|union|enum)\s+(\w+)\s*\{|\}\s*(\w+)\s*;|#\s*define\s+(\w+)|typedef\s+[^;{}]*?\b(\w+)\s*;/g)) {
    own.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
}
for (const n of own) names.delete(n);
// Compiler keywords the CUDA headers happen to define (__restrict__, __func__) are not CUDA dependencies.
for (const n of catalog.recognition.ignore) names.delete(n);

/** Words that can stand before a name without making it a declaration's name. */
const NOT_TYPES = new Set(['return', 'else', 'case', 'new', 'delete', 'throw', 'goto', 'sizeof', 'typedef', 'using', 'const',
  'static', 'extern', 'inline', 'volatile', 'unsigned', 'signed', 'struct', 'class', 'union', 'enum', 'typename', 'template',
  'constexpr', 'virtual', 'explicit', 'friend', 'mutable', 'register', 'auto', 'operator', 'and', 'or', 'not', 'co_return',
  '__device__', '__host__', '__global__', '__forceinline__', '__noinline__', '__inline__', '__shared__', '__constant__',
  '__managed__', 'CUDAAPI', 'CUDARTAPI', 'WINAPI', '__stdcall', '__cdecl', 'export', 'public', 'private', 'protected']);

/**
 * The name being declared rather than used: `Type name(` / `Type *name;` / `Type name =` (a function
 * or variable of the project named like a CUDA API: overloads, function-pointer variables of
 * dynamic-loading shims, parameters), or an enumerator `NAME = value,` at the start of a line.
 */
function isDeclaration(text, abs, tok) {
  const lineStart = text.lastIndexOf('\n', abs - 1) + 1;
  const before = text.slice(lineStart, abs);
  const after = text.slice(abs + tok.length, abs + tok.length + 8);
  if (/^\s*$/.test(before) && /^\s*=[^=]/.test(after)) return true;
  const m = /([A-Za-z_]\w*)\s*[*&]*\s*$/.exec(before);
  if (!m || NOT_TYPES.has(m[1])) return false;
  // `a * b`, `x & y`: an operator between two values is not a declarator (need a space-free star before the name or none).
  if (/\w\s+[*&]\s+$/.test(before)) return false;
  return /^\s*(\(|;|=[^=]|\[|,|\))/.test(after);
}

const found = new Map();
for (const f of report.findings) {
  const k = `${f.file}:${f.line}:${f.symbol}`;
  found.set(k, (found.get(k) ?? 0) + 1);
}
let counted = 0;
let hit = 0;
const missed = new Map();
const shown = [];
for (const file of sources) {
  const text = read(file.path);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (o) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if (starts[m] <= o) lo = m;
      else hi = m - 1;
    }
    return lo + 1;
  };
  for (const [s, e] of codeSpans(text)) {
    for (const m of text.slice(s, e).matchAll(/[A-Za-z_]\w*/g)) {
      const tok = m[0];
      if (!names.has(tok)) continue;
      const abs = s + m.index;
      if (/(\.|->|::)$/.test(text.slice(Math.max(0, abs - 2), abs))) continue;
      if (/^\s*::/.test(text.slice(abs + tok.length, abs + tok.length + 4))) continue;
      if (/namespace\s+(\w+\s*=\s*)?$/.test(text.slice(Math.max(0, abs - 60), abs))) continue; // a namespace directive
      if (isDeclaration(text, abs, tok)) continue;
      const line = lineOf(abs);
      if (/^\s*#\s*include/.test(text.slice(starts[line - 1], starts[line] ?? text.length))) continue;
      const before = text.slice(starts[line - 1], abs);
      counted++;
      let k = `${file.path}:${line}:${tok}`;
      if (tok === '__shared__' && !found.get(k)) k = `${file.path}:${line}:extern __shared__`;
      if ((found.get(k) ?? 0) > 0) {
        hit++;
        found.set(k, found.get(k) - 1);
      } else {
        missed.set(tok, (missed.get(tok) ?? 0) + 1);
        if (show === tok) shown.push(`${file.path}:${line}: ${before.trim()}${tok}…`);
      }
    }
  }
}
const result = {
  root,
  files: sources.length,
  lines: sources.reduce((n, f) => n + f.lines, 0),
  counted,
  found: hit,
  recall: counted ? Number(((100 * hit) / counted).toFixed(2)) : 100,
  topMissed: [...missed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15),
};
if (json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`${result.root}: ${result.files} C/C++/CUDA files, ${result.lines} lines`);
  console.log(`CUDA-specific name tokens: ${counted}; reported at the same line: ${hit}; recall ${result.recall}%`);
  if (result.topMissed.length) console.log(`most missed: ${result.topMissed.map(([t, n]) => `${t} ${n}`).join(', ')}`);
  for (const s of shown) console.log(`  missed ${s}`);
}
