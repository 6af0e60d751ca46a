/**
 * Incremental cache of the parse stage: one entry per (file path, content) pair, holding the file's report entry
 * and facts as JSON (the bytes a parse worker sends back). A re-scan reads these instead of parsing.
 *
 * Key: sha1 of the path, the language and the file's bytes. Entries live in the store's namespace (the running
 * build and the catalog version, store.ts) and are checked on every read; a valid entry must also be the outcome
 * of this very file (path and language) and have the shape of facts. Anything else is a miss: the file is parsed
 * again and the entry rewritten.
 *
 * alt: a packed store (one file per scan root) was considered; one file per entry needs no locking between
 * concurrent scans and never rewrites unchanged entries (docs/scale.md).
 */
import type { FileEntry, FileFacts, SourceFile } from '../model/index.js';
import { contentKey } from './content-key.js';
import type { CacheStore } from './store.js';

export { contentKey };

/** What the cache stores for a file: the parse stage's outcome (see ParsedFile in src/parallel). */
export interface CachedParse {
  entry: FileEntry;
  facts?: FileFacts;
  /**
   * Set when the file was skipped by the per-file budget (a time limit in ms, a memory limit in MB): the outcome
   * holds only under the same budget, so another budget is a miss.
   */
  budget?: string;
}

function isCachedParse(value: unknown, file: SourceFile): value is CachedParse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CachedParse>;
  const e = v.entry;
  if (!e || e.path !== file.path || e.language !== file.language || typeof e.lines !== 'number') return false;
  if (e.status === 'skipped') return v.facts === undefined && typeof e.reason === 'string';
  if (e.status !== 'scanned') return false;
  const f = v.facts;
  return (
    !!f && f.path === file.path && f.language === file.language && typeof f.lines === 'number' && Array.isArray(f.occurrences) &&
    Array.isArray(f.definitions) && Array.isArray(f.kernels) && Array.isArray(f.parseErrorLines) && typeof f.namespaces === 'object' &&
    f.namespaces !== null
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class FactsCache {
  constructor(readonly store: CacheStore) {}

  /** The key of one file's current content. */
  key(file: SourceFile, bytes: Uint8Array): string {
    return contentKey(file, bytes);
  }

  /** The stored outcome for this key, or undefined (missing, invalid, not this file's, or another budget's). */
  get(key: string, file: SourceFile, budget: string): CachedParse | undefined {
    const bytes = this.store.read('facts', key);
    if (!bytes) return undefined;
    try {
      const value: unknown = JSON.parse(utf8.decode(bytes));
      if (!isCachedParse(value, file) || (value.budget !== undefined && value.budget !== budget)) return undefined;
      return { entry: value.entry, ...(value.facts ? { facts: value.facts } : {}) };
    } catch {
      return undefined;
    }
  }

  /** Store an outcome given as JSON bytes (what a worker sent) or as a value. */
  set(key: string, outcome: Uint8Array | CachedParse): void {
    this.store.write('facts', key, outcome instanceof Uint8Array ? outcome : Buffer.from(JSON.stringify(outcome), 'utf8'));
  }
}
