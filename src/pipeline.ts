/**
 * The pipeline, and the only place its stages are chained:
 * discover files -> parse to facts -> match facts against the catalog -> findings -> score -> report.
 * `scanAsync` is what the CLI runs; src/analyze.ts (the library entry point) re-exports it and adds the
 * synchronous `scan`. This module loads no parser itself: the parse workers do, so a scan answered by the caches
 * (or of an empty folder) never loads the front end.
 */
import { availableParallelism } from 'node:os';
import { relative, resolve as resolvePath } from 'node:path';
import { baselineForScan } from './ci/baseline-file.js';
import { gitChanges } from './ci/git.js';
import { loadConfig, type Config } from './config/load.js';
import { defaultEffort, lexiconOf, reportFromFacts } from './core/from-facts.js';
import { compiledLexicon, loadCatalog, PACKAGE_ROOT } from './catalog/load.js';
import type { WireLexicon } from './catalog/lexicon-wire.js';
import { discover, MissingPathError } from './discover/walk.js';
import { DEFAULT_MAX_FILE_SIZE, sourceBytes } from './discover/read.js';
import { contentKey } from './cache/content-key.js';
import { FactsCache } from './cache/facts-cache.js';
import { ScanCache, type FileKeys } from './cache/result-cache.js';
import { CacheStore, defaultCacheDir, type StoreStats } from './cache/store.js';
import type { Catalog, FileEntry, FileFacts, Report, SourceFile } from './model/index.js';
import { defaultBudget, parseStage, workersFor, type ParseStats } from './parallel/parse-stage.js';
import { budgetKey, ParsePool, type FileBudget } from './parallel/pool.js';
import { effortSetup } from './score/weights.js';
import { UsageError } from './util/errors.js';
import { isInside, linkOutOfRoot } from './util/read-file.js';
import { selectProfiles } from './util/profiles.js';
import { TOOL_VERSION } from './util/version.js';
import { fingerprints } from './ci/fingerprint.js';

export { PACKAGE_ROOT };

export interface ScanOptions {
  paths: string[];
  targets?: string[];
  exclude?: string[];
  maxFileSize?: number;
  gitignore?: boolean;
  /** Extra rule files or folders (--rules). */
  rules?: string[];
  /** A catalog already loaded (tests, repeated scans). */
  catalog?: Catalog;
  /** Config file (--config); default: ascendify.config.yaml in the scan root, when present. */
  config?: string;
  /** Baseline file (--baseline): the report's findings become the ones not in it. */
  baseline?: string;
  /** Git ref (--changed-since): scan only the files changed since it. */
  changedSince?: string;
  /** With changedSince (--new-lines-only): keep only findings on changed lines. */
  newLinesOnly?: boolean;
  /** Worker threads for parsing (scanAsync only; `scan` parses in-process). Default, and the most unless `forceJobs`: the cores available. */
  jobs?: number;
  /** Run `jobs` workers even when that is more than the cores (--force-jobs). */
  forceJobs?: boolean;
  /** Per-file time budget in ms (--file-timeout; 0: none; default 20 s): a file that takes longer is skipped with the reason. */
  fileTimeoutMs?: number;
  /** Per-file memory budget: MB of a parse worker's JavaScript heap (default 512). */
  fileMemoryMb?: number;
  /** Size cap of the cache folder in bytes (default: ASCENDIFY_CACHE_MAX_SIZE, else 512 MiB). */
  cacheMaxBytes?: number;
  /** Reuse facts of unchanged files from the incremental cache. Default: on when cacheDir is set (the CLI turns it on unless --no-cache). */
  cache?: boolean;
  /** With the cache: reuse the whole report when no file, option or setting changed (scan-level result cache, docs/scale.md). The CLI turns it on with the cache. */
  results?: boolean;
  /** Cache folder; default `defaultCacheDir()`, outside the scanned tree (docs/scale.md). */
  cacheDir?: string;
  /** The parse worker script (tests). */
  workerUrl?: URL;
  /** Folder depth of an effort component (--group-depth; default 1 = first folder under the root). */
  groupDepth?: number;
  /** Called as the parse stage finishes files (`done` of `total`), for progress output. */
  onProgress?: (done: number, total: number) => void;
}

