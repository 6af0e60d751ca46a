/**
 * The parse stage over many files, with the cache and the worker pool:
 * hash each file and look it up in the cache; parse the misses (in worker threads when there is
 * enough work, else in-process); store what was parsed. Results keep the order of `files`,
 * so the report is the same for any number of workers and for cold or warm caches.
 *
 * Memory: file text lives only while its file is parsed; what is kept is FileFacts, which hold
 * names, positions and one-line snippets.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { FactsCache } from '../cache/facts-cache.js';
import type { FileEntry, FileFacts, Lexicon, SourceFile } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { parseSourceFile, type ParsedFile } from './parse-file.js';
import { parseInWorkers } from './pool.js';

export interface ParseStageOptions {
  lexicon: Lexicon;
  maxFileSize: number;
  /** Worker threads; 1 parses in-process. Default: os.availableParallelism(). */
  jobs?: number;
  cache?: FactsCache;
  /** The worker script (tests); see `defaultWorkerUrl`. */
  workerUrl?: URL;
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
}

export interface ParseStageResult {
  facts: FileFacts[];
  entries: FileEntry[];
  stats: ParseStats;
}

/** Below this much work, starting workers costs more than it saves. */
export const POOL_MIN_FILES = 8;
/** About 20k lines of C++. */
export const POOL_MIN_BYTES = 640 * 1024;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  index: number;
  file: SourceFile;
  key?: string;
}

interface Lookup {
  results: (ParsedFile | undefined)[];
  misses: Pending[];
  cached: number;
}

function lookUp(files: SourceFile[], options: ParseStageOptions): Lookup {
  const results: (ParsedFile | undefined)[] = new Array<ParsedFile | undefined>(files.length);
  const misses: Pending[] = [];
  let cached = 0;
  const { cache } = options;
  files.forEach((file, index) => {
    if (!cache || file.size > options.maxFileSize) {
      misses.push({ index, file });
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absPath);
    } catch {
      misses.push({ index, file }); // the reader reports why
      return;
    }
    const key = cache.key(file, bytes);
    const hit = cache.get(key, file);
    if (hit) {
      results[index] = { ...hit, cacheable: true };
      cached++;
    } else misses.push({ index, file, key });
  });
  return { results, misses, cached };
}

function assemble(results: (ParsedFile | undefined)[], stats: ParseStats): ParseStageResult {
  const facts: FileFacts[] = [];
  const entries: FileEntry[] = [];
  for (const r of results) {
    if (!r) continue;
    entries.push(r.entry);
    if (r.facts) facts.push(r.facts);
  }
  return { facts, entries, stats };
}

function store(cache: FactsCache | undefined, key: string | undefined, parsed: ParsedFile, json: string | undefined): void {
  if (!cache || !key || !parsed.cacheable) return;
  cache.set(key, json ?? JSON.stringify(parsed));
}

function parseInProcess(files: SourceFile[], found: Lookup, options: ParseStageOptions): ParseStageResult {
  const { results, misses, cached } = found;
  if (misses.length) {
    const parser = createCudaParser();
    let done = cached;
    for (const m of misses) {
      const parsed = parseSourceFile(parser, m.file, options.lexicon, options.maxFileSize);
      results[m.index] = parsed;
      store(options.cache, m.key, parsed, undefined);
      options.onProgress?.(++done, files.length);
    }
  }
  return assemble(results, { files: files.length, parsed: misses.length, cached, workers: 0, crashes: 0 });
}

/** In-process only: the synchronous form, for library callers that cannot await. */
export function parseStageSync(files: SourceFile[], options: ParseStageOptions): ParseStageResult {
  return parseInProcess(files, lookUp(files, options), options);
}

export async function parseStage(files: SourceFile[], options: ParseStageOptions): Promise<ParseStageResult> {
  const jobs = options.jobs ?? defaultJobs();
  const found = lookUp(files, options);
  const { results, misses, cached } = found;
  const bytes = misses.reduce((n, m) => n + Math.min(m.file.size, options.maxFileSize), 0);
  if (jobs <= 1 || misses.length < POOL_MIN_FILES || bytes < POOL_MIN_BYTES) {
    return parseInProcess(files, found, options);
  }
  const keys = new Map<number, string | undefined>(misses.map((m) => [m.index, m.key]));
  let done = cached;
  const run = await parseInWorkers(
    misses.map((m) => ({ index: m.index, file: m.file })),
    {
      jobs,
      lexicon: options.lexicon,
      maxFileSize: options.maxFileSize,
      workerUrl: options.workerUrl,
      onResult: (index, parsed, json) => {
        results[index] = parsed;
        store(options.cache, keys.get(index), parsed, json);
        options.onProgress?.(++done, files.length);
      },
    },
  );
  return assemble(results, { files: files.length, parsed: misses.length, cached, workers: run.workers, crashes: run.crashes });
}
