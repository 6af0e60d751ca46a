// Precision check: are the findings of a scan real CUDA uses of the kind they claim?
//
//   npm run precision -- <path> [--sample 40] [--seed TEXT] [--json] [--context 1] [--show SYMBOL] [--quiet]
//
// Every C/C++ finding is looked at beside its source line, by text alone (independently of the syntax tree the scanner
// uses), and two measures are computed over all findings:
//
// - call-shape precision: the share of findings of kind `function` whose source is call-shaped: the name followed by
//   `(` (after template arguments, if any), an address-of `&name`, a name handed on as an argument (`f(x, name)`:
//   a function designator), a `using` declaration or a `#define` body. A function name that is a declaration or an
//   expression operand (`float max = …`, `x == max`) is not a call.
// - kind agreement: the share of findings whose `kind` matches what the name is: the kind NVIDIA's headers give it
//   (rules/inventory/cuda.tsv: function, type, enum type -> type, enumerator -> enum, macro), else what the source does
//   with it (called -> function or type (a constructor), followed by a declarator -> type, otherwise a value -> enum).
//   Findings whose kind cannot be judged from the text (language features, headers, values of unknown names) are left
//   out of the denominator.
//
// It also prints CUDA findings per 1,000 lines and the migration progress (for code bases that are already target
// code), and a fixed-seed sample of findings (stratified: function / type / the rest) with their source lines, to be
// read by a person: a sample you read beats a count you trust. docs/precision.md has the method and the results.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../dist/analyze.js';
import { prng } from './corpus.mjs';
import { loadCatalog } from '../dist/catalog/load.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const sampleSize = Number(flag('--sample', '40'));
const context = Number(flag('--context', '0'));
const seedText = flag('--seed', undefined);
const show = flag('--show', undefined);
const json = args.includes('--json');
const quiet = args.includes('--quiet');
const paths = args.filter((a) => !a.startsWith('--'));
if (!paths.length || !Number.isFinite(sampleSize) || !Number.isFinite(context)) {
  console.error('usage: npm run precision -- <path> [--sample 40] [--seed TEXT] [--context 1] [--show SYMBOL] [--json] [--quiet]');
  process.exit(2);
}

const catalog = loadCatalog();
const report = scan({ paths, catalog, cache: false });
const root = report.root;

// ---------------------------------------------------------------------------------------------------------------
// Source text by file, split into lines the way the scanner counts them (\r\n, \r and \n all end a line).
const texts = new Map();
function linesOf(file) {
  let lines = texts.get(file);
  if (!lines) {
    let text = '';
    try {
      text = readFileSync(join(root, file), 'latin1');
    } catch {
      text = '';
    }
    lines = text.split(/\r\n|\r|\n/);
    texts.set(file, lines);
  }
  return lines;
}

/** Inventory kind mapped onto the report's kind words. */
const INVENTORY_KIND = { function: 'function', type: 'type', enum: 'type', enumerator: 'enum', macro: 'macro', namespace: 'namespace' };
const NAME_KINDS = new Set(['function', 'type', 'enum', 'macro', 'namespace']);

/** Skip a balanced <...> starting at s[i] === '<'; returns the index after it, or -1. */
function skipTemplateArgs(s, i) {
  let depth = 0;
  let paren = 0;
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (c === '(') paren++;
    else if (c === ')') {
      if (--paren < 0) return -1;
    } else if (c === ';' || c === '{') return -1;
    else if (paren === 0 && c === '<') depth++;
    else if (paren === 0 && c === '>') {
      if (--depth === 0) return k + 1;
    }
  }
  return -1;
}

/**
 * What the source does with the name that ends at (endLine, endColumn): call, address, argument, using, define,
 * declarator (a type followed by a declarator), operand, or unknown (the text could not be read).
 */
