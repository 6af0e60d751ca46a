#!/usr/bin/env node
/**
 * stage-vendor-headers.mjs — copy the public headers of one SDK release out of the vendor mirrors (at the refs
 * of rules/inventory/vendor/releases.yaml) into a scratch folder laid out for scripts/extract-vendor-inventory.mjs,
 * with a `.provenance.tsv` that names each staged file's vendor source (owner/repo@ref:path); optionally run the
 * extractor on it.
 *
 * Usage:
 *   node scripts/stage-vendor-headers.mjs --mirrors /work/.mirror --sdk CANN --release 9.1.0 --dir /tmp/vh/cann-9.1 \
 *        [--releases rules/inventory/vendor/releases.yaml] [--run rules/inventory/vendor/cann-9.1.tsv] [--date YYYY-MM-DD]
 *   node scripts/stage-vendor-headers.mjs --mirrors /work/.mirror --sdk Neuware --release 6.14 --dir /tmp/vc/neuware-6.14 \
 *        [--run rules/inventory/vendor/neuware-6.14.tsv]
 *
 * The staged folder is scratch (vendor text never enters the project); the staged layout per library is
 * CANN_LAYOUT / NEUWARE_LAYOUT below. `--run` calls the extractor with the matching --library and --source
 * arguments, so the inventory's header records the exact command. No network.
 */
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';
import { cmp, openRepo } from './lib/vendor-mirrors.mjs';
import { ALTERNATES } from './build-vendor-releases.mjs';

/**
 * CANN: [staged sub-folder, repository, path filter, staged path of a matched file].
 * A repository absent from a release (releases.yaml `status: absent`) contributes nothing.
 */
export const CANN_LAYOUT = [
  ['acl', 'hicann/runtime', (p) => /^include\/external\/acl\/.*\.h$/.test(p), (p) => `acl/${p}`],
  ['ge-acl', 'hicann/ge', (p) => /^inc\/external\/acl\/.*\.h$/.test(p), (p) => `ge-acl/${p}`],
  ['torch_npu-acl', 'Ascend/pytorch', (p) => /^third_party\/acl\/inc\/acl\/.*\.h$/.test(p), (p) => `torch_npu-acl/${p}`],
  ['hccl', 'hicann/hccl', (p) => /^include\/[^/]+\.h$/.test(p), (p) => `hccl/${path.posix.basename(p)}`],
  ['torch_npu-hccl', 'Ascend/pytorch', (p) => /^third_party\/hccl\/inc\/hccl\/(hccl|hccl_types)\.h$/.test(p), (p) => `torch_npu-hccl/${path.posix.basename(p)}`],
  ['torch_npu-mstx', 'Ascend/pytorch', (p) => p === 'third_party/mstx/ms_tools_ext.h', () => 'torch_npu-mstx/mstx/ms_tools_ext.h'],
  ['aclnn', 'hicann/ops-math', isAclnnHeader, (p) => `aclnn/aclnnop/${path.posix.basename(p)}`],
  ['aclnn', 'hicann/ops-nn', isAclnnHeader, (p) => `aclnn/aclnnop/${path.posix.basename(p)}`],
  ['aclnn', 'hicann/ops-transformer', isAclnnHeader, (p) => `aclnn/aclnnop/${path.posix.basename(p)}`],
  ['opbase', 'hicann/opbase', (p) => /^include\/.*\.(h|hpp)$/.test(p), (p) => `opbase/${p}`],
  ['ascendc', 'cannmirror/asc-devkit', (p) => /^include\/.*\.(h|hpp)$/.test(p), (p) => `ascendc/${p}`],
  ['aclblas', 'hicann/ops-blas', (p) => /^include\/[^/]+\.h$/.test(p), (p) => `aclblas/${p}`],
  ['aclfft', 'hicann/ops-fft', (p) => /^include\/[^/]+\.h$/.test(p), (p) => `aclfft/${p}`],
  ['aclsparse', 'hicann/ops-sparse', (p) => /^include\/[^/]+\.h$/.test(p), (p) => `aclsparse/${p}`],
  ['aclsolver', 'hicann/ops-solver', (p) => /^include\/[^/]+\.h$/.test(p), (p) => `aclsolver/${p}`],
];

export const CANN_LIBRARIES = ['ge-acl=acl', 'torch_npu-acl=acl', 'torch_npu-hccl=hccl', 'opbase=aclnn', 'torch_npu-mstx=mstx'];

