/**
 * `ascendify merge a.json b.json … --output all.json`: one report from the JSON reports of
 * sharded scans (a CI matrix, Kubernetes Jobs). Reads the files; the merge itself is pure
 * (src/score/merge.ts). An argument `file=prefix` sets the shard's path prefix (default: its root).
 */
import { asReport, mergeReports, type Shard } from '../core/merge.js';
import type { Report } from '../model/index.js';
import { UsageError } from '../util/errors.js';
import { readRegularText, RefusedFile } from '../util/read-file.js';

/** The largest report read (V8 strings end a little above 512 MB). */
export const MAX_REPORT_SIZE = 500 * 1024 * 1024;

function readShard(arg: string): Shard {
  const eq = arg.lastIndexOf('=');
  const source = eq > 0 ? arg.slice(0, eq) : arg;
  const prefix = eq > 0 ? arg.slice(eq + 1).replace(/^\.\//, '').replace(/\/+$/, '') : undefined;
  let text: string;
  try {
    text = readRegularText(source, { maxBytes: MAX_REPORT_SIZE });
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    throw new UsageError(`cannot read ${source}: it ${e.reason}`, 'pass the JSON reports of `ascendify scan --format json`');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source} is not valid JSON (${(e as Error).message})`, 'pass the JSON reports of `ascendify scan --format json`; a truncated file means its scan did not finish');
  }
  const shard: Shard = { source, report: asReport(value, source) };
  if (shard.report.filter) {
    throw new UsageError(`${source} is a filtered report: its totals would be wrong in a merge`, 'merge unfiltered JSON reports; give the filters to `ascendify merge` instead');
  }
  if (prefix !== undefined) shard.prefix = prefix;
  return shard;
}

export function mergeFiles(args: string[]): Report {
  if (!args.length) throw new UsageError('no reports to merge', 'ascendify merge a.json b.json --output all.json');
  return mergeReports(args.map(readShard));
}
