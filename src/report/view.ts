/**
 * What the HTML and Markdown reports show, derived once from a Report: per-target status totals,
 * components (top-level folders) with their files, blockers, most used APIs, and the effort
 * estimate when the report carries one.
 *
 * The effort model (src/score/effort.ts) adds the optional `effort` and `incompatibilities` sections;
 * they are read here, and only here (`readEffort`, `readIncompatibilities`), so the reports render
 * the same with or without them. Components are folders at the effort model's group depth (1 when
 * there is no estimate); files at the root form the component ".".
 */
import type { Finding, Report, ReportTarget, Status, StatusCounts, TargetAnswer, TargetId } from '../model/index.js';
import { isBlocker, STATUSES } from '../model/index.js';
import { componentOf } from '../util/component.js';
import { byCodePoint } from '../util/order.js';
import { emptyCounts, topSymbols, totalOf } from '../score/summary.js';

/** Relative link from a report at the project root to the rule's table entry. */
export function ruleDocLink(family: string, ruleId: string): string {
  return `docs/rules/${encodeURIComponent(family)}.md#${encodeURIComponent(ruleId)}`;
}

/** A finding blocks when some target has no equivalent or needs a rewrite. */
export const blocks = (f: Finding): boolean => Object.values(f.targets).some((t) => isBlocker(t.status));

export const total = totalOf;

/** The answer of one target to a finding (a target the finding was not answered for reads as unknown). */
export function answerOf(f: Finding, target: TargetId): TargetAnswer {
  return f.targets[target] ?? UNKNOWN;
}

const UNKNOWN: TargetAnswer = { status: 'unknown' };

/** The status of one target's answer to a finding. */
export function statusOf(f: Finding, target: TargetId): Status {
  return f.targets[target]?.status ?? 'unknown';
}


export interface FileView {
  path: string;
  lines: number;
  findings: Finding[];
  /** Status counts per target id. */
  byTarget: Record<TargetId, StatusCounts>;
}

export interface ComponentView {
  name: string;
  files: FileView[];
  lines: number;
  findings: number;
  byTarget: Record<TargetId, StatusCounts>;
  /** Estimated effort per target id, when the report has an effort model with components. */
  effort?: Record<TargetId, number>;
}

export interface TargetView extends ReportTarget {
  byStatus: StatusCounts;
  byFamily: Record<string, StatusCounts>;
  estimate?: EstimateView;
}

export interface EstimateView {
  unit: string;
  expected: number;
  low?: number;
  high?: number;
  /** Portability score, 0 to 100 (higher ports more easily). */
  score?: number;
  /** Likely hours. */
  hours?: number;
}

export interface IncompatibilityView {
  title: string;
  /** What to do. */
  detail?: string;
  count?: number;
  /** Risk: high, medium or low. */
  severity?: string;
  target?: TargetId;
  symbols?: string[];
  /** Likely hours of the estimate this blocker accounts for. */
  hours?: number;
  /** First location, file:line. */
  location?: string;
}

export interface ReportView {
  targets: TargetView[];
  components: ComponentView[];
  /** Effort unit when components carry effort. */
  effortUnit?: string;
  topApis: { symbol: string; count: number; sample: Finding }[];
  blockers: { symbol: string; count: number; sample: Finding }[];
  blockerSymbols: number;
  incompatibilities: IncompatibilityView[];
}

export function buildView(report: Report, top = 10): ReportView {
  const effort = readEffort(report);
  const depth = report.effort?.groupDepth ?? 1;
  const targets: TargetView[] = report.targets.map((t) => {
    const ts = report.summary.byTarget[t.id];
    const view: TargetView = {
      ...t,
      byStatus: ts?.byStatus ?? emptyCounts(),
      byFamily: ts?.byFamily ?? {},
    };
    const est = effort?.targets.find((e) => e.target === t.id);
    if (est) view.estimate = est.estimate;
    return view;
  });

  const lines = new Map(report.files.map((f) => [f.path, f.lines]));
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const comps = new Map<string, ComponentView>();
  const comp = (name: string): ComponentView => {
    let c = comps.get(name);
    if (!c) {
      c = { name, files: [], lines: 0, findings: 0, byTarget: Object.fromEntries(targets.map((t) => [t.id, emptyCounts()])) };
      comps.set(name, c);
    }
    return c;
  };
  const paths = new Set([...report.files.filter((f) => f.status === 'scanned').map((f) => f.path), ...byFile.keys()]);
  for (const path of [...paths].sort(byCodePoint)) {
    const findings = (byFile.get(path) ?? []).slice().sort((a, b) => a.line - b.line || a.column - b.column);
    const c = comp(componentOf(path, depth));
    const fv: FileView = { path, lines: lines.get(path) ?? 0, findings, byTarget: {} };
    for (const t of targets) {
      const counts = emptyCounts();
      for (const f of findings) counts[statusOf(f, t.id)]++;
      fv.byTarget[t.id] = counts;
      const cc = c.byTarget[t.id]!;
      for (const s of STATUSES) cc[s] += counts[s];
    }
    c.files.push(fv);
    c.lines += fv.lines;
    c.findings += findings.length;
  }
  for (const ce of effort?.components ?? []) {
    const c = comp(ce.name);
    c.effort = ce.values;
  }
  const components = [...comps.values()].sort(
    (a, b) => effortSum(b) - effortSum(a) || b.findings - a.findings || byCodePoint(a.name, b.name),
  );
  const blockerFindings = report.findings.filter(blocks);
  return {
    targets,
    components,
    effortUnit: effort?.components.length ? effort.unit : undefined,
    topApis: topSymbols(report.findings, top),
    blockers: topSymbols(blockerFindings, top),
    blockerSymbols: new Set(blockerFindings.map((f) => f.symbol)).size,
    incompatibilities: readIncompatibilities(report),
  };
}

