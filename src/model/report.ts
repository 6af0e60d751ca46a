/** Types of the match, score and report stages. */
import type { Language } from './facts.js';
import type { Severity, Status, Vendor } from './catalog.js';
import type { EffortReport, TargetIncompatibilities } from './effort.js';

/** What one target profile says about one finding. */
export interface TargetAnswer {
  profile: string;
  status: Status;
  replacement?: string[];
  note?: string;
  since?: string;
  source?: string;
  confidence?: string;
}

export interface Finding {
  /** Null when no rule answers (status unknown). */
  ruleId: string | null;
  /** Canonical name, aliases resolved; language features use their keyword (__shared__, <<<>>>, asm). */
  symbol: string;
  family: string;
  kind: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  severity: Severity;
  /** #if conditions the use sits under. */
  conditional?: string;
  /** In device code. */
  device?: boolean;
  /** The #define whose body holds this use. */
  macro?: string;
  /** The rule file that answered, when it is a user rule file. */
  ruleFile?: string;
  message: string;
  targets: Partial<Record<Vendor, TargetAnswer>>;
  /** Silenced by an `ascendify-ignore` comment or the config file's `ignore` section; does not count toward the gate or the summary. */
  suppressed?: { kind: 'inline' | 'config'; reason?: string };
}

export interface FileEntry {
  path: string;
  language: Language | 'unknown';
  lines: number;
  status: 'scanned' | 'skipped';
  reason?: string;
  parseErrorLines?: number[];
}

export interface KernelEntry {
  name: string;
  file: string;
  line: number;
  endLine: number;
  lines: number;
  qualifier: 'global' | 'device';
  features: string[];
}

export type StatusCounts = Record<Status, number>;

export interface TargetSummary {
  profile: string;
  byStatus: StatusCounts;
  byFamily: Record<string, StatusCounts>;
}

export interface Summary {
  files: { scanned: number; skipped: number; withFindings: number };
  lines: number;
  findings: number;
  kernels: number;
  byTarget: Partial<Record<Vendor, TargetSummary>>;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'ascendify'; version: string; catalogVersion: string };
  root: string;
  targets: { vendor: Vendor; profile: string; product: string; sdk: string }[];
  files: FileEntry[];
  findings: Finding[];
  kernels: KernelEntry[];
  summary: Summary;
  /** Present when the scan compared against a baseline (--baseline): `findings` then holds only the new ones. */
  baseline?: BaselineSection;
  /** Problems with the scan's own inputs that are not findings (e.g. an ascendify-ignore without a reason). */
  diagnostics?: Diagnostic[];
  /** Porting estimate per target: hours and person-days (low/likely/high), rollups, and every line item (docs/effort-model.md). */
  effort?: EffortReport;
  /** Blockers per target, most estimated hours first. */
  incompatibilities?: TargetIncompatibilities[];
  /** Migration progress: target-side code already present vs CUDA uses remaining (docs/progress.md); only when target code was found. */
  progress?: ProgressSection;
}

/** One use of a target SDK name (AscendCL, Ascend C, CNRT, BANG C ...) found by the scan. */
export interface TargetUse {
  vendor: Vendor;
  name: string;
  file: string;
  line: number;
  /** #if conditions the use sits under. */
  conditional?: string;
}

export interface ComponentProgress {
  /** First folder(s) under the root (--group-depth); "." for files at the root. */
  component: string;
  targetUses: number;
  /** CUDA uses (findings) that still need porting. */
  cudaRemaining: number;
  /** CUDA uses under a condition whose opposite branch in the same file holds target code: counted as migrated. */
  cudaGuarded: number;
  /** (targetUses + cudaGuarded) / (targetUses + cudaGuarded + cudaRemaining), in percent, one decimal. */
  percent: number;
}

export interface TargetProgress extends Omit<ComponentProgress, 'component'> {
  vendor: Vendor;
  components: ComponentProgress[];
}

export interface ProgressSection {
  /** How percent is computed, in words. */
  definition: string;
  byTarget: TargetProgress[];
  /** Earlier scans from --history FILE, oldest first (this scan last). */
  history?: HistoryPoint[];
}

/** One line of a --history file: one scan. */
export interface HistoryPoint {
  date: string;
  /** `git rev-parse HEAD` of the scanned root, when it is in a git work tree. */
  commit?: string;
  /** Per target vendor: percent migrated, CUDA uses remaining, and likely remaining effort in hours when the report had an estimate. */
  targets: Partial<Record<Vendor, { percent: number; cudaRemaining: number; effortHours?: number }>>;
}

export interface BaselineSection {
  /** The baseline file, as given. */
  file: string;
  counts: { new: number; unchanged: number; fixed: number };
  /** Baseline entries no longer found in the scanned files (dropped by --update-baseline). */
  fixed: { fingerprint: string; symbol: string; file: string; line: number }[];
}

export interface Diagnostic {
  /** Stable id: ascendify-ignore-without-reason, ascendify-ignore-without-target, ascendify-ignore-unused. */
  code: string;
  severity: 'warning' | 'error';
  file: string;
  line: number;
  message: string;
}
