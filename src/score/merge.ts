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
import type { Catalog, Diagnostic, FileEntry, Finding, KernelEntry, Profile, Report } from '../model/index.js';
import { UsageError } from '../util/errors.js';
import { estimateEffort } from './effort.js';
import { summarize } from './summary.js';

/** One input of a merge: the report, the file it came from (for messages), and its path prefix. */
export interface Shard {
  /** The file name, as the user gave it. */
  source: string;
  report: Report;
  /** Prefix for the shard's paths; default: the report's root unless it is "." (see `shardPrefix`). */
  prefix?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the merge needs from the catalog the shards were scanned with, to recompute the effort
 * estimate: the target profiles (their kernel model) and each rule's feature tag.
 */
export interface MergeCatalog {
  catalogVersion: string;
  profiles: Profile[];
  ruleFeatures: Record<string, string>;
}

export function mergeCatalogOf(catalog: Catalog): MergeCatalog {
  const ruleFeatures: Record<string, string> = {};
  for (const rule of catalog.rules) if (rule.feature) ruleFeatures[rule.id] = rule.feature;
  return { catalogVersion: catalog.version, profiles: catalog.profiles, ruleFeatures };
}

/** Checks that a parsed JSON value is an ascendify report; a clear UsageError (exit 2) when not. */
export function asReport(value: unknown, source: string): Report {
  const fail = (what: string): never => {
    throw new UsageError(`${source} is not an ascendify JSON report: ${what}`, 'merge the files written by `ascendify scan --format json`');
  };
  if (!isObject(value)) return fail('the top level is not an object');
  if (value.schemaVersion !== 1) return fail(`schemaVersion is ${JSON.stringify(value.schemaVersion)}, expected 1`);
  const tool = value.tool;
  if (!isObject(tool) || tool.name !== 'ascendify' || typeof tool.version !== 'string' || typeof tool.catalogVersion !== 'string') {
    return fail('"tool" must name ascendify with a version and a catalogVersion');
  }
  if (typeof value.root !== 'string') fail('"root" is missing');
  for (const key of ['targets', 'files', 'findings', 'kernels'] as const) {
    if (!Array.isArray(value[key])) fail(`"${key}" is not a list`);
  }
  if (!isObject(value.summary)) fail('"summary" is missing');
  (value.files as unknown[]).forEach((f, i) => {
    if (!isObject(f) || typeof f.path !== 'string' || typeof f.lines !== 'number') fail(`files[${i}] has no path or lines`);
  });
  (value.findings as unknown[]).forEach((f, i) => {
    if (!isObject(f) || typeof f.file !== 'string' || typeof f.line !== 'number' || typeof f.symbol !== 'string' || !isObject(f.targets)) {
      fail(`findings[${i}] has no file, line, symbol or targets`);
    }
  });
  (value.kernels as unknown[]).forEach((k, i) => {
    if (!isObject(k) || typeof k.file !== 'string' || typeof k.line !== 'number') fail(`kernels[${i}] has no file or line`);
  });
  (value.targets as unknown[]).forEach((t, i) => {
    if (!isObject(t) || typeof t.vendor !== 'string' || typeof t.profile !== 'string') fail(`targets[${i}] has no vendor or profile`);
  });
  return value as unknown as Report;
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

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function mergeReports(shards: Shard[], catalog?: MergeCatalog): Report {
  if (!shards.length) throw new UsageError('nothing to merge', 'pass two or more JSON reports: ascendify merge a.json b.json --output all.json');
  requireSame(shards, 'tool versions', (r) => r.tool.version);
  requireSame(shards, 'catalog versions', (r) => r.tool.catalogVersion);
  requireSame(shards, 'target profiles', (r) => r.targets.map((t) => t.profile).join(','));

  const files: FileEntry[] = [];
  const findings: Finding[] = [];
  const kernels: KernelEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const owner = new Map<string, string>();
  let baseline: Report['baseline'];
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
  files.sort(byPath);
  findings.sort(compareFindings);
  kernels.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));

  const first = shards[0]!.report;
  const withEffort = shards.filter((s) => s.report.effort).length;
  if (withEffort && withEffort < shards.length) {
    throw new UsageError(
      `some reports have an effort estimate and some do not: ${shards.filter((s) => !s.report.effort).map((s) => s.source).join(', ')} lack one`,
      'scan every shard with the same ascendify version and options, then merge',
    );
  }
  if (withEffort) {
    requireSame(shards, 'effort settings (weights, --group-depth or config file)', (r) =>
      JSON.stringify([r.effort!.weights, r.effort!.groupDepth, r.effort!.sources]));
    if (!catalog || catalog.catalogVersion !== first.tool.catalogVersion) {
      throw new UsageError(
        `the reports were scanned with catalog ${first.tool.catalogVersion}, but this ascendify loads catalog ${catalog?.catalogVersion ?? '(none)'}`,
        'run merge with the same ascendify version and the same --rules as the scans, so the effort estimate can be recomputed',
      );
    }
  }
  // summarize reads a profile's id and vendor only; the report's targets carry both.
  const profiles = catalog
    ? first.targets.map((t) => catalog.profiles.find((p) => p.id === t.profile) ?? ({ id: t.profile, vendor: t.vendor } as Profile))
    : first.targets.map((t) => ({ id: t.profile, vendor: t.vendor }) as Profile);
  const merged: Report = {
    schemaVersion: 1,
    tool: first.tool,
    root: '.',
    targets: first.targets,
    files,
    findings,
    kernels,
    summary: summarize(files, findings, kernels, profiles),
  };
  if (baseline) merged.baseline = baseline;
  if (diagnostics.length) merged.diagnostics = diagnostics;
  if (withEffort && catalog) {
    const e = first.effort!;
    const { effort, incompatibilities } = estimateEffort({ findings, kernels, files, ruleFeatures: catalog.ruleFeatures }, profiles, e.weights, e.groupDepth, e.sources);
    merged.effort = effort;
    merged.incompatibilities = incompatibilities;
  }
  return merged;
}
