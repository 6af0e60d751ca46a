/**
 * vendor-mirrors.mjs — read vendor repositories from a folder of local git copies, at tags or commits,
 * without network. Shared by the vendor-data scripts (build-vendor-releases, stage-vendor-headers,
 * index-cited-sources, extract-vendor-support).
 *
 * A mirrors folder may hold, for a repository owner/name, any of:
 *   <mirrors>/<owner>+<name>/repo   a bare git dir (what the project's fetch tool produces)
 *   <mirrors>/<owner>+<name>        a bare git dir or a clone
 *   <mirrors>/<owner>/<name>        a normal clone (its .git is used) or a bare git dir
 * Only git plumbing is run (rev-parse, for-each-ref, ls-tree, cat-file, log), so a clone's work tree is
 * never read: what is read is what the commit holds.
 *
 * Plain Node ESM, node builtins only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MAX_BUFFER = 1 << 30;

function isGitDir(dir) {
  try {
    return fs.statSync(path.join(dir, 'HEAD')).isFile() && fs.statSync(path.join(dir, 'objects')).isDirectory();
  } catch {
    return false;
  }
}

/** The git dir of owner/name under any of the mirror folders, or undefined. */
export function findGitDir(mirrors, repo) {
  const [owner, name] = repo.split('/');
  for (const root of [].concat(mirrors)) {
    for (const cand of [
      path.join(root, `${owner}+${name}`, 'repo'),
      path.join(root, `${owner}+${name}`),
      path.join(root, owner, name),
    ]) {
      if (isGitDir(cand)) return cand;
      if (isGitDir(path.join(cand, '.git'))) return path.join(cand, '.git');
    }
  }
  return undefined;
}

/** A repository opened from the mirrors; methods return undefined instead of throwing on missing refs/paths. */
export class Repo {
  constructor(name, gitDir) {
    this.name = name;
    this.gitDir = gitDir;
    this.commitCache = new Map();
  }

  git(args, options = {}) {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], {
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'ignore'],
      ...options,
    });
  }

  tryGit(args, options) {
    try {
      return this.git(args, options).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The commit a ref (tag, branch, 40-hex) names, or undefined. */
  commit(ref) {
    if (!this.commitCache.has(ref)) {
      const out = this.tryGit(['rev-parse', '--verify', '-q', `${ref}^{commit}`]);
      this.commitCache.set(ref, out ? out.trim() : undefined);
    }
    return this.commitCache.get(ref);
  }

  /** Tags with their commit and the tag's (or commit's) date, YYYY-MM-DD. */
  tags() {
    const out = this.tryGit(['for-each-ref', '--format=%(refname:short)\t%(*objectname)\t%(objectname)\t%(creatordate:short)', 'refs/tags']) ?? '';
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [name, peeled, obj, date] = l.split('\t');
        return { name, commit: peeled || obj, date };
      });
  }

  /** Local branches with their head commit and date. */
  branches() {
    const out = this.tryGit(['for-each-ref', '--format=%(refname:short)\t%(objectname)\t%(committerdate:short)', 'refs/heads']) ?? '';
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [name, commit, date] = l.split('\t');
        return { name, commit, date };
      });
  }

  /** Commit date (YYYY-MM-DD, committer time zone) of a ref. */
  date(ref) {
    return this.tryGit(['log', '-1', '--format=%cd', '--date=short', ref, '--'])?.trim();
  }

  /** The newest first-parent commit of ref whose committer date is on or before day (YYYY-MM-DD). */
  commitOnOrBefore(ref, day) {
    const out = this.tryGit(['rev-list', '-1', '--first-parent', `--before=${day}T23:59:59+08:00`, ref, '--']);
    return out?.trim() || undefined;
  }

  /** Files (blobs) under prefix at ref: [{ path, sha }]. prefix '' = whole tree. */
  files(ref, prefix = '') {
    const args = ['ls-tree', '-r', '-z', '--full-tree', ref];
    if (prefix) args.push('--', prefix);
    const out = this.tryGit(args);
    if (out === undefined) return [];
    return out
      .split('\0')
      .filter(Boolean)
      .map((entry) => {
        const tab = entry.indexOf('\t');
        const [, type, sha] = entry.slice(0, tab).split(' ');
        return { path: entry.slice(tab + 1), sha, type };
      })
      .filter((e) => e.type === 'blob');
  }

  /** Text of ref:path, or undefined when the path does not exist there. */
  read(ref, file) {
    return this.tryGit(['cat-file', 'blob', `${ref}:${file}`]);
  }

  /** Texts of many blobs at once (git cat-file --batch): Map sha -> text. */
  readBlobs(shas) {
    const result = new Map();
    const unique = [...new Set(shas)];
    for (let i = 0; i < unique.length; i += 5000) {
      const chunk = unique.slice(i, i + 5000);
      const buf = this.git(['cat-file', '--batch'], { input: `${chunk.join('\n')}\n` });
      let pos = 0;
      while (pos < buf.length) {
        const nl = buf.indexOf(10, pos);
        const head = buf.subarray(pos, nl).toString('utf8').split(' ');
        pos = nl + 1;
        if (head[1] === 'missing') continue;
        const size = Number(head[2]);
        result.set(head[0], buf.subarray(pos, pos + size).toString('utf8'));
        pos += size + 1;
      }
    }
    return result;
  }
}

/** Opens owner/name from the mirrors (undefined when absent). */
export function openRepo(mirrors, repo) {
  const gitDir = findGitDir(mirrors, repo);
  return gitDir ? new Repo(repo, gitDir) : undefined;
}

/** Parses `owner/repo@ref:path`; undefined when the text is not of that form. */
export function parseSource(text) {
  const m = /^([A-Za-z0-9][\w.-]*)\/([\w.-]+)@([^:\s]+):(\S.*)$/.exec(String(text).trim());
  if (!m) return undefined;
  return { repo: `${m[1]}/${m[2]}`, ref: m[3], path: m[4] };
}

export const formatSource = (repo, ref, file) => `${repo}@${ref}:${file}`;

/** Code-point order (what `sort` does with LC_ALL=C on UTF-8 text), not UTF-16 code-unit order. */
export function cmp(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export const shellQuote = (s) => (/^[A-Za-z0-9_./=:+,@-]+$/.test(s) ? s : `'${String(s).replace(/'/g, `'\\''`)}'`);

/** The command line of this process as recorded in generated files (paths of the project relative). */
export function recordedCommand(script, argv) {
  return ['node', script, ...argv].map(shellQuote).join(' ');
}
