#!/usr/bin/env node
/**
 * extract-vendor-inventory.mjs — build a target SDK's symbol inventory (rules/inventory/vendor/<sdk>-<version>.tsv)
 * from a folder of vendor headers and/or from vendor code that uses the SDK.
 *
 * Usage:
 *   node scripts/extract-vendor-inventory.mjs --sdk CANN --version 8.5 --out rules/inventory/vendor/cann-8.5.tsv \
 *        --include DIR [--include DIR ...] [--library SUBDIR=LIB ...] \
 *        [--uses DIR ...] [--source "where the files came from" ...] [--date YYYY-MM-DD] [--quiet]
 *
 * It is a dev tool: plain Node ESM, node builtins only. The output is committed; header text never is.
 *
 * TWO KINDS OF EVIDENCE
 *   --include DIR  Declarations. DIR holds one sub-folder per library (e.g. DIR/acl/acl_rt.h,
 *                  DIR/hccl/hccl.h, DIR/ascendc/include/basic_api/...); the library of a header is its
 *                  first path component, renamed by --library SUBDIR=LIB (two sub-folders may feed one
 *                  library, e.g. --library torch_npu-acl=acl). The headers are parsed by the CUDA
 *                  inventory's extractor (scripts/extract-cuda-inventory.mjs: same tokenizer, branch
 *                  selection, privacy rules), so a row means "a public header declares this name":
 *                  functions, types, enums, enumerators, macros and namespaces, namespaced names in full
 *                  (AscendC::DataCopy), plus file-scope UPPER_CASE constants (`static const int ACL_SUCCESS = 0;`)
 *                  as kind constant. Class members are not listed.
 *   --uses DIR     Uses. For SDKs whose headers are not published (Cambricon Neuware), the names that the
 *                  vendor's own open-source code uses (.c .cc .cpp .h .hpp .mlu .mluh), recognised by
 *                  USE_PATTERNS below, minus the names that code defines itself (function definitions,
 *                  #defines, struct/class/enum/typedef names). A name the vendor's code compiles
 *                  against exists in the SDK version that code was built with. Kind is guessed from the
 *                  text: `name(` is a function, a `_t` suffix a type, ALL_CAPS a constant (enumerator or
 *                  macro), a BANG C qualifier or built-in variable a builtin. The header column gives the
 *                  first file (relative to DIR) where it was seen, prefixed with `use:`.
 *
 * WHERE EACH NAME COMES FROM
 *   An --include or --uses DIR may hold a `.provenance.tsv` (written by scripts/stage-vendor-headers.mjs):
 *   one line `relative/path<TAB>owner/repo@ref:path` per file, saying which vendor file (at which tag or
 *   commit) a staged file is. A row's `source` column is then the vendor file that declares the name (or,
 *   for uses, the first file seen using it); without a provenance entry it is empty.
 *
 * OUTPUT
 *   `#` provenance lines (sdk, version, date, command, sources), then a TSV with the columns
 *   symbol  kind  library  header  source
 *   one row per (symbol, library), sorted by symbol then library in code-unit order. Readers that know
 *   only the first four columns (src/catalog/verify.ts) ignore the fifth.
 */
import { parseArgs as parseCommandLine } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { extract } from './extract-cuda-inventory.mjs';

/**
 * Namespaces the vendor compiler makes implicit (names inside are called unqualified), read as transparent:
 * Ascend C's SIMT and AI Core C API namespaces (asc-devkit 9.1 declares asc_atomic_* etc. inside them; its
 * simt_api/device_functions.h documents them as implicit, no qualification needed at call sites).
 */
export const TRANSPARENT_NAMESPACES = ['__asc_simt_vf', '__asc_aicore'];

/** Cambricon name families recognised in vendor code (--uses), first match wins. */
export const USE_PATTERNS = [
  [/^cnrt[A-Z]\w*$|^CNRT_[A-Z0-9_]+$/, 'cnrt'],
  [/^cnnl[A-Z]\w*$|^CNNL_[A-Z0-9_]+$/, 'cnnl'],
  [/^cncl[A-Z]\w*$|^CNCL_[A-Z0-9_]+$/, 'cncl'],
  [/^cnpapi[A-Z]\w*$|^CNPAPI_[A-Z0-9_]+$/, 'cnpapi'],
  [/^cn[A-Z][a-z]\w*$|^CN_[A-Z0-9_]+$/, 'cndrv'],
  [/^mluOp[A-Z]\w*$|^MLUOP_[A-Z0-9_]+$/, 'mluops'],
  [/^__bang_\w+$|^__mlu_\w+__$|^__(nram|wram|ldram|sram|mlu_shared)__$|^__memcpy(_async|_nram)?$|^__sync_(all|cluster|io|compute|all_ipu|all_mpu|io_move_compute|move)\w*$|^__(gdramset|nramset|sramset|ldramset)\w*$|^(taskId|taskDim|taskIdX|taskIdY|taskIdZ|taskDimX|taskDimY|taskDimZ|coreId|coreDim|clusterId|clusterDim)$|^__is_(ipu|mpu)$/, 'bang'],
];

