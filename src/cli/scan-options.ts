/**
 * What every scanning command shares (scan, effort, baseline, progress): the options that say what to read,
 * which rules and targets answer, how to run (workers, caches, progress) and where the output goes, and the one
 * async path that runs the scan. One definition, so the commands cannot drift apart.
 */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import type { ScanOptions, ScanResult } from '../pipeline.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`invalid size "${value}"`, 'use bytes or a unit: 500k, 4mb, 1g');
  const unit = (m[2] ?? 'b').toLowerCase()[0] as string;
  const mult = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit] as number;
  return Math.round(Number(m[1]) * mult);
}

export function parseGroupDepth(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) {
    throw new UsageError(`invalid --group-depth "${value}"`, 'use a whole number of folders, 1 or more (1 = the first folder under the root)');
  }
  return n;
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) {
    throw new UsageError(`invalid --jobs "${value}"`, 'use a whole number of worker threads, 1 or more (1 parses in-process)');
  }
  return n;
}

/** --file-timeout: seconds (fractions allowed), 0 for no limit; returned in ms. */
export function parseFileTimeout(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`invalid --file-timeout "${value}"`, 'use seconds per file, e.g. 20 (0: no limit)');
  }
  return Math.round(n * 1000);
}

/**
 * Adds the shared options: --target, --exclude, --rules, --max-file-size, --no-gitignore, --config, --jobs,
 * --force-jobs, --file-timeout, --cache-dir, --no-cache, --group-depth, --quiet, --no-color, and --output with the help text the command gives.
 */
export function addScanOptions(cmd: Command, output: { description: string; default?: string }): Command {
  cmd
    .option('-t, --target <targets>', 'ascend, cambricon, all, or profile ids, comma-separated, several of one vendor allowed (e.g. ascend-910b,ascend-950)', 'all')
    .option('-e, --exclude <glob>', 'skip paths matching this glob (repeatable)', collect, [])
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 4mb)', '4mb')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--config <file>', 'config file (default: ascendify.config.yaml in the scanned root): effort weights, ignores, rule folders')
    .option('-j, --jobs <n>', 'parser worker threads (default and most: the number of cores; see --force-jobs)')
    .option('--force-jobs', 'run --jobs workers even when that is more than the cores')
    .option('--file-timeout <seconds>', 'skip a file (listed with the reason) when parsing it takes longer than this; 0: no limit', '20')
    .option('--cache-dir <dir>', 'cache folder (default: $XDG_CACHE_HOME/ascendify or ~/.cache/ascendify)')
    .option('--no-cache', 'parse every file; do not read or write the caches')
    .option('--group-depth <n>', 'folder depth of a component (1 = first folder under the root)', '1')
    .option('-q, --quiet', 'no progress output on stderr')
    .addOption(new Option('--no-color', 'no colour in text output'));
  if (output.default !== undefined) cmd.option('-o, --output <file>', output.description, output.default);
  else cmd.option('-o, --output <file>', output.description);
  return cmd;
}

/** The ScanOptions the shared options stand for. */
export function scanOptions(paths: string[], opts: Record<string, unknown>): ScanOptions {
  const cache = opts.cache !== false;
  return {
    paths,
    targets: [opts.target as string],
    exclude: opts.exclude as string[],
    rules: opts.rules as string[],
    maxFileSize: parseSize(opts.maxFileSize as string),
    gitignore: opts.gitignore as boolean,
    config: opts.config as string | undefined,
    jobs: opts.jobs === undefined ? undefined : parseJobs(String(opts.jobs)),
    forceJobs: Boolean(opts.forceJobs),
    fileTimeoutMs: parseFileTimeout(String(opts.fileTimeout ?? '20')),
    cache,
    results: cache,
    cacheDir: opts.cacheDir as string | undefined,
    groupDepth: parseGroupDepth(String(opts.groupDepth ?? '1')),
  };
}

/** Colour for a command's text output: the terminal's, unless --no-color. */
export const colorOf = (io: CliIo, opts: Record<string, unknown>): boolean => io.color && opts.color !== false;

/** Run the scan the shared options describe (plus command-specific settings), with progress on stderr. */
export async function runScan(paths: string[], opts: Record<string, unknown>, io: CliIo, extra: Partial<ScanOptions> = {}): Promise<ScanResult> {
  const options = scanOptions(paths, opts);
  const cores = availableParallelism();
  if (options.jobs !== undefined && options.jobs > cores && !options.forceJobs && !opts.quiet) {
    io.stderr(`ascendify: note: --jobs ${options.jobs} is more than the ${cores} cores available; using ${cores} (--force-jobs runs ${options.jobs})\n`);
  }
  const progress = createProgress(io, { quiet: Boolean(opts.quiet) });
  // Loaded here, not at start-up: commands that do not scan never load the scan pipeline.
  const { scanAsync } = await import('../pipeline.js');
  return scanAsync({ ...options, onProgress: progress.enabled ? progress.update : undefined, ...extra }).finally(() => progress.end());
}