/** Public aclnn headers: `<op>/op_api/aclnn_*.h` or `<op>/op_host/op_api/aclnn_*.h`, outside experimental/ and tests. */
export function isAclnnHeader(p) {
  return /(^|\/)op_api\/aclnn_[^/]+\.h$/.test(p) && !/(^|\/)(experimental|tests?)\//.test(p);
}

/**
 * Neuware: mlu-ops declares mluOp* in mlu_op.h (staged as inc/mluops/mlu_op.h); every C/C++/BANG source of
 * mlu-ops (and of torch_mlu for 6.14, without third_party/kineto_mlu) is staged under src/ for --uses.
 * CNRT 6.N is assumed to ship with CNToolkit 3.N (rules/inventory/vendor/README.md).
 */
export const NEUWARE_RELEASES = {
  '6.7': { mluOps: 'v0.11.0', torchMlu: undefined },
  '6.14': { mluOps: 'v1.3.2', torchMlu: 'r1.22_pt2.1.0' },
};

const SOURCE_EXT = /\.(c|cc|cpp|cxx|h|hh|hpp|mlu|mluh|cu|cuh)$/;

function readReleases(file) {
  return parse(fs.readFileSync(file, 'utf8'));
}

function stageFiles(repo, ref, entries, dir, mapPath, provenance, sourceRepo) {
  const blobs = repo.readBlobs(entries.map((e) => e.sha));
  for (const e of entries) {
    const rel = mapPath(e.path);
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, blobs.get(e.sha) ?? '');
    provenance.set(rel, `${sourceRepo}@${ref}:${e.path}`);
  }
}

function writeProvenance(dir, provenance, note) {
  const lines = [`# staged file<TAB>vendor source (owner/repo@ref:path); ${note}`];
  for (const [rel, src] of [...provenance].sort((a, b) => cmp(a[0], b[0]))) lines.push(`${rel}\t${src}`);
  fs.writeFileSync(path.join(dir, '.provenance.tsv'), `${lines.join('\n')}\n`);
}

export function stageCann({ mirrors, releasesFile, release, dir }) {
  const releases = readReleases(releasesFile);
  const provenance = new Map();
  const sources = new Map(); // library -> [text]
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [sub, repoName, filter, mapPath] of CANN_LAYOUT) {
    const info = releases.cann.repos[repoName]?.releases?.[release];
    if (!info?.ref) continue;
    const reader = openRepo(mirrors, info.read_from ?? repoName) ?? (ALTERNATES[repoName] ?? []).map((n) => openRepo(mirrors, n)).find(Boolean);
    if (!reader) throw new Error(`${repoName}: not in the mirrors`);
    const entries = reader.files(info.commit).filter((e) => filter(e.path)).sort((a, b) => cmp(a.path, b.path));
    stageFiles(reader, info.ref, entries, dir, mapPath, provenance, repoName);
    const how = info.ref === info.commit ? `@ ${info.commit} (${info.method}${info.note ? `: ${info.note}` : ''})` : `@ ${info.ref} (${info.commit})`;
    const list = sources.get(sub) ?? [];
    list.push(`${repoName} ${entries.length} files ${how}`);
    sources.set(sub, list);
  }
  writeProvenance(dir, provenance, `CANN ${release}, refs from ${releasesFile}`);
  return { files: provenance.size, sources: [...sources].map(([lib, l]) => `${lib}: ${l.join('; ')}`) };
}

