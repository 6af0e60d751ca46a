/**
 * The pipeline, and the only place its stages are chained:
 * discover files -> parse to facts -> match facts against the catalog -> findings -> score -> report.
 * Library entry point; the CLI is a thin layer over `scan`.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { buildLexicon } from './catalog/lexicon.js';
import { applyCi } from './ci/apply.js';
import { readBaseline } from './ci/baseline-file.js';
import { gitChanges } from './ci/git.js';
import { loadConfig } from './config/load.js';
import { effortWeightsFor } from './config/effort.js';
import { loadCatalog, PACKAGE_ROOT } from './catalog/load.js';
import { discover, MissingPathError } from './discover/walk.js';
import { DEFAULT_MAX_FILE_SIZE } from './discover/read.js';
import { defaultCacheDir, FactsCache } from './cache/facts-cache.js';
import { resultLookup, type ResultLookup } from './cache/result-cache.js';
import { matchFacts } from './match/match.js';
import { computeProgress } from './match/progress.js';
import type { Catalog, EffortWeights, FileEntry, FileFacts, Profile, Report, SourceFile } from './model/index.js';
import { parseStage, parseStageSync, type ParseStageOptions, type ParseStats } from './parallel/parse-stage.js';
import { estimateEffort } from './score/effort.js';
import { summarize } from './score/summary.js';
import { UsageError } from './util/errors.js';
import { selectProfiles } from './util/profiles.js';

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
  /** Cache folder; default `defaultCacheDir(root)` (docs/scale.md). */
  cacheDir?: string;
  /** The parse worker script (tests). */
  workerUrl?: URL;
  /** Folder depth of an effort component (--group-depth; default 1 = first folder under the root). */
  groupDepth?: number;
  /** Called as the parse stage finishes files (`done` of `total`), for progress output. */
  onProgress?: (done: number, total: number) => void;
}

/** How the effort estimate is made: the weights (defaults merged with the config file), where they came from, the component depth. */
export interface EffortSetup {
  weights: EffortWeights;
  sources: string[];
  groupDepth: number;
}

/** Fill `effort` and `incompatibilities` from the report's findings and kernels (suppressed findings left out). */
export function withEffort(report: Report, catalog: Catalog, profiles: Profile[], setup: EffortSetup = { ...effortWeightsFor(), groupDepth: 1 }): Report {
  const ruleFeatures: Record<string, string> = {};
  for (const rule of catalog.rules) if (rule.feature) ruleFeatures[rule.id] = rule.feature;
  const { effort, incompatibilities } = estimateEffort(
    { findings: report.findings, kernels: report.kernels, files: report.files, ruleFeatures }, profiles, setup.weights, setup.groupDepth, setup.sources,
  );
  return { ...report, effort, incompatibilities };
}

/** A report plus how the parse stage went (not part of the report, which is the same cold or warm, for any jobs). */
export interface ScanResult {
  report: Report;
  stats: ParseStats;
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Match and summarise; with `estimate` false the effort section is left for the caller (who filters findings first). */
export function buildReport(root: string, catalog: Catalog, profiles: Profile[], entries: FileEntry[], facts: FileFacts[], effort?: EffortSetup, estimate = true): Report {
  const { findings, kernels, targetUses } = matchFacts(facts, catalog, profiles);
  const files = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'ascendify', version: toolVersion(), catalogVersion: catalog.version },
    root,
    targets: profiles.map((p) => ({ vendor: p.vendor, profile: p.id, product: p.product, sdk: `${p.sdk.name} ${p.sdk.version}` })),
    files,
    findings,
    kernels,
    summary: summarize(files, findings, kernels, profiles),
  };
  const progress = computeProgress(findings, targetUses, [...new Set(profiles.map((p) => p.vendor))], effort?.groupDepth ?? 1);
  if (progress) report.progress = progress;
  return estimate ? withEffort(report, catalog, profiles, effort) : report;
}

/** The root as the user would write it: relative to the working folder when inside it. */
function displayRoot(root: string): string {
  const rel = relative(process.cwd(), root).split('\\').join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? root : rel;
}