/** Vendor headers named by `#include` in vendor code (--uses): listed with kind header. */
const INCLUDE = /^\s*#\s*include\s*[<"]((?:cnrt|cnnl|cncl|cn_api|cndrv_api|cndev|cnpx|cnpapi|bang|mlu|cnnl_extra)[\w./-]*\.h)[>"]/gm;
const INCLUDE_LIBRARIES = [
  [/^cnrt/, 'cnrt'], [/^cnnl/, 'cnnl'], [/^cncl/, 'cncl'], [/^cn_api|^cndrv/, 'cndrv'], [/^cndev/, 'cndev'],
  [/^cnpx/, 'cnpx'], [/^cnpapi/, 'cnpapi'], [/^(bang|mlu)/, 'bang'],
];

const SOURCE_EXT = /\.(c|cc|cpp|cxx|h|hh|hpp|mlu|mluh|cu|cuh)$/;
const BUILTIN_WORDS = /^(__|task|core|cluster)/;

function classifyUse(name) {
  for (const [re, lib] of USE_PATTERNS) if (re.test(name)) return lib;
  return undefined;
}

function kindOfUse(name, next, library) {
  if (library === 'bang' && !/^__bang_|^__memcpy|^__sync_|set/.test(name)) return BUILTIN_WORDS.test(name) ? 'builtin' : 'name';
  if (next === '(') return 'function';
  if (/_t$/.test(name)) return 'type';
  if (/^[A-Z0-9_]+$/.test(name)) return 'constant';
  return 'name';
}

/** Blank comments and string/char literals, keeping line structure (enough for name scanning). */
function stripCode(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
}

