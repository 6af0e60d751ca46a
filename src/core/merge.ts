/**
 * Merging the JSON reports of separate shards (folders of a monorepo, or many repositories) into
 * one report, as if one scan had covered them all: file paths get their shard's root as a prefix,
 * findings, files, kernels and diagnostics are concatenated and re-sorted, and the summary is
 * recomputed. Pure: the CLI reads the files (src/cli/merge-command.ts).
 *
 * Matching is per scan, so one thing differs from a single scan over everything: a name a shard
 * defines (a project's own `half` type) silences that name only inside its own shard.
 */
import { compareFindings } from '../match/match.js';
import type { BaselineSection, Diagnostic, FileEntry, Finding, KernelEntry, Report } from '../model/index.js';
import { InputError, UsageError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { validated } from '../util/validated.js';
import { assembleReport } from './assemble.js';

/** One input of a merge: the report, the file it came from (for messages), and its path prefix. */
export interface Shard {
  /** The file name, as the user gave it. */
  source: string;
  report: Report;
  /** Prefix for the shard's paths; default: the report's root unless it is "." (see `shardPrefix`). */
  prefix?: string;
}

/**
 * Checks that a parsed JSON value is an ascendify report of this schema version: a clear UsageError (exit 2) when
 * not, naming the file and the first field that does not fit schemas/report.schema.json.
 */
export function asReport(value: unknown, source: string): Report {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof value === 'object' && value !== null && typeof version === 'number' && version !== 2) {
    throw new UsageError(
      `${source} is a report of schema version ${version}; this ascendify reads version 2 (targets keyed by profile id)`,
      'scan the shards again with this ascendify version, then merge',
    );
  }
  try {
    return validated<Report>('report', value, source);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const where = e.path.length ? `field "${e.path.join('.')}" ` : '';
    throw new UsageError(`${source} is not an ascendify JSON report: ${where}${e.detail}`, 'merge the files written by `ascendify scan --format json`');
  }
}

/** The default prefix of a shard: its root (as the scan printed it), or nothing for ".". */
export function shardPrefix(report: Report): string {
  const root = report.root.split('\\').join('/').replace(/\/+$/, '');
  return root === '.' || root === '' ? '' : root.replace(/^\.\//, '');
}

/** All shards must agree on `what`; else a UsageError naming the files of each value. */
function requireSame(shards: Shard[], what: string, valueOf: (r: Report) => string): void {
  const groups = new Map<string, string[]>();
  for (const s of shards) {
    const v = valueOf(s.report);
    groups.set(v, [...(groups.get(v) ?? []), s.source]);
  }
  if (groups.size <= 1) return;
  const detail = [...groups].map(([v, files]) => `${files.join(', ')} (${v || 'none'})`).join('; ');
  throw new UsageError(
    `cannot merge reports with different ${what}: ${detail}`,
    'scan every shard with the same ascendify version, --rules and --target, then merge',
  );
}


export function mergeReports(shards: Shard[]): Report {
  if (!shards.length) throw new UsageError('nothing to merge', 'pass two or more JSON reports: ascendify merge a.json b.json --output all.json');
  requireSame(shards, 'tool versions', (r) => r.tool.version);
  requireSame(shards, 'catalog versions', (r) => r.tool.catalogVersion);
  requireSame(shards, 'target profiles', (r) => r.targets.map((t) => t.id).join(','));
  requireSame(shards, 'effort settings (weights, --group-depth or config file)', (r) =>
    JSON.stringify(r.effort ? [r.effort.weights, r.effort.groupDepth, r.effort.sources] : null));

  const files: FileEntry[] = [];
  const findings: Finding[] = [];
  const kernels: KernelEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const owner = new Map<string, string>();
  let baseline: BaselineSection | undefined;
  for (const shard of shards) {
    const prefix = shard.prefix ?? shardPrefix(shard.report);
    const at = (path: string): string => (prefix ? `${prefix}/${path}` : path);
    for (const f of shard.report.files) {
      const path = at(f.path);
      const other = owner.get(path);
      if (other !== undefined) {
        throw new UsageError(
          `${path} is in two shards (${other} and ${shard.source})`,
          'shards must not overlap; or give each report its own prefix: ascendify merge a.json=repo-a b.json=repo-b',
        );
      }
      owner.set(path, shard.source);
      files.push({ ...f, path });
    }
    for (const f of shard.report.findings) findings.push({ ...f, file: at(f.file) });
    for (const k of shard.report.kernels) kernels.push({ ...k, file: at(k.file) });
    for (const d of shard.report.diagnostics ?? []) diagnostics.push({ ...d, file: at(d.file) });
    const b = shard.report.baseline;
    if (b) {
      baseline ??= { file: b.file, counts: { new: 0, unchanged: 0, fixed: 0 }, fixed: [] };
      if (!baseline.file.split(', ').includes(b.file)) baseline.file = `${baseline.file}, ${b.file}`;
      baseline.counts.new += b.counts.new;
      baseline.counts.unchanged += b.counts.unchanged;
      baseline.counts.fixed += b.counts.fixed;
      baseline.fixed.push(...b.fixed.map((x) => ({ ...x, file: at(x.file) })));
    }
  }
  findings.sort(compareFindings);
  kernels.sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line);

  // The shards already took the CI step (suppressions are marked on their findings); the rest is assembled
  // again, exactly as a scan does, so summary, progress and effort are those of one scan over everything.
  const first = shards[0]!.report;
  const effort = first.effort!;
  const parts = { tool: first.tool, root: '.', targets: first.targets, files, findings, kernels, diagnostics, ...(baseline ? { baseline } : {}) };
  return assembleReport(parts, { groupDepth: effort.groupDepth, effort: { weights: effort.weights, sources: effort.sources } }).report;
}
