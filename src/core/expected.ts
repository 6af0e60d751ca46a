/**
 * Expected results: the parts of a report that say what a scan found and answered, in a compact, stable form that
 * a test compares whole (test/samples/expected/*.json), so one extra, missing or changed finding fails it.
 * Catalog prose (notes, sources, messages) is left out: rewording a note is not a change in results.
 */
import type { Report } from '../model/index.js';
import { replacementOf } from '../model/index.js';

export interface ExpectedFinding {
  /** file:line:column */
  at: string;
  symbol: string;
  ruleId: string | null;
  kind: string;
  family: string;
  severity: string;
  /** Per target id: the status, then the replacement names when there are any. */
  answers: Record<string, string>;
  device?: true;
  conditional?: string;
  macro?: string;
  suppressed?: string;
}

export interface ExpectedResults {
  targets: string[];
  summary: Report['summary'];
  files: { path: string; status: string; lines: number; reason?: string; targetCode?: NonNullable<Report['files'][number]['targetCode']> }[];
  findings: ExpectedFinding[];
  kernels: Report['kernels'];
  progress?: NonNullable<Report['progress']>['byTarget'];
  effort?: { target: string; days: { low: number; likely: number; high: number }; portability: number; kernels: { rewrite: number; adapt: number } }[];
}

export function expectedResults(report: Report): ExpectedResults {
  const out: ExpectedResults = {
    targets: report.targets.map((t) => t.id),
    summary: report.summary,
    files: report.files.map((f) => ({
      path: f.path, status: f.status, lines: f.lines, ...(f.reason ? { reason: f.reason } : {}), ...(f.targetCode ? { targetCode: f.targetCode } : {}),
    })),
    findings: report.findings.map((f) => {
      const e: ExpectedFinding = {
        at: `${f.file}:${f.line}:${f.column}`,
        symbol: f.symbol,
        ruleId: f.ruleId,
        kind: f.kind,
        family: f.family,
        severity: f.severity,
        answers: Object.fromEntries(Object.entries(f.targets).map(([id, a]) => [id, [a.status, ...replacementOf(a)].join(' ')])),
      };
      if (f.device) e.device = true;
      if (f.conditional) e.conditional = f.conditional;
      if (f.macro) e.macro = f.macro;
      if (f.suppressed) e.suppressed = f.suppressed.kind;
      return e;
    }),
    kernels: report.kernels,
  };
  if (report.progress) out.progress = report.progress.byTarget;
  if (report.effort) {
    out.effort = report.effort.targets.map((t) => ({ target: t.target, days: t.days, portability: t.portability, kernels: t.kernels }));
  }
  return out;
}

/** Expected results as text: one line per file, finding and kernel, so a change reads as a one-line diff. */
export function formatExpected(results: ExpectedResults): string {
  const parts = Object.entries(results).map(([key, value]) => {
    const body = Array.isArray(value) && value.length && typeof value[0] === 'object'
      ? `[\n${value.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
