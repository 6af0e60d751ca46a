/**
 * Incremental cache of the parse stage: one JSON file per (file path, content) pair, holding the
 * file's report entry and facts. A re-scan of an unchanged tree reads these instead of parsing.
 *
 * Key: sha1 of the path, the language and the file's bytes. Namespace (a folder level): the tool
 * version, the catalog version (the lexicon comes from it), the tree-sitter and tree-sitter-cuda
 * versions, and a fingerprint of the front-end code itself, so a changed extractor in a
 * development build never reads facts an older one wrote.
 *
 * Anything unreadable (bad JSON, a truncated file, a shape that does not fit) is a miss: the file
 * is parsed again and the entry rewritten. Writes go to a temp file and are renamed into place,
 * so concurrent scans sharing a cache never see half an entry.
 *
 * alt: a packed store (one file per scan root) was considered; one file per entry measured fast
 * enough (see docs/scale.md), needs no locking between concurrent scans, and never rewrites
 * unchanged entries.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileEntry, FileFacts, SourceFile } from '../model/index.js';

/** What the cache stores for a file: the parse stage's outcome (see ParsedFile in src/parallel). */
export interface CachedParse {
  entry: FileEntry;
  facts?: FileFacts;
}

export interface CacheVersions {
  tool: string;
  catalog: string;
}

const FORMAT = 'v1';

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Contents of the front-end modules (parse/ and the file reader) of the running build. */
function frontEndFingerprint(): string {
  const hash = createHash('sha1');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, '..', 'parse'), join(here, '..', 'parallel'), join(here, '..', 'discover')]) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => /\.(ts|js)$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const n of names) hash.update(n).update(readFileSync(join(dir, n)));
  }
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/** The namespace folder name: changes whenever facts from an older build could differ. */
export function cacheNamespace(versions: CacheVersions): string {
  fingerprint ??= frontEndFingerprint();
  return createHash('sha1')
    .update(JSON.stringify([FORMAT, versions.tool, versions.catalog, packageVersion('tree-sitter'), packageVersion('tree-sitter-cuda'), fingerprint]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Where the cache lives unless --cache-dir says otherwise: `$XDG_CACHE_HOME/ascendify`, else `~/.cache/ascendify`.
 * Never inside the scanned tree: files there are input, and input must not be able to plant cache entries
 * (docs/security.md).
 */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'ascendify');
  return join(homedir(), '.cache', 'ascendify');
}

function isCachedParse(value: unknown, file: SourceFile): value is CachedParse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CachedParse>;
  const e = v.entry;
  if (!e || e.path !== file.path || e.language !== file.language || typeof e.lines !== 'number') return false;
  if (e.status === 'skipped') return v.facts === undefined;
  if (e.status !== 'scanned') return false;
  const f = v.facts;
  return (
    !!f && f.path === file.path && f.language === file.language && Array.isArray(f.occurrences) && Array.isArray(f.definitions) &&
    Array.isArray(f.kernels) && Array.isArray(f.parseErrorLines) && typeof f.namespaces === 'object' && f.namespaces !== null
  );
}

export class FactsCache {
  /** The namespace folder this cache reads and writes. */
  readonly dir: string;
  private writable = true;
  private readonly made = new Set<string>();

  constructor(root: string, versions: CacheVersions) {
    this.dir = join(root, FORMAT, cacheNamespace(versions));
  }

  /** The key of one file's current content. */
  key(file: SourceFile, bytes: Uint8Array): string {
    return createHash('sha1').update(file.path).update('\0').update(file.language).update('\0').update(bytes).digest('hex');
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  /** The stored outcome for this key, or undefined (missing, unreadable, corrupt, or not this file's). */
  get(key: string, file: SourceFile): CachedParse | undefined {
    let text: string;
    try {
      text = readFileSync(this.pathOf(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(text);
      return isCachedParse(value, file) ? { entry: value.entry, ...(value.facts ? { facts: value.facts } : {}) } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Store an outcome (as JSON text). Write failures turn the cache off for this scan, silently. */
  set(key: string, json: string): void {
    if (!this.writable) return;
    const path = this.pathOf(key);
    const sub = dirname(path);
    try {
      if (!this.made.has(sub)) {
        mkdirSync(sub, { recursive: true });
        this.made.add(sub);
      }
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, path);
    } catch {
      this.writable = false;
    }
  }
}

/** Size in bytes of a cache folder (for `docs/scale.md` and the bench). */
export function cacheSize(dir: string): number {
  let total = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else total += statSync(p).size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return total;
}
