/**
 * Report filters (--status, --blockers, --family, --path, --min-confidence): the same for every format, because
 * they make a filtered Report that every renderer reads. They change what is listed (findings; kernels, for
 * --path; blockers of the estimate that no listed finding names), never the totals that describe the whole
 * scan (summary, effort, progress), and the report records what was filtered (`filter`). Pure.
 *
 * Answer criteria (status, blockers, confidence) must hold together on one selected profile: `--blockers
 * --min-confidence likely` lists findings that some profile answers with a blocker it is at least fairly sure of.
 */
import picomatch from 'picomatch';
import type { FilterSection, Finding, Report, Status, TargetAnswer } from '../model/index.js';
import { isBlocker } from '../model/index.js';
import { atLeast, type Confidence } from './confidence.js';

export interface ReportFilter {
  status?: Status[];
  blockers?: boolean;
  family?: string[];
  /** Globs on paths relative to the scan root. */
  path?: string[];
  minConfidence?: Confidence;
}

/** Is anything asked for? */
export function isFiltering(f: ReportFilter | undefined): f is ReportFilter {
  return Boolean(f && (f.status?.length || f.blockers || f.family?.length || f.path?.length || f.minConfidence));
}

/** A predicate over findings for these criteria. */
export function findingMatcher(filter: ReportFilter): (f: Finding) => boolean {
  const families = filter.family?.length ? new Set(filter.family.map((x) => x.toLowerCase())) : undefined;
  const onPath = filter.path?.length ? picomatch(filter.path, { dot: true }) : undefined;
  const statuses = filter.status?.length ? new Set(filter.status) : undefined;
  const answerOk = (a: TargetAnswer): boolean =>
    (!statuses || statuses.has(a.status)) && (!filter.blockers || isBlocker(a.status)) && (!filter.minConfidence || atLeast(a, filter.minConfidence));
  const answerCriteria = Boolean(statuses || filter.blockers || filter.minConfidence);
  return (f) => {
    if (families && !families.has(f.family.toLowerCase())) return false;
    if (onPath && !onPath(f.file)) return false;
    if (!answerCriteria) return true;
    const answers = Object.values(f.targets);
    // A finding answered for no target reads as unknown everywhere.
    return (answers.length ? answers : [{ status: 'unknown' as const }]).some(answerOk);
  };
}

/** The criteria as the report records them (no empty fields). */
function criteriaOf(filter: ReportFilter): FilterSection['criteria'] {
  const c: FilterSection['criteria'] = {};
  if (filter.status?.length) c.status = [...filter.status];
  if (filter.blockers) c.blockers = true;
  if (filter.family?.length) c.family = [...filter.family];
  if (filter.path?.length) c.path = [...filter.path];
  if (filter.minConfidence) c.minConfidence = filter.minConfidence;
  return c;
}

/** The criteria as the command-line options that ask for them: `--status none,rewrite --path 'src/**'`. */
export function filterText(criteria: FilterSection['criteria']): string {
  const parts: string[] = [];
  if (criteria.status?.length) parts.push(`--status ${criteria.status.join(',')}`);
  if (criteria.blockers) parts.push('--blockers');
  if (criteria.family?.length) parts.push(`--family ${criteria.family.join(',')}`);
  if (criteria.path?.length) parts.push(criteria.path.map((p) => `--path '${p}'`).join(' '));
  if (criteria.minConfidence) parts.push(`--min-confidence ${criteria.minConfidence}`);
  return parts.join(' ');
}

/** The report with only the matching findings listed; the same report when nothing is asked. */
export function filterReport(report: Report, filter: ReportFilter | undefined): Report {
  if (!isFiltering(filter)) return report;
  const keep = findingMatcher(filter);
  const findings = report.findings.filter(keep);
  const out: Report = {
    ...report,
    findings,
    filter: { criteria: criteriaOf(filter), listed: findings.length, total: report.findings.length },
  };
  if (filter.path?.length) {
    const onPath = picomatch(filter.path, { dot: true });
    out.kernels = report.kernels.filter((k) => onPath(k.file));
  }
  if (report.incompatibilities) {
    // A blocker of the estimate stays listed while a listed finding names one of its APIs.
    const listed = new Set(findings.filter((f) => !f.suppressed).map((f) => f.symbol));
    out.incompatibilities = report.incompatibilities.map((t) => ({
      ...t,
      items: t.items.filter((i) => i.symbols.some((s) => listed.has(s))),
    }));
  }
  return out;
}
