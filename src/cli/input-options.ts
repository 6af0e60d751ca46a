/**
 * The options every scanning command shares (scan, effort, baseline): what to read and which rules
 * and targets answer. One definition, so the commands cannot drift apart.
 */
import type { Command } from 'commander';
import type { ScanOptions } from '../analyze.js';
import { UsageError } from '../util/errors.js';

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

/** Adds --target, --exclude, --rules, --max-file-size, --no-gitignore and --config. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('-t, --target <targets>', 'ascend, cambricon, all, or profile ids (comma-separated): ascend-910b, ascend-910c, ascend-950, cambricon-mlu370, cambricon-mlu590', 'all')
    .option('-e, --exclude <glob>', 'skip paths matching this glob (repeatable)', collect, [])
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 4mb)', '4mb')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--config <file>', 'config file (default: ascendify.config.yaml in the scanned root): effort weights, ignores, rule folders');
}

/** The ScanOptions the shared options stand for. */
export function inputOptions(paths: string[], opts: Record<string, unknown>): ScanOptions {
  return {
    paths,
    targets: [opts.target as string],
    exclude: opts.exclude as string[],
    rules: opts.rules as string[],
    maxFileSize: parseSize(opts.maxFileSize as string),
    gitignore: opts.gitignore as boolean,
    config: opts.config as string | undefined,
  };
}
