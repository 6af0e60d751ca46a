/**
 * The pipeline, and the only place its stages are chained:
 * discover files -> parse to facts -> match facts against the catalog -> findings -> score -> report.
 * Library entry point; the CLI is a thin layer over `scan`.
 */
import { relative, resolve as resolvePath } from 'node:path';
import { baselineForScan } from './ci/baseline-file.js';
import { gitChanges } from './ci/git.js';
import { loadConfig, type Config } from './config/load.js';
import { defaultEffort, lexiconOf, reportFromFacts } from './core/analyze.js';
import { loadCatalog, PACKAGE_ROOT } from './catalog/load.js';
import { discover, MissingPathError } from './discover/walk.js';
import { DEFAULT_MAX_FILE_SIZE } from './discover/read.js';
import { defaultCacheDir, FactsCache } from './cache/facts-cache.js';
import { resultLookup, type ResultLookup } from './cache/result-cache.js';
import type { Catalog, FileEntry, FileFacts, Report, SourceFile } from './model/index.js';
import { parseStage, parseStageSync, type ParseStageOptions, type ParseStats } from './parallel/parse-stage.js';
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
  /** Worker threads for parsing (scanAsync only; `scan` parses in-process). Default: the number of cores. */
  jobs?: number;
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

/** A report plus how the parse stage went (not part of the report, which is the same cold or warm, for any jobs). */
export interface ScanResult {
  report: Report;
  stats: ParseStats;
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

/** What a finished scan hands back before the result cache sees it. */
interface Finished {
  report: Report;
  readonly fingerprints: string[];
}

/** The scan up to the parse stage, and `finish` for the rest, so the sync and async forms share it. */
function scanSteps(options: ScanOptions): { catalog: Catalog; files: SourceFile[]; stage: ParseStageOptions; results?: ResultLookup; finish(parsed: { facts: FileFacts[]; entries: FileEntry[] }): Finished } {
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
  const useCache = options.cache ?? options.cacheDir !== undefined;
  const cacheRoot = useCache ? (options.cacheDir ?? defaultCacheDir()) : undefined;
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
  const cache = cacheRoot ? new FactsCache(cacheRoot, { tool: TOOL_VERSION, catalog: catalog.version }) : undefined;
  const stage: ParseStageOptions = {
    lexicon: lexiconOf(catalog),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    jobs: options.jobs,
    cache,
    workerUrl: options.workerUrl,
    onProgress: options.onProgress,
  };
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
  // Not with --changed-since: the git state is an input the key does not cover.
  const results = cache && options.results && !changes
    ? resultLookup({
      root: cacheRoot!,
      versions: { tool: TOOL_VERSION, catalog: catalog.version },
      slot: { root: discovery.root, shown: root, profiles: profiles.map((p) => p.id), config: config?.file ?? null, baseline: options.baseline ?? null },
      setup: { config: config ?? null, effort, groupDepth, baseline: baseline ? { data: baseline.data, deleted: [...baseline.deleted].sort() } : null, maxFileSize: stage.maxFileSize, skipped: discovery.skipped },
      files: discovery.files,
      maxFileSize: stage.maxFileSize,
      fileKey: (file, bytes) => cache.key(file, bytes),
    })
    : undefined;
  return { catalog, files: discovery.files, stage, results, finish };
}

/** A report from the result cache: fingerprints are computed on demand. */
function fromCache(report: Report): Finished {
  return { report, get fingerprints() { return fingerprints(report.findings); } };
}

/** Scan in-process (synchronous; `jobs` is ignored). Library callers and tests; the CLI uses `scanAsync`. */
export function scan(options: ScanOptions): Report {
  const steps = scanSteps(options);
  const hit = steps.results?.get();
  if (hit) return hit;
  const parsed = parseStageSync(steps.files, steps.stage);
  const { report } = steps.finish(parsed);
  if (!parsed.stats.crashes) steps.results?.set(report);
  return report;
}

/** Scan with worker threads (`jobs`) and the caches: what every command of the CLI runs. */
export async function scanAsync(options: ScanOptions): Promise<ScanResult> {
  const steps = scanSteps(options);
  const hit = steps.results?.get();
  if (hit) {
    const done = fromCache(hit);
    return { report: hit, catalog: steps.catalog, stats: { files: steps.files.length, parsed: 0, cached: steps.files.length, workers: 0, crashes: 0 }, get fingerprints() { return done.fingerprints; } };
  }
  const parsed = await parseStage(steps.files, steps.stage);
  const finished = steps.finish(parsed);
  if (!parsed.stats.crashes) steps.results?.set(finished.report);
  return { report: finished.report, catalog: steps.catalog, stats: parsed.stats, get fingerprints() { return finished.fingerprints; } };
}
