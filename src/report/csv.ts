/**
 * CSV of findings, one row per finding, for spreadsheets. Columns (stable, documented in docs/reports.md):
 *   file, line, column, family, symbol, ruleId, kind, then per target profile `<profile> status` and
 *   `<profile> replacement`, then snippet.
 * RFC 4180: CRLF line ends, fields quoted when needed; cells starting with = + - @ get a leading '.
 */
import type { Finding, Report } from '../model/index.js';
import { csvField } from './escape.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function csvHeader(report: Report): string[] {
  return [
    'file', 'line', 'column', 'family', 'symbol', 'ruleId', 'kind',
    ...report.targets.flatMap((t) => [`${t.profile} status`, `${t.profile} replacement`]),
    'snippet',
  ];
}

export function renderCsv(report: Report): string {
  const rows: (string | number)[][] = [csvHeader(report)];
  const findings = [...report.findings].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.symbol, b.symbol),
  );
  for (const f of findings) {
    rows.push([
      f.file, f.line, f.column, f.family, f.symbol, f.ruleId ?? '', f.kind,
      ...report.targets.flatMap((t) => {
        const a = f.targets[t.vendor as keyof Finding['targets']];
        return [a?.status ?? 'unknown', a && a.status !== 'none' ? (a.replacement ?? []).join(' + ') : ''];
      }),
      f.snippet,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
