/**
 * What the report-writing commands (scan, merge) share beyond the scan itself: the filters (--status,
 * --blockers, --family, --path, --min-confidence), links to the code (--source-url), the SARIF result limit
 * (--sarif-max-results), and the settings the renderers read (language, an explicit --group-depth, the gate).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Status } from '../model/index.js';
import { parseStatus } from '../model/index.js';
import { parseConfidence } from '../report/confidence.js';
import type { ReportFilter } from '../report/filter.js';
import type { Lang } from '../report/i18n/index.js';
import type { RenderContext } from '../report/index.js';
import { templateProblem, type SourceLinks } from '../report/links.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';
import { collect } from './scan-options.js';

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** Adds the filter and report options to a command. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('--status <statuses>', 'list only findings with one of these statuses on some selected target (comma-separated: direct, partial, rewrite, none, unknown)', collect, [])
    .option('--blockers', 'list only blockers: findings that are none or rewrite on some selected target')
    .option('--family <families>', 'list only these rule families (comma-separated, e.g. cublas,cudnn)', collect, [])
    .option('--path <glob>', 'list only findings in files matching this glob, relative to the scan root (repeatable)', collect, [])
    .option('--min-confidence <level>', 'list only findings answered at least this surely on some selected target: confirmed, likely, uncertain')
    .option('--source-url <template>', "link locations to the code in HTML, Markdown and SARIF, e.g. 'https://github.com/org/repo/blob/{commit}/{path}#L{line}' ({commit} from git)")
    .option('--sarif-max-results <n>', 'SARIF results per run (default 5000, what GitHub code scanning keeps; at most 25000; 0: no limit, for other tools)');
}

/** The filter the options ask for (undefined when none). */
export function reportFilterOf(opts: Record<string, unknown>): ReportFilter | undefined {
  const filter: ReportFilter = {};
  const statuses = list(opts.status);
  if (statuses.length) {
    filter.status = statuses.map((s) => {
      const st = parseStatus(s);
      if (!st) throw new UsageError(`unknown status "${s}" for --status`, 'use direct, partial, rewrite, none or unknown (comma-separated)');
      return st;
    });
  }
  if (opts.blockers) filter.blockers = true;
  const families = list(opts.family);
  if (families.length) filter.family = families;
  const paths = (opts.path as string[] | undefined) ?? [];
  if (paths.length) filter.path = paths.map((p) => p.replace(/^\.\//, ''));
  if (opts.minConfidence !== undefined) {
    const c = parseConfidence(String(opts.minConfidence));
    if (!c) throw new UsageError(`unknown confidence "${String(opts.minConfidence)}" for --min-confidence`, 'use confirmed, likely or uncertain');
    filter.minConfidence = c;
  }
  return Object.keys(filter).length ? filter : undefined;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C' } }).trim();
  } catch {
    return undefined;
  }
}

/** The links --source-url asks for: the commit and the root's folder in the repository come from git. */
export function sourceLinksOf(template: string | undefined, root: string): SourceLinks | undefined {
  if (template === undefined) return undefined;
  const dir = resolve(root);
  const commit = git(dir, ['rev-parse', '--verify', '-q', 'HEAD']);
  const problem = templateProblem(template, Boolean(commit));
  if (problem) throw new UsageError(`--source-url ${problem}`, "e.g. --source-url 'https://github.com/org/repo/blob/{commit}/{path}#L{line}'");
  const prefix = commit ? (git(dir, ['rev-parse', '--show-prefix']) ?? '') : '';
  return { template, ...(commit ? { commit } : {}), prefix };
}

export function parseSarifMax(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const v = String(value).trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 25_000) throw new UsageError(`invalid --sarif-max-results "${v}"`, 'use a whole number up to 25000 (GitHub code scanning rejects more), or 0 for no limit');
  return n;
}

/** The render settings of a report-writing command. */
export function renderSettings(
  cmd: Command,
  opts: Record<string, unknown>,
  io: CliIo,
  extra: { root: string; lang: Lang; failOn?: Status },
): Omit<RenderContext, 'color'> {
  const explicitDepth = cmd.getOptionValueSource('groupDepth') !== undefined && cmd.getOptionValueSource('groupDepth') !== 'default';
  return {
    lang: extra.lang,
    ...(explicitDepth ? { groupDepth: Number(opts.groupDepth) } : {}),
    links: sourceLinksOf(opts.sourceUrl as string | undefined, extra.root),
    ...(extra.failOn ? { failOn: extra.failOn } : {}),
    sarifMaxResults: parseSarifMax(opts.sarifMaxResults),
    notice: (message) => io.stderr(`ascendify: ${message}\n`),
  };
}
