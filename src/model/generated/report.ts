/**
 * Generated from schemas/report.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

import type { EffortWeights } from '../effort.js';

/**
 * A target profile id (ascend-910b, cambricon-mlu590): the key of every per-target answer, count and estimate.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetId".
 */
export type TargetId = string;
/**
 * A target vendor: Huawei Ascend (CANN) or Cambricon (Neuware).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Vendor".
 */
export type Vendor = 'ascend' | 'cambricon';
/**
 * How the target runs kernels: tile (Ascend C on the AI Core), simt (Ascend 950 SIMT), bang (Cambricon BANG C).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KernelModel".
 */
export type KernelModel = 'tile' | 'simt' | 'bang';
/**
 * The front end that read a file: C/C++/CUDA (tree-sitter), CMake, Make, Python, or a Python dependency list.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Language".
 */
export type Language = 'cuda' | 'cpp' | 'c' | 'cmake' | 'make' | 'python' | 'deps';
/**
 * How much a finding needs attention: the worst of its statuses on the selected targets (direct: info; partial, unknown: warning; rewrite, none: error), unless its rule sets one.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'info' | 'warning' | 'error';
/**
 * How a CUDA use maps onto a target: direct (a rename), partial (similar, adapt), rewrite (re-express as a target kernel), none (no counterpart), unknown (not in the catalog). Worst first: unknown, none, rewrite, partial, direct.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Status".
 */
export type Status = 'direct' | 'partial' | 'rewrite' | 'none' | 'unknown';

/**
 * The ascendify scan report (--format json). Deterministic: the same input gives byte-identical output. Lines and columns are 1-based; columns count UTF-16 code units.
 */
export interface Report {
  /**
   * 2 since targets are keyed by profile id (1: by vendor). `ascendify merge` refuses other versions.
   */
  schemaVersion: 2;
  tool: {
    name: 'ascendify';
    version: string;
    /**
     * Content hash of the rule files, inventory and profiles used.
     */
    catalogVersion: string;
  };
  /**
   * The scanned root; file paths are relative to it.
   */
  root: string;
  /**
   * The target profiles the scan answered for, in the order chosen (--target).
   */
  targets: ReportTarget[];
  files: FileEntry[];
  findings: Finding[];
  kernels: KernelEntry[];
  summary: Summary;
  filter?: FilterSection;
  baseline?: BaselineSection;
  /**
   * Problems with the scan's own inputs that are not findings, e.g. an ascendify-ignore without a reason.
   */
  diagnostics?: Diagnostic[];
  progress?: ProgressSection;
  effort?: EffortReport;
  /**
   * Blockers per target, most estimated hours first.
   */
  incompatibilities?: TargetIncompatibilities[];
}
/**
 * A target the scan answered for: a profile, with its vendor, product, SDK and kernel model.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ReportTarget".
 */