/** How the caches answered (the bench, tests); not part of the report. */
export interface CacheStats extends StoreStats {
  /** Files whose content key came from the metadata manifest (not read). */
  fromMetadata: number;
  /** Files read and hashed for their content key. */
  hashed: number;
  result: 'hit' | 'miss' | 'off';
}

/** A report plus how the parse stage went (not part of the report, which is the same cold or warm, for any jobs). */
export interface ScanResult {
  report: Report;
  stats: ParseStats;
  /** Undefined when the cache is off. */
  cache?: CacheStats;
  /** Milliseconds spent in each step (discovery and set-up, content keys, the parse stage, the report, storing), for the bench. */
  timings: Record<'setup' | 'keys' | 'parse' | 'report' | 'store', number>;
  /** The catalog that answered (with --rules and the config file's rule folders). */
  catalog: Catalog;
  /** Fingerprints of the report's findings, same order (for writing baselines). */
  readonly fingerprints: string[];
}

export function toolVersion(): string {
  return TOOL_VERSION;
}

/** The root as the user would write it: relative to the working folder when inside it. */
function displayRoot(root: string): string {
  const rel = relative(process.cwd(), root).split('\\').join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? root : rel;
}

/** What a finished scan hands back before the result cache sees it. */
interface Finished {
  report: Report;
  readonly fingerprints: string[];
}

/** --jobs: the cores available at most, unless forced. */
export function effectiveJobs(options: Pick<ScanOptions, 'jobs' | 'forceJobs'>, cores = availableParallelism()): number {
  const asked = options.jobs ?? cores;
  return Math.max(1, options.forceJobs ? asked : Math.min(asked, cores));
}

function budgetOf(options: ScanOptions): FileBudget {
  const d = defaultBudget();
  return { timeoutMs: options.fileTimeoutMs ?? d.timeoutMs, memoryMb: options.fileMemoryMb ?? d.memoryMb };
}

export interface Steps {
  catalog: Catalog;
  files: SourceFile[];
  /** The lexicon, made on first use (a scan with nothing to parse never needs it). */
  lexicon: () => ReturnType<typeof lexiconOf>;
  /** The lexicon for parse workers: the compiled catalog's when there is one (no need to build it), else `lexicon`. */
  workerLexicon: () => ReturnType<typeof lexiconOf> | WireLexicon;
  maxFileSize: number;
  budget: FileBudget;
  store?: CacheStore;
  facts?: FactsCache;
  /** The scan-level caches (manifest, result); undefined with --changed-since. */
  scan?: ScanCache;
  results: boolean;
  finish(parsed: { facts: FileFacts[]; entries: FileEntry[] }): Finished;
}

/**
 * The rule folders a config file names, resolved against its folder. A config in the scanned tree is content of
 * the tree, so when it lies inside the root its rule folders must too (no `rules: [/etc]`, docs/security.md).
 */
function configRules(config: Config | undefined, root: string): string[] {
  if (!config?.rules?.length) return [];
  const dir = config.dir ?? root;
  const confined = isInside(resolvePath(root), resolvePath(dir));
  return config.rules.map((r) => {
    const path = resolvePath(dir, r);
    if (confined && (!isInside(resolvePath(root), path) || linkOutOfRoot(path, root))) {
      throw new UsageError(`config ${config.file}: rule folder "${r}" is outside the scanned root`, 'a config inside the scanned tree may name rule folders inside it only; pass others with --rules');
    }
    return path;
  });
}

