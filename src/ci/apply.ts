/**
 * The post-match CI step, pure: suppressions -> baseline comparison -> changed-lines filter.
 * The report's `findings` become the ones that matter for CI (new ones when a baseline is given),
 * suppressed findings stay in, marked, and the summary counts only the findings that are not suppressed.
 */
import type { Baseline } from './baseline.js';
import type { BaselineSection, FileFacts, Profile, Report, Suppression } from '../model/index.js';
import { summarize } from '../score/summary.js';
import { diffBaseline } from './baseline.js';
import { onChangedLine, type ChangedLines } from './diff.js';
import { fingerprints } from './fingerprint.js';
import { applySuppressions, type IgnoreRules } from './suppress.js';

export interface CiInput {
  profiles: Profile[];
  /** Config `ignore` section. */
  ignore?: IgnoreRules;
  /** Baseline to compare with, and the name to show for it. */
  baseline?: { file: string; data: Baseline };
  /** --new-lines-only: changed lines per file; findings elsewhere are dropped. */
  changedLines?: ReadonlyMap<string, ChangedLines>;
}

/** Inline suppressions by file, from the parse stage's facts. */
export function suppressionsByFile(facts: readonly FileFacts[]): Map<string, Suppression[]> {
  const out = new Map<string, Suppression[]>();
  for (const f of facts) if (f.suppressions?.length) out.set(f.path, f.suppressions);
  return out;
}

export interface CiResult {
  report: Report;
  /** Fingerprints of the findings in `report.findings`, same order (for writing baselines). */
  fingerprints: string[];
}

export function applyCi(report: Report, facts: readonly FileFacts[], input: CiInput): CiResult {
  const { findings: marked, diagnostics } = applySuppressions(report.findings, suppressionsByFile(facts), input.ignore);
  // Fingerprints are for baselines: computed here only when one is compared, else on demand.
  const fps = input.baseline ? fingerprints(marked) : undefined;
  let keep = marked.map(() => true);
  let section: BaselineSection | undefined;
  if (input.baseline) {
    const scanned = new Set(report.files.filter((f) => f.status === 'scanned').map((f) => f.path));
    const diff = diffBaseline(marked, fps!, input.baseline.data, scanned);
    keep = diff.state.map((s) => s !== 'unchanged');
    section = {
      file: input.baseline.file,
      counts: { new: 0, unchanged: diff.state.filter((s) => s === 'unchanged').length, fixed: diff.fixed.length },
      fixed: diff.fixed.map((e) => ({ fingerprint: e.fingerprint, symbol: e.symbol, file: e.file, line: e.line ?? 0 })),
    };
  }
  if (input.changedLines) {
    const lines = input.changedLines;
    keep = keep.map((k, i) => k && onChangedLine(lines.get(marked[i]!.file), marked[i]!.line));
  }
  const findings = marked.filter((_, i) => keep[i]);
  if (section) section.counts.new = findings.filter((f) => !f.suppressed).length;
  const out: Report = {
    ...report,
    findings,
    summary: summarize(report.files, findings.filter((f) => !f.suppressed), report.kernels, input.profiles),
  };
  if (section) out.baseline = section;
  if (diagnostics.length) out.diagnostics = input.changedLines ? diagnostics.filter((d) => onChangedLine(input.changedLines!.get(d.file), d.line)) : diagnostics;
  if (out.diagnostics?.length === 0) delete out.diagnostics;
  return {
    report: out,
    get fingerprints(): string[] {
      const all = fps ?? fingerprints(marked);
      return all.filter((_, i) => keep[i]);
    },
  };
}
