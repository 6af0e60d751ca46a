/**
 * The parse stage over many files, with the facts cache and the worker pool: files whose content key is known
 * (from the metadata manifest or hashing, src/cache/result-cache.ts) are looked up in the facts cache; the others
 * are parsed in worker threads under the per-file budget, and what was parsed is stored. Results keep the order of
 * `files`, so the report is the same for any number of workers and for cold or warm caches.
 *
 * Memory: file text lives only while its file is parsed (in its worker); what is kept is FileFacts, which hold
 * names, positions and one-line snippets.
 */
import { availableParallelism } from 'node:os';
import type { FactsCache } from '../cache/facts-cache.js';
import { contentKey } from '../cache/content-key.js';
import { sourceBytes } from '../discover/read.js';
import type { FileEntry, FileFacts, Lexicon, SourceFile } from '../model/index.js';
import { fromWire, type WireLexicon } from '../catalog/lexicon-wire.js';
import { budgetKey, DEFAULT_FILE_MEMORY_MB, DEFAULT_FILE_TIMEOUT_MS, ParsePool, type FileBudget, type PoolTask } from './pool.js';
import type { ParsedFile } from './parse-file.js';

export interface ParseStageOptions {
  /**
   * The front end's lexicon, or a function that gives it (a scan with nothing to parse never needs it), possibly
   * in its plain-data form (the compiled catalog's, src/catalog/load.ts).
   */
  lexicon: Lexicon | WireLexicon | (() => Lexicon | WireLexicon);
  maxFileSize: number;
  /** Worker threads (the caller caps it at the cores). Default: os.availableParallelism(). */
  jobs?: number;
  /** The per-file budget (default: 20 s, 512 MB). */
  budget?: FileBudget;
  cache?: FactsCache;
  /** Content keys known before the stage (one per file, in order); files without one are parsed. */
  keys?: readonly (string | undefined)[];
  /** The worker script (tests); see `defaultWorkerUrl`. */
  workerUrl?: URL;
  /** A pool the caller started early (its workers load the parser during discovery); used and closed here. */
  pool?: ParsePool;
  /** Called as files are done (cached or parsed), for progress output. */
  onProgress?: (done: number, total: number) => void;
}

/** How the parse stage went: counts for progress output, the bench and tests; not part of the report. */
export interface ParseStats {
  files: number;
  /** Files read and parsed (cache misses). */
  parsed: number;
  /** Files answered from the cache. */
  cached: number;
  /** Worker threads started; 0 means in-process. */
  workers: number;
  /** Workers that died on a file (that file is listed as skipped). */
  crashes: number;
  /** Files skipped by the per-file time or memory budget. */
  overBudget: number;
}

export interface ParseStageResult {
  facts: FileFacts[];
  entries: FileEntry[];
  stats: ParseStats;
  /** A file's content differed from its key (it changed while the scan ran): the result must not be stored. */
  changed: boolean;
  /** Each file's content key: the one given, else the one its worker reported (undefined: not read). */
  keys: (string | undefined)[];
}

/** Below about this much source per extra worker, starting it costs more than it saves. */
const BYTES_PER_WORKER = 256 * 1024;

export const defaultBudget = (): FileBudget => ({ timeoutMs: DEFAULT_FILE_TIMEOUT_MS, memoryMb: DEFAULT_FILE_MEMORY_MB });

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

const lexiconOf = (l: ParseStageOptions['lexicon']): Lexicon | WireLexicon => (typeof l === 'function' ? l() : l);
const asLexicon = (l: Lexicon | WireLexicon): Lexicon => (l.names instanceof Set ? (l as Lexicon) : fromWire(l as WireLexicon));

function assemble(results: (ParsedFile | undefined)[]): { facts: FileFacts[]; entries: FileEntry[] } {
  const facts: FileFacts[] = [];
  const entries: FileEntry[] = [];
  for (const r of results) {
    if (!r) continue;
    entries.push(r.entry);
    if (r.facts) facts.push(r.facts);
  }
  return { facts, entries };
}

/** Look up every file with a known key; the rest are misses (by index). */
function lookUp(files: SourceFile[], options: ParseStageOptions, results: (ParsedFile | undefined)[]): { misses: number[]; cached: number } {
  const misses: number[] = [];
  let cached = 0;
  const budget = budgetKey(options.budget ?? defaultBudget());
  for (let i = 0; i < files.length; i++) {
    const key = options.keys?.[i];
    const hit = options.cache && key !== undefined ? options.cache.get(key, files[i]!, budget) : undefined;
    if (hit) {
      results[i] = { ...hit, cacheable: true };
      cached++;
    } else misses.push(i);
  }
  return { misses, cached };
}