function shapeOf(f) {
  const lines = linesOf(f.file);
  const line = lines[f.line - 1];
  if (line === undefined) return 'unknown';
  if (f.macro || /^\s*#\s*define\b/.test(line)) return 'define';
  // A #define body continued over several lines.
  for (let k = f.line - 2; k >= 0 && k >= f.line - 60 && /\\\s*$/.test(lines[k]); k--) if (/^\s*#\s*define\b/.test(lines[k])) return 'define';
  if (/^\s*using\b/.test(line)) return 'using';
  // The text after the name: this line and the next two (arguments may start on the next line).
  const endLine = lines[f.endLine - 1] ?? line;
  let after = endLine.slice(f.endColumn - 1) + ' ' + (lines[f.endLine] ?? '') + ' ' + (lines[f.endLine + 1] ?? '');
  after = after.replace(/^\s+/, '');
  if (after.startsWith('<') && !after.startsWith('<<') && !after.startsWith('<=')) {
    const end = skipTemplateArgs(after, 0);
    if (end > 0) after = after.slice(end).replace(/^\s+/, '');
  }
  if (after.startsWith('(')) return 'call';
  const before = line.slice(0, f.column - 1);
  if (/(^|[^&\w)\]\s])\s*&\s*$/.test(before) || /^\s*&\s*$/.test(before)) return 'address';
  // A declarator follows on the same line: `cudaStream_t stream,`, `half *p;`.
  const sameLine = endLine.slice(f.endColumn - 1).replace(/^\s+/, '');
  const rest = sameLine.startsWith('<') ? sameLine.slice(Math.max(0, skipTemplateArgs(sameLine, 0))).replace(/^\s+/, '') : sameLine;
  // (`a && b`, `a & b`, `a * b` with spaces on both sides are operators, not declarators.)
  if (/^([*&]\s*)*[A-Za-z_]\w*\s*([,;=)[:({]|$)/.test(rest) && !/^(and|or|not|xor)\b/.test(rest) && !(/^[*&]+\s/.test(rest) && /^\s/.test(endLine.slice(f.endColumn - 1)))) return 'declarator';
  if (after.startsWith('{')) return 'brace';
  if (/[(,]\s*$/.test(before) && /^[,)]/.test(after)) return 'argument';
  if (/[<,]\s*$/.test(before) && /^[,>]/.test(after)) return 'template-argument';
  return 'operand';
}

const CALL_SHAPES = new Set(['call', 'address', 'argument', 'template-argument', 'using', 'define']);

/** The kind the text and the inventory say the finding should have, or undefined when they cannot tell. */
function expectedKind(f, shape) {
  if (!NAME_KINDS.has(f.kind)) return undefined;
  const inv = catalog.inventory.get(f.symbol);
  if (inv) {
    const k = INVENTORY_KIND[inv.kind];
    // A function-like macro (`__shfl_sync` in some headers) is used like a function.
    if (inv.kind === 'macro' && shape === 'call') return ['macro', 'function'];
    // A type called is a constructor (`dim3(1, 2)`, `float4{…}`).
    if (k === 'type' && (shape === 'call' || shape === 'brace')) return ['type'];
    return k ? [k] : undefined;
  }
  // A name spelled like a macro (CUTLASS_DEVICE, AT_CUDA_CHECK, CU_FILE_X) that the headers do not declare.
  if (/^[A-Z][A-Z0-9_]*$/.test(f.symbol.slice(f.symbol.lastIndexOf('::') + 2))) return ['macro', 'enum'];
  if (shape === 'call') return f.kind === 'macro' ? ['macro'] : ['function', 'type'];
  if (shape === 'declarator' || shape === 'template-argument') return ['type'];
  if (shape === 'brace') return ['type'];
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// C/C++ findings only: build files and Python have their own shapes (flags, strings, attributes).
const C_FAMILY = new Set(['cuda', 'cpp', 'c']);
const languageOf = new Map(report.files.map((f) => [f.path, f.language]));
const findings = report.findings.filter((f) => !f.suppressed && C_FAMILY.has(languageOf.get(f.file)));
const otherFindings = report.findings.filter((f) => !f.suppressed && !C_FAMILY.has(languageOf.get(f.file)));
const fn = findings.filter((f) => f.kind === 'function');
const shapes = new Map();
for (const f of findings) shapes.set(f, shapeOf(f));
const callShaped = fn.filter((f) => CALL_SHAPES.has(shapes.get(f)));
let judged = 0;
let agree = 0;
const disagreements = new Map();
const notCalls = new Map();
for (const f of findings) {
  const exp = expectedKind(f, shapes.get(f));
  if (!exp) continue;
  judged++;
  if (exp.includes(f.kind)) agree++;
  else {
    const k = `${f.symbol} (${f.kind}, expected ${exp.join('/')})`;
    disagreements.set(k, (disagreements.get(k) ?? 0) + 1);
  }
}
for (const f of fn) {
  if (CALL_SHAPES.has(shapes.get(f))) continue;
  const k = `${f.symbol} (${shapes.get(f)})`;
  notCalls.set(k, (notCalls.get(k) ?? 0) + 1);
}

// Seeded sample: mulberry32 over a hash of the seed text, stratified like the review in docs/precision.md.
function rng(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return prng(h);
}
const seed = seedText ?? `ascendify-precision-${paths.map((p) => p.replace(/\/+$/, '').split('/').pop()).join('+')}`;
const random = rng(seed);
function pick(list, n) {
  const pool = [...list];
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}
const strata = [
  ['function', findings.filter((f) => f.kind === 'function')],
  ['type', findings.filter((f) => f.kind === 'type')],
  ['other', findings.filter((f) => f.kind !== 'function' && f.kind !== 'type')],
];
const share = [Math.round((sampleSize * 14) / 40), Math.round((sampleSize * 13) / 40)];
share.push(sampleSize - share[0] - share[1]);
const sample = [];
strata.forEach(([, list], i) => sample.push(...pick(list, share[i])));
// Fill up from the other strata when one is short.
if (sample.length < sampleSize) sample.push(...pick(findings.filter((f) => !sample.includes(f)), sampleSize - sample.length));
sample.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

const lines = report.summary.lines;
const pct = (a, b) => (b ? Number(((100 * a) / b).toFixed(1)) : null);
const result = {
  root,
  seed,
  files: report.files.filter((f) => f.status === 'scanned').length,
  lines,
  findings: findings.length + otherFindings.length,
  findingsPerKloc: lines ? Number(((1000 * (findings.length + otherFindings.length)) / lines).toFixed(2)) : 0,
  cppFindings: findings.length,
  otherFindings: otherFindings.length,
  kernels: report.kernels.length,
  functionFindings: fn.length,
  callShaped: callShaped.length,
  callShapePrecision: pct(callShaped.length, fn.length),
  kindJudged: judged,
  kindAgree: agree,
  kindAgreement: pct(agree, judged),
  progress: (report.progress?.byTarget ?? []).map((t) => ({ target: t.target, targetUses: t.targetUses, cudaRemaining: t.cudaRemaining, cudaGuarded: t.cudaGuarded, percent: t.percent })),
  topNotCalls: [...notCalls].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15),
  topKindDisagreements: [...disagreements].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15),
  topSymbols: Object.entries([...findings, ...otherFindings].reduce((m, f) => ((m[f.symbol] = (m[f.symbol] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15),
  sample: sample.map((f) => {
    const exp = expectedKind(f, shapes.get(f));
    return { file: f.file, line: f.line, column: f.column, symbol: f.symbol, kind: f.kind, family: f.family, shape: shapes.get(f), kindOk: exp ? exp.includes(f.kind) : null, status: Object.values(f.targets).map((t) => t.status).join('/'), device: f.device ?? false };
  }),
};

if (json) {
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
const out = (s = '') => console.log(s);
out(`${root}: ${result.files} files, ${lines} lines, ${result.findings} findings (${result.findingsPerKloc} per 1,000 lines; ${result.cppFindings} in C/C++, ${result.otherFindings} in build files and Python), ${result.kernels} kernels`);
out(`call-shape precision: ${result.callShaped}/${result.functionFindings} function findings call-shaped = ${result.callShapePrecision ?? 'n/a'}%`);
out(`kind agreement: ${agree}/${judged} judged findings = ${result.kindAgreement ?? 'n/a'}%`);
for (const p of result.progress) out(`progress ${p.target}: ${p.targetUses} target uses, ${p.cudaRemaining} CUDA left, ${p.cudaGuarded} guarded, ${p.percent}% migrated`);
if (result.topNotCalls.length) out(`function findings not call-shaped: ${result.topNotCalls.map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (result.topKindDisagreements.length) out(`kind disagreements: ${result.topKindDisagreements.map(([k, n]) => `${k} ${n}`).join(', ')}`);
out(`most reported: ${result.topSymbols.map(([k, n]) => `${k} ${n}`).join(', ')}`);
for (const f of show ? findings.filter((x) => x.symbol === show) : []) {
  const exp = expectedKind(f, shapes.get(f));
  out(`  ${f.file}:${f.line}:${f.column}  ${f.kind}  shape=${shapes.get(f)}  expected=${exp ? exp.join('/') : '-'}  | ${(linesOf(f.file)[f.line - 1] ?? '').trim().slice(0, 160)}`);
}
if (quiet) process.exit(0);
out();
out(`sample (seed ${JSON.stringify(seed)}): ${sample.length} findings`);
for (const f of sample) {
  const s = result.sample[sample.indexOf(f)];
  const ls = linesOf(f.file);
  out(`${f.file}:${f.line}:${f.column}  ${f.symbol}  [${f.kind}, ${f.family}, ${s.status}${f.device ? ', device' : ''}]  shape=${s.shape}${s.kindOk === false ? '  KIND?' : ''}${f.kind === 'function' && !CALL_SHAPES.has(s.shape) ? '  NOT-A-CALL?' : ''}`);
  for (let k = Math.max(1, f.line - context); k <= Math.min(ls.length, f.line + context); k++) out(`  ${k === f.line ? '>' : ' '} ${(ls[k - 1] ?? '').trim().slice(0, 200)}`);
}
