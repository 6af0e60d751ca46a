#!/usr/bin/env node
// Restore the pinned real-code corpus of `npm run bench -- --real` (docs/scale.md): public CUDA projects, each at a
// pinned commit, only the folders listed. Nothing of them is committed to this repository; the bench itself never
// fetches anything and refuses to run until this script has restored the corpus.
//
//   node scripts/restore-real-code.mjs [--pins bench/real-pins.json] [--dest bench/real]
//                                      [--mirrors DIR] [--clone] [--only a,b] [--force]
//
// For each pin { name, repo, commit, paths } it writes the pinned commit's `paths` into DEST/<name>/ and records the
// commit in DEST/<name>/.pinned; a project whose .pinned already holds the commit is skipped. Sources, in order:
// a local bare mirror DIR/<owner>+<name>/repo (or its .git) holding the commit (--mirrors, or $ASCENDIFY_MIRRORS),
// read with `git archive <commit> -- <paths> | tar -x`, or file by file (`git ls-tree` + `git cat-file`) when the
// mirror lacks some blobs (those are listed in DEST/<name>/.missing); with --clone and no usable mirror, a partial
// clone of https://github.com/<repo> (blobs on demand, sparse checkout of the paths) at the commit.
// Symbolic links are written as plain files holding their target, so no link points out of the tree.
//
// Exit codes: 0 all restored or already present; 1 a project failed (one line each); 2 bad usage or pins file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage(msg) {
  if (msg) process.stderr.write(`restore-real-code: ${msg}\n`);
  process.stderr.write('usage: node scripts/restore-real-code.mjs [--pins FILE] [--dest DIR] [--mirrors DIR] [--clone] [--only name,...] [--force]\n');
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      pins: { type: 'string', default: join(ROOT, 'bench', 'real-pins.json') },
      dest: { type: 'string', default: join(ROOT, 'bench', 'real') },
      mirrors: { type: 'string', default: process.env.ASCENDIFY_MIRRORS },
      only: { type: 'string' },
      clone: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  usage(e.message);
}
if (args.help) usage();

let pins;
try {
  pins = JSON.parse(readFileSync(args.pins, 'utf8'));
} catch (e) {
  usage(`cannot read pins file ${args.pins}: ${e.message}`);
}
if (!Array.isArray(pins)) usage(`${args.pins}: expected a JSON array of pins`);
for (const [i, p] of pins.entries()) {
  if (!p || typeof p.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p.name)) usage(`${args.pins}: pin #${i} has no usable "name"`);
  if (typeof p.repo !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(p.repo)) usage(`${args.pins}: pin ${p.name}: "repo" must be owner/name`);
  if (typeof p.commit !== 'string' || !/^[0-9a-f]{40}$/.test(p.commit)) usage(`${args.pins}: pin ${p.name}: "commit" must be 40 lowercase hex digits`);
  if (!Array.isArray(p.paths) || !p.paths.length || p.paths.some((x) => typeof x !== 'string' || x.includes('..') || x.startsWith('/'))) {
    usage(`${args.pins}: pin ${p.name}: "paths" must be a non-empty list of folders inside the repository`);
  }
}
let selected = pins;
if (args.only) {
  const want = new Set(args.only.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...want].filter((n) => !pins.some((p) => p.name === n));
  if (unknown.length) usage(`--only names not in ${args.pins}: ${unknown.join(', ')}`);
  selected = pins.filter((p) => want.has(p.name));
}

const dest = resolve(args.dest);
mkdirSync(dest, { recursive: true });

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { maxBuffer: 1 << 30, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}
const firstLine = (buf) => String(buf).trim().split('\n')[0];

function mirrorOf(repo) {
  if (!args.mirrors) return undefined;
  const base = join(args.mirrors, repo.replace('/', '+'), 'repo');
  return [join(base, '.git'), base].find((d) => existsSync(join(d, 'HEAD')) && existsSync(join(d, 'objects')));
}