/** The scan up to the parse stage, and `finish` for the rest, so the sync and async forms share it. */
export function scanSteps(options: ScanOptions): Steps {
  let discovery;
  try {
    discovery = discover(options.paths, { exclude: options.exclude, gitignore: options.gitignore });
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(`path not found: ${e.path}`, 'check the path, or run from the folder that holds it');
    throw e;
  }
  const config = loadConfig(discovery.root, options.config);
  // Rule folders from the config file are relative to it; --rules adds to them.
  const userRules = [...configRules(config, discovery.root), ...(options.rules ?? [])];
  const catalog: Catalog = options.catalog ?? loadCatalog({ userRules, root: discovery.root });
  const profiles = selectProfiles(catalog, options.targets);
  const groupDepth = options.groupDepth ?? 1;
  if (!Number.isInteger(groupDepth) || groupDepth < 1) throw new UsageError(`invalid group depth ${groupDepth}`, 'use a whole number of folders, 1 or more (--group-depth 1)');
  const effort = config?.effort ? effortSetup(catalog.effortDefaults, config, catalog.operators) : defaultEffort(catalog);
  const baseline = options.baseline === undefined ? undefined : baselineForScan(options.baseline, discovery.root, discovery.scope);
  if (options.newLinesOnly && !options.changedSince) throw new UsageError('--new-lines-only needs --changed-since <git-ref>', 'add --changed-since origin/main (or the branch you compare with)');
  const changes = options.changedSince !== undefined ? gitChanges(discovery.root, options.changedSince, Boolean(options.newLinesOnly)) : undefined;
  if (changes) {
    discovery.files = discovery.files.filter((f) => changes.files.has(f.path));
    discovery.skipped = discovery.skipped.filter((f) => changes.files.has(f.path));
  }
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const budget = budgetOf(options);
  if (!Number.isFinite(budget.timeoutMs) || budget.timeoutMs < 0) throw new UsageError(`invalid file timeout ${budget.timeoutMs}`, 'use seconds, 0 or more (0: no limit)');
  // No files, nothing to cache: an empty scan never touches the cache folder.
  const useCache = (options.cache ?? options.cacheDir !== undefined) && discovery.files.length > 0;
  const store = useCache ? new CacheStore({ root: options.cacheDir ?? defaultCacheDir(), catalogVersion: catalog.version, maxBytes: options.cacheMaxBytes }) : undefined;
  const root = displayRoot(discovery.root);
  const finish = ({ facts, entries }: { facts: FileFacts[]; entries: FileEntry[] }): Finished => {
    const skipped: FileEntry[] = discovery.skipped.map((s) => ({ path: s.path, language: 'unknown', lines: 0, status: 'skipped', reason: s.reason }));
    const ignore = config?.ignore ? { file: config.file, ...config.ignore } : undefined;
    return reportFromFacts(catalog, profiles, [...entries, ...skipped], facts, {
      root,
      groupDepth,
      effort,
      ci: { ignore, baseline, changedLines: changes?.lines },
    });
  };
  // Not with --changed-since: the git state is an input the result key does not cover, and a manifest of some files
  // would replace the whole tree's.
  const scan = store && !changes
    ? new ScanCache({
      store,
      slot: { root: discovery.root, shown: root, profiles: profiles.map((p) => p.id), config: config?.file ?? null, baseline: options.baseline ?? null },
      tree: discovery.root,
      setup: { config: config ?? null, effort, groupDepth, baseline: baseline ? { data: baseline.data, deleted: [...baseline.deleted].sort() } : null, maxFileSize, budget: budgetKey(budget), skipped: discovery.skipped },
      maxFileSize,
    })
    : undefined;
  return {
    catalog,
    files: discovery.files,
    lexicon: () => lexiconOf(catalog),
    workerLexicon: () => compiledLexicon(catalog) ?? lexiconOf(catalog),
    maxFileSize,
    budget,
    store,
    facts: store ? new FactsCache(store) : undefined,
    scan,
    results: Boolean(options.results) && scan !== undefined,
    finish,
  };
}

/** A report from the result cache: fingerprints are computed on demand. */
function fromCache(report: Report): Finished {
  return { report, get fingerprints() { return fingerprints(report.findings); } };
}

/** Content keys: from the metadata manifest where it vouches for a file, else by reading and hashing it. */
export function fileKeys(steps: Steps): { keys: FileKeys; hashed: number } | undefined {
  if (!steps.facts) return undefined;
  let hashed = 0;
  const hash = (f: SourceFile): string | undefined => {
    if (f.size > steps.maxFileSize) return undefined;
    hashed++;
    try {
      return contentKey(f, sourceBytes(f, steps.maxFileSize));
    } catch {
      return undefined; // the parse stage reports why
    }
  };
  if (steps.scan) return { keys: steps.scan.keys(steps.files, hash), hashed };
  const keys = steps.files.map((f) => hash(f));
  return { keys: { keys, stats: [], fromMetadata: 0, hadManifest: false, pending: false }, hashed };
}

