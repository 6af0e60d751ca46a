#!/usr/bin/env node
/**
 * build-vendor-releases.mjs — which commit of each vendor repository makes up each SDK release, and which
 * chips each release supports where a vendor file says so. Writes rules/inventory/vendor/releases.yaml.
 *
 * Usage:
 *   node scripts/build-vendor-releases.mjs --mirrors /work/.mirror [--out rules/inventory/vendor/releases.yaml]
 *        [--date YYYY-MM-DD]
 *
 * --mirrors may be given more than once; each folder holds bare git dirs `owner+name/repo` or clones
 * `owner/name` (scripts/lib/vendor-mirrors.mjs). No network. Plain Node ESM; `yaml` for the output.
 *
 * HOW A RELEASE IS RESOLVED (CANN X.Y.Z, per repository; first rule that applies)
 *   tag              the repository has tag vX.Y.Z
 *   tag-in-alternate the snapshot of the repository lacks it but an alternate copy of the same history
 *                    (ALTERNATES below, e.g. cannmirror/ops-transformer for hicann/ops-transformer) has it
 *   release-branch   no such tag: the newest first-parent commit of branch X.Y.Z on or before the release
 *                    date (the newest vX.Y.Z tag date among the hicann repositories that have one)
 *   dated-commit     repositories without release tags or branches (ops-blas, ops-fft, ops-sparse, ops-solver):
 *                    the newest first-parent commit of the default branch on or before the release date, and
 *                    only when that commit already has the repository's version file (else: absent)
 *   own-tag          hicann/catlass has its own version tags: the newest vA.B.C tag dated on or before the release
 *   compat-table     Ascend/pytorch (torch_npu): the version pairing table in COMPATIBILITY.en.md names the
 *                    torch_npu version of each CANN release; the tag v<torch_npu>-pytorch2.9.0 is used
 *   plugin-branch    Ascend/op-plugin: branch <torch_npu version> (it has no such tags), newest commit on or
 *                    before the release date
 *
 * CHIPS (evidence, each with owner/repo@ref:path)
 *   soc-list     build.sh `SUPPORT_COMPUTE_UNIT_SHORT=(...)`: the SoCs the package can be built for
 *                (ascend910b -> ascend-910b, ascend910_93 -> ascend-910c, ascend950 / ascend910_95 / ascend350 -> ascend-950);
 *                a chip missing from the list is recorded as unsupported by that repository
 *   readme       README.md names the product (Atlas A2 / Atlas A3 / Ascend 950PR, 950DT / Atlas 350): mentioned
 *   Cambricon: mlu-ops build.property (CNToolkit, CNNL versions) and the default `--bang-mlu-arch=mtp_NNN`
 *   list of its CMakeLists.txt (mtp_372 = MLU370, mtp_592 = MLU590); torch_mlu's scripts/release/build.property.
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { stringify } from 'yaml';
import { cmp, openRepo, recordedCommand } from './lib/vendor-mirrors.mjs';
import { ASCEND_CHIPS, SOC_CHIPS, chipsOfProduct } from './lib/chips.mjs';
import { parseSupportDoc } from './lib/support-docs.mjs';

export const CANN_RELEASES = ['8.5.0', '9.0.0', '9.0.1', '9.1.0'];

/** Repositories of the CANN releases; `scheme` says how a release is found (header comment). */
export const CANN_REPOS = [
  { repo: 'hicann/runtime', scheme: 'cann-tag', library: 'acl' },
  { repo: 'hicann/ge', scheme: 'cann-tag', library: 'acl (model, op, cblas headers)' },
  { repo: 'hicann/hccl', scheme: 'cann-tag', library: 'hccl' },
  { repo: 'hicann/opbase', scheme: 'cann-tag', library: 'aclnn (base)' },
  { repo: 'hicann/ops-math', scheme: 'cann-tag', library: 'aclnn' },
  { repo: 'hicann/ops-nn', scheme: 'cann-tag', library: 'aclnn' },
  { repo: 'hicann/ops-transformer', scheme: 'cann-tag', library: 'aclnn' },
  { repo: 'cannmirror/asc-devkit', scheme: 'cann-tag', library: 'ascendc' },
  { repo: 'hicann/ops-blas', scheme: 'dated-commit', library: 'aclblas', versionFiles: ['cmake/version.cmake', 'version.cmake'] },
  { repo: 'hicann/ops-fft', scheme: 'dated-commit', library: 'aclfft', versionFiles: ['version.cmake', 'cmake/version.cmake'] },
  { repo: 'hicann/ops-sparse', scheme: 'dated-commit', library: 'aclsparse', versionFiles: ['cmake/version.cmake', 'version.cmake'] },
  { repo: 'hicann/ops-solver', scheme: 'dated-commit', library: 'aclsolver', versionFiles: ['cmake/version.cmake', 'version.cmake'] },
  { repo: 'hicann/catlass', scheme: 'own-tag', library: 'catlass' },
  { repo: 'Ascend/pytorch', scheme: 'compat-table', library: 'torch_npu' },
  { repo: 'Ascend/op-plugin', scheme: 'plugin-branch', library: 'torch_npu ops' },
];