export function stageNeuware({ mirrors, version, dir }) {
  const spec = NEUWARE_RELEASES[version];
  if (!spec) throw new Error(`unknown Neuware version ${version} (known: ${Object.keys(NEUWARE_RELEASES).join(', ')})`);
  fs.rmSync(dir, { recursive: true, force: true });
  const inc = path.join(dir, 'inc');
  const src = path.join(dir, 'src');
  fs.mkdirSync(inc, { recursive: true });
  fs.mkdirSync(src, { recursive: true });
  const incProv = new Map();
  const srcProv = new Map();
  const sources = [];
  const mlu = openRepo(mirrors, 'Cambricon/mlu-ops');
  if (!mlu) throw new Error('Cambricon/mlu-ops: not in the mirrors');
  const tag = spec.mluOps;
  const all = mlu.files(tag);
  const header = all.find((e) => e.path === 'mlu_op.h') ?? all.find((e) => e.path === 'bangc-ops/mlu_op.h');
  stageFiles(mlu, tag, [header], inc, () => 'mluops/mlu_op.h', incProv, 'Cambricon/mlu-ops');
  const code = all.filter((e) => SOURCE_EXT.test(e.path) && e !== header);
  stageFiles(mlu, tag, code, src, (p) => `mlu-ops/${p}`, srcProv, 'Cambricon/mlu-ops');
  const prop = mlu.read(tag, 'build.property') ?? '';
  const cntoolkit = /"cntoolkit"\s*:\s*\[\s*"release"\s*,\s*"([^"]+)"/.exec(prop)?.[1];
  sources.push(`mluops (declarations): Cambricon/mlu-ops ${header.path} @ tag ${tag} (${mlu.commit(tag)})`);
  sources.push(`uses: all C/C++/BANG sources of Cambricon/mlu-ops @ tag ${tag} (${mlu.commit(tag)}; build.property: cntoolkit ${cntoolkit ?? '?'})`);
  if (spec.torchMlu) {
    const tm = openRepo(mirrors, 'Cambricon/torch_mlu');
    if (!tm) throw new Error('Cambricon/torch_mlu: not in the mirrors');
    const commit = tm.commit(`refs/heads/${spec.torchMlu}`);
    const files = tm.files(commit).filter((e) => SOURCE_EXT.test(e.path) && !e.path.startsWith('third_party/kineto_mlu/'));
    stageFiles(tm, commit, files, src, (p) => `torch_mlu/${p}`, srcProv, 'Cambricon/torch_mlu');
    const tprop = tm.read(commit, 'scripts/release/build.property') ?? '';
    const tk = /"cntoolkit"\s*:\s*\[\s*"release"\s*,\s*"([^"]+)"/.exec(tprop)?.[1];
    sources.push(`uses: C/C++/BANG sources of Cambricon/torch_mlu @ ${commit} (branch ${spec.torchMlu}, outside third_party/kineto_mlu; scripts/release/build.property: cntoolkit ${tk ?? '?'})`);
  }
  sources.push(`CNRT ${version} assumed for the CNToolkit 3.x of the same minor version`);
  writeProvenance(inc, incProv, `Neuware ${version}`);
  writeProvenance(src, srcProv, `Neuware ${version}`);
  return { files: incProv.size + srcProv.size, sources, inc, src };
}

function main() {
  const { values: v } = parseArgs({
    options: {
      mirrors: { type: 'string', multiple: true, default: [] },
      sdk: { type: 'string', default: 'CANN' },
      release: { type: 'string' },
      dir: { type: 'string' },
      releases: { type: 'string', default: 'rules/inventory/vendor/releases.yaml' },
      run: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help || !v.mirrors.length || !v.release || !v.dir) {
    process.stderr.write('usage: node scripts/stage-vendor-headers.mjs --mirrors DIR --sdk CANN|Neuware --release X.Y.Z --dir STAGE [--releases FILE] [--run OUT.tsv] [--date YYYY-MM-DD]\n');
    process.exit(v.help ? 0 : 2);
  }
  const started = Date.now();
  const extractor = path.join(path.dirname(new URL(import.meta.url).pathname), 'extract-vendor-inventory.mjs');
  let args;
  if (v.sdk === 'CANN') {
    const res = stageCann({ mirrors: v.mirrors, releasesFile: v.releases, release: v.release, dir: v.dir });
    process.stderr.write(`staged ${res.files} files in ${v.dir}\n`);
    const version = v.release.split('.').slice(0, 2).join('.');
    args = ['--sdk', 'CANN', '--version', version, '--include', v.dir, ...CANN_LIBRARIES.flatMap((l) => ['--library', l]), ...res.sources.flatMap((s) => ['--source', s])];
  } else {
    const res = stageNeuware({ mirrors: v.mirrors, version: v.release, dir: v.dir });
    process.stderr.write(`staged ${res.files} files in ${v.dir}\n`);
    args = ['--sdk', 'Neuware', '--version', v.release, '--include', res.inc, '--uses', res.src, ...res.sources.flatMap((s) => ['--source', s])];
  }
  if (v.run) {
    if (v.date) args.push('--date', v.date);
    args.push('--out', v.run);
    execFileSync(process.execPath, [extractor, ...args], { stdio: 'inherit' });
  } else {
    process.stdout.write(`node scripts/extract-vendor-inventory.mjs ${args.map((a) => (/^[\w./=:+,@-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')} --out OUT\n`);
  }
  process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