export interface ReportTarget {
  id: TargetId;
  vendor: Vendor;
  product: string;
  /**
   * SDK name and version, e.g. "CANN 8.5".
   */
  sdk: string;
  kernelModel: KernelModel;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "FileEntry".
 */
export interface FileEntry {
  path: string;
  language: Language | 'unknown';
  lines: number;
  status: 'scanned' | 'skipped';
  /**
   * Why the file was skipped, or a note on how it was read.
   */
  reason?: string;
  /**
   * Lines inside regions the grammar could not parse; CUDA names there are still read from the tokens.
   */
  parseErrorLines?: number[];
  /**
   * Target-side code in this file (AscendCL, Ascend C, CNRT, BANG C ...), per vendor: how many uses, and the distinct #if conditions they sit under (what migration progress needs to tell guarded CUDA uses).
   */
  targetCode?: {
    ascend?: TargetCodeCount;
    cambricon?: TargetCodeCount;
  };
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetCodeCount".
 */
export interface TargetCodeCount {
  uses: number;
  /**
   * Distinct #if conditions of the uses that sit under one, sorted.
   */
  conditions?: string[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * The rule that answered; null when no rule does (status unknown).
   */
  ruleId: string | null;
  /**
   * Canonical CUDA name (aliases resolved); language features use their keyword: __shared__, threadIdx, asm, and <<<>>> for a kernel launch.
   */
  symbol: string;
  family: string;
  kind: string;
  /**
   * The rule's feature tag (shared-memory, warp-shuffle, ...), which kernel costs and blocker categories read.
   */
  feature?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  severity: Severity;
  /**
   * The #if/#ifdef conditions the use sits under.
   */
  conditional?: string;
  /**
   * In __global__/__device__ code.
   */
  device?: boolean;
  /**
   * The #define whose body holds the use.
   */
  macro?: string;
  /**
   * The user rule file that answered (--rules).
   */
  ruleFile?: string;
  /**
   * Silenced by an ascendify-ignore comment (inline) or the config file's ignore section (config); does not count toward --fail-on or the summary. See docs/ci.md.
   */
  suppressed?: {
    kind: 'inline' | 'config';
    reason?: string;
  };
  message: string;
  /**
   * The answer of every selected target, keyed by target id (the report's `targets` order).
   */
  targets: {
    [k: string]: TargetAnswer;
  };
}
/**
 * What one target profile says about one finding.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetAnswer".
 */
export interface TargetAnswer {
  status: Status;
  replacement?: string[];
  note?: string;
  /**
   * SDK version that first has the replacement.
   */
  since?: string;
  /**
   * Where the replacement was confirmed.
   */
  source?: string;
  confidence?: 'confirmed' | 'likely' | 'uncertain';
}
/**
 * A __global__ (kernel) or __device__ function.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KernelEntry".
 */
export interface KernelEntry {
  name: string;
  file: string;
  line: number;
  endLine: number;
  lines: number;
  /**
   * global: a kernel; device: a device function.
   */
  qualifier: 'global' | 'device';
  /**
   * Kernel features from the rules of the uses inside it (shared-memory, warp-shuffle, ...).
   */
  features: string[];
  /**
   * The parameter list as written (spacing collapsed, at most 240 characters).
   */
  signature?: string;
  /**
   * Project functions called in the body (candidate device helpers).
   */
  calls?: string[];
  /**
   * Hash of the body's code: kernels with equal bodies are one kernel to port.
   */
  hash?: string;
  /**
   * Stamped out by a #define: named after the macro, counted once.
   */
  macro?: boolean;
  /**
   * Vendor operators that can replace this kernel, per vendor (rules/operators.yaml); absent when no pattern matches.
   */
  candidates?: {
    ascend?: OperatorCandidate;
    cambricon?: OperatorCandidate;
  };
}
/**
 * Vendor operators that can replace a kernel (rules/operators.yaml).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "OperatorCandidate".
 */
export interface OperatorCandidate {
  /**
   * Pattern id in rules/operators.yaml.
   */
  pattern: string;
  title: string;
  operators: string[];
  source?: string[];
  confidence: 'confirmed' | 'likely' | 'uncertain';
  /**
   * What matched: the kernel's name; its file's name with a kernel of the same file matched by name (sibling, one operator's kernels); or only its file's name.
   */
  match: 'name' | 'sibling' | 'file';
  note?: string;
  /**
   * Adapter cost class of the pattern.
   */
  kind?: 'standard' | 'domain';
  /**
   * First SDK release (X.Y) with the operators.
   */
  since?: string;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  files: {
    scanned: number;
    skipped: number;
    withFindings: number;
  };
  lines: number;
  findings: number;
  /**
   * Entry kernels (__global__) counted by the effort estimate: one per distinct body, excluded ones left out (same number as effort.kernels.entry).
   */
  kernels: number;
  /**
   * Counts per target id.
   */
  byTarget: {
    [k: string]: TargetSummary;
  };
  kernelCounts?: KernelCounts;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetSummary".
 */
export interface TargetSummary {
  byStatus: StatusCounts;
  byFamily: {
    [k: string]: StatusCounts;
  };
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "StatusCounts".
 */
export interface StatusCounts {
  unknown: number;
  none: number;
  rewrite: number;
  partial: number;
  direct: number;
}
/**
 * How the kernels of a scan are counted (docs/effort-model.md#counting-kernels).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KernelCounts".
 */
export interface KernelCounts {
  /**
   * Entry kernels (__global__) costed: one per distinct body, excluded ones left out.
   */
  entry: number;
  /**
   * Device functions (__device__), costed with the kernels that call them.
   */
  helpers: number;
  /**
   * Entry kernels whose body equals an earlier one's (not costed again).
   */
  duplicates: number;
  /**
   * Entry kernels in files matching effort.kernels.exclude (not costed).
   */
  excluded: number;
  /**
   * Counted entry kernels flagged as experimental variants (consider excluding them).
   */
  flagged: number;
}
/**
 * Present when the report was rendered with filters (--status, --blockers, --family, --path, --min-confidence): `findings` (and `kernels`, for --path) list only what matches, while `summary`, `effort` and `progress` still describe the whole scan.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "FilterSection".
 */
export interface FilterSection {
  criteria: {
    /**
     * Findings with one of these statuses on some selected profile.
     */
    status?: Status[];
    /**
     * Findings that are `none` or `rewrite` on some selected profile.
     */
    blockers?: boolean;
    family?: string[];
    /**
     * Globs on paths relative to the scan root.
     */
    path?: string[];
    /**
     * Findings answered with at least this confidence on some selected profile (together with status/blockers: on the same profile).
     */
    minConfidence?: 'confirmed' | 'likely' | 'uncertain';
  };
  /**
   * Findings listed after filtering.
   */
  listed: number;
  /**
   * Findings of the whole scan (suppressed ones included).
   */
  total: number;
}
/**
 * Present with --baseline: `findings` then holds only the findings not in the baseline. See docs/ci.md.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "BaselineSection".
 */
export interface BaselineSection {
  file: string;
  counts: {
    new: number;
    unchanged: number;
    fixed: number;
  };
  /**
   * Baseline entries no scanned file matches any more (--update-baseline drops them).
   */
  fixed: {
    fingerprint: string;
    symbol: string;
    file: string;
    line: number;
  }[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Diagnostic".
 */
export interface Diagnostic {
  code: 'ascendify-ignore-without-reason' | 'ascendify-ignore-without-target' | 'ascendify-ignore-unused';
  severity: 'warning' | 'error';
  file: string;
  line: number;
  message: string;
}
/**
 * Migration progress: target-side code already present vs CUDA uses remaining, per target vendor and component (docs/progress.md). Present when target code was found, or with --history.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ProgressSection".
 */
export interface ProgressSection {
  definition: string;
  byTarget: TargetProgress[];
  /**
   * Scans recorded with --history, oldest first.
   */
  history?: HistoryPoint[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetProgress".
 */
export interface TargetProgress {
  target: TargetId;
  targetUses: number;
  cudaRemaining: number;
  cudaGuarded: number;
  percent: number;
  components: ComponentProgress[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ComponentProgress".
 */
export interface ComponentProgress {
  component: string;
  targetUses: number;
  cudaRemaining: number;
  cudaGuarded: number;
  percent: number;
}
/**
 * One line of a --history file: one scan.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "HistoryPoint".
 */
export interface HistoryPoint {
  date: string;
  /**
   * `git rev-parse HEAD` of the scanned root, when it is in a git work tree.
   */
  commit?: string;
  /**
   * Per target id: percent migrated, CUDA uses remaining, and likely effort hours when the report had an estimate. Lines written before report schema 2 are keyed by vendor and read as that vendor's default profile.
   */
  targets: {
    [k: string]: {
      percent: number;
      cudaRemaining: number;
      effortHours?: number;
    };
  };
}
/**
 * Porting estimate per target (docs/effort-model.md; types in src/model/effort.ts).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "EffortReport".
 */
export interface EffortReport {
  hoursPerDay: number;
  groupDepth: number;
  sources: string[];
  /**
   * The resolved weights used (shape: schemas/effort.schema.json, every weight as {low, likely, high}).
   */
  weights: EffortWeights;
  targets: TargetEffort[];
  kernels?: KernelCounts;
  /**
   * Kernels counted differently: duplicates, excluded, flagged, unused helpers.
   */
  kernelNotes?: KernelNote[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetEffort".
 */
export interface TargetEffort {
  target: TargetId;
  kernelModel: 'tile' | 'simt' | 'bang';
  total: EffortRange;
  days: EffortRange;
  /**
   * 0-100: the hour-weighted share of the work that has a counterpart on the target (effort weights `portability`).
   */
  portability: number;
  breakdown: {
    uses: EffortRange;
    apis: EffortRange;
    kernels: EffortRange;
    learning: EffortRange;
    code: EffortRange;
    build: EffortRange;
    validation: EffortRange;
    adapters: EffortRange;
    setup: EffortRange;
  };
  kernels: {
    rewrite: number;
    adapt: number;
    map: number;
  };
  byComponent: EffortRollup[];
  byFile: EffortRollup[];
  byFamily: EffortRollup[];
  items: EffortItem[];
  /**
   * Every counted entry kernel: strategy, hours of each strategy, operator candidate.
   */
  choices: KernelChoice[];
  /**
   * The migration plan: ordered work packages.
   */
  plan: WorkPackage[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "EffortRange".
 */
export interface EffortRange {
  low: number;
  likely: number;
  high: number;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "EffortRollup".
 */
export interface EffortRollup {
  key: string;
  hours: EffortRange;
  days: EffortRange;
  uses: number;
  kernels: number;
  portability: number;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "EffortItem".
 */
export interface EffortItem {
  kind: 'use' | 'api' | 'covered' | 'kernel' | 'adapter' | 'learning' | 'setup' | 'build' | 'validation';
  subject: string;
  status?: 'direct' | 'partial' | 'rewrite' | 'none' | 'unknown';
  part?: string;
  mode?: 'rewrite' | 'adapt' | 'map';
  family?: string;
  file?: string;
  line?: number;
  component?: string;
  count: number;
  rate: EffortRange;
  hours: EffortRange;
  weight: string;
  note?: string;
  /**
   * Rests on an uncertain answer: the high bound is widened (effort weights range.uncertain).
   */
  uncertain?: boolean;
}
/**
 * One counted entry kernel on one target: the strategy chosen and what each strategy costs.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KernelChoice".
 */
export interface KernelChoice {
  kernel: string;
  file: string;
  line: number;
  component: string;
  /**
   * Its lines plus its share of the device helpers it calls.
   */
  lines: number;
  /**
   * Device helpers it calls (directly or through other helpers).
   */
  helpers?: number;
  strategy: 'map' | 'rewrite' | 'adapt';
  hours: EffortRange;
  /**
   * Likely hours to rewrite (or adapt, on SIMT) it.
   */
  rewrite: number;
  /**
   * Likely hours of its share of the operator adapter, when a candidate exists.
   */
  map?: number;
  candidate?: OperatorCandidate;
  /**
   * Why the other strategy was not chosen.
   */
  why?: string;
}
/**
 * One package of the migration plan (docs/effort-model.md#migration-plan).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "WorkPackage".
 */
export interface WorkPackage {
  id: string;
  order: number;
  phase: 'build' | 'runtime' | 'libraries' | 'operators' | 'kernels' | 'validation';
  title: string;
  component?: string;
  hours: EffortRange;
  days: EffortRange;
  /**
   * Blockers (incompatibilities) inside the package, most hours first.
   */
  blockers: string[];
  /**
   * Vendor operators to use.
   */
  operators: string[];
  /**
   * First files to touch (most hours first, at most 5).
   */
  files: string[];
  /**
   * Packages to finish first.
   */
  dependsOn: string[];
  uses: number;
  kernels: number;
  note?: string;
}
/**
 * A kernel counted differently from a plain entry kernel.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "KernelNote".
 */
export interface KernelNote {
  name: string;
  file: string;
  line: number;
  role: 'entry' | 'helper';
  flags: ('duplicate' | 'excluded' | 'experimental' | 'variant' | 'macro' | 'unused-helper')[];
  /**
   * file:line of the kernel with the same body.
   */
  duplicateOf?: string;
  note?: string;
}
/**
 * The blockers of one target, most hours first.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "TargetIncompatibilities".
 */
export interface TargetIncompatibilities {
  target: TargetId;
  items: Incompatibility[];
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "Incompatibility".
 */
export interface Incompatibility {
  category: string;
  title: string;
  risk: 'high' | 'medium' | 'low';
  symbols: string[];
  hours: EffortRange;
  count: number;
  locations: IncompatibilityLocation[];
  advice: string;
}
/**
 * Where a blocker occurs: a finding (symbol), or a kernel using a blocking feature (kernel).
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "IncompatibilityLocation".
 */
export interface IncompatibilityLocation {
  file: string;
  line: number;
  symbol?: string;
  kernel?: string;
}

/** schemas/report.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const reportSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/report.schema.json",
  "title": "Report",
  "description": "The ascendify scan report (--format json). Deterministic: the same input gives byte-identical output. Lines and columns are 1-based; columns count UTF-16 code units.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "tool",
    "root",
    "targets",
    "files",
    "findings",
    "kernels",
    "summary"
  ],
  "properties": {
    "schemaVersion": {
      "const": 2,
      "description": "2 since targets are keyed by profile id (1: by vendor). `ascendify merge` refuses other versions."
    },
    "tool": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "version",
        "catalogVersion"
      ],
      "properties": {
        "name": {
          "const": "ascendify"
        },
        "version": {
          "type": "string"
        },
        "catalogVersion": {
          "type": "string",
          "description": "Content hash of the rule files, inventory and profiles used."
        }
      }
    },
    "root": {
      "type": "string",
      "description": "The scanned root; file paths are relative to it."
    },
    "targets": {
      "type": "array",
      "description": "The target profiles the scan answered for, in the order chosen (--target).",
      "items": {
        "$ref": "#/definitions/ReportTarget"
      }
    },
    "files": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/FileEntry"
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/Finding"
      }
    },
    "kernels": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/KernelEntry"
      }
    },
    "summary": {
      "$ref": "#/definitions/Summary"
    },
    "filter": {
      "$ref": "#/definitions/FilterSection"
    },
    "baseline": {
      "$ref": "#/definitions/BaselineSection"
    },
    "diagnostics": {
      "type": "array",
      "description": "Problems with the scan's own inputs that are not findings, e.g. an ascendify-ignore without a reason.",
      "items": {
        "$ref": "#/definitions/Diagnostic"
      }
    },
    "progress": {
      "$ref": "#/definitions/ProgressSection"
    },
    "effort": {
      "$ref": "#/definitions/EffortReport"
    },
    "incompatibilities": {
      "type": "array",
      "description": "Blockers per target, most estimated hours first.",
      "items": {
        "$ref": "#/definitions/TargetIncompatibilities"
      }
    }
  },
  "definitions": {
    "Vendor": {
      "enum": [
        "ascend",
        "cambricon"
      ],
      "description": "A target vendor: Huawei Ascend (CANN) or Cambricon (Neuware)."
    },
    "Status": {
      "enum": [
        "direct",
        "partial",
        "rewrite",
        "none",
        "unknown"
      ],
      "description": "How a CUDA use maps onto a target: direct (a rename), partial (similar, adapt), rewrite (re-express as a target kernel), none (no counterpart), unknown (not in the catalog). Worst first: unknown, none, rewrite, partial, direct."
    },
    "TargetId": {
      "type": "string",
      "description": "A target profile id (ascend-910b, cambricon-mlu590): the key of every per-target answer, count and estimate.",
      "minLength": 1
    },
    "ReportTarget": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "vendor",
        "product",
        "sdk",
        "kernelModel"
      ],
      "description": "A target the scan answered for: a profile, with its vendor, product, SDK and kernel model.",
      "properties": {
        "id": {
          "$ref": "#/definitions/TargetId"
        },
        "vendor": {
          "$ref": "#/definitions/Vendor"
        },
        "product": {
          "type": "string"
        },
        "sdk": {
          "type": "string",
          "description": "SDK name and version, e.g. \"CANN 8.5\"."
        },
        "kernelModel": {
          "$ref": "#/definitions/KernelModel"
        }
      }
    },
    "KernelModel": {
      "enum": [
        "tile",
        "simt",
        "bang"
      ],
      "description": "How the target runs kernels: tile (Ascend C on the AI Core), simt (Ascend 950 SIMT), bang (Cambricon BANG C)."
    },
    "FileEntry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "path",
        "language",
        "lines",
        "status"
      ],
      "properties": {
        "path": {
          "type": "string"
        },
        "language": {
          "anyOf": [
            {
              "$ref": "#/definitions/Language"
            },
            {
              "const": "unknown"
            }
          ]
        },
        "lines": {
          "type": "integer",
          "minimum": 0
        },
        "status": {
          "enum": [
            "scanned",
            "skipped"
          ]
        },
        "reason": {
          "type": "string",
          "description": "Why the file was skipped, or a note on how it was read."
        },
        "parseErrorLines": {
          "type": "array",
          "items": {
            "type": "integer"
          },
          "description": "Lines inside regions the grammar could not parse; CUDA names there are still read from the tokens."
        },
        "targetCode": {
          "type": "object",
          "additionalProperties": false,
          "description": "Target-side code in this file (AscendCL, Ascend C, CNRT, BANG C ...), per vendor: how many uses, and the distinct #if conditions they sit under (what migration progress needs to tell guarded CUDA uses).",
          "properties": {
            "ascend": {
              "$ref": "#/definitions/TargetCodeCount"
            },
            "cambricon": {
              "$ref": "#/definitions/TargetCodeCount"
            }
          }
        }
      }
    },
    "TargetCodeCount": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "uses"
      ],
      "properties": {
        "uses": {
          "type": "integer",
          "minimum": 0
        },
        "conditions": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Distinct #if conditions of the uses that sit under one, sorted."
        }
      }
    },
    "TargetAnswer": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "$ref": "#/definitions/Status"
        },
        "replacement": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "note": {
          "type": "string"
        },
        "since": {
          "type": "string",
          "description": "SDK version that first has the replacement."
        },
        "source": {
          "type": "string",
          "description": "Where the replacement was confirmed."
        },
        "confidence": {
          "enum": [
            "confirmed",
            "likely",
            "uncertain"
          ]
        }
      },
      "description": "What one target profile says about one finding."
    },
    "Finding": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ruleId",
        "symbol",
        "family",
        "kind",
        "file",
        "line",
        "column",
        "endLine",
        "endColumn",
        "snippet",
        "severity",
        "message",
        "targets"
      ],
      "properties": {
        "ruleId": {
          "type": [
            "string",
            "null"
          ],
          "description": "The rule that answered; null when no rule does (status unknown)."
        },
        "symbol": {
          "type": "string",
          "description": "Canonical CUDA name (aliases resolved); language features use their keyword: __shared__, threadIdx, asm, and <<<>>> for a kernel launch."
        },
        "family": {
          "type": "string"
        },
        "kind": {
          "type": "string"
        },
        "feature": {
          "type": "string",
          "description": "The rule's feature tag (shared-memory, warp-shuffle, ...), which kernel costs and blocker categories read."
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 1
        },
        "column": {
          "type": "integer",
          "minimum": 1
        },
        "endLine": {
          "type": "integer",
          "minimum": 1
        },
        "endColumn": {
          "type": "integer",
          "minimum": 1
        },
        "snippet": {
          "type": "string"
        },
        "severity": {
          "$ref": "#/definitions/Severity"
        },
        "conditional": {
          "type": "string",
          "description": "The #if/#ifdef conditions the use sits under."
        },
        "device": {
          "type": "boolean",
          "description": "In __global__/__device__ code."
        },
        "macro": {
          "type": "string",
          "description": "The #define whose body holds the use."
        },
        "ruleFile": {
          "type": "string",
          "description": "The user rule file that answered (--rules)."
        },
        "suppressed": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "kind"
          ],
          "description": "Silenced by an ascendify-ignore comment (inline) or the config file's ignore section (config); does not count toward --fail-on or the summary. See docs/ci.md.",
          "properties": {
            "kind": {
              "enum": [
                "inline",
                "config"
              ]
            },
            "reason": {
              "type": "string"
            }
          }
        },
        "message": {
          "type": "string"
        },
        "targets": {
          "type": "object",
          "description": "The answer of every selected target, keyed by target id (the report's `targets` order).",
          "additionalProperties": {
            "$ref": "#/definitions/TargetAnswer"
          }
        }
      }
    },
    "KernelEntry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "file",
        "line",
        "endLine",
        "lines",
        "qualifier",
        "features"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer"
        },
        "endLine": {
          "type": "integer"
        },
        "lines": {
          "type": "integer"
        },
        "qualifier": {
          "enum": [
            "global",
            "device"
          ],
          "description": "global: a kernel; device: a device function."
        },
        "features": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Kernel features from the rules of the uses inside it (shared-memory, warp-shuffle, ...)."
        },
        "signature": {
          "type": "string",
          "description": "The parameter list as written (spacing collapsed, at most 240 characters)."
        },
        "calls": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Project functions called in the body (candidate device helpers)."
        },
        "hash": {
          "type": "string",
          "description": "Hash of the body's code: kernels with equal bodies are one kernel to port."
        },
        "macro": {
          "type": "boolean",
          "description": "Stamped out by a #define: named after the macro, counted once."
        },
        "candidates": {
          "type": "object",
          "additionalProperties": false,
          "description": "Vendor operators that can replace this kernel, per vendor (rules/operators.yaml); absent when no pattern matches.",
          "properties": {
            "ascend": {
              "$ref": "#/definitions/OperatorCandidate"
            },
            "cambricon": {
              "$ref": "#/definitions/OperatorCandidate"
            }
          }
        }
      },
      "description": "A __global__ (kernel) or __device__ function."
    },
    "StatusCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "unknown",
        "none",
        "rewrite",
        "partial",
        "direct"
      ],
      "properties": {
        "unknown": {
          "type": "integer"
        },
        "none": {
          "type": "integer"
        },
        "rewrite": {
          "type": "integer"
        },
        "partial": {
          "type": "integer"
        },
        "direct": {
          "type": "integer"
        }
      }
    },
    "TargetSummary": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "byStatus",
        "byFamily"
      ],
      "properties": {
        "byStatus": {
          "$ref": "#/definitions/StatusCounts"
        },
        "byFamily": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/definitions/StatusCounts"
          }
        }
      }
    },
    "Summary": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "files",
        "lines",
        "findings",
        "kernels",
        "byTarget"
      ],
      "properties": {
        "files": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "scanned",
            "skipped",
            "withFindings"
          ],
          "properties": {
            "scanned": {
              "type": "integer"
            },
            "skipped": {
              "type": "integer"
            },
            "withFindings": {
              "type": "integer"
            }
          }
        },
        "lines": {
          "type": "integer"
        },
        "findings": {
          "type": "integer"
        },
        "kernels": {
          "type": "integer",
          "description": "Entry kernels (__global__) counted by the effort estimate: one per distinct body, excluded ones left out (same number as effort.kernels.entry)."
        },
        "byTarget": {
          "type": "object",
          "description": "Counts per target id.",
          "additionalProperties": {
            "$ref": "#/definitions/TargetSummary"
          }
        },
        "kernelCounts": {
          "$ref": "#/definitions/KernelCounts"
        }
      }
    },
    "BaselineSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "file",
        "counts",
        "fixed"
      ],
      "description": "Present with --baseline: `findings` then holds only the findings not in the baseline. See docs/ci.md.",
      "properties": {
        "file": {
          "type": "string"
        },
        "counts": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "new",
            "unchanged",
            "fixed"
          ],
          "properties": {
            "new": {
              "type": "integer",
              "minimum": 0
            },
            "unchanged": {
              "type": "integer",
              "minimum": 0
            },
            "fixed": {
              "type": "integer",
              "minimum": 0
            }
          }
        },
        "fixed": {
          "type": "array",
          "description": "Baseline entries no scanned file matches any more (--update-baseline drops them).",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "fingerprint",
              "symbol",
              "file",
              "line"
            ],
            "properties": {
              "fingerprint": {
                "type": "string"
              },
              "symbol": {
                "type": "string"
              },
              "file": {
                "type": "string"
              },
              "line": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        }
      }
    },
    "Diagnostic": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "code",
        "severity",
        "file",
        "line",
        "message"
      ],
      "properties": {
        "code": {
          "enum": [
            "ascendify-ignore-without-reason",
            "ascendify-ignore-without-target",
            "ascendify-ignore-unused"
          ]
        },
        "severity": {
          "enum": [
            "warning",
            "error"
          ]
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 1
        },
        "message": {
          "type": "string"
        }
      }
    },
    "EffortRange": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "low": {
          "type": "number"
        },
        "likely": {
          "type": "number"
        },
        "high": {
          "type": "number"
        }
      },
      "required": [
        "low",
        "likely",
        "high"
      ]
    },
    "EffortItem": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "kind": {
          "enum": [
            "use",
            "api",
            "covered",
            "kernel",
            "adapter",
            "learning",
            "setup",
            "build",
            "validation"
          ]
        },
        "subject": {
          "type": "string"
        },
        "status": {
          "enum": [
            "direct",
            "partial",
            "rewrite",
            "none",
            "unknown"
          ]
        },
        "part": {
          "type": "string"
        },
        "mode": {
          "enum": [
            "rewrite",
            "adapt",
            "map"
          ]
        },
        "family": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "component": {
          "type": "string"
        },
        "count": {
          "type": "number"
        },
        "rate": {
          "$ref": "#/definitions/EffortRange"
        },
        "hours": {
          "$ref": "#/definitions/EffortRange"
        },
        "weight": {
          "type": "string"
        },
        "note": {
          "type": "string"
        },
        "uncertain": {
          "type": "boolean",
          "description": "Rests on an uncertain answer: the high bound is widened (effort weights range.uncertain)."
        }
      },
      "required": [
        "kind",
        "subject",
        "count",
        "rate",
        "hours",
        "weight"
      ]
    },
    "EffortRollup": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "key": {
          "type": "string"
        },
        "hours": {
          "$ref": "#/definitions/EffortRange"
        },
        "days": {
          "$ref": "#/definitions/EffortRange"
        },
        "uses": {
          "type": "integer",
          "minimum": 0
        },
        "kernels": {
          "type": "integer",
          "minimum": 0
        },
        "portability": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100
        }
      },
      "required": [
        "key",
        "hours",
        "days",
        "uses",
        "kernels",
        "portability"
      ]
    },
    "TargetEffort": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "target": {
          "$ref": "#/definitions/TargetId"
        },
        "kernelModel": {
          "enum": [
            "tile",
            "simt",
            "bang"
          ]
        },
        "total": {
          "$ref": "#/definitions/EffortRange"
        },
        "days": {
          "$ref": "#/definitions/EffortRange"
        },
        "portability": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100,
          "description": "0-100: the hour-weighted share of the work that has a counterpart on the target (effort weights `portability`)."
        },
        "breakdown": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "uses": {
              "$ref": "#/definitions/EffortRange"
            },
            "apis": {
              "$ref": "#/definitions/EffortRange"
            },
            "kernels": {
              "$ref": "#/definitions/EffortRange"
            },
            "learning": {
              "$ref": "#/definitions/EffortRange"
            },
            "code": {
              "$ref": "#/definitions/EffortRange"
            },
            "build": {
              "$ref": "#/definitions/EffortRange"
            },
            "validation": {
              "$ref": "#/definitions/EffortRange"
            },
            "adapters": {
              "$ref": "#/definitions/EffortRange"
            },
            "setup": {
              "$ref": "#/definitions/EffortRange"
            }
          },
          "required": [
            "uses",
            "apis",
            "kernels",
            "adapters",
            "learning",
            "setup",
            "code",
            "build",
            "validation"
          ]
        },
        "kernels": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "rewrite": {
              "type": "integer",
              "minimum": 0
            },
            "adapt": {
              "type": "integer",
              "minimum": 0
            },
            "map": {
              "type": "integer",
              "minimum": 0
            }
          },
          "required": [
            "rewrite",
            "adapt",
            "map"
          ]
        },
        "byComponent": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/EffortRollup"
          }
        },
        "byFile": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/EffortRollup"
          }
        },
        "byFamily": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/EffortRollup"
          }
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/EffortItem"
          }
        },
        "choices": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/KernelChoice"
          },
          "description": "Every counted entry kernel: strategy, hours of each strategy, operator candidate."
        },
        "plan": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/WorkPackage"
          },
          "description": "The migration plan: ordered work packages."
        }
      },
      "required": [
        "target",
        "kernelModel",
        "total",
        "days",
        "portability",
        "breakdown",
        "kernels",
        "byComponent",
        "byFile",
        "byFamily",
        "items",
        "choices",
        "plan"
      ]
    },
    "EffortReport": {
      "description": "Porting estimate per target (docs/effort-model.md; types in src/model/effort.ts).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "hoursPerDay": {
          "type": "number"
        },
        "groupDepth": {
          "type": "integer",
          "minimum": 1
        },
        "sources": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "weights": {
          "type": "object",
          "description": "The resolved weights used (shape: schemas/effort.schema.json, every weight as {low, likely, high}).",
          "tsType": "EffortWeights",
          "additionalProperties": true
        },
        "targets": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/TargetEffort"
          }
        },
        "kernels": {
          "$ref": "#/definitions/KernelCounts"
        },
        "kernelNotes": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/KernelNote"
          },
          "description": "Kernels counted differently: duplicates, excluded, flagged, unused helpers."
        }
      },
      "required": [
        "hoursPerDay",
        "groupDepth",
        "sources",
        "weights",
        "targets"
      ]
    },
    "Incompatibility": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "category": {
          "type": "string"
        },
        "title": {
          "type": "string"
        },
        "risk": {
          "enum": [
            "high",
            "medium",
            "low"
          ]
        },
        "symbols": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "hours": {
          "$ref": "#/definitions/EffortRange"
        },
        "count": {
          "type": "integer",
          "minimum": 0
        },
        "locations": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/IncompatibilityLocation"
          }
        },
        "advice": {
          "type": "string"
        }
      },
      "required": [
        "category",
        "title",
        "risk",
        "symbols",
        "hours",
        "count",
        "locations",
        "advice"
      ]
    },
    "TargetIncompatibilities": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "target": {
          "$ref": "#/definitions/TargetId"
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/Incompatibility"
          }
        }
      },
      "required": [
        "target",
        "items"
      ],
      "description": "The blockers of one target, most hours first."
    },
    "ComponentProgress": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "component",
        "targetUses",
        "cudaRemaining",
        "cudaGuarded",
        "percent"
      ],
      "properties": {
        "component": {
          "type": "string"
        },
        "targetUses": {
          "type": "integer",
          "minimum": 0
        },
        "cudaRemaining": {
          "type": "integer",
          "minimum": 0
        },
        "cudaGuarded": {
          "type": "integer",
          "minimum": 0
        },
        "percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100
        }
      }
    },
    "TargetProgress": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "target",
        "targetUses",
        "cudaRemaining",
        "cudaGuarded",
        "percent",
        "components"
      ],
      "properties": {
        "target": {
          "$ref": "#/definitions/TargetId"
        },
        "targetUses": {
          "type": "integer",
          "minimum": 0
        },
        "cudaRemaining": {
          "type": "integer",
          "minimum": 0
        },
        "cudaGuarded": {
          "type": "integer",
          "minimum": 0
        },
        "percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100
        },
        "components": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/ComponentProgress"
          }
        }
      }
    },
    "HistoryPoint": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "date",
        "targets"
      ],
      "properties": {
        "date": {
          "type": "string"
        },
        "commit": {
          "type": "string",
          "description": "`git rev-parse HEAD` of the scanned root, when it is in a git work tree."
        },
        "targets": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "percent",
              "cudaRemaining"
            ],
            "properties": {
              "percent": {
                "type": "number"
              },
              "cudaRemaining": {
                "type": "integer"
              },
              "effortHours": {
                "type": "number"
              }
            }
          },
          "description": "Per target id: percent migrated, CUDA uses remaining, and likely effort hours when the report had an estimate. Lines written before report schema 2 are keyed by vendor and read as that vendor's default profile."
        }
      },
      "description": "One line of a --history file: one scan."
    },
    "ProgressSection": {
      "description": "Migration progress: target-side code already present vs CUDA uses remaining, per target vendor and component (docs/progress.md). Present when target code was found, or with --history.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "definition",
        "byTarget"
      ],
      "properties": {
        "definition": {
          "type": "string"
        },
        "byTarget": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/TargetProgress"
          }
        },
        "history": {
          "type": "array",
          "description": "Scans recorded with --history, oldest first.",
          "items": {
            "$ref": "#/definitions/HistoryPoint"
          }
        }
      }
    },
    "Severity": {
      "enum": [
        "info",
        "warning",
        "error"
      ],
      "description": "How much a finding needs attention: the worst of its statuses on the selected targets (direct: info; partial, unknown: warning; rewrite, none: error), unless its rule sets one."
    },
    "Language": {
      "enum": [
        "cuda",
        "cpp",
        "c",
        "cmake",
        "make",
        "python",
        "deps"
      ],
      "description": "The front end that read a file: C/C++/CUDA (tree-sitter), CMake, Make, Python, or a Python dependency list."
    },
    "IncompatibilityLocation": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 0
        },
        "symbol": {
          "type": "string"
        },
        "kernel": {
          "type": "string"
        }
      },
      "required": [
        "file",
        "line"
      ],
      "description": "Where a blocker occurs: a finding (symbol), or a kernel using a blocking feature (kernel)."
    },
    "FilterSection": {
      "type": "object",
      "additionalProperties": false,
      "description": "Present when the report was rendered with filters (--status, --blockers, --family, --path, --min-confidence): `findings` (and `kernels`, for --path) list only what matches, while `summary`, `effort` and `progress` still describe the whole scan.",
      "required": [
        "criteria",
        "listed",
        "total"
      ],
      "properties": {
        "criteria": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "status": {
              "type": "array",
              "items": {
                "$ref": "#/definitions/Status"
              },
              "description": "Findings with one of these statuses on some selected profile."
            },
            "blockers": {
              "type": "boolean",
              "description": "Findings that are `none` or `rewrite` on some selected profile."
            },
            "family": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "path": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "description": "Globs on paths relative to the scan root."
            },
            "minConfidence": {
              "enum": [
                "confirmed",
                "likely",
                "uncertain"
              ],
              "description": "Findings answered with at least this confidence on some selected profile (together with status/blockers: on the same profile)."
            }
          }
        },
        "listed": {
          "type": "integer",
          "minimum": 0,
          "description": "Findings listed after filtering."
        },
        "total": {
          "type": "integer",
          "minimum": 0,
          "description": "Findings of the whole scan (suppressed ones included)."
        }
      }
    },
    "KernelCounts": {
      "type": "object",
      "additionalProperties": false,
      "description": "How the kernels of a scan are counted (docs/effort-model.md#counting-kernels).",
      "required": [
        "entry",
        "helpers",
        "duplicates",
        "excluded",
        "flagged"
      ],
      "properties": {
        "entry": {
          "type": "integer",
          "minimum": 0,
          "description": "Entry kernels (__global__) costed: one per distinct body, excluded ones left out."
        },
        "helpers": {
          "type": "integer",
          "minimum": 0,
          "description": "Device functions (__device__), costed with the kernels that call them."
        },
        "duplicates": {
          "type": "integer",
          "minimum": 0,
          "description": "Entry kernels whose body equals an earlier one's (not costed again)."
        },
        "excluded": {
          "type": "integer",
          "minimum": 0,
          "description": "Entry kernels in files matching effort.kernels.exclude (not costed)."
        },
        "flagged": {
          "type": "integer",
          "minimum": 0,
          "description": "Counted entry kernels flagged as experimental variants (consider excluding them)."
        }
      }
    },
    "KernelNote": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "file",
        "line",
        "role",
        "flags"
      ],
      "description": "A kernel counted differently from a plain entry kernel.",
      "properties": {
        "name": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer"
        },
        "role": {
          "enum": [
            "entry",
            "helper"
          ]
        },
        "flags": {
          "type": "array",
          "items": {
            "enum": [
              "duplicate",
              "excluded",
              "experimental",
              "variant",
              "macro",
              "unused-helper"
            ]
          }
        },
        "duplicateOf": {
          "type": "string",
          "description": "file:line of the kernel with the same body."
        },
        "note": {
          "type": "string"
        }
      }
    },
    "OperatorCandidate": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "pattern",
        "title",
        "operators",
        "confidence",
        "match"
      ],
      "description": "Vendor operators that can replace a kernel (rules/operators.yaml).",
      "properties": {
        "pattern": {
          "type": "string",
          "description": "Pattern id in rules/operators.yaml."
        },
        "title": {
          "type": "string"
        },
        "operators": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "source": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "confidence": {
          "enum": [
            "confirmed",
            "likely",
            "uncertain"
          ]
        },
        "match": {
          "enum": [
            "name",
            "sibling",
            "file"
          ],
          "description": "What matched: the kernel's name; its file's name with a kernel of the same file matched by name (sibling, one operator's kernels); or only its file's name."
        },
        "note": {
          "type": "string"
        },
        "kind": {
          "enum": [
            "standard",
            "domain"
          ],
          "description": "Adapter cost class of the pattern."
        },
        "since": {
          "type": "string",
          "description": "First SDK release (X.Y) with the operators."
        }
      }
    },
    "KernelChoice": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kernel",
        "file",
        "line",
        "component",
        "lines",
        "strategy",
        "hours",
        "rewrite"
      ],
      "description": "One counted entry kernel on one target: the strategy chosen and what each strategy costs.",
      "properties": {
        "kernel": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer"
        },
        "component": {
          "type": "string"
        },
        "lines": {
          "type": "number",
          "description": "Its lines plus its share of the device helpers it calls."
        },
        "helpers": {
          "type": "integer",
          "minimum": 0,
          "description": "Device helpers it calls (directly or through other helpers)."
        },
        "strategy": {
          "enum": [
            "map",
            "rewrite",
            "adapt"
          ]
        },
        "hours": {
          "$ref": "#/definitions/EffortRange"
        },
        "rewrite": {
          "type": "number",
          "description": "Likely hours to rewrite (or adapt, on SIMT) it."
        },
        "map": {
          "type": "number",
          "description": "Likely hours of its share of the operator adapter, when a candidate exists."
        },
        "candidate": {
          "$ref": "#/definitions/OperatorCandidate"
        },
        "why": {
          "type": "string",
          "description": "Why the other strategy was not chosen."
        }
      }
    },
    "WorkPackage": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "order",
        "phase",
        "title",
        "hours",
        "days",
        "blockers",
        "operators",
        "files",
        "dependsOn",
        "uses",
        "kernels"
      ],
      "description": "One package of the migration plan (docs/effort-model.md#migration-plan).",
      "properties": {
        "id": {
          "type": "string"
        },
        "order": {
          "type": "integer",
          "minimum": 1
        },
        "phase": {
          "enum": [
            "build",
            "runtime",
            "libraries",
            "operators",
            "kernels",
            "validation"
          ]
        },
        "title": {
          "type": "string"
        },
        "component": {
          "type": "string"
        },
        "hours": {
          "$ref": "#/definitions/EffortRange"
        },
        "days": {
          "$ref": "#/definitions/EffortRange"
        },
        "blockers": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Blockers (incompatibilities) inside the package, most hours first."
        },
        "operators": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Vendor operators to use."
        },
        "files": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "First files to touch (most hours first, at most 5)."
        },
        "dependsOn": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Packages to finish first."
        },
        "uses": {
          "type": "integer",
          "minimum": 0
        },
        "kernels": {
          "type": "integer",
          "minimum": 0
        },
        "note": {
          "type": "string"
        }
      }
    }
  }
};
