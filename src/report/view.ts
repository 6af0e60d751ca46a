/**
 * What the HTML and Markdown reports show, derived once from a Report: per-target status totals,
 * components (top-level folders) with their files, blockers, most used APIs, and the effort
 * estimate when the report carries one.
 *
 * The effort model (src/score/effort*.ts) adds optional `effort` and `incompatibilities` sections to
 * the Report. They are read here, and only here, through `readEffort`/`readIncompatibilities`, which
 * accept the shapes listed in docs/reports.md and return undefined for anything else, so the reports
 * render the same with or without them.
 */
import type { Finding, Report, Status, StatusCounts } from '../model/index.js';
import { STATUSES } from '../model/index.js';
import { emptyCounts, topSymbols } from '../score/summary.js';

/** Display order, best first. */
export const STATUS_ORDER: Status[] = ['direct', 'partial', 'rewrite', 'none', 'unknown'];

export const STATUS_LABEL: Record<Status, string> = {
  direct: 'direct',
  partial: 'partial',
  rewrite: 'rewrite',
  none: 'no equivalent',
  unknown: 'unknown',
};

/** Relative link from a report at the project root to the rule's table entry. */
export function ruleDocLink(family: string, ruleId: string): string {
  return `docs/rules/${encodeURIComponent(family)}.md#${encodeURIComponent(ruleId)}`;
}

export const isBlocker = (s: Status): boolean => s === 'none' || s === 'rewrite';

/** A finding blocks when some target has no equivalent or needs a rewrite. */
export const blocks = (f: Finding): boolean => Object.values(f.targets).some((t) => isBlocker(t.status));

export const total = (c: StatusCounts): number => STATUSES.reduce((n, s) => n + c[s], 0);

/** The top-level folder a path belongs to; files at the root go to "(root)". */
export function componentOf(path: string): string {
  const i = path.indexOf('/');
  return i < 0 ? '(root)' : path.slice(0, i);
}

export interface FileView {
  path: string;
  lines: number;
  findings: Finding[];
  /** Status counts per target profile. */
  byProfile: Record<string, StatusCounts>;
}

export interface ComponentView {
  name: string;
  files: FileView[];
  lines: number;
  findings: number;
  byProfile: Record<string, StatusCounts>;
  /** Estimated effort per target profile, when the report has an effort model with components. */
  effort?: Record<string, number>;
}

export interface TargetView {
  vendor: string;
  profile: string;
  product: string;
  sdk: string;
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
}