/** Other snapshots of the same history, tried in order when a ref is missing (also used by index-cited-sources). */
export const ALTERNATES = {
  'hicann/ops-transformer': ['cannmirror/ops-transformer', 'mirror-cann/ops-transformer'],
  'cannmirror/asc-devkit': ['mirror-cann/asc-devkit'],
  'hicann/asc-devkit': ['cannmirror/asc-devkit', 'mirror-cann/asc-devkit'],
  'hicann/opbase': ['mirror-cann/opbase'],
};

/** `SUPPORT_COMPUTE_UNIT_SHORT=("a" "b")` of a build script -> the SoC names. */
export function parseSocList(text) {
  const m = /^\s*SUPPORT_COMPUTE_UNIT_SHORT\s*=\s*\(([^)]*)\)/m.exec(text ?? '');
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : undefined;
}

/** The compatibility table of Ascend/pytorch: [{ torchNpu, pytorch, cann }]. */
export function parseTorchNpuCompat(text) {
  const rows = [];
  for (const line of (text ?? '').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const branch = cells.find((c) => /^v\d+\.\d+\.\d+-\d+\.\d+\.\d+$/.test(c));
    const cann = cells.map((c) => /^CANN\s+(\S+)$/.exec(c)?.[1]).find(Boolean);
    if (!branch || !cann) continue;
    const [, pytorch, torchNpu] = /^v(\d+\.\d+\.\d+)-(\d+\.\d+\.\d+)$/.exec(branch);
    rows.push({ torchNpu, pytorch, cann });
  }
  return rows;
}

/** mlu-ops CMakeLists: the default `--bang-mlu-arch=mtp_NNN` list. */
export function parseBangArchs(text) {
  return [...new Set([...(text ?? '').matchAll(/--bang-mlu-arch=mtp_(\d+)/g)].map((m) => Number(m[1])))];
}

const MLU_ARCHS = { 372: 'cambricon-mlu370', 592: 'cambricon-mlu590' };