const DEFINES = [
  /#\s*define\s+([A-Za-z_]\w*)/g,
  /\b(?:struct|class|union|enum(?:\s+class)?)\s+([A-Za-z_]\w*)\s*[{:]/g,
  /\btypedef\b[^;{]*?\b([A-Za-z_]\w*)\s*;/g,
  /\b([A-Za-z_]\w*)\s*\([^;{}()]*(?:\([^()]*\)[^;{}()]*)*\)\s*(?:const\s*)?(?:noexcept\s*)?\{/g,
];

/** `DIR/.provenance.tsv` as a Map relative path -> `owner/repo@ref:path` (empty when there is none). */
export function readProvenance(dir) {
  const map = new Map();
  let text;
  try {
    text = fs.readFileSync(path.join(dir, '.provenance.tsv'), 'utf8');
  } catch {
    return map;
  }
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [rel, source] = line.split('\t');
    if (rel && source) map.set(rel, source);
  }
  return map;
}

export function scanUses(dirs) {
  const used = new Map(); // `${symbol}\t${library}` -> row
  const defined = new Set();
  const files = [];
  for (const dir of dirs) {
    const root = path.resolve(dir);
    const walk = (d) => {
      for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(d, ent.name);
        if (ent.isDirectory()) walk(full);
        else if (ent.isFile() && SOURCE_EXT.test(ent.name)) files.push({ root, full, rel: path.relative(root, full).split(path.sep).join('/'), provenance });
      }
    };
    const provenance = readProvenance(root);
    walk(root);
  }
  for (const f of files) {
    const raw = fs.readFileSync(f.full, 'utf8');
    for (const m of raw.matchAll(INCLUDE)) {
      const library = INCLUDE_LIBRARIES.find(([re]) => re.test(m[1]))?.[1];
      const key = `${m[1]}\t${library}`;
      if (library && !used.has(key)) used.set(key, { symbol: m[1], kind: 'header', library, header: `use:${f.rel}`, source: f.provenance.get(f.rel) ?? '' });
    }
    const text = stripCode(raw);
    for (const re of DEFINES) for (const m of text.matchAll(re)) defined.add(m[1]);
    for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
      const name = m[0];
      const library = classifyUse(name);
      if (!library) continue;
      const key = `${name}\t${library}`;
      if (used.has(key)) continue;
      const next = /^\s*(\(?)/.exec(text.slice(m.index + name.length, m.index + name.length + 20))[1];
      used.set(key, { symbol: name, kind: kindOfUse(name, next, library), library, header: `use:${f.rel}`, source: f.provenance.get(f.rel) ?? '' });
    }
  }
  const rows = [...used.values()].filter((r) => !defined.has(r.symbol) || r.library === 'bang');
  return { rows, files: files.length };
}

function parseArgs(argv) {
  const { values: v } = parseCommandLine({
    args: argv,
    options: {
      include: { type: 'string', short: 'I', multiple: true, default: [] },
      uses: { type: 'string', multiple: true, default: [] },
      library: { type: 'string', multiple: true, default: [] },
      source: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', short: 'o' },
      sdk: { type: 'string' },
      version: { type: 'string' },
      date: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const libraries = {};
  for (const pair of v.library) {
    const [from, to] = pair.split('=');
    if (!from || !to) throw new Error('--library needs SUBDIR=LIB');
    libraries[from] = to;
  }
  return { include: v.include, uses: v.uses, libraries, sources: v.source, out: v.out ?? null, sdk: v.sdk ?? null, version: v.version ?? null, date: v.date ?? null, quiet: v.quiet, help: v.help };
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const shellQuote = (s) => (/^[A-Za-z0-9_./=:+,@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Header rows of every --include (declarations), library from the first path component. */
export function declaredRows(include, libraries = {}) {
  if (!include.length) return { rows: [], files: 0 };
  const libraryFor = (rel) => {
    const first = rel.split('/')[0];
    return rel.includes('/') ? libraries[first] ?? first : undefined;
  };
  const ex = extract({ include, libraryFor, transparentNamespaces: TRANSPARENT_NAMESPACES });
  const provenance = new Map();
  for (const dir of include) for (const [rel, src] of readProvenance(dir)) if (!provenance.has(rel)) provenance.set(rel, src);
  const rows = ex.rows().map(({ symbol, kind, library, header }) => ({ symbol, kind, library, header, source: provenance.get(header) ?? '' }));
  // AscendCL declares its status codes as `static const int ACL_SUCCESS = 0;`: file-scope constants in
  // UPPER_CASE are listed as kind constant (the CUDA extractor leaves variables out).
  const seen = new Set(rows.map((r) => `${r.symbol}\t${r.library}`));
  for (const f of ex.files) {
    const text = fs.readFileSync(f.full, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    for (const m of text.matchAll(/^\s*(?:static\s+)?(?:constexpr|const)\s+[\w:]+(?:\s+const)?\s+([A-Z][A-Z0-9_]+)\s*=/gm)) {
      const key = `${m[1]}\t${f.library}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ symbol: m[1], kind: 'constant', library: f.library, header: f.rel, source: provenance.get(f.rel) ?? '' });
    }
  }
  return { rows, files: ex.files.length, unbalanced: ex.unbalanced };
}

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (o.help || (!o.include.length && !o.uses.length) || !o.out || !o.sdk || !o.version) {
    process.stderr.write(
      'usage: node scripts/extract-vendor-inventory.mjs --sdk NAME --version X.Y --out FILE\n' +
        '       (--include DIR | --uses DIR) ... [--library SUBDIR=LIB ...] [--source TEXT ...] [--date YYYY-MM-DD] [--quiet]\n',
    );
    process.exit(o.help ? 0 : 2);
  }
  const declared = declaredRows(o.include, o.libraries);
  const uses = o.uses.length ? scanUses(o.uses) : { rows: [], files: 0 };
  const best = new Map();
  for (const r of [...declared.rows, ...uses.rows]) {
    const key = `${r.symbol}\t${r.library}`;
    if (!best.has(key)) best.set(key, r); // a declaration wins over a use
  }
  const rows = [...best.values()].sort((a, b) => cmp(a.symbol, b.symbol) || cmp(a.library, b.library));
  const perLib = new Map();
  for (const r of rows) perLib.set(r.library, (perLib.get(r.library) ?? 0) + 1);
  const recorded = process.argv.slice(2).filter((x) => x !== '--quiet');
  const header = [
    `# ${o.sdk} ${o.version} symbol inventory: names the SDK's public headers declare (or its vendor code uses), one row per (symbol, library).`,
    '# Generated by scripts/extract-vendor-inventory.mjs; do not edit by hand (see rules/inventory/vendor/README.md).',
    `# sdk: ${o.sdk}`,
    `# version: ${o.version}`,
    `# evidence: ${[o.include.length ? 'declarations' : '', o.uses.length ? 'uses' : ''].filter(Boolean).join('+')}`,
    `# date: ${o.date ?? new Date().toISOString().slice(0, 10)}`,
    `# command: ${['node', 'scripts/extract-vendor-inventory.mjs', ...recorded].map(shellQuote).join(' ')}`,
    ...o.include.map((d) => `# include: ${d} (declarations)`),
    ...o.uses.map((d) => `# uses: ${d} (names used by vendor code)`),
    ...o.sources.map((s) => `# source: ${s}`),
    `# files read: ${declared.files} headers, ${uses.files} source files`,
    `# rows: ${rows.length} (${[...perLib].sort((a, b) => cmp(a[0], b[0])).map(([l, c]) => `${l}=${c}`).join(' ')})`,
    '# columns: symbol, kind (function|type|enum|enumerator|macro|namespace|constant; from uses: function|type|constant|builtin|name|header),',
    '#          library, header (relative to its include folder; `use:<file>` = first use seen in vendor code),',
    '#          source (owner/repo@tag-or-commit:path of that vendor file; empty when the folder had no .provenance.tsv)',
  ];
  const body = ['symbol\tkind\tlibrary\theader\tsource', ...rows.map((r) => `${r.symbol}\t${r.kind}\t${r.library}\t${r.header}\t${r.source ?? ''}`)];
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  fs.writeFileSync(o.out, `${header.join('\n')}\n${body.join('\n')}\n`);
  if (!o.quiet) {
    process.stderr.write(`wrote ${rows.length} rows to ${o.out}\n`);
    for (const [l, c] of [...perLib].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${l}\t${c}\n`);
    if (declared.unbalanced?.length) process.stderr.write(`${declared.unbalanced.length} headers with unbalanced braces (names there may be missed)\n`);
  }
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
