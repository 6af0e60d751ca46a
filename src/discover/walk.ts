/**
 * Discover stage: paths -> the source files to scan, and the ones skipped with a reason.
 * Honours .gitignore files (nested ones too), skips VCS, dependency and build folders,
 * applies --exclude globs, never follows a symlink out of the scanned root, and cannot loop.
 *
 * Only regular files are scanned: a FIFO, socket or device is listed as skipped with its type and never
 * opened. A file reached through a symbolic link inside the root is scanned once, under its real path.
 * `.gitignore` files are read with the same care (regular, bounded, never through a link out of the root).
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { SkippedFile, SourceFile } from '../model/index.js';
import { UsageError } from '../util/errors.js';
import { globTest } from '../util/glob.js';
import { byCodePoint } from '../util/order.js';
import { fileKind, isInside, readRegularText, RefusedFile } from '../util/read-file.js';
import { compileGitignore, type Gitignore } from './gitignore.js';

export { languageOf, SOURCE_EXTENSIONS, SOURCE_FILE_NAMES } from '../util/language.js';
import { languageOf } from '../util/language.js';

/** Folders skipped by default: version control, dependencies, build output. */
export const DEFAULT_SKIPPED_DIRS = [
  '.git', '.hg', '.svn', 'node_modules', 'build', '_build', 'dist', 'out', '.cache', '__pycache__', '.venv', 'venv',
  '.ascendify-cache',
];
const CMAKE_BUILD = /^cmake-build-/;

/** A .gitignore larger than this is not read (and listed as skipped): no real one comes near it. */
export const MAX_GITIGNORE_SIZE = 4 * 1024 * 1024;

export const OUTSIDE_ROOT = 'symbolic link to a location outside the scanned root';

export interface DiscoverOptions {
  exclude?: string[];
  gitignore?: boolean;
}

export interface Discovery {
  root: string;
  files: SourceFile[];
  skipped: SkippedFile[];
  /**
   * What the scan covered, as paths relative to the root with / ('' = the whole root): the folders and files
   * given. A file under one of them that is not in `files` or `skipped` does not exist (or is ignored).
   */
  scope: string[];
}