function parseJsonLoose(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const versionOf = (text) => /(?:VERSION|Version)\s*[=( ]\s*"?(\d+\.\d+\.\d+[\w.-]*)"?/.exec(text ?? '')?.[1];

function resolveCann(entry, release, releaseDate, open) {
  const { repo, scheme } = entry;
  const sources = [repo, ...(ALTERNATES[repo] ?? [])].map((name) => ({ name, r: open(name) })).filter((x) => x.r);
  if (!sources.length) return { status: 'absent', note: 'repository not in the mirrors' };
  const main = sources[0];
  if (scheme === 'cann-tag') {
    for (const { name, r } of sources) {
      const commit = r.commit(`refs/tags/v${release}`);
      if (commit) return { ref: `v${release}`, commit, method: name === repo ? 'tag' : 'tag-in-alternate', read_from: name, date: r.date(commit) };
    }
    for (const { name, r } of sources) {
      if (!r.commit(`refs/heads/${release}`)) continue;
      const commit = r.commitOnOrBefore(`refs/heads/${release}`, releaseDate);
      if (commit) {
        return {
          ref: commit,
          commit,
          method: 'release-branch',
          read_from: name,
          date: r.date(commit),
          note: `no v${release} tag; newest commit of branch ${release} on or before ${releaseDate}`,
        };
      }
    }
    return { status: 'absent', note: `no tag v${release} and no branch ${release}` };
  }
  if (scheme === 'dated-commit') {
    const commit = main.r.commitOnOrBefore('HEAD', releaseDate);
    if (!commit) return { status: 'absent', note: `no commit on or before ${releaseDate}` };
    for (const f of entry.versionFiles) {
      const text = main.r.read(commit, f);
      if (text !== undefined) {
        return {
          ref: commit,
          commit,
          method: 'dated-commit',
          read_from: main.name,
          date: main.r.date(commit),
          version_file: f,
          version: versionOf(text),
          note: `no release tags or branches; newest commit on or before ${releaseDate}`,
        };
      }
    }
    return { status: 'absent', note: `no version file (${entry.versionFiles.join(', ')}) at the newest commit on or before ${releaseDate} (${commit}): not yet released` };
  }
  if (scheme === 'own-tag') {
    const tags = main.r
      .tags()
      .filter((t) => /^v\d+\.\d+\.\d+$/.test(t.name) && t.date <= releaseDate)
      .sort((a, b) => cmp(a.date, b.date) || cmpVersion(a.name, b.name));
    const t = tags.at(-1);
    if (!t) return { status: 'absent', note: `no tag on or before ${releaseDate}` };
    return { ref: t.name, commit: t.commit, method: 'own-tag', read_from: main.name, date: t.date, note: `newest own version tag on or before ${releaseDate}` };
  }
  return { status: 'absent' };
}

function cmpVersion(a, b) {
  const pa = a.replace(/^v/, '').split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.replace(/^v/, '').split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return cmp(String(x), String(y));
  }
  return 0;
}

/** `<project name="ops-math" ... revision="9.1.0"/>` entries of a repo manifest: Map name -> revision. */
export function parseManifest(xml) {
  const out = new Map();
  for (const m of (xml ?? '').matchAll(/<project\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const rev = /\brevision="([^"]+)"/.exec(m[0])?.[1];
    if (name) out.set(name, rev ?? '');
  }
  return out;
}

/** Per chip: how many API support tables of a repository's docs mark it supported / unsupported. */
function docTableEvidence(repoName, r, ref) {
  const files = r.files(ref, 'docs').filter((f) => f.path.endsWith('.md'));
  if (!files.length) return [];
  const texts = r.readBlobs(files.map((f) => f.sha));
  const count = {};
  let tables = 0;
  for (const f of files) {
    const text = texts.get(f.sha) ?? '';
    if (!/产品支持|Supported Products/.test(text)) continue;
    for (const block of parseSupportDoc(text, (n) => n)) {
      tables++;
      for (const row of block.rows) for (const chip of row.chips) ((count[chip] ??= { yes: 0, no: 0 })[row.supported]++);
    }
  }
  return ASCEND_CHIPS.map((chip) => ({
    chip,
    supported: count[chip]?.yes ? 'yes' : count[chip]?.no ? 'no' : 'absent',
    how: 'doc-tables',
    detail: `${count[chip]?.yes ?? 0} of ${tables} support tables under docs/ mark it supported, ${count[chip]?.no ?? 0} unsupported`,
    source: `${repoName}@${ref}:docs`,
  }));
}

function chipEvidence(repoName, r, ref) {
  const out = [];
  const build = r.read(ref, 'build.sh');
  const socs = parseSocList(build);
  if (socs) {
    const listed = new Set(socs.map((s) => SOC_CHIPS[s]).filter(Boolean));
    for (const chip of ASCEND_CHIPS) {
      out.push({ chip, supported: listed.has(chip) ? 'yes' : 'no', how: 'soc-list', source: `${repoName}@${ref}:build.sh` });
    }
  }
  const readme = r.read(ref, 'README.md');
  if (readme) {
    const found = new Set();
    for (const line of readme.split('\n')) for (const chip of chipsOfProduct(line)) found.add(chip);
    for (const chip of ASCEND_CHIPS) if (found.has(chip) && !out.some((e) => e.chip === chip)) out.push({ chip, supported: 'mentioned', how: 'readme', source: `${repoName}@${ref}:README.md` });
  }
  if (repoName === 'hicann/runtime') out.push(...docTableEvidence(repoName, r, ref));
  return out.sort((a, b) => cmp(a.chip, b.chip) || cmp(a.how, b.how));
}