function cacheStats(steps: Steps, k: { keys: FileKeys; hashed: number } | undefined, result: CacheStats['result']): CacheStats | undefined {
  return steps.store ? { ...steps.store.stats, fromMetadata: k?.keys.fromMetadata ?? 0, hashed: k?.hashed ?? 0, result } : undefined;
}

/**
 * Scan with worker threads (`jobs`), the per-file budget and the caches: what every command of the CLI runs.
 * Order: discovery and the catalog; the files' metadata against the manifest (a first scan starts the parse
 * workers now, so they load the parser while files are hashed); the result cache; the facts cache and the
 * workers for the rest; matching and the report; the manifest and the result are stored.
 */
export async function scanAsync(options: ScanOptions): Promise<ScanResult> {
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const d = Math.round(now - t);
    t = now;
    return d;
  };
  const timings: ScanResult['timings'] = { setup: 0, keys: 0, parse: 0, report: 0, store: 0 };
  const steps = scanSteps(options);
  timings.setup = lap();
  const { files } = steps;
  const jobs = effectiveJobs(options);
  let pool: ParsePool | undefined;
  const startPool = (): void => {
    if (pool || !files.length) return;
    pool = new ParsePool({ jobs, maxFileSize: steps.maxFileSize, budget: steps.budget, keys: steps.facts !== undefined, workerUrl: options.workerUrl });
    pool.start(workersFor(files, files.map((_, i) => i), jobs, steps.maxFileSize));
  };
  // No cache, or the first scan of this tree (no manifest: the workers will report the content keys): every file
  // is parsed, so the workers start now.
  if (!steps.facts || (steps.scan && !steps.scan.hasManifest())) startPool();
  const k = fileKeys(steps);
  let key = steps.results && k && !k.keys.pending ? steps.scan!.resultKey(files, k.keys) : undefined;
  const hit = key ? steps.scan!.getResult(key) : undefined;
  timings.keys = lap();
  if (hit) {
    await pool?.terminate();
    // New metadata (a fresh checkout, touched files) is recorded, so the next scan reads nothing.
    if (k && k.keys.fromMetadata < files.length) steps.scan!.finish(files, k.keys, undefined, undefined);
    steps.store?.close();
    timings.store = lap();
    const done = fromCache(hit);
    return {
      report: hit, catalog: steps.catalog, cache: cacheStats(steps, k, 'hit'), timings,
      stats: { files: files.length, parsed: 0, cached: files.length, workers: 0, crashes: 0, overBudget: 0 },
      get fingerprints() { return done.fingerprints; },
    };
  }
  // While the workers parse, the main thread compiles what matching will need (rules, the inventory).
  const prepare = setImmediate(() => {
    void steps.catalog.bySymbol;
    void steps.catalog.inventory;
  });
  const parsed = await parseStage(files, {
    lexicon: steps.workerLexicon, maxFileSize: steps.maxFileSize, jobs, budget: steps.budget, cache: steps.facts, keys: k?.keys.keys,
    workerUrl: options.workerUrl, pool, onProgress: options.onProgress,
  });
  clearImmediate(prepare);
  if (k?.keys.pending) {
    // The first scan of this tree: the keys the workers reported make the manifest and the result key.
    k.keys.keys = parsed.keys;
    k.keys.pending = false;
    key = steps.results ? steps.scan!.resultKey(files, k.keys) : undefined;
  }
  timings.parse = lap();
  const finished = steps.finish(parsed);
  timings.report = lap();
  // Not stored: a report with a crashed worker's file (the crash may not repeat), or one a file changed under.
  if (k) steps.scan?.finish(files, k.keys, steps.results && !parsed.stats.crashes && !parsed.changed ? key : undefined, finished.report);
  steps.store?.close();
  timings.store = lap();
  return {
    report: finished.report, catalog: steps.catalog, stats: parsed.stats, cache: cacheStats(steps, k, steps.results ? 'miss' : 'off'), timings,
    get fingerprints() { return finished.fingerprints; },
  };
}
