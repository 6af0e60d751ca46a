/**
 * Discover stage: paths -> the source files to scan, and the ones skipped with a reason.
 * Honours .gitignore files (nested ones too), skips VCS, dependency and build folders,
 * applies --exclude globs, never follows a symlink out of the scanned root, and cannot loop.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { SkippedFile, SourceFile } from '../model/index.js';

export { languageOf, SOURCE_EXTENSIONS, SOURCE_FILE_NAMES } from '../util/language.js';
import { languageOf } from '../util/language.js';

/** Folders skipped by default: version control, dependencies, build output. */
export const DEFAULT_SKIPPED_DIRS = [
  '.git', '.hg', '.svn', 'node_modules', 'build', '_build', 'dist', 'out', '.cache', '__pycache__', '.venv', 'venv',
  '.ascendify-cache',
];
const CMAKE_BUILD = /^cmake-build-/;

export interface DiscoverOptions {
  exclude?: string[];
  gitignore?: boolean;
}

export interface Discovery {
  root: string;
  files: SourceFile[];
  skipped: SkippedFile[];
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
  ig: Ignore;
}

function loadGitignore(dir: string): Ignore | undefined {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
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
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();
  const seenFiles = new Set<string>();

  const isExcluded = (rel: string, isDir: boolean): boolean =>
    excluded !== undefined && (excluded(rel) || (isDir && excluded(`${rel}/`)) || excluded(basename(rel)));

  const ignoredBy = (layers: IgnoreLayer[], abs: string, isDir: boolean): boolean =>
    layers.some(({ dir, ig }) => {
      const rel = toPosix(relative(dir, abs));
      return rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
    });

  const addFile = (abs: string, stat: Stats, explicit: boolean): void => {
    const rel = toPosix(relative(root, abs)) || basename(abs);
    const language = languageOf(abs);
    if (!language) {
      if (explicit) skipped.push({ path: rel, reason: `not a C/C++/CUDA source file (extension ${extname(abs) || 'none'})` });
      return;
    }
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    files.push({ path: rel, absPath: abs, language, size: stat.size });
  };

  const walk = (dir: string, layers: IgnoreLayer[]): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink cycle or a folder reached twice
    visited.add(real);
    const own = useGitignore ? loadGitignore(dir) : undefined;
    const here = own ? [...layers, { dir, ig: own }] : layers;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: toPosix(relative(root, dir)) || '.', reason: `folder not readable (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(root, abs));
      let stat: Stats;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
          stat = statSync(abs);
        } catch {
          if (languageOf(entry.name)) skipped.push({ path: rel, reason: 'broken symbolic link' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          if (stat.isDirectory() || languageOf(entry.name)) {
            skipped.push({ path: rel, reason: 'symbolic link to a location outside the scanned root' });
          }
          continue;
        }
        isDir = stat.isDirectory();
      } else {
        try {
          stat = lstatSync(abs);
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (DEFAULT_SKIPPED_DIRS.includes(entry.name) || CMAKE_BUILD.test(entry.name)) continue;
        if (ignoredBy(here, abs, true) || isExcluded(rel, true)) continue;
        walk(abs, here);
      } else if (stat.isFile()) {
        if (ignoredBy(here, abs, false) || isExcluded(rel, false)) continue;
        addFile(abs, stat, false);
      }
    }
  };

  for (const p of inputs) {
    const abs = resolve(p);
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      // Ancestors' .gitignore files between the root and this folder apply too.
      const layers: IgnoreLayer[] = [];
      if (useGitignore) {
        for (let d = root; ; ) {
          const ig = d !== abs ? loadGitignore(d) : undefined;
          if (ig) layers.push({ dir: d, ig });
          if (d === abs) break;
          const next = toPosix(relative(d, abs)).split('/')[0] as string;
          d = join(d, next);
        }
      }
      walk(abs, layers);
    } else {
      addFile(abs, stat, true);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, skipped };
}
