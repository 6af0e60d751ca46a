/**
 * Baselines: the findings accepted at one point in time (schemas/baseline.schema.json), and the
 * comparison of a scan against one: which findings are new, which unchanged, which fixed.
 * Pure: reading and writing the file happens in baseline-file.ts.
 */
import type { Finding } from '../model/index.js';
import { normaliseContext } from './fingerprint.js';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.ascendify-baseline.json';

/** The baseline file (schemas/baseline.schema.json) and one accepted finding in it. */
export type { BaselineFile as Baseline, BaselineEntry } from '../model/generated/baseline.js';
import type { BaselineFile as Baseline, BaselineEntry } from '../model/generated/baseline.js';

const compareEntries = (a: BaselineEntry, b: BaselineEntry): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);

/** A baseline of the given findings (suppressed ones left out: they are accepted by their suppression). */
export function buildBaseline(findings: readonly Finding[], fps: readonly string[], toolVersion: string): Baseline {
  const entries: BaselineEntry[] = [];
  findings.forEach((f, i) => {
    if (f.suppressed) return;
    entries.push({ fingerprint: fps[i]!, ruleId: f.ruleId, symbol: f.symbol, file: f.file, line: f.line, context: normaliseContext(f.snippet) });
  });
  return { version: BASELINE_VERSION, tool: { name: 'ascendify', version: toolVersion }, entries: entries.sort(compareEntries) };
}

/** The file text: sorted entries, two-space JSON, trailing newline, so re-running gives no diff. */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify({ ...baseline, entries: [...baseline.entries].sort(compareEntries) }, null, 2)}\n`;
}

export interface BaselineDiff {
  /** Per finding, in input order: 'new', 'unchanged', or 'suppressed' (left out of the comparison). */
  state: ('new' | 'unchanged' | 'suppressed')[];
  /** Baseline entries for scanned files that no finding matches any more, and for files that were deleted. */
  fixed: BaselineEntry[];
}

/**
 * Compare findings with a baseline. Only entries whose file is in `scannedFiles` can be fixed, so
 * a partial scan (--changed-since, a skipped file) never marks the rest of the baseline as fixed;
 * entries of `deletedFiles` (files in the scan's scope that no longer exist) are fixed too.
 * A suppressed finding still "holds" its baseline entry: the code is there.
 */
export function diffBaseline(findings: readonly Finding[], fps: readonly string[], baseline: Baseline, scannedFiles: ReadonlySet<string>, deletedFiles: ReadonlySet<string> = new Set()): BaselineDiff {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const present = new Set(fps);
  const state = findings.map((f, i) => (f.suppressed ? 'suppressed' : known.has(fps[i]!) ? 'unchanged' : 'new') as BaselineDiff['state'][number]);
  const fixed = baseline.entries.filter((e) => (scannedFiles.has(e.file) && !present.has(e.fingerprint)) || deletedFiles.has(e.file));
  return { state, fixed };
}

/** The ratchet: the same baseline without the fixed entries (new findings are never added here). */
export function dropFixed(baseline: Baseline, fixed: ReadonlySet<string>, toolVersion: string): Baseline {
  return { ...baseline, tool: { name: 'ascendify', version: toolVersion }, entries: baseline.entries.filter((e) => !fixed.has(e.fingerprint)) };
}
