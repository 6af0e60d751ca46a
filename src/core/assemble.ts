/**
 * One report assembly, for every way a report is made (a scan, a merge of shards): the CI step on the
 * matched findings, then the summary, migration progress, the effort estimate and the blockers, each
 * once and in that order, so that what the summary leaves out (suppressed uses) no other section counts.
 */
import { applyCi, type CiInput } from '../ci/apply.js';
import { fingerprints } from '../ci/fingerprint.js';
import { computeProgress } from '../match/progress.js';
import type {
  BaselineSection, Diagnostic, EffortWeights, FileEntry, Finding, KernelEntry, Report, ReportTarget,
} from '../model/index.js';
import type { OperatorPatternsFile } from '../model/generated/operators.js';
import { estimateEffort } from '../score/effort.js';
import { kernelAnalysis } from '../score/kernels.js';
import { withOperatorCandidates } from '../score/operators.js';
import { summarize } from '../score/summary.js';
import { byCodePoint } from '../util/order.js';

/** How the effort estimate is made: the weights (defaults merged with the config file), where they came from. */
export interface EffortSetup {
  weights: EffortWeights;
  sources: string[];
  /** Kernel -> vendor operator patterns; a merge leaves them out (its kernels carry their candidates). */
  operators?: OperatorPatternsFile;
}

/** What a report is assembled from: matched findings (sorted), the files with their target code, kernels. */
export interface ReportParts {
  tool: Report['tool'];
  root: string;
  targets: ReportTarget[];
  files: FileEntry[];
  findings: Finding[];
  kernels: KernelEntry[];
  /** Sections a merge carries over from its shards (a scan makes them in the CI step). */
  baseline?: BaselineSection;
  diagnostics?: Diagnostic[];
}

export interface AssembleOptions {
  /** Folder depth of a component in progress and effort rollups (1 = the first folder under the root). */
  groupDepth: number;
  effort: EffortSetup;
  /** The CI step (suppressions, baseline, changed lines); a merge leaves it out, its shards already took it. */
  ci?: CiInput;
}

export interface Assembled {
  report: Report;
  /** Fingerprints of the report's findings, same order (baselines are written from them); computed when first read. */
  readonly fingerprints: string[];
}

const byFile = (a: { file: string; line: number; code: string }, b: { file: string; line: number; code: string }): number =>
  byCodePoint(a.file, b.file) || a.line - b.line || byCodePoint(a.code, b.code);

export function assembleReport(parts: ReportParts, options: AssembleOptions): Assembled {
  const files = [...parts.files].sort((a, b) => byCodePoint(a.path, b.path));
  let findings = parts.findings;
  let diagnostics = parts.diagnostics ?? [];
  let baseline = parts.baseline;
  const ci = options.ci ? applyCi(findings, files, options.ci) : undefined;
  if (ci) {
    findings = ci.findings;
    diagnostics = [...diagnostics, ...ci.diagnostics];
    baseline = ci.baseline ?? baseline;
  }
  diagnostics = [...diagnostics].sort(byFile);
  const counted = findings.filter((f) => !f.suppressed);
  const kernels = options.effort.operators ? withOperatorCandidates(parts.kernels, options.effort.operators) : parts.kernels;
  const report: Report = {
    schemaVersion: 2,
    tool: parts.tool,
    root: parts.root,
    targets: parts.targets,
    files,
    findings,
    kernels,
    summary: summarize(files, counted, kernels, parts.targets, kernelAnalysis(kernels, options.effort.weights.kernels).counts),
  };
  if (baseline) report.baseline = baseline;
  if (diagnostics.length) report.diagnostics = diagnostics;
  const progress = computeProgress(files, counted, parts.targets, options.groupDepth);
  if (progress) report.progress = progress;
  const { effort, incompatibilities } = estimateEffort(
    { findings: counted, kernels, files }, parts.targets, options.effort.weights, options.groupDepth, options.effort.sources,
  );
  report.effort = effort;
  report.incompatibilities = incompatibilities;
  return { report, get fingerprints() { return ci ? ci.fingerprints : fingerprints(report.findings); } };
}
