/**
 * GitHub Actions annotations: one workflow command per finding (`::error file=…,line=…::message`),
 * shown on the pull request's diff. Suppressed findings are left out; diagnostics become warnings;
 * a baseline comparison ends with a notice line.
 */
import type { Finding, Report, Severity } from '../model/index.js';

/** Escape a command's message (data): %, CR and LF. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a property value: as data, plus : and , which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

function command(level: string, props: [string, string | number | undefined][], message: string): string {
  const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(message)}`;
}

/** Paths in annotations are relative to the repository: prefix the scan root unless it is '.'. */
function repoPath(root: string, file: string): string {
  return root === '.' || root === '' ? file : `${root.replace(/\/+$/, '')}/${file}`;
}

function findingMessage(f: Finding): string {
  const notes = Object.entries(f.targets)
    .filter(([, t]) => t.note)
    .map(([id, t]) => `${id}: ${t.note}`);
  return [f.message, ...notes].join('\n');
}

export function renderGithub(report: Report): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    if (f.suppressed) continue;
    const statuses = [...new Set(Object.values(f.targets).map((t) => t.status))].join('/');
    const props: [string, string | number | undefined][] = [
      ['file', repoPath(report.root, f.file)],
      ['line', f.line],
      ['col', f.column],
    ];
    if (f.endLine !== f.line) props.push(['endLine', f.endLine]);
    else props.push(['endColumn', f.endColumn]);
    props.push(['title', `ascendify: ${f.symbol} (${statuses})${f.ruleId ? ` [${f.ruleId}]` : ''}`]);
    lines.push(command(LEVEL[f.severity], props, findingMessage(f)));
  }
  for (const d of report.diagnostics ?? []) {
    lines.push(command(d.severity, [['file', repoPath(report.root, d.file)], ['line', d.line], ['title', `ascendify: ${d.code}`]], d.message));
  }
  if (report.baseline) {
    const { file, counts } = report.baseline;
    lines.push(command('notice', [['title', 'ascendify baseline']], `${file}: ${counts.new} new, ${counts.unchanged} unchanged, ${counts.fixed} fixed${counts.fixed ? ' (run with --update-baseline to drop the fixed entries)' : ''}`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
