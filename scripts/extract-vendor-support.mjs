#!/usr/bin/env node
/**
 * extract-vendor-support.mjs — per-chip support of vendor APIs, from three kinds of vendor evidence, into
 * rules/inventory/vendor/support.tsv.
 *
 * Usage:
 *   node scripts/extract-vendor-support.mjs --mirrors /work/.mirror [--release 8.5.0 --release 9.0.0 --release 9.1.0]
 *        [--releases rules/inventory/vendor/releases.yaml] [--inventory-dir rules/inventory/vendor]
 *        [--mlu-ops v0.11.0 --mlu-ops v1.3.2] [--out rules/inventory/vendor/support.tsv] [--date YYYY-MM-DD]
 *
 * Refs come from releases.yaml (a repository absent from a release is skipped); API names are recognised through
 * the release's inventory (cann-X.Y.tsv) restricted to the repository's libraries (REPO_LIBRARIES).
 *
 * KINDS (the `kind` column)
 *   table  a per-product support section of the API docs (any .md of the repository holding one; layouts and
 *          attribution in scripts/lib/support-docs.mjs): one row per (symbol, chip) the section names.
 *   stub   a declared function of ops-blas / ops-fft / ops-sparse / ops-solver (and the aclnn repositories) whose
 *          implementation only returns a *_NOT_IMPLEMENTED / *_NOT_SUPPORTED status, or that has no definition in
 *          the implementation at all (scripts/lib/stubs.mjs): supported=no for every chip.
 *   guard  a declaration of Ascend C (asc-devkit include/) that only a per-chip view keeps: the headers are read
 *          once with __NPU_ARCH__=2201 (ascend-910b, ascend-910c) and once with 3510 (ascend-950)
 *          (scripts/lib/arch-guards.mjs) and the declared names compared; and BANG C names (__bang_*, ...) that
 *          mlu-ops kernels use only under `__BANG_ARCH__` conditions excluding 372 (cambricon-mlu370) or
 *          592 (cambricon-mlu590).
 *
 * OUTPUT: `#` lines (command, date, refs), then the TSV
 *   library  symbol  chip  supported  source  kind  release  note
 * sorted by library, symbol, chip, release, kind, source (code-point order). `source` is owner/repo@ref:path of
 * the doc, implementation file or header; `note` says what was seen (doc line, returned status, guard).
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';
import { cmp, openRepo, recordedCommand } from './lib/vendor-mirrors.mjs';
import { ALTERNATES } from './build-vendor-releases.mjs';
import { ASCEND_CHIPS, BANG_ARCH, NPU_ARCH } from './lib/chips.mjs';
import { supportFacts } from './lib/support-docs.mjs';
import { findStubs, isImplementationPath, undefinedFunctions } from './lib/stubs.mjs';
import { chipView } from './lib/arch-guards.mjs';
import { declaredRows, USE_PATTERNS } from './extract-vendor-inventory.mjs';
import { isAclnnHeader } from './stage-vendor-headers.mjs';
import { stripComments } from './lib/stubs.mjs';

/** Libraries (of the inventories) whose names each repository's docs may speak for. */
export const REPO_LIBRARIES = {
  'hicann/runtime': ['acl'],
  'hicann/ge': ['acl'],
  'hicann/hccl': ['hccl'],
  'hicann/opbase': ['aclnn'],
  'hicann/ops-math': ['aclnn'],
  'hicann/ops-nn': ['aclnn'],
  'hicann/ops-transformer': ['aclnn'],
  'cannmirror/asc-devkit': ['ascendc'],
  'hicann/ops-blas': ['aclblas'],
  'hicann/ops-fft': ['aclfft'],
  'hicann/ops-sparse': ['aclsparse'],
  'hicann/ops-solver': ['aclsolver'],
};

/** Repositories checked for stubs (their libraries' declared functions). */
export const STUB_REPOS = ['hicann/ops-blas', 'hicann/ops-fft', 'hicann/ops-sparse', 'hicann/ops-solver', 'hicann/ops-math', 'hicann/ops-nn', 'hicann/ops-transformer'];
/** Repositories where "declared but never mentioned by the implementation" is checked (API in include/). */
export const NO_DEFINITION_REPOS = ['hicann/ops-blas', 'hicann/ops-fft', 'hicann/ops-sparse', 'hicann/ops-solver'];

/** Parses an inventory TSV: [{ symbol, kind, library, header, source }]. */
export function readInventory(text) {
  const rows = [];
  let header = true;
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [symbol, kind, library, hdr, source = ''] = line.split('\t');
    if (header) {
      header = false;
      if (symbol === 'symbol') continue;
    }
    rows.push({ symbol, kind, library, header: hdr, source });
  }
  return rows;
}