/** Parse files in this thread (the synchronous library form, and the fallback when workers cannot start). */
async function parseHere(files: SourceFile[], tasks: PoolTask[], options: ParseStageOptions, onResult: (index: number, parsed: ParsedFile, key: string | undefined) => void): Promise<void> {
  const { createCudaParser } = await import('../parse/cuda-parser.js');
  const { parseSourceFile } = await import('./parse-file.js');
  const parser = createCudaParser();
  const lexicon = asLexicon(lexiconOf(options.lexicon));
  for (const t of tasks) {
    const { parsed, key } = parseSourceFile(parser, t.file, lexicon, options.maxFileSize, options.cache !== undefined);
    onResult(t.index, parsed, key);
  }
}

/** Worker threads: what --jobs asks for, no more than the files (about 256 KB of source each) need. */
export function workersFor(files: SourceFile[], misses: number[], jobs: number, maxFileSize: number): number {
  let bytes = 0;
  for (const i of misses) bytes += Math.min(files[i]!.size, maxFileSize);
  return Math.max(1, Math.min(jobs, misses.length, Math.ceil(bytes / BYTES_PER_WORKER)));
}

export async function parseStage(files: SourceFile[], options: ParseStageOptions): Promise<ParseStageResult> {
  const jobs = options.jobs ?? defaultJobs();
  const budget = options.budget ?? defaultBudget();
  const results: (ParsedFile | undefined)[] = new Array<ParsedFile | undefined>(files.length);
  const { misses, cached } = lookUp(files, options, results);
  let done = cached;
  let changed = false;
  const keys: (string | undefined)[] = options.keys ? [...options.keys] : new Array<string | undefined>(files.length);
  if (cached) options.onProgress?.(done, files.length);
  const stats: ParseStats = { files: files.length, parsed: misses.length, cached, workers: 0, crashes: 0, overBudget: 0 };
  if (!misses.length) {
    await options.pool?.terminate();
    return { ...assemble(results), stats, changed, keys };
  }
  const store = (index: number, parsed: ParsedFile & { budget?: string }, json: Uint8Array | undefined, key: string | undefined): void => {
    results[index] = parsed;
    const expected = options.keys?.[index];
    if (key !== undefined && expected !== undefined && key !== expected) changed = true;
    let k = key ?? expected;
    if (k === undefined && parsed.budget && options.cache) {
      // A skip by the budget on a first scan (no key known, none from the worker that was ended): hash it here, so
      // the skip is cached and the next scan does not spend the budget on it again.
      try {
        k = contentKey(files[index]!, sourceBytes(files[index]!, options.maxFileSize));
      } catch {
        k = undefined;
      }
    }
    keys[index] = k;
    if (options.cache && k !== undefined && parsed.cacheable) {
      options.cache.set(k, json ?? { entry: parsed.entry, ...(parsed.facts ? { facts: parsed.facts } : {}), ...(parsed.budget ? { budget: parsed.budget } : {}) });
    }
    options.onProgress?.(++done, files.length);
  };
  const pool = options.pool ?? new ParsePool({ jobs, maxFileSize: options.maxFileSize, budget, keys: options.cache !== undefined, workerUrl: options.workerUrl });
  pool.bind({
    onResult: store,
    fallback: (tasks) => parseHere(files, tasks, options, (index, parsed, key) => store(index, parsed, undefined, key)),
  });
  if (!pool.hasLexicon) pool.setLexicon(lexiconOf(options.lexicon));
  pool.start(workersFor(files, misses, jobs, options.maxFileSize));
  for (const index of misses) pool.submit({ index, file: files[index]! });
  pool.close();
  const run = await pool.done;
  return { ...assemble(results), stats: { ...stats, workers: run.workers, crashes: run.crashes, overBudget: run.overBudget }, changed, keys };
}

/** In-process only: the synchronous form, for library callers that cannot await (no budget: nothing can stop a stalled file here). */
export function parseStageSync(files: SourceFile[], options: ParseStageOptions, parse: (file: SourceFile) => ParsedFile): ParseStageResult {
  const results: (ParsedFile | undefined)[] = new Array<ParsedFile | undefined>(files.length);
  // Without known keys, read and hash each file for the cache lookup.
  const keys = options.keys ?? (options.cache ? files.map((f) => {
    if (f.size > options.maxFileSize) return undefined;
    try {
      return contentKey(f, sourceBytes(f, options.maxFileSize));
    } catch {
      return undefined;
    }
  }) : undefined);
  const opts = { ...options, keys };
  const { misses, cached } = lookUp(files, opts, results);
  let done = cached;
  for (const i of misses) {
    const parsed = parse(files[i]!);
    results[i] = parsed;
    const k = keys?.[i];
    if (options.cache && k !== undefined && parsed.cacheable) options.cache.set(k, { entry: parsed.entry, ...(parsed.facts ? { facts: parsed.facts } : {}) });
    options.onProgress?.(++done, files.length);
  }
  return { ...assemble(results), stats: { files: files.length, parsed: misses.length, cached, workers: 0, crashes: 0, overBudget: 0 }, changed: false, keys: keys ? [...keys] : new Array<string | undefined>(files.length) };
}
