/**
 * The running build's fingerprint, which every cache entry is bound to: a hash of the tool's own modules (every
 * .js file of dist/, or .ts file of src/ under the test runner), the versions of the parsers it loads, and the
 * cache layout. Any change to the code that makes facts or reports (a new release, a local edit and rebuild) is a
 * new fingerprint, so entries written by another build are never read (docs/scale.md, docs/security.md).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache layout (folder names, entry format); part of the fingerprint and of the folder path. */
export const CACHE_LAYOUT = 'c3';

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Every module of the running build, by path relative to its top folder (dist/ or src/) and content. */
function modulesHash(): string {
  const hash = createHash('sha256');
  const top = join(dirname(fileURLToPath(import.meta.url)), '..');
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (/\.(ts|js|mjs)$/.test(n) && !n.endsWith('.d.ts')) hash.update(p.slice(top.length)).update('\0').update(readFileSync(p)).update('\0');
      else if (!n.includes('.') && statSync(p).isDirectory()) walk(p);
    }
  };
  walk(top);
  return hash.digest('hex');
}

let build: string | undefined;

/** The fingerprint of the running build (computed once per process: about 100 small files are read). */
export function buildFingerprint(): string {
  build ??= createHash('sha256')
    .update(JSON.stringify([CACHE_LAYOUT, modulesHash(), ...['tree-sitter', 'tree-sitter-cpp', 'tree-sitter-cuda', 'tree-sitter-python'].map(packageVersion)]))
    .digest('hex');
  return build;
}

/**
 * The namespace of one build and catalog (the rules and any --rules): a folder name. Entries of other namespaces
 * are never read; eviction and `ascendify cache prune` delete them first.
 */
export function cacheNamespace(catalogVersion: string, fingerprint = buildFingerprint()): string {
  return createHash('sha256').update(fingerprint).update('\0').update(catalogVersion).digest('hex').slice(0, 20);
}