export function buildReleases(mirrors, { date }) {
  const cache = new Map();
  const open = (name) => {
    if (!cache.has(name)) cache.set(name, openRepo(mirrors, name));
    return cache.get(name);
  };
  // Release dates: the newest vX.Y.Z tag date among the tagged repositories.
  const releaseDates = {};
  for (const release of CANN_RELEASES) {
    const dates = CANN_REPOS.filter((e) => e.scheme === 'cann-tag')
      .flatMap((e) => [e.repo, ...(ALTERNATES[e.repo] ?? [])])
      .map((name) => open(name)?.tags().find((t) => t.name === `v${release}`)?.date)
      .filter(Boolean)
      .sort();
    releaseDates[release] = dates.at(-1);
  }
  const repos = {};
  const tablePerRelease = {};
  // Which repositories each release's repo manifest (hicann/manifest, tag vX.Y.Z, cann.xml) pins.
  const manifestRepo = open('hicann/manifest');
  const manifests = {};
  for (const release of CANN_RELEASES) {
    const tag = `v${release}`;
    if (!manifestRepo?.commit(`refs/tags/${tag}`)) continue;
    manifests[release] = { source: `hicann/manifest@${tag}:cann.xml`, projects: parseManifest(manifestRepo.read(tag, 'cann.xml')) };
  }
  // torch_npu pairing
  const pytorch = open('Ascend/pytorch');
  const compatText = pytorch?.read('HEAD', 'COMPATIBILITY.en.md');
  const compat = parseTorchNpuCompat(compatText);
  const compatCommit = pytorch?.commit('HEAD');
  for (const entry of CANN_REPOS) {
    const r = open(entry.repo);
    const alternates = (ALTERNATES[entry.repo] ?? []).filter((n) => open(n));
    const info = { library: entry.library, scheme: entry.scheme };
    if (!r) {
      info.status = 'not in the mirrors';
      repos[entry.repo] = info;
      continue;
    }
    if (alternates.length) info.alternates = alternates;
    info.snapshot = { head: r.commit('HEAD'), date: r.date('HEAD') };
    const tagHolder = [entry.repo, ...alternates].map(open).find((x) => x.tags().length) ?? r;
    const tags = tagHolder.tags().sort((a, b) => cmpVersion(a.name, b.name));
    if (tags.length) info.tags = Object.fromEntries(tags.map((t) => [t.name, `${t.commit} ${t.date}`]));
    if (tagHolder !== r) info.tags_read_from = tagHolder.name;
    info.releases = {};
    for (const release of CANN_RELEASES) {
      const day = releaseDates[release];
      let res;
      if (entry.scheme === 'compat-table') {
        const rows = compat.filter((c) => c.cann === release);
        if (!rows.length) res = { status: 'absent', note: `COMPATIBILITY.en.md (Ascend/pytorch@${compatCommit}) pairs no torch_npu version with CANN ${release}` };
        else {
          const npu = rows[0].torchNpu;
          const pts = rows.map((x) => x.pytorch).sort(cmpVersion);
          const pt = pts.includes('2.9.0') ? '2.9.0' : pts.at(-1);
          const tag = `v${npu}-pytorch${pt}`;
          const commit = r.commit(`refs/tags/${tag}`);
          res = commit
            ? { ref: tag, commit, method: 'compat-table', read_from: entry.repo, date: r.date(commit), torch_npu: npu, note: `torch_npu ${npu} pairs with CANN ${release} in Ascend/pytorch@${compatCommit}:COMPATIBILITY.en.md; PyTorch ${pt} line` }
            : { status: 'absent', note: `tag ${tag} not in the snapshot` };
        }
      } else if (entry.scheme === 'plugin-branch') {
        const row = compat.find((c) => c.cann === release);
        const branch = row?.torchNpu;
        const commit = branch && r.commit(`refs/heads/${branch}`) ? r.commitOnOrBefore(`refs/heads/${branch}`, day) : undefined;
        res = commit
          ? { ref: commit, commit, method: 'plugin-branch', read_from: entry.repo, date: r.date(commit), note: `no release tags; branch ${branch} (torch_npu ${branch} pairs with CANN ${release}), newest commit on or before ${day}` }
          : { status: 'absent', note: branch ? `no branch ${branch}` : `no torch_npu version pairs with CANN ${release}` };
      } else {
        res = resolveCann(entry, release, day, open);
      }
      const manifest = manifests[release];
      if (manifest && /^hicann\/|^cannmirror\//.test(entry.repo)) {
        const project = entry.repo.split('/')[1];
        res.manifest = manifest.projects.has(project) ? `pinned at ${manifest.projects.get(project)} by ${manifest.source}` : `not in ${manifest.source}`;
      }
      if (res.ref) {
        const reader = open(res.read_from);
        const chips = chipEvidence(entry.repo, reader, res.ref);
        if (chips.length) res.chips = chips.map((c) => `${c.chip} ${c.supported} (${c.how}${c.detail ? `: ${c.detail}` : ''}) ${c.source}`);
        for (const c of chips) ((tablePerRelease[release] ??= {})[c.chip] ??= []).push(c);
      }
      info.releases[release] = res;
    }
    repos[entry.repo] = info;
  }
  // Release notes of hicann/release-management (no tags: cited at the snapshot commit).
  const rm = open('hicann/release-management');
  const releaseNotes = {};
  if (rm) {
    const head = rm.commit('HEAD');
    for (const f of rm.files(head).filter((x) => /release-notes?\.md$/.test(x.path)).sort((a, b) => cmp(a.path, b.path))) {
      const text = rm.read(head, f.path) ?? '';
      const mentions = {};
      for (const line of text.split('\n')) for (const chip of chipsOfProduct(line)) mentions[chip] = (mentions[chip] ?? 0) + 1;
      releaseNotes[f.path.split('/')[0]] = {
        source: `hicann/release-management@${head}:${f.path}`,
        lines_naming: Object.fromEntries(ASCEND_CHIPS.map((c) => [c, mentions[c] ?? 0])),
      };
    }
  }
  // Release x chip summary. supported: yes when the runtime's API support tables (hicann/runtime docs at the
  // release ref) mark the chip supported, or the release's own notes (release-management <X.Y.Z>/release-notes.md)
  // name the product, or the X.Y.0 release of a patch release X.Y.Z is yes; build-only when only build scripts
  // list the SoC (operators can be compiled for it, e.g. for the simulator); no otherwise.
  const summary = {};
  for (const release of CANN_RELEASES) {
    summary[release] = {};
    for (const chip of ASCEND_CHIPS) {
      const ev = tablePerRelease[release]?.[chip] ?? [];
      const runtimeDocs = ev.find((e) => e.how === 'doc-tables');
      const socYes = ev.filter((e) => e.how === 'soc-list' && e.supported === 'yes');
      const socNo = ev.filter((e) => e.how === 'soc-list' && e.supported === 'no');
      const readme = ev.filter((e) => e.how === 'readme');
      const notes = releaseNotes[release];
      const base = release.replace(/\.\d+$/, '.0');
      const inherited = base !== release && summary[base]?.[chip]?.supported === 'yes';
      const yes = runtimeDocs?.supported === 'yes' || (notes?.lines_naming?.[chip] ?? 0) > 0 || inherited;
      summary[release][chip] = {
        supported: yes ? 'yes' : socYes.length ? 'build-only' : 'no',
        ...(notes ? { release_notes: `${notes.lines_naming[chip]} lines name it (${notes.source})` } : {}),
        ...(inherited ? { patch_of: base } : {}),
        ...(runtimeDocs ? { runtime_docs: `${runtimeDocs.detail} (${runtimeDocs.source})` } : {}),
        soc_lists: `${socYes.length} of ${socYes.length + socNo.length} build.sh SoC lists include it`,
        ...(socYes.length ? { in_soc_list_of: socYes.map((e) => e.source).sort(cmp) } : {}),
        ...(socNo.length ? { not_in_soc_list_of: socNo.map((e) => e.source).sort(cmp) } : {}),
        ...(readme.length ? { readme_mentions: readme.map((e) => e.source).sort(cmp) } : {}),
      };
    }
  }
  const cambricon = buildCambricon(open, releaseDates);
  return {
    generated: { by: 'scripts/build-vendor-releases.mjs', date },
    cann: {
      releases: Object.fromEntries(
        CANN_RELEASES.map((r) => [
          r,
          {
            date: releaseDates[r],
            ...(manifests[r] ? { manifest: manifests[r].source, manifest_projects: [...manifests[r].projects].map(([n, rev]) => `${n}@${rev}`).sort(cmp) } : { manifest: 'none (hicann/manifest has no such tag)' }),
          },
        ]),
      ),
      chips: summary,
      release_notes: releaseNotes,
      repos,
    },
    cambricon,
  };
}