export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`path not found: ${path}`);
  }
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** The scan root: the folder given, a file's folder, or the deepest folder common to several paths. */
export function scanRoot(paths: string[]): string {
  const dirs = paths.map((p) => {
    const abs = resolve(p);
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  });
  let root = dirs[0] as string;
  for (const d of dirs.slice(1)) {
    while (!(d === root || d.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  }
  return root;
}

interface IgnoreLayer {
  dir: string;
  ig: Gitignore;
}

/** Why a special file is not read: "not a regular file: a FIFO (named pipe)". */
export function specialFileReason(stat: Stats | Dirent): string {
  return `not a regular file: a ${fileKind(stat)}`;
}

export function discover(paths: string[], options: DiscoverOptions = {}): Discovery {
  const inputs = paths.length ? paths : ['.'];
  for (const p of inputs) {
    try {
      statSync(p);
    } catch {
      throw new MissingPathError(p);
    }
  }
  const root = scanRoot(inputs);
  const realRoot = realpathSync(root);
  const useGitignore = options.gitignore !== false;
  const excludes = (options.exclude ?? []).map((g) => {
    try {
      return globTest(g);
    } catch (e) {
      throw new UsageError(`--exclude ${JSON.stringify(g)} ${(e as Error).message}`, 'use globs such as third_party/** or **/*_test.cu');
    }
  });
  const excluded = excludes.length ? (path: string): boolean => excludes.some((t) => t(path)) : undefined;
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const scope: string[] = [];
  const visited = new Set<string>();
  const seenFiles = new Set<string>();
  const seenSkipped = new Set<string>();

  /** A path as reported: relative to the real root, with /. */
  const shown = (real: string): string => toPosix(relative(realRoot, real));
  const skip = (path: string, reason: string): void => {
    if (seenSkipped.has(path)) return;
    seenSkipped.add(path);
    skipped.push({ path, reason });
  };

  /** The .gitignore of a folder (by its real path), read as carefully as a source; a refused one is listed. */
  const loadGitignore = (realDir: string): Gitignore | undefined => {
    const path = join(realDir, '.gitignore');
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      return undefined; // none here (the common case)
    }
    try {
      return compileGitignore(readRegularText(path, { maxBytes: MAX_GITIGNORE_SIZE, root: link ? realRoot : undefined }));
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      if (e.code !== 'ENOENT') skip(shown(path), `.gitignore not read: it ${e.reason}`);
      return undefined;
    }
  };

  const isExcluded = (rel: string, isDir: boolean): boolean =>
    excluded !== undefined && (excluded(rel) || (isDir && excluded(`${rel}/`)) || excluded(basename(rel)));

  // The walk never enters an ignored folder, so an entry's parents are known not to be ignored: `matches` tests the
  // entry alone (linear in its path; `ignores` would look at every parent again).
  const ignoredBy = (layers: IgnoreLayer[], abs: string, isDir: boolean): boolean =>
    layers.some(({ dir, ig }) => {
      const rel = toPosix(relative(dir, abs));
      return rel !== '' && !rel.startsWith('..') && ig.matches(isDir ? `${rel}/` : rel);
    });

  /** A regular file by its real path; `name` (the name it was found under) decides the language. */
  const addFile = (real: string, name: string, stat: Stats, explicit: boolean): void => {
    const rel = shown(real) || basename(real);
    const language = languageOf(name);
    if (!language) {
      if (explicit) skip(rel, `not a C/C++/CUDA source file (extension ${extname(name) || 'none'})`);
      return;
    }
    if (seenFiles.has(real)) return; // reached twice (a link to a file inside the root): scanned once
    seenFiles.add(real);
    files.push({ path: rel, absPath: real, language, size: stat.size });
  };

  /** `dir` is the folder as reached (for .gitignore and --exclude paths), `realDir` where it really is. */
  const walk = (dir: string, realDir: string, layers: IgnoreLayer[]): void => {
    if (visited.has(realDir)) return; // a symlink cycle or a folder reached twice
    visited.add(realDir);
    const own = useGitignore ? loadGitignore(realDir) : undefined;
    const here = own ? [...layers, { dir, ig: own }] : layers;
    let entries;
    try {
      entries = readdirSync(realDir, { withFileTypes: true });
    } catch (e) {
      skip(shown(realDir) || '.', `folder not readable (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    entries.sort((a, b) => byCodePoint(a.name, b.name));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(root, abs));
      let real = join(realDir, entry.name);
      let kind: Stats | Dirent = entry;
      if (entry.isSymbolicLink()) {
        let stat: Stats;
        try {
          real = realpathSync(real);
          stat = statSync(real);
        } catch {
          if (languageOf(entry.name)) skip(rel, 'broken symbolic link');
          continue;
        }
        if (!isInside(realRoot, real)) {
          if (stat.isDirectory() || languageOf(entry.name)) skip(rel, OUTSIDE_ROOT);
          continue;
        }
        kind = stat;
      }
      if (kind.isDirectory()) {
        if (DEFAULT_SKIPPED_DIRS.includes(entry.name) || CMAKE_BUILD.test(entry.name)) continue;
        if (ignoredBy(here, abs, true) || isExcluded(rel, true)) continue;
        walk(abs, real, here);
        continue;
      }
      if (ignoredBy(here, abs, false) || isExcluded(rel, false)) continue;
      if (!kind.isFile()) {
        // A FIFO, socket or device: listed by its type, never opened (reading a FIFO waits for a writer).
        skip(shown(real), specialFileReason(kind));
        continue;
      }
      let stat: Stats;
      try {
        stat = lstatSync(real);
      } catch {
        continue; // gone since the folder was listed
      }
      if (!stat.isFile()) skip(shown(real), specialFileReason(stat));
      else addFile(real, entry.name, stat, false);
    }
  };

  for (const p of inputs) {
    const abs = resolve(p);
    const stat = statSync(abs);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      throw new MissingPathError(p);
    }
    const rel = toPosix(relative(root, abs)) || (stat.isDirectory() ? '' : basename(abs));
    if (!isInside(realRoot, real)) {
      skip(rel, OUTSIDE_ROOT);
      continue;
    }
    scope.push(shown(real));
    if (stat.isDirectory()) {
      // Ancestors' .gitignore files between the root and this folder apply too.
      // A folder given below an ignored one is ignored with it, as a walk from the root would.
      const layers: IgnoreLayer[] = [];
      let ignored = false;
      if (useGitignore) {
        for (let d = root; ; ) {
          if (d !== root && ignoredBy(layers, d, true)) {
            ignored = true;
            break;
          }
          const ig = d !== abs ? loadGitignore(realpathSync(d)) : undefined;
          if (ig) layers.push({ dir: d, ig });
          if (d === abs) break;
          const next = toPosix(relative(d, abs)).split('/')[0] as string;
          d = join(d, next);
        }
      }
      if (!ignored) walk(abs, real, layers);
    } else if (!stat.isFile()) {
      skip(rel, specialFileReason(stat));
    } else {
      addFile(real, basename(abs), stat, true);
    }
  }
  files.sort((a, b) => byCodePoint(a.path, b.path));
  skipped.sort((a, b) => byCodePoint(a.path, b.path));
  return { root, files, skipped, scope: [...new Set(scope)].sort(byCodePoint) };
}
