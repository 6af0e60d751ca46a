/** Counts of findings by target, status and family: the summary every report starts from. */
import type { FileEntry, Finding, KernelCounts, KernelEntry, ReportTarget, StatusCounts, Summary, TargetSummary } from '../model/index.js';
import { STATUSES } from '../model/index.js';
import { byCodePoint } from '../util/order.js';

export function emptyCounts(): StatusCounts {
  return { unknown: 0, none: 0, rewrite: 0, partial: 0, direct: 0 };
}

/** All uses counted in a set of status counts. */
export function totalOf(counts: StatusCounts): number {
  return STATUSES.reduce((n, s) => n + counts[s], 0);
}

/**
 * The summary of a report; `findings` are the ones that count (the caller leaves suppressed ones out).
 * `kernelCounts` are the effort model's counts (score/kernels.ts), so the header and the estimate agree;
 * without them, every __global__ function counts.
 */
export function summarize(
  files: readonly FileEntry[], findings: readonly Finding[], kernels: readonly KernelEntry[], targets: readonly ReportTarget[], kernelCounts?: KernelCounts,
): Summary {
  const byTarget: Summary['byTarget'] = {};
  for (const target of targets) {
    const t: TargetSummary = { byStatus: emptyCounts(), byFamily: {} };
    for (const f of findings) {
      const status = f.targets[target.id]?.status ?? 'unknown';
      t.byStatus[status]++;
      (t.byFamily[f.family] ??= emptyCounts())[status]++;
    }
    t.byFamily = Object.fromEntries(Object.entries(t.byFamily).sort(([a], [b]) => byCodePoint(a, b)));
    byTarget[target.id] = t;
  }
  const withFindings = new Set(findings.map((f) => f.file)).size;
  const summary: Summary = {
    files: {
      scanned: files.filter((f) => f.status === 'scanned').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      withFindings,
    },
    lines: files.reduce((n, f) => n + f.lines, 0),
    findings: findings.length,
    kernels: kernelCounts ? kernelCounts.entry : kernels.filter((k) => k.qualifier === 'global').length,
    byTarget,
  };
  if (kernelCounts) summary.kernelCounts = kernelCounts;
  return summary;
}

/** Symbols by number of uses, most used first (ties by name). */
export function topSymbols(findings: readonly Finding[], limit: number): { symbol: string; count: number; sample: Finding }[] {
  const counts = new Map<string, { count: number; sample: Finding }>();
  for (const f of findings) {
    const c = counts.get(f.symbol);
    if (c) c.count++;
    else counts.set(f.symbol, { count: 1, sample: f });
  }
  return [...counts.entries()]
    .map(([symbol, v]) => ({ symbol, ...v }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.symbol, b.symbol))
    .slice(0, limit);
}
