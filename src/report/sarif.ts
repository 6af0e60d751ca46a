/**
 * SARIF 2.1.0 for code-scanning tools: one result per finding, the rules the findings use in
 * tool.driver.rules. Levels are chosen for code scanning (model/status.ts `codeScanningLevel`): `error` only
 * for what the gate (--fail-on) fails on, blockers and other answers to review `warning`, plain renames `note`.
 * A run stays within GitHub code scanning's documented limits (results per run, rules per run, the gzip-ed file
 * size): what is left out is said in a tool notification and through `notice` (stderr), most severe kept first.
 * Results are sorted by file, line, column and rule, so equal input gives byte-identical output.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding, Report, Status } from '../model/index.js';
import { answerText, atOrWorse, codeScanningLevel, replacementOf, statusRank, worstStatus } from '../model/index.js';
import { byCodePoint as cmp } from '../util/order.js';
import { confidenceOf } from './confidence.js';
import { messages, type Lang } from './i18n/index.js';
import { sourceUrl, type SourceLinks } from './links.js';

/**
 * GitHub code scanning's limits (docs: "SARIF support for code scanning", "SARIF results exceed limit",
 * "SARIF file is too large"): 25,000 results and 25,000 rules per run are accepted, only the first 5,000
 * results are kept (by severity), and an upload may be at most 10 MB gzip-compressed.
 */
export const CODE_SCANNING = { maxResults: 25_000, shownResults: 5_000, maxRules: 25_000, maxGzipBytes: 10 * 1024 * 1024 } as const;

export interface SarifOptions {
  links?: SourceLinks;
  /** The gate's threshold: findings it fails on are errors. */
  failOn?: Status;
  /** Results per run (default 5,000, what code scanning keeps; at most 25,000; 0 for no limit, for other tools). */
  maxResults?: number;
  /** Largest gzip-compressed size (default 10 MB). */
  maxGzipBytes?: number;
  /** Told what was left out (the CLI prints it on stderr). */
  notice?: (message: string) => void;
  lang?: Lang;
}

/** The documented project URL the rule help links point into. */
export const PROJECT_URL = 'https://github.com/ascendify/ascendify';
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const statusesOf = (f: Finding): Status[] => Object.values(f.targets).map((t) => t.status);

/** Does the gate (--fail-on) fail on this finding? */
export function failsGate(f: Finding, failOn: Status | undefined): boolean {
  return failOn !== undefined && !f.suppressed && statusesOf(f).some((s) => atOrWorse(s, failOn));
}

/** The SARIF level of a finding (see the file comment). */
export function levelOf(f: Finding, failOn?: Status): 'error' | 'warning' | 'note' {
  return codeScanningLevel(statusesOf(f), failsGate(f, failOn));
}

const LEVEL_RANK = { error: 0, warning: 1, note: 2 } as const;

/** The SARIF rule id of a finding: its catalog rule, or unknown/<symbol> when no rule answers. */
export function sarifRuleId(f: Finding): string {
  return f.ruleId ?? `unknown/${f.symbol}`;
}

export function ruleHelpUri(family: string, ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(family)}.md#${encodeURIComponent(ruleId)}`;
}

/** Percent-encodes each path segment, so any file name becomes a valid relative URI reference. */
function pathToUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

const mdEscape = (text: string): string => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

function resultMessage(f: Finding): string {
  const head = f.ruleId ? `${f.symbol} -> ` : `${f.symbol} is not in the catalog -> `;
  return `${head}${Object.entries(f.targets).map(([id, t]) => `${id}: ${answerText(t)}`).join('; ')}`;
}