const effortSum = (c: ComponentView): number => Object.values(c.effort ?? {}).reduce((n, v) => n + v, 0);

// ---------------------------------------------------------------------------------------------
// The optional effort sections (src/score/effort.ts, docs/effort-model.md).
// ---------------------------------------------------------------------------------------------

export interface EffortRead {
  unit: string;
  targets: { target: TargetId; estimate: EstimateView }[];
  components: { name: string; values: Record<string, number> }[];
}

/** The effort section as the reports show it: person-days (low/likely/high), portability, days per component. */
export function readEffort(report: Report): EffortRead | undefined {
  const effort = report.effort;
  if (!effort?.targets.length) return undefined;
  const components = new Map<string, Record<string, number>>();
  for (const t of effort.targets) {
    for (const c of t.byComponent) {
      const rec = components.get(c.key) ?? {};
      rec[t.target] = c.days.likely;
      components.set(c.key, rec);
    }
  }
  return {
    unit: 'person-days',
    targets: effort.targets.map((t) => ({
      target: t.target,
      estimate: { unit: 'person-days', low: t.days.low, expected: t.days.likely, high: t.days.high, score: t.portability, hours: t.total.likely },
    })),
    components: [...components].map(([name, values]) => ({ name, values })),
  };
}

/** The incompatibility list, flattened: one entry per blocker per target, most hours first within a target. */
export function readIncompatibilities(report: Report): IncompatibilityView[] {
  return (report.incompatibilities ?? []).flatMap((t) =>
    t.items.map((i) => ({
      title: i.title,
      detail: i.advice,
      count: i.count,
      severity: i.risk,
      target: t.target,
      symbols: i.symbols,
      hours: i.hours.likely,
      location: i.locations[0] ? `${i.locations[0].file}:${i.locations[0].line}` : undefined,
    })),
  );
}

/** "12.5" / "3" — numbers as a person reads them. */
export function fmtNum(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 1 : 0 });
}

export function fmtEstimate(e: EstimateView): string {
  const range = e.low !== undefined && e.high !== undefined ? `${fmtNum(e.low)}–${fmtNum(e.high)} ${e.unit}` : `${fmtNum(e.expected)} ${e.unit}`;
  return range;
}

// ---------------------------------------------------------------------------------------------
// Where the work is: a per-folder table whose depth adapts (text and Markdown reports).
// ---------------------------------------------------------------------------------------------

/**
 * The folder depth at which the work spreads out: start at the first folder under the root and go one level
 * deeper while a single folder holds every path (a repository whose code sits under `src/` alone).
 */
export function adaptiveDepth(paths: readonly string[], max = 8): number {
  let depth = 1;
  while (depth < max) {
    const here = new Set(paths.map((p) => componentOf(p, depth)));
    if (here.size !== 1 || here.has('.')) break;
    const next = new Set(paths.map((p) => componentOf(p, depth + 1)));
    if (next.size === 1 && [...next][0] === [...here][0]) break;
    depth++;
  }
  return depth;
}

export interface FolderRow {
  folder: string;
  /** Files with listed findings. */
  files: number;
  /** Listed CUDA uses (suppressed ones left out). */
  uses: number;
  /** Per target id: listed uses that block, and the likely person-days of the folder's files (whole scan). */
  byTarget: Record<TargetId, { blockers: number; days?: number }>;
}

export interface FolderTable {
  depth: number;
  /** The depth was chosen by the data, not --group-depth. */
  adaptive: boolean;
  rows: FolderRow[];
}

/** Uses, blockers and effort per folder at `depth` (or the adaptive depth), most effort first. */
export function folderTable(report: Report, depth?: number): FolderTable {
  const counted = report.findings.filter((f) => !f.suppressed);
  const d = depth ?? adaptiveDepth(counted.map((f) => f.file));
  const rows = new Map<string, FolderRow & { fileSet: Set<string> }>();
  const row = (folder: string): FolderRow & { fileSet: Set<string> } => {
    let r = rows.get(folder);
    if (!r) {
      r = { folder, files: 0, uses: 0, byTarget: Object.fromEntries(report.targets.map((t) => [t.id, { blockers: 0 }])), fileSet: new Set() };
      rows.set(folder, r);
    }
    return r;
  };
  for (const f of counted) {
    const r = row(componentOf(f.file, d));
    r.uses++;
    r.fileSet.add(f.file);
    for (const t of report.targets) if (isBlocker(statusOf(f, t.id))) r.byTarget[t.id]!.blockers++;
  }
  for (const t of report.effort?.targets ?? []) {
    for (const fr of t.byFile) {
      const r = rows.get(componentOf(fr.key, d));
      if (!r) continue; // a folder with no listed use
      const cell = r.byTarget[t.target];
      if (cell) cell.days = (cell.days ?? 0) + fr.days.likely;
    }
  }
  const days = (r: FolderRow): number => Object.values(r.byTarget).reduce((n, c) => n + (c.days ?? 0), 0);
  const list = [...rows.values()].map(({ fileSet, ...r }) => ({ ...r, files: fileSet.size }));
  list.sort((a, b) => days(b) - days(a) || b.uses - a.uses || byCodePoint(a.folder, b.folder));
  return { depth: d, adaptive: depth === undefined, rows: list };
}
