/** Counts of findings by target, status and family: the summary every report starts from. */
import type { FileEntry, Finding, KernelEntry, Profile, Status, StatusCounts, Summary, TargetSummary } from '../model/index.js';
import { STATUSES } from '../model/index.js';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function summarize(files: FileEntry[], findings: Finding[], kernels: KernelEntry[], profiles: Profile[]): Summary {
  const byTarget: Summary['byTarget'] = {};
  for (const profile of profiles) {
    const t: TargetSummary = { profile: profile.id, byStatus: emptyCounts(), byFamily: {} };
    for (const f of findings) {
      const status: Status = f.targets[profile.vendor]?.status ?? 'unknown';
      t.byStatus[status]++;
      const fam = (t.byFamily[f.family] ??= emptyCounts());
      fam[status]++;
    }
    t.byFamily = Object.fromEntries(Object.entries(t.byFamily).sort(([a], [b]) => a.localeCompare(b)));
    byTarget[profile.vendor] = t;
  }
  const withFindings = new Set(findings.map((f) => f.file)).size;
  return {
    files: {
      scanned: files.filter((f) => f.status === 'scanned').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      withFindings,
    },
    lines: files.reduce((n, f) => n + f.lines, 0),
    findings: findings.length,
    kernels: kernels.filter((k) => k.qualifier === 'global').length,
    byTarget,
  };
}

/** Symbols by number of uses, most used first (ties by name). */
export function topSymbols(findings: Finding[], limit: number): { symbol: string; count: number; sample: Finding }[] {
  const counts = new Map<string, { count: number; sample: Finding }>();
  for (const f of findings) {
    const c = counts.get(f.symbol);
    if (c) c.count++;
    else counts.set(f.symbol, { count: 1, sample: f });
  }
  return [...counts.entries()]
    .map(([symbol, v]) => ({ symbol, ...v }))
    .sort((a, b) => b.count - a.count || a.symbol.localeCompare(b.symbol))
    .slice(0, limit);
}
