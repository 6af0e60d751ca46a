/**
 * The post-match CI step, pure: suppressions -> baseline comparison -> changed-lines filter.
 * The findings become the ones that matter for CI (new ones when a baseline is given); suppressed
 * findings stay in, marked. Counting them is the summary's business (src/core/assemble.ts).
 */
import type { Baseline } from './baseline.js';
import type { BaselineSection, Diagnostic, FileEntry, Finding, Suppression } from '../model/index.js';
import { diffBaseline } from './baseline.js';
import { onChangedLine, type ChangedLines } from './diff.js';
import { fingerprints } from './fingerprint.js';
import { applySuppressions, type IgnoreRules } from './suppress.js';

export interface CiInput {
  /** `ascendify-ignore` comments per file (from the parse stage). */
  suppressions?: ReadonlyMap<string, readonly Suppression[]>;
  /** Config `ignore` section. */
  ignore?: IgnoreRules;
  /** Baseline to compare with, the name to show for it, and its files that no longer exist (their entries are fixed). */
  baseline?: { file: string; data: Baseline; deleted?: ReadonlySet<string> };
  /** --new-lines-only: changed lines per file; findings elsewhere are dropped. */
  changedLines?: ReadonlyMap<string, ChangedLines>;
}

export interface CiResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  baseline?: BaselineSection;
  /** Fingerprints of `findings`, same order (for writing baselines); computed on first read when no baseline was compared. */
  readonly fingerprints: string[];
}

export function applyCi(findings: readonly Finding[], files: readonly FileEntry[], input: CiInput): CiResult {
  const { findings: marked, diagnostics } = applySuppressions(findings, input.suppressions ?? new Map(), input.ignore);
  // Fingerprints are for baselines: computed here only when one is compared, else on demand.
  const fps = input.baseline ? fingerprints(marked) : undefined;
  let keep = marked.map(() => true);
  let section: BaselineSection | undefined;
  if (input.baseline) {
    const scanned = new Set(files.filter((f) => f.status === 'scanned').map((f) => f.path));
    const diff = diffBaseline(marked, fps!, input.baseline.data, scanned, input.baseline.deleted);
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
  const kept = marked.filter((_, i) => keep[i]);
  if (section) section.counts.new = kept.filter((f) => !f.suppressed).length;
  const shown = input.changedLines ? diagnostics.filter((d) => onChangedLine(input.changedLines!.get(d.file), d.line)) : diagnostics;
  const result: CiResult = {
    findings: kept,
    diagnostics: shown,
    get fingerprints(): string[] {
      const all = fps ?? fingerprints(marked);
      return all.filter((_, i) => keep[i]);
    },
  };
  if (section) result.baseline = section;
  return result;
}