function buildCambricon(open) {
  const out = {};
  const mlu = open('Cambricon/mlu-ops');
  if (mlu) {
    const tags = mlu.tags().filter((t) => /^v\d+\.\d+(\.\d+)?$/.test(t.name)).sort((a, b) => cmpVersion(a.name, b.name));
    const rows = {};
    for (const t of tags) {
      const prop = parseJsonLoose(mlu.read(t.name, 'build.property') ?? '');
      const cm = mlu.read(t.name, 'CMakeLists.txt') !== undefined ? 'CMakeLists.txt' : 'bangc-ops/CMakeLists.txt';
      const archs = parseBangArchs(mlu.read(t.name, cm));
      const req = prop?.build_requires ?? {};
      const row = { commit: t.commit, date: t.date };
      if (req.cntoolkit) row.cntoolkit = req.cntoolkit[1];
      if (req.cnnl) row.cnnl = req.cnnl[1];
      if (prop) row.versions_source = `Cambricon/mlu-ops@${t.name}:build.property`;
      if (archs.length) {
        row.default_archs = archs.map((a) => `mtp_${a}`);
        row.chips = Object.fromEntries(Object.entries(MLU_ARCHS).map(([a, chip]) => [chip, archs.includes(Number(a)) ? 'yes' : 'no']));
        row.archs_source = `Cambricon/mlu-ops@${t.name}:${cm}`;
      }
      rows[t.name] = row;
    }
    out['Cambricon/mlu-ops'] = { snapshot: { head: mlu.commit('HEAD'), date: mlu.date('HEAD') }, tags: rows };
  }
  const tm = open('Cambricon/torch_mlu');
  if (tm) {
    const branches = {};
    for (const b of tm.branches().sort((x, y) => cmp(x.name, y.name))) {
      const prop = parseJsonLoose(tm.read(b.commit, 'scripts/release/build.property') ?? '');
      const req = prop?.build_requires ?? {};
      branches[b.name] = {
        commit: b.commit,
        date: b.date,
        ...(prop?.version ? { version: prop.version } : {}),
        ...(req.cntoolkit ? { cntoolkit: req.cntoolkit[1] } : {}),
        ...(req.cnnl ? { cnnl: req.cnnl[1] } : {}),
        ...(req.mluops ? { mluops: req.mluops[1] } : {}),
        ...(prop ? { source: `Cambricon/torch_mlu@${b.commit}:scripts/release/build.property` } : {}),
      };
    }
    out['Cambricon/torch_mlu'] = { note: 'no tags; release branches only', branches };
  }
  return out;
}