function ruleHelp(f: Finding): { text: string; markdown: string } {
  const lines = Object.entries(f.targets).map(([id, t]) => {
    const what = replacementOf(t).join(' + ');
    return { text: `${id}: ${t.status}${what ? ` ${what}` : ''}${t.note ? `. ${t.note}` : ''}`, md: `- **${id}**: ${t.status}${what ? ` \`${what}\`` : ''}${t.note ? `. ${t.note}` : ''}` };
  });
  const intro = f.ruleId ? `What ${f.symbol} becomes on each target.` : `${f.symbol} is not in the catalog yet: find its counterpart by hand.`;
  return { text: [intro, ...lines.map((l) => l.text)].join('\n'), markdown: [intro, '', ...lines.map((l) => l.md)].join('\n') };
}


/** Which findings a run keeps under a result limit: the most severe first (error, then worst status), then in file order. */
function keep(findings: Finding[], limit: number, failOn: Status | undefined): Finding[] {
  if (limit <= 0 || findings.length <= limit) return findings;
  const order = findings.map((f, i) => ({ f, i, level: LEVEL_RANK[levelOf(f, failOn)], rank: statusRank(worstStatus(statusesOf(f))) }));
  order.sort((a, b) => a.level - b.level || a.rank - b.rank || a.i - b.i);
  const kept = new Set(order.slice(0, limit).map((o) => o.i));
  return findings.filter((_, i) => kept.has(i));
}

/** A run within the limits, with a notification (and a notice) saying what was left out and how to get it. */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const all = [...report.findings].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(sarifRuleId(a), sarifRuleId(b)),
  );
  const asked = options.maxResults ?? CODE_SCANNING.shownResults;
  let limit = asked <= 0 ? 0 : Math.min(asked, CODE_SCANNING.maxResults);
  const maxBytes = options.maxGzipBytes ?? CODE_SCANNING.maxGzipBytes;
  let why = limit && all.length > limit ? `at most ${limit.toLocaleString('en-US')} results per run` : '';
  for (let attempt = 0; ; attempt++) {
    const kept = keep(all, limit, options.failOn);
    const left = all.length - kept.length;
    const note = left
      ? `${left} of ${all.length} results left out (${why}), the least severe first. The JSON and CSV reports list every finding; ` +
        '--sarif-max-results N (up to 25000; 0 for no limit) or --path/--family/--blockers choose which are uploaded.'
      : undefined;
    const text = sarifText(report, kept, options, note);
    if (asked <= 0 || attempt >= 6 || kept.length === 0) return finish(text, left, all.length, why, options);
    const size = gzipSync(text).length;
    if (size <= maxBytes) return finish(text, left, all.length, why, options);
    // Too large once compressed: keep proportionally fewer results, with a margin.
    limit = Math.max(1, Math.floor(kept.length * (maxBytes / size) * 0.9));
    why = `the file must stay under ${Math.round(maxBytes / 1024 / 1024)} MB gzip-compressed`;
  }
}

function finish(text: string, left: number, all: number, why: string, options: SarifOptions): string {
  if (left && options.notice) options.notice(messages(options.lang).sarifLeftOut(left, all, why));
  return text;
}

/** Where the run's repository is, read from a --source-url template of the usual shape (…/blob/{commit}/…). */
function repositoryOf(links: SourceLinks | undefined): string | undefined {
  const m = links ? /^(https?:\/\/.+?)\/(?:-\/)?(?:blob|tree|src)\/\{commit\}\//.exec(links.template) : null;
  return m?.[1];
}

function sarifText(report: Report, findings: Finding[], options: SarifOptions, note: string | undefined): string {
  const abs = isAbsolute(report.root);
  const prefix = abs || report.root === '.' || report.root === '' ? '' : `${report.root.replace(/\\/g, '/').replace(/\/+$/, '')}/`;

  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const ruleLevels: ('error' | 'warning' | 'note')[][] = [];
  const occurrences = new Map<string, number>();
  const results = findings.map((f) => {
    const id = sarifRuleId(f);
    const level = levelOf(f, options.failOn);
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      const help = ruleHelp(f);
      rules.push({
        id,
        name: f.symbol,
        shortDescription: { text: f.ruleId ? `${f.symbol} (${f.family})` : `${f.symbol}: not in the catalog` },
        fullDescription: { text: help.text.split('\n')[0] },
        help,
        helpUri: f.ruleId ? ruleHelpUri(f.family, f.ruleId) : `${PROJECT_URL}/blob/main/docs/reports.md#unknown-findings`,
        defaultConfiguration: { level },
        properties: { tags: ['cuda', f.family, f.kind], family: f.family, kind: f.kind },
      });
      ruleLevels.push([]);
    }
    ruleLevels[index]!.push(level);
    const uri = pathToUri(prefix + f.file);
    // Stable across edits elsewhere in the file: rule, file, the trimmed line text, and which
    // occurrence of that triple this is (not the line number).
    const key = `${id}\0${f.file}\0${f.snippet.trim()}`;
    const nth = occurrences.get(key) ?? 0;
    occurrences.set(key, nth + 1);
    const fingerprint = createHash('sha256').update(`${key}\0${nth}`).digest('hex').slice(0, 32);
    const region: Record<string, unknown> = { startLine: f.line, startColumn: f.column };
    if (f.endLine >= f.line) region.endLine = f.endLine;
    if (f.endColumn >= 1 && (f.endLine > f.line || f.endColumn >= f.column)) region.endColumn = f.endColumn;
    if (f.snippet) region.snippet = { text: f.snippet };
    const properties: Record<string, unknown> = {
      family: f.family,
      kind: f.kind,
      symbol: f.symbol,
      targets: Object.fromEntries(
        Object.entries(f.targets).map(([id, t]) => {
          const confidence = confidenceOf(t);
          return [id, { status: t.status, ...(t.replacement?.length ? { replacement: t.replacement } : {}), ...(confidence ? { confidence } : {}) }];
        }),
      ),
    };
    const url = sourceUrl(options.links, f.file, f.line);
    if (url) properties.sourceUrl = url;
    if (f.macro) properties.macro = f.macro;
    if (f.conditional) properties.conditional = f.conditional;
    return {
      ruleId: id,
      ruleIndex: index,
      level,
      message: url ? { text: resultMessage(f), markdown: `${mdEscape(resultMessage(f))} ([${mdEscape(`${f.file}:${f.line}`)}](${url}))` } : { text: resultMessage(f) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: abs ? { uri, uriBaseId: 'SRCROOT' } : { uri },
            region,
          },
        },
      ],
      partialFingerprints: { 'ascendify/v1': fingerprint },
      properties,
    };
  });

  // A rule's default level is the most severe of its results'.
  rules.forEach((r, i) => {
    const levels = ruleLevels[i]!;
    r.defaultConfiguration = { level: levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'note' };
  });
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'ascendify',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: PROJECT_URL,
        rules,
      },
    },
    results,
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: true,
        ...(note
          ? { toolExecutionNotifications: [{ descriptor: { id: 'ascendify/results-left-out' }, level: 'warning', message: { text: note } }] }
          : {}),
      },
    ],
    properties: {
      root: report.root,
      catalogVersion: report.tool.catalogVersion,
      targets: report.targets.map((t) => t.id),
    },
  };
  const repository = repositoryOf(options.links);
  if (repository && options.links?.commit) run.versionControlProvenance = [{ repositoryUri: repository, revisionId: options.links.commit }];
  if (abs) {
    const root = report.root.replace(/\\/g, '/').replace(/\/+$/, '');
    run.originalUriBaseIds = { SRCROOT: { uri: `file://${root.startsWith('/') ? '' : '/'}${pathToUri(root)}/` } };
  }
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