/** The scan up to the parse stage, and `finish` for the rest, so the sync and async forms share it. */
function scanSteps(options: ScanOptions): { files: SourceFile[]; stage: ParseStageOptions; results?: ResultLookup; finish(parsed: { facts: FileFacts[]; entries: FileEntry[] }): Report } {
  let discovery;
  try {
    discovery = discover(options.paths, { exclude: options.exclude, gitignore: options.gitignore });
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(`path not found: ${e.path}`, 'check the path, or run from the folder that holds it');
    throw e;
  }
  const config = loadConfig(discovery.root, options.config);
  // Rule folders from the config file are relative to it; --rules adds to them.
  const userRules = [...(config?.rules ?? []).map((r) => resolvePath(config?.dir ?? discovery.root, r)), ...(options.rules ?? [])];
  const useCache = options.cache ?? options.cacheDir !== undefined;
  const cacheRoot = useCache ? (options.cacheDir ?? defaultCacheDir(discovery.root)) : undefined;
  const catalog = options.catalog ?? loadCatalog({ userRules, cacheDir: cacheRoot });
  const profiles = selectProfiles(catalog, options.targets);
  const groupDepth = options.groupDepth ?? 1;
  if (!Number.isInteger(groupDepth) || groupDepth < 1) throw new UsageError(`invalid group depth ${groupDepth}`, 'use a whole number of folders, 1 or more (--group-depth 1)');
  const effort: EffortSetup = { ...effortWeightsFor(config), groupDepth };
  const baseline = options.baseline ? { file: options.baseline, data: readBaseline(options.baseline) } : undefined;
  if (options.newLinesOnly && !options.changedSince) throw new UsageError('--new-lines-only needs --changed-since <git-ref>', 'add --changed-since origin/main (or the branch you compare with)');
  const changes = options.changedSince ? gitChanges(discovery.root, options.changedSince, Boolean(options.newLinesOnly)) : undefined;
  if (changes) {
    discovery.files = discovery.files.filter((f) => changes.files.has(f.path));
    discovery.skipped = discovery.skipped.filter((f) => changes.files.has(f.path));
  }
  const cache = cacheRoot ? new FactsCache(cacheRoot, { tool: toolVersion(), catalog: catalog.version }) : undefined;
  const stage: ParseStageOptions = {
    lexicon: buildLexicon(catalog),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    jobs: options.jobs,
    cache,
    workerUrl: options.workerUrl,
    onProgress: options.onProgress,
  };
  const finish = ({ facts, entries }: { facts: FileFacts[]; entries: FileEntry[] }): Report => {
    const skipped: FileEntry[] = discovery.skipped.map((s) => ({ path: s.path, language: 'unknown', lines: 0, status: 'skipped', reason: s.reason }));
    const report = buildReport(displayRoot(discovery.root), catalog, profiles, [...entries, ...skipped], facts, effort, false);
    // Post-match CI step: suppressions, baseline comparison, changed-lines filter (pure functions in src/ci/).
    const ignore = config?.ignore ? { file: config.file, ...config.ignore } : undefined;
    // The estimate is made again on the findings the CI step kept (suppressed ones are left out).
    return withEffort(applyCi(report, facts, { profiles, ignore, baseline, changedLines: changes?.lines }).report, catalog, profiles, effort);
  };
  // Not with --changed-since: the git state is an input the key does not cover.
  const results = cache && options.results && !changes
    ? resultLookup({
      root: options.cacheDir ?? defaultCacheDir(discovery.root),
      versions: { tool: toolVersion(), catalog: catalog.version },
      slot: { root: discovery.root, shown: displayRoot(discovery.root), profiles: profiles.map((p) => p.id), config: config?.file ?? null, baseline: options.baseline ?? null },
      setup: { config: config ?? null, effort, baseline: baseline?.data ?? null, maxFileSize: stage.maxFileSize, skipped: discovery.skipped },
      files: discovery.files,
      maxFileSize: stage.maxFileSize,
      fileKey: (file, bytes) => cache.key(file, bytes),
    })
    : undefined;
  return { files: discovery.files, stage, results, finish };
}

/** Scan in-process (synchronous; `jobs` is ignored). */
export function scan(options: ScanOptions): Report {
  const steps = scanSteps(options);
  const hit = steps.results?.get();
  if (hit) return hit;
  const parsed = parseStageSync(steps.files, steps.stage);
  const report = steps.finish(parsed);
  if (!parsed.stats.crashes) steps.results?.set(report);
  return report;
}

/** Scan with worker threads (`jobs`) and the cache; the report is the one `scan` gives. */
export async function scanAsync(options: ScanOptions): Promise<ScanResult> {
  const steps = scanSteps(options);
  const hit = steps.results?.get();
  if (hit) return { report: hit, stats: { files: steps.files.length, parsed: 0, cached: steps.files.length, workers: 0, crashes: 0 } };
  const parsed = await parseStage(steps.files, steps.stage);
  const report = steps.finish(parsed);
  if (!parsed.stats.crashes) steps.results?.set(report);
  return { report, stats: parsed.stats };
}