function main() {
  const { values: v } = parseArgs({
    options: {
      mirrors: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', default: 'rules/inventory/vendor/releases.yaml' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help || !v.mirrors.length) {
    process.stderr.write('usage: node scripts/build-vendor-releases.mjs --mirrors DIR [--mirrors DIR ...] [--out FILE] [--date YYYY-MM-DD]\n');
    process.exit(v.help ? 0 : 2);
  }
  const started = Date.now();
  const date = v.date ?? new Date().toISOString().slice(0, 10);
  const data = buildReleases(v.mirrors, { date });
  const header = [
    '# SDK releases: the commit of each vendor repository that makes up each release, and the chips each release',
    '# supports where a vendor file says so. Generated; do not edit by hand (rules/inventory/vendor/README.md).',
    `# command: ${recordedCommand('scripts/build-vendor-releases.mjs', process.argv.slice(2))}`,
    `# date: ${date}`,
    '# methods: tag | tag-in-alternate (same history, another snapshot) | release-branch (no tag: newest commit of',
    '#   branch X.Y.Z on or before the release date) | dated-commit (repository without releases: newest commit on or',
    '#   before the release date, only once it has a version file) | own-tag | compat-table | plugin-branch',
  ];
  fs.mkdirSync(path.dirname(path.resolve(v.out)), { recursive: true });
  fs.writeFileSync(v.out, `${header.join('\n')}\n${stringify(data, { lineWidth: 0 })}`);
  process.stderr.write(`wrote ${v.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
