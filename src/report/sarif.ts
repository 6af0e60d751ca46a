/**
 * SARIF 2.1.0 for code-scanning tools: one result per finding, the rules the findings use in
 * tool.driver.rules, the level from the finding's severity (model/status.ts: error, warning, note).
 * Results are sorted by file, line, column and rule, so equal input gives byte-identical output.
 */
import { createHash } from 'node:crypto';
import type { Finding, Report, Severity } from '../model/index.js';
import { answerText, replacementOf, SARIF_LEVEL, worstSeverity } from '../model/index.js';
import { byCodePoint as cmp } from '../util/order.js';

/** The documented project URL the rule help links point into. */
export const PROJECT_URL = 'https://github.com/ascendify/ascendify';
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The SARIF level of a finding: its severity's. */
export function levelOf(f: Pick<Finding, 'severity'>): 'error' | 'warning' | 'note' {
  return SARIF_LEVEL[f.severity];
}

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


export function renderSarif(report: Report): string {
  const findings = [...report.findings].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(sarifRuleId(a), sarifRuleId(b)),
  );
  const abs = isAbsolute(report.root);
  const prefix = abs || report.root === '.' || report.root === '' ? '' : `${report.root.replace(/\\/g, '/').replace(/\/+$/, '')}/`;

  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const ruleSeverities: Severity[][] = [];
  const occurrences = new Map<string, number>();
  const results = findings.map((f) => {
    const id = sarifRuleId(f);
    const level = levelOf(f);
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
      ruleSeverities.push([]);
    }
    ruleSeverities[index]!.push(f.severity);
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
        Object.entries(f.targets).map(([id, t]) => [id, { status: t.status, ...(t.replacement?.length ? { replacement: t.replacement } : {}) }]),
      ),
    };
    if (f.macro) properties.macro = f.macro;
    if (f.conditional) properties.conditional = f.conditional;
    return {
      ruleId: id,
      ruleIndex: index,
      level,
      message: { text: resultMessage(f) },
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

  // A rule's default level is the most severe of its results' (a rule answers the same on every use).
  rules.forEach((r, i) => {
    r.defaultConfiguration = { level: SARIF_LEVEL[worstSeverity(ruleSeverities[i]!)] };
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
    properties: {
      root: report.root,
      catalogVersion: report.tool.catalogVersion,
      targets: report.targets.map((t) => t.id),
    },
  };
  if (abs) {
    const root = report.root.replace(/\\/g, '/').replace(/\/+$/, '');
    run.originalUriBaseIds = { SRCROOT: { uri: `file://${root.startsWith('/') ? '' : '/'}${pathToUri(root)}/` } };
  }
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
