/**
 * CSV of findings, one row per finding, for spreadsheets. Columns (stable, documented in docs/reports.md):
 *   file, line, column, family, symbol, ruleId, kind, then per target profile `<profile> status`,
 *   `<profile> replacement` and `<profile> confidence`, then snippet.
 * RFC 4180: CRLF line ends, fields quoted when needed; cells starting with = + - @ get a leading '.
 */
import type { Report } from '../model/index.js';
import { replacementOf } from '../model/index.js';
import { byCodePoint as cmp } from '../util/order.js';
import { confidenceOf } from './confidence.js';
import { csvField } from './escape.js';

export function csvHeader(report: Report): string[] {
  return [
    'file', 'line', 'column', 'family', 'symbol', 'ruleId', 'kind',
    ...report.targets.flatMap((t) => [`${t.id} status`, `${t.id} replacement`, `${t.id} confidence`]),
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
        const a = f.targets[t.id];
        return [a?.status ?? 'unknown', replacementOf(a).join(' + '), confidenceOf(a) ?? ''];
      }),
      f.snippet,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