export interface IncompatibilityView {
  title: string;
  detail?: string;
  count?: number;
  severity?: string;
  profile?: string;
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

function statusFor(f: Finding, vendor: string): Status {
  return f.targets[vendor as keyof Finding['targets']]?.status ?? 'unknown';
}

export function buildView(report: Report, top = 10): ReportView {
  const effort = readEffort(report);
  const targets: TargetView[] = report.targets.map((t) => {
    const ts = report.summary.byTarget[t.vendor];
    const view: TargetView = {
      vendor: t.vendor,
      profile: t.profile,
      product: t.product,
      sdk: t.sdk,
      byStatus: ts?.byStatus ?? emptyCounts(),
      byFamily: ts?.byFamily ?? {},
    };
    const est = effort?.targets.find((e) => e.profile === t.profile || e.profile === t.vendor);
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
      c = { name, files: [], lines: 0, findings: 0, byProfile: Object.fromEntries(targets.map((t) => [t.profile, emptyCounts()])) };
      comps.set(name, c);
    }
    return c;
  };
  const paths = new Set([...report.files.filter((f) => f.status === 'scanned').map((f) => f.path), ...byFile.keys()]);
  for (const path of [...paths].sort()) {
    const findings = (byFile.get(path) ?? []).slice().sort((a, b) => a.line - b.line || a.column - b.column);
    const c = comp(componentOf(path));
    const fv: FileView = { path, lines: lines.get(path) ?? 0, findings, byProfile: {} };
    for (const t of targets) {
      const counts = emptyCounts();
      for (const f of findings) counts[statusFor(f, t.vendor)]++;
      fv.byProfile[t.profile] = counts;
      const cc = c.byProfile[t.profile]!;
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
    (a, b) => effortSum(b) - effortSum(a) || b.findings - a.findings || a.name.localeCompare(b.name),
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
// Reading the optional effort sections. alt: importing the effort types from src/model/report.ts
// would couple the renderers to a model still being designed; reading defensively keeps the
// reports working whatever shape lands, and a shape we do not recognise is simply not shown.
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function pickNum(o: Obj, keys: string[]): number | undefined {
  for (const k of keys) if (isNum(o[k])) return o[k];
  return undefined;
}

const EXPECTED = ['expected', 'estimate', 'mid', 'likely', 'mostLikely', 'median', 'p50', 'total', 'value', 'personDays', 'days', 'hours'];
const LOW = ['low', 'min', 'optimistic', 'p10', 'lower'];
const HIGH = ['high', 'max', 'pessimistic', 'p90', 'upper'];
const SCORE = ['portabilityScore', 'portability', 'score'];
const UNIT_KEYS: [string, string][] = [['personDays', 'person-days'], ['days', 'person-days'], ['hours', 'hours'], ['personHours', 'hours'], ['weeks', 'person-weeks']];

/** An estimate from an object such as {low, expected, high, unit} or {personDays: {low, expected, high}, portability}. */
function readEstimate(o: Obj, unitHint?: string): EstimateView | undefined {
  let unit = str(o.unit) ?? unitHint;
  let src: Obj = o;
  for (const key of ['effort', 'estimate', 'range', ...UNIT_KEYS.map(([k]) => k)]) {
    if (isObj(o[key])) {
      src = o[key];
      unit = str(src.unit) ?? unit ?? UNIT_KEYS.find(([k]) => k === key)?.[1];
      break;
    }
  }
  if (!unit) unit = UNIT_KEYS.find(([k]) => isNum(src[k]))?.[1];
  let low = pickNum(src, LOW);
  let high = pickNum(src, HIGH);
  const range = src.range ?? o.range;
  if (Array.isArray(range) && range.length === 2 && isNum(range[0]) && isNum(range[1])) [low, high] = [range[0], range[1]];
  let expected = pickNum(src, EXPECTED);
  if (expected === undefined && low !== undefined && high !== undefined) expected = (low + high) / 2;
  if (expected === undefined) return undefined;
  let score = pickNum(o, SCORE) ?? pickNum(src, SCORE);
  if (score === undefined) {
    const p = o.portability;
    if (isObj(p)) score = pickNum(p, ['score', 'value']);
  }
  if (score !== undefined && score > 0 && score <= 1) score *= 100;
  const est: EstimateView = { unit: unit ?? 'person-days', expected };
  if (low !== undefined) est.low = low;
  if (high !== undefined) est.high = high;
  if (score !== undefined) est.score = Math.max(0, Math.min(100, score));
  return est;
}

/** Entries of an array of objects (named by a key) or of a record keyed by name. */
function entries(v: unknown, nameKeys: string[]): [string, unknown][] {
  if (Array.isArray(v)) {
    return v.flatMap((e): [string, unknown][] => {
      if (!isObj(e)) return [];
      const name = nameKeys.map((k) => str(e[k])).find(Boolean);
      return name ? [[name, e]] : [];
    });
  }
  return isObj(v) ? Object.entries(v) : [];
}

export interface EffortRead {
  unit: string;
  targets: { profile: string; estimate: EstimateView }[];
  components: { name: string; values: Record<string, number> }[];
}

/** The effort section, normalised; undefined when absent or in a shape not recognised. */
export function readEffort(report: Report): EffortRead | undefined {
  const raw = (report as unknown as Obj).effort;
  if (!isObj(raw) && !Array.isArray(raw)) return undefined;
  const root: Obj = isObj(raw) ? raw : { targets: raw };
  const unitHint = str(root.unit);
  const perTarget = root.byTarget ?? root.targets ?? root.byProfile ?? root.profiles ?? (Array.isArray(raw) ? raw : undefined);
  const targets: EffortRead['targets'] = [];
  const components = new Map<string, Record<string, number>>();
  for (const [key, value] of entries(perTarget, ['profile', 'vendor', 'target', 'id'])) {
    if (!isObj(value)) continue;
    const profile = str(value.profile) ?? key;
    const estimate = readEstimate(value, unitHint);
    if (!estimate) continue;
    targets.push({ profile, estimate });
    const comps = value.byComponent ?? value.components;
    for (const [name, c] of entries(comps, ['component', 'name', 'path', 'folder', 'id'])) {
      const n = isNum(c) ? c : isObj(c) ? readEstimate(c, estimate.unit)?.expected : undefined;
      if (n === undefined) continue;
      const rec = components.get(name) ?? {};
      rec[profile] = n;
      components.set(name, rec);
    }
  }
  if (!targets.length) return undefined;
  return {
    unit: targets[0]!.estimate.unit,
    targets,
    components: [...components].map(([name, values]) => ({ name, values })),
  };
}

/** The incompatibilities section as a flat list; empty when absent or unrecognised. */
export function readIncompatibilities(report: Report): IncompatibilityView[] {
  const raw = (report as unknown as Obj).incompatibilities;
  const list = Array.isArray(raw) ? raw : isObj(raw) ? (Array.isArray(raw.items) ? raw.items : Object.values(raw).flat()) : [];
  const out: IncompatibilityView[] = [];
  for (const e of list) {
    if (typeof e === 'string') {
      out.push({ title: e });
      continue;
    }
    if (!isObj(e)) continue;
    const title = str(e.title) ?? str(e.name) ?? str(e.symbol) ?? str(e.feature) ?? str(e.id) ?? str(e.kind);
    if (!title) continue;
    const item: IncompatibilityView = { title };
    const detail = str(e.detail) ?? str(e.description) ?? str(e.message) ?? str(e.reason) ?? str(e.note);
    if (detail) item.detail = detail;
    const count = pickNum(e, ['count', 'uses', 'occurrences', 'findings']) ?? (Array.isArray(e.findings) ? e.findings.length : Array.isArray(e.locations) ? e.locations.length : undefined);
    if (count !== undefined) item.count = count;
    const severity = str(e.severity) ?? str(e.level) ?? str(e.status);
    if (severity) item.severity = severity;
    const profile = str(e.profile) ?? str(e.target) ?? str(e.vendor);
    if (profile) item.profile = profile;
    out.push(item);
  }
  return out;
}

/** "12.5" / "3" — numbers as a person reads them. */
export function fmtNum(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 1 : 0 });
}

export function fmtEstimate(e: EstimateView): string {
  const range = e.low !== undefined && e.high !== undefined ? `${fmtNum(e.low)}–${fmtNum(e.high)} ${e.unit}` : `${fmtNum(e.expected)} ${e.unit}`;
  return range;
}