const hasCommit = (gitDir, commit) => run('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;
const pathspecs = (p) => (p.paths.length === 1 && p.paths[0] === '.' ? ['.'] : p.paths);

function fromArchive(gitDir, p, into) {
  const ar = run('git', ['--git-dir', gitDir, 'archive', '--format=tar', p.commit, '--', ...pathspecs(p)]);
  if (ar.status !== 0) return false;
  const tar = run('tar', ['-x', '-C', into], { input: ar.stdout });
  if (tar.status !== 0) throw new Error(`tar -x failed: ${firstLine(tar.stderr)}`);
  return true;
}

function fromBlobs(gitDir, p, into) {
  const ls = run('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', p.commit, '--', ...pathspecs(p)]);
  if (ls.status !== 0) throw new Error(`git ls-tree failed: ${firstLine(ls.stderr)}`);
  const missing = [];
  for (const line of String(ls.stdout).split('\0').filter(Boolean)) {
    const tab = line.indexOf('\t');
    const [mode, type, oid] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type !== 'blob') continue;
    const blob = run('git', ['--git-dir', gitDir, 'cat-file', 'blob', oid]);
    if (blob.status !== 0) {
      missing.push(path);
      continue;
    }
    const out = join(into, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, blob.stdout, { mode: mode === '100755' ? 0o755 : 0o644 });
  }
  return missing;
}

function fromClone(p, into) {
  const tmp = `${into}.clone`;
  rmSync(tmp, { recursive: true, force: true });
  const steps = [['clone', '-q', '--filter=blob:none', '--no-checkout', `https://github.com/${p.repo}.git`, tmp]];
  if (pathspecs(p)[0] !== '.') steps.push(['-C', tmp, 'sparse-checkout', 'set', '--no-cone', ...pathspecs(p).map((x) => `/${x}`)]);
  steps.push(['-C', tmp, 'checkout', '-q', p.commit]);
  for (const s of steps) {
    const r = run('git', s, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`git ${s[0] === '-C' ? s[2] : s[0]} failed: ${String(r.stderr).trim().split('\n').pop()}`);
    }
  }
  rmSync(join(tmp, '.git'), { recursive: true, force: true });
  renameSync(tmp, into);
}

let failed = 0;
for (const p of selected) {
  const target = join(dest, p.name);
  const stamp = join(target, '.pinned');
  if (!args.force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === p.commit) {
    process.stdout.write(`${p.name}: already at ${p.commit.slice(0, 12)}\n`);
    continue;
  }
  const part = `${target}.part`;
  try {
    rmSync(part, { recursive: true, force: true });
    const gitDir = mirrorOf(p.repo);
    let how;
    if (gitDir && hasCommit(gitDir, p.commit)) {
      mkdirSync(part, { recursive: true });
      if (fromArchive(gitDir, p, part)) how = 'local mirror (git archive)';
      else {
        rmSync(part, { recursive: true, force: true });
        mkdirSync(part, { recursive: true });
        const missing = fromBlobs(gitDir, p, part);
        if (missing.length) writeFileSync(join(part, '.missing'), `${missing.join('\n')}\n`);
        how = `local mirror, file by file (${missing.length} blob(s) absent, listed in .missing)`;
      }
    } else if (args.clone) {
      fromClone(p, part);
      how = `a clone of https://github.com/${p.repo}`;
    } else {
      const why = gitDir ? `the mirror ${gitDir} lacks commit ${p.commit}` : args.mirrors ? `no mirror of ${p.repo} under ${args.mirrors}` : 'no --mirrors folder given';
      throw new Error(`${why}; pass --clone to fetch it from GitHub`);
    }
    writeFileSync(join(part, '.pinned'), `${p.commit}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(part, target);
    process.stdout.write(`${p.name}: restored ${p.commit.slice(0, 12)} from ${how}\n`);
  } catch (e) {
    rmSync(part, { recursive: true, force: true });
    process.stderr.write(`${p.name}: error: ${e.message}\n`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
