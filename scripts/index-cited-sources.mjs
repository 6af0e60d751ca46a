#!/usr/bin/env node
/**
 * index-cited-sources.mjs — for every vendor file the catalog cites (`source: owner/repo@ref:path`), which of
 * the catalog's replacement names that file contains. Writes rules/inventory/vendor/cited-sources.tsv, so that a
 * test can decide without the vendor repositories whether a cited source holds the replacement it is cited for.
 *
 * Usage (after `npm run build`: the replacement normalisation is src/catalog/verify.ts's replacementParts):
 *   node scripts/index-cited-sources.mjs --mirrors /work/.mirror [--rules rules/families]
 *        [--out rules/inventory/vendor/cited-sources.tsv] [--date YYYY-MM-DD]
 *
 * WHAT IS COLLECTED
 *   Every `source` value anywhere in the rule files (a string or a list of strings) of the form
 *   owner/repo@ref:path (other forms are counted in the header, not read), and every name of every
 *   `replacement` list anywhere in them, split and normalised by replacementParts (call arguments and
 *   template arguments stripped, `+`-combinations split). Header parts (`acl/acl.h`) are kept as names too.
 * HOW A FILE IS READ
 *   From the mirrors (scripts/lib/vendor-mirrors.mjs) at the cited ref; when the repository or the ref is not in
 *   the mirrors, the alternates of build-vendor-releases.mjs (ALTERNATES: other snapshots of the same history)
 *   are tried. Comments of C/C++ files are ignored.
 * WHEN A NAME "OCCURS" (the `match` column)
 *   identifier   a plain name occurs as an identifier
 *   qualified    `A::B::Name` occurs as written (spaces around :: allowed)
 *   namespace    `A::...::Name`: Name occurs as an identifier, every middle component too, and the file opens,
 *                uses or qualifies namespace A (`namespace A`, `using namespace A`, `A::`)
 *   dotted-path  `a.b.c` occurs as written
 *   defined      `a.b.c` in a Python file that defines c (def, class, assignment, import) or lists it in __all__
 *   string       `a.b.c` in a Python file where c only occurs as a string literal (attributes served by
 *                __getattr__/__setattr__ comparisons): weaker, left to the reader to accept
 *   members      `a.b` in a non-Python file where a and b both occur as identifiers (struct member access)
 *   path         a header part: the cited path ends with it, or the file #includes it
 *   text         a part that is not a name (a flag, a CMake call, launch syntax): occurs as written, whitespace folded
 * OUTPUT
 *   `#` lines (command, date, counts, the mirror commit of every repository read), a header row, then rows
 *   source  name  match
 *   one per (source, name found), and `source  (missing-file)  -` for a file absent at that ref,
 *   `(missing-ref)` for a ref the mirrors do not have, `(missing-repo)` for a repository not in the mirrors.
 *   Sorted by source, then name, in code-point order.
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';
import { cmp, openRepo, parseSource, recordedCommand } from './lib/vendor-mirrors.mjs';
import { stripComments } from './lib/stubs.mjs';
import { ALTERNATES } from './build-vendor-releases.mjs';

/** Walks parsed YAML: calls visit(key, value) for every mapping entry. */
function walk(node, visit) {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

/** Sources and replacement strings of parsed rule documents. */
export function collectCatalog(docs) {
  const sources = new Set();
  const other = new Set();
  const replacements = new Set();
  for (const doc of docs) {
    walk(doc, (key, value) => {
      if (key === 'source') {
        for (const s of [].concat(value)) {
          if (typeof s !== 'string') continue;
          if (parseSource(s)) sources.add(s.trim());
          else other.add(s);
        }
      } else if (key === 'replacement' && Array.isArray(value)) {
        for (const r of value) if (typeof r === 'string') replacements.add(r);
      }
    });
  }
  return { sources, other, replacements };
}

/** Names to look for, from replacement strings, with the project's normalisation (replacementParts). */
export function catalogNames(replacements, replacementParts) {
  const names = new Set();
  for (const r of replacements) {
    for (const p of replacementParts(r)) {
      if (p.kind !== 'other' && p.lookup) names.add(p.lookup);
      else if (p.kind === 'other' && p.text.length >= 3) names.add(p.text); // looked up as written (`text`)
    }
  }
  return names;
}

const C_LIKE = /\.(h|hh|hpp|hxx|c|cc|cpp|cxx|cu|cuh|mlu|mluh|inc|inl|ipp)$/i;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file prepared for lookups: its text (comments removed for C/C++) and its identifiers. */
export function prepareFile(filePath, text) {
  const code = C_LIKE.test(filePath) ? stripComments(text) : text;
  const idents = new Set(code.match(/[A-Za-z_]\w*/g) ?? []);
  return { path: filePath, code, raw: text, idents, python: /\.pyi?$/.test(filePath) };
}

/** How `name` occurs in a prepared file (a match kind of the header comment), or undefined. */
export function matchName(file, name) {
  const { code, idents } = file;
  // A replacement part that is not a name (`-std=c++17`, `set(CMAKE_ASC_ARCHITECTURES dav-2201)`): as written.
  if (!/^~?[A-Za-z_][\w:.~]*$/.test(name) && !/^[\w./-]+\.(h|hpp|hh|inc)$/.test(name)) {
    const flat = (t) => t.replace(/\s+/g, ' ');
    return flat(code).includes(flat(name)) ? 'text' : undefined;
  }
  if (/^[\w./-]+\.(h|hpp|hh|inc)$/.test(name)) {
    // The cited file is the header: its repository path may differ from its installed one (aclnnop/aclnn_matmul.h
    // lives at matmul/.../op_api/aclnn_matmul.h), so the file name decides.
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (file.path === name || file.path.endsWith(`/${name}`) || file.path.endsWith(`/${base}`) || file.path === base) return 'path';
    return new RegExp(`^\\s*#\\s*include\\s*[<"](?:[^>"\\n]*/)?${escapeRe(name)}[>"]`, 'm').test(file.raw) ? 'path' : undefined;
  }
  if (name.includes('::')) {
    const parts = name.split('::');
    const last = parts.at(-1);
    if (!idents.has(last)) return undefined;
    if (new RegExp(`(?<![\\w])${parts.map(escapeRe).join('\\s*::\\s*')}(?!\\w)`).test(code)) return 'qualified';
    const [first, ...middle] = parts.slice(0, -1);
    if (!middle.every((m) => idents.has(m))) return undefined;
    const ns = new RegExp(`\\bnamespace\\s+(?:[\\w:]+::)?${escapeRe(first)}\\b|\\busing\\s+namespace\\s+${escapeRe(first)}\\b|(?<![\\w])${escapeRe(first)}\\s*::`);
    return ns.test(code) ? 'namespace' : undefined;
  }
  if (name.includes('.')) {
    const parts = name.split('.');
    const last = parts.at(-1);
    if (new RegExp(`(?<![\\w.])${parts.map(escapeRe).join('\\.')}(?!\\w)`).test(code)) return 'dotted-path';
    if (file.python) {
      const e = escapeRe(last);
      const defined = new RegExp(`^\\s*(?:async\\s+)?def\\s+${e}\\b|^\\s*class\\s+${e}\\b|^\\s*${e}\\s*(?::[^=\\n]*)?=|^\\s*from\\s+\\S+\\s+import\\s+.*\\b${e}\\b|\\bas\\s+${e}\\b`, 'm');
      if (defined.test(code)) return 'defined';
      const all = /__all__\s*(?:\+?=)\s*[[(]([\s\S]*?)[\])]/.exec(code);
      if (all && new RegExp(`["']${e}["']`).test(all[1])) return 'defined';
      return new RegExp(`["']${e}["']`).test(code) ? 'string' : undefined;
    }
    return idents.has(parts[0]) && idents.has(last) ? 'members' : undefined;
  }
  return idents.has(name) ? 'identifier' : undefined;
}

/** Opens the repository of a source, trying alternates for a missing repository or ref. */
function locate(mirrors, cache, repoName, ref) {
  const open = (n) => {
    if (!cache.has(n)) cache.set(n, openRepo(mirrors, n) ?? null);
    return cache.get(n);
  };
  const candidates = [repoName, ...(ALTERNATES[repoName] ?? [])];
  let anyRepo = false;
  for (const n of candidates) {
    const r = open(n);
    if (!r) continue;
    anyRepo = true;
    const commit = r.commit(ref);
    if (commit) return { repo: r, commit, readFrom: n };
  }
  return { missing: anyRepo ? '(missing-ref)' : '(missing-repo)' };
}

export function indexSources({ mirrors, sources, names }) {
  const cache = new Map();
  const rows = [];
  const used = new Map(); // repo read -> HEAD commit
  const alternates = new Set();
  const nameList = [...names].sort(cmp);
  for (const source of [...sources].sort(cmp)) {
    const { repo: repoName, ref, path: file } = parseSource(source);
    const loc = locate(mirrors, cache, repoName, ref);
    if (loc.missing) {
      rows.push([source, loc.missing, '-']);
      continue;
    }
    used.set(loc.readFrom, loc.repo.commit('HEAD'));
    if (loc.readFrom !== repoName) alternates.add(`${repoName}@${ref} read from ${loc.readFrom}`);
    const text = loc.repo.read(loc.commit, file);
    if (text === undefined) {
      rows.push([source, '(missing-file)', '-']);
      continue;
    }
    const prepared = prepareFile(file, text);
    let found = 0;
    for (const name of nameList) {
      const how = matchName(prepared, name);
      if (how) {
        rows.push([source, name, how]);
        found++;
      }
    }
    // A file read that holds none of the names still gets a row: the index then covers every cited source.
    if (!found) rows.push([source, '(no-names)', '-']);
  }
  rows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return { rows, used, alternates };
}

function main() {
  const { values: v } = parseArgs({
    options: {
      mirrors: { type: 'string', multiple: true, default: [] },
      rules: { type: 'string', default: 'rules/families' },
      out: { type: 'string', default: 'rules/inventory/vendor/cited-sources.tsv' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help || !v.mirrors.length) {
    process.stderr.write('usage: node scripts/index-cited-sources.mjs --mirrors DIR [--mirrors DIR ...] [--rules DIR] [--out FILE] [--date YYYY-MM-DD]\n');
    process.exit(v.help ? 0 : 2);
  }
  return import('../dist/catalog/verify.js')
    .catch(() => {
      process.stderr.write('needs the built project (dist/): run `npm run build` first\n');
      process.exit(2);
    })
    .then(({ replacementParts }) => {
      const started = Date.now();
      const files = fs.readdirSync(v.rules).filter((f) => /\.ya?ml$/.test(f)).sort(cmp);
      const docs = files.map((f) => parse(fs.readFileSync(path.join(v.rules, f), 'utf8')));
      const { sources, other, replacements } = collectCatalog(docs);
      const names = catalogNames(replacements, replacementParts);
      const { rows, used, alternates } = indexSources({ mirrors: v.mirrors, sources, names });
      const missing = rows.filter((r) => r[1].startsWith('(missing')).length;
      const header = [
        '# Catalog sources indexed: which replacement names of the catalog each cited vendor file (owner/repo@ref:path) contains.',
        '# Generated by scripts/index-cited-sources.mjs; do not edit by hand (rules/inventory/vendor/README.md).',
        `# command: ${recordedCommand('scripts/index-cited-sources.mjs', process.argv.slice(2))}`,
        `# date: ${v.date ?? new Date().toISOString().slice(0, 10)}`,
        `# rules: ${files.length} files under ${v.rules}; ${sources.size} distinct owner/repo@ref:path sources (${missing} not readable); ${other.size} other source values not read; ${names.size} replacement names`,
        ...[...used].sort((a, b) => cmp(a[0], b[0])).map(([r, c]) => `# mirror: ${r} HEAD ${c}`),
        ...[...alternates].sort(cmp).map((a) => `# alternate: ${a}`),
        '# match: identifier | qualified | namespace | dotted-path | defined | string | members | path | text (see the script); (missing-file|missing-ref|missing-repo) rows have match -; (no-names): the file was read and holds none of the names',
      ];
      const body = ['source\tname\tmatch', ...rows.map((r) => r.join('\t'))];
      fs.mkdirSync(path.dirname(path.resolve(v.out)), { recursive: true });
      fs.writeFileSync(v.out, `${header.join('\n')}\n${body.join('\n')}\n`);
      process.stderr.write(`wrote ${rows.length} rows (${sources.size} sources, ${names.size} names) to ${v.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