/**
 * apiName for one repository: exact inventory symbols of its libraries, or (for namespaced libraries) the unique
 * qualified symbol whose last component is the name. Namespaces and enumerators are not API names here.
 */
export function apiNamer(inventory, libraries) {
  const exact = new Map();
  const kinds = new Map();
  const byLast = new Map();
  for (const r of inventory) {
    if (!libraries.includes(r.library) || r.kind === 'namespace' || r.kind === 'enumerator') continue;
    exact.set(r.symbol, r.library);
    kinds.set(r.symbol, r.kind);
    if (r.symbol.includes('::')) {
      const last = r.symbol.slice(r.symbol.lastIndexOf('::') + 2);
      const list = byLast.get(last) ?? [];
      list.push(r.symbol);
      byLast.set(last, list);
    }
  }
  const resolve = (n) => {
    if (exact.has(n)) return n;
    const q = byLast.get(n);
    if (!q) return undefined;
    const uniq = [...new Set(q)];
    return uniq.length === 1 ? uniq[0] : uniq.find((s) => s.split('::').length === 2) ?? uniq.sort(cmp)[0];
  };
  const name = (n, kind) => {
    const s = resolve(n);
    return s && (!kind || kinds.get(s) === kind) ? s : undefined;
  };
  return { name, library: (s) => exact.get(s) };
}

const row = (library, symbol, chip, supported, source, kind, release, note) => ({ library, symbol, chip, supported, source, kind, release, note });

export function tableRows({ repo, repoName, ref, commit = ref, release, namer }) {
  const out = [];
  const docs = repo.files(commit).filter((f) => /\.md$/i.test(f.path));
  const texts = repo.readBlobs(docs.map((f) => f.sha));
  for (const f of docs) {
    const text = texts.get(f.sha) ?? '';
    if (!/产品支持|支持的产品|Supported Products?|Product Support/i.test(text)) continue;
    for (const fact of supportFacts(text, namer.name)) {
      out.push(row(namer.library(fact.symbol) ?? '', fact.symbol, fact.chip, fact.supported, `${repoName}@${ref}:${f.path}`, 'table', release, `doc line ${fact.line}`));
    }
  }
  return out;
}

export function stubRows({ repo, repoName, ref, commit, release, inventory, libraries, checkUndefined }) {
  // Declared: functions of the repository's libraries (inventory) that its public headers at this commit name;
  // the source of a row is the first such header.
  const candidates = new Map();
  for (const r of inventory) if (libraries.includes(r.library) && r.kind === 'function') candidates.set(r.symbol, r);
  const headers = repo.files(commit).filter((f) => /^include\/.*\.(h|hpp)$/.test(f.path) || isAclnnHeader(f.path)).sort((a, b) => cmp(a.path, b.path));
  const headerTexts = repo.readBlobs(headers.map((f) => f.sha));
  const declared = new Map(); // function -> { library, source }
  for (const h of headers) {
    for (const id of stripComments(headerTexts.get(h.sha) ?? '').match(/[A-Za-z_]\w*/g) ?? []) {
      const r = candidates.get(id);
      if (r && !declared.has(id)) declared.set(id, { library: r.library, source: `${repoName}@${ref}:${h.path}` });
    }
  }
  if (!declared.size) return [];
  const files = repo.files(commit).filter((f) => isImplementationPath(f.path));
  const texts = repo.readBlobs(files.map((f) => f.sha));
  const out = [];
  const seen = new Set();
  for (const f of files) {
    const text = texts.get(f.sha) ?? '';
    if (!/_NOT_(IMPLEMENTED|SUPPORTED)/.test(text)) continue;
    for (const s of findStubs(text)) {
      const decl = declared.get(s.name);
      if (!decl || seen.has(s.name)) continue;
      seen.add(s.name);
      for (const chip of ASCEND_CHIPS) out.push(row(decl.library, s.name, chip, 'no', `${repoName}@${ref}:${f.path}`, 'stub', release, `definition (line ${s.line}) only returns ${s.status}`));
    }
  }
  if (checkUndefined) {
    const missing = undefinedFunctions([...declared.keys()], [...texts.values()]);
    for (const name of missing) {
      if (seen.has(name)) continue;
      const decl = declared.get(name);
      for (const chip of ASCEND_CHIPS) out.push(row(decl.library, name, chip, 'no', decl.source, 'stub', release, 'declared here; no implementation file of the repository mentions it'));
    }
  }
  return out;
}

/** Ascend C: declarations that survive in one chip's view of include/ but not in another's. */
export function ascendGuardRows({ repo, repoName, ref, commit, release, scratch }) {
  const files = repo.files(commit, 'include').filter((f) => /\.(h|hpp)$/.test(f.path));
  const texts = repo.readBlobs(files.map((f) => f.sha));
  const archs = [...new Set(Object.values(NPU_ARCH))];
  const byArch = new Map();
  for (const arch of archs) {
    const dir = path.join(scratch, `npu-${arch}`);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      const full = path.join(dir, 'ascendc', f.path);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, chipView(texts.get(f.sha) ?? '', { __NPU_ARCH__: arch }, { relevant: ['__NPU_ARCH__'] }));
    }
    const rows = declaredRows([dir]).rows.filter((r) => r.kind !== 'namespace');
    byArch.set(arch, new Map(rows.map((r) => [r.symbol, r.header.replace(/^ascendc\//, '')])));
  }
  const out = [];
  const all = new Set([...byArch.values()].flatMap((m) => [...m.keys()]));
  for (const symbol of [...all].sort(cmp)) {
    const present = archs.filter((a) => byArch.get(a).has(symbol));
    if (present.length === archs.length) continue;
    const header = byArch.get(present[0]).get(symbol);
    for (const chip of ASCEND_CHIPS) {
      const yes = present.includes(NPU_ARCH[chip]);
      out.push(row('ascendc', symbol, chip, yes ? 'yes' : 'no', `${repoName}@${ref}:${header}`, 'guard', release, `declared only when __NPU_ARCH__ is ${present.join(' or ')}`));
    }
  }
  return out;
}

const BANG_PATTERN = USE_PATTERNS.find(([, lib]) => lib === 'bang')[0];

/** BANG C names that mlu-ops kernels use only in some chips' views (`__BANG_ARCH__` guards). */
export function bangGuardRows({ repo, tag }) {
  const files = repo.files(tag).filter((f) => /\.(mlu|mluh|h|hpp|cpp|cc)$/.test(f.path) && !/(^|\/)(tests?|samples?|docs?)\//.test(f.path));
  const texts = repo.readBlobs(files.map((f) => f.sha));
  const chips = Object.keys(BANG_ARCH);
  const usedBy = new Map(chips.map((c) => [c, new Map()]));
  for (const f of files.sort((a, b) => cmp(a.path, b.path))) {
    const text = texts.get(f.sha) ?? '';
    if (!/__bang_|__BANG_ARCH__|__mlu_/.test(text)) continue;
    for (const chip of chips) {
      const view = stripComments(/__BANG_ARCH__/.test(text) ? chipView(text, { __BANG_ARCH__: BANG_ARCH[chip] }, { relevant: ['__BANG_ARCH__'] }) : text);
      const m = usedBy.get(chip);
      for (const id of view.match(/[A-Za-z_]\w*/g) ?? []) if (BANG_PATTERN.test(id) && !m.has(id)) m.set(id, f.path);
    }
  }
  const out = [];
  const all = new Set(chips.flatMap((c) => [...usedBy.get(c).keys()]));
  for (const symbol of [...all].sort(cmp)) {
    const present = chips.filter((c) => usedBy.get(c).has(symbol));
    if (present.length === chips.length) continue;
    const file = usedBy.get(present[0]).get(symbol);
    const archs = present.map((c) => BANG_ARCH[c]).join(', ');
    for (const chip of chips) {
      out.push(row('bang', symbol, chip, present.includes(chip) ? 'yes' : 'no', `Cambricon/mlu-ops@${tag}:${file}`, 'guard', `mlu-ops ${tag}`, `mlu-ops uses it only where __BANG_ARCH__ allows ${archs}`));
    }
  }
  return out;
}

function openFor(mirrors, name, readFrom) {
  return openRepo(mirrors, readFrom ?? name) ?? (ALTERNATES[name] ?? []).map((n) => openRepo(mirrors, n)).find(Boolean);
}

export function extractSupport({ mirrors, releasesFile, releases, inventoryDir, mluOpsTags, log = () => {} }) {
  const data = parse(fs.readFileSync(releasesFile, 'utf8'));
  const rows = [];
  const refs = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-support-'));
  try {
    for (const release of releases) {
      const version = release.split('.').slice(0, 2).join('.');
      const invFile = path.join(inventoryDir, `cann-${version}.tsv`);
      const inventory = readInventory(fs.readFileSync(invFile, 'utf8'));
      for (const [repoName, libraries] of Object.entries(REPO_LIBRARIES)) {
        const info = data.cann.repos[repoName]?.releases?.[release];
        if (!info?.ref) continue;
        const repo = openFor(mirrors, repoName, info.read_from);
        if (!repo) continue;
        refs.push(`${release} ${repoName}@${info.ref}${info.ref === info.commit ? '' : ` (${info.commit})`}`);
        const t0 = Date.now();
        const namer = apiNamer(inventory, libraries);
        const before = rows.length;
        rows.push(...tableRows({ repo, repoName, ref: info.ref, commit: info.commit, release, namer }));
        if (STUB_REPOS.includes(repoName)) rows.push(...stubRows({ repo, repoName, ref: info.ref, commit: info.commit, release, inventory, libraries, checkUndefined: NO_DEFINITION_REPOS.includes(repoName) }));
        if (repoName === 'cannmirror/asc-devkit') rows.push(...ascendGuardRows({ repo, repoName, ref: info.ref, commit: info.commit, release, scratch }));
        log(`${release} ${repoName}: ${rows.length - before} rows in ${Date.now() - t0} ms`);
      }
    }
    const mlu = openRepo(mirrors, 'Cambricon/mlu-ops');
    if (mlu) {
      for (const tag of mluOpsTags) {
        const t0 = Date.now();
        const before = rows.length;
        refs.push(`mlu-ops Cambricon/mlu-ops@${tag} (${mlu.commit(tag)})`);
        rows.push(...bangGuardRows({ repo: mlu, tag }));
        log(`mlu-ops ${tag}: ${rows.length - before} rows in ${Date.now() - t0} ms`);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const key = (r) => [r.library, r.symbol, r.chip, r.release, r.kind, r.source, r.supported, r.note];
  const unique = new Map(rows.map((r) => [key(r).join('\t'), r]));
  const sorted = [...unique.values()].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = cmp(ka[i], kb[i]);
      if (c) return c;
    }
    return 0;
  });
  return { rows: sorted, refs };
}

function main() {
  const { values: v } = parseArgs({
    options: {
      mirrors: { type: 'string', multiple: true, default: [] },
      release: { type: 'string', multiple: true, default: [] },
      releases: { type: 'string', default: 'rules/inventory/vendor/releases.yaml' },
      'inventory-dir': { type: 'string', default: 'rules/inventory/vendor' },
      'mlu-ops': { type: 'string', multiple: true, default: [] },
      out: { type: 'string', default: 'rules/inventory/vendor/support.tsv' },
      date: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help || !v.mirrors.length) {
    process.stderr.write('usage: node scripts/extract-vendor-support.mjs --mirrors DIR [--release X.Y.Z ...] [--mlu-ops TAG ...] [--releases FILE] [--inventory-dir DIR] [--out FILE] [--date YYYY-MM-DD]\n');
    process.exit(v.help ? 0 : 2);
  }
  const started = Date.now();
  const releases = v.release.length ? v.release : ['8.5.0', '9.0.0', '9.1.0'];
  const mluOpsTags = v['mlu-ops'].length ? v['mlu-ops'] : ['v0.11.0', 'v1.3.2'];
  const { rows, refs } = extractSupport({
    mirrors: v.mirrors,
    releasesFile: v.releases,
    releases,
    inventoryDir: v['inventory-dir'],
    mluOpsTags,
    log: v.quiet ? () => {} : (m) => process.stderr.write(`${m}\n`),
  });
  const count = (k) => rows.filter((r) => r.kind === k).length;
  const header = [
    '# Per-chip support of vendor APIs: documentation support tables, not-implemented stubs, architecture guards.',
    '# Generated by scripts/extract-vendor-support.mjs; do not edit by hand (rules/inventory/vendor/README.md).',
    `# command: ${recordedCommand('scripts/extract-vendor-support.mjs', process.argv.slice(2).filter((a) => a !== '--quiet'))}`,
    `# date: ${v.date ?? new Date().toISOString().slice(0, 10)}`,
    ...refs.map((r) => `# read: ${r}`),
    `# rows: ${rows.length} (table=${count('table')} stub=${count('stub')} guard=${count('guard')}); no-rows: ${rows.filter((r) => r.supported === 'no').length}`,
    '# chips: ascend-910b (Atlas A2), ascend-910c (Atlas A3), ascend-950 (Ascend 950PR/950DT, Atlas 350), cambricon-mlu370, cambricon-mlu590',
  ];
  const body = ['library\tsymbol\tchip\tsupported\tsource\tkind\trelease\tnote', ...rows.map((r) => [r.library, r.symbol, r.chip, r.supported, r.source, r.kind, r.release, r.note].join('\t'))];
  fs.mkdirSync(path.dirname(path.resolve(v.out)), { recursive: true });
  fs.writeFileSync(v.out, `${header.join('\n')}\n${body.join('\n')}\n`);
  process.stderr.write(`wrote ${rows.length} rows to ${v.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
