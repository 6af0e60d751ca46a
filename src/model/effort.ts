/**
 * Types of the effort estimate and the incompatibility list (Report.effort, Report.incompatibilities),
 * and of the weights that produce them (rules/effort.yaml). docs/effort-model.md describes the model.
 */
import type { KernelModel, Status, Vendor } from './catalog.js';

/** Three-point estimate. Hours, unless the field says it is a fraction or person-days. */
export interface EffortRange {
  low: number;
  likely: number;
  high: number;
}

/** How one kernel programming model (a profile's `kernelModel`) costs kernels. */
export interface KernelModelWeights {
  /** `rewrite`: every kernel is rewritten; `adapt`: kernels are adapted unless they use a `rewriteIf` feature. */
  mode: 'rewrite' | 'adapt';
  /** In adapt mode, the features that force a rewrite. */
  rewriteIf: string[];
  /** Hours to learn the model, once per repository that has kernels. */
  learning: EffortRange;
  /** Hours of one rewritten kernel: base + perLine × lines. */
  rewrite: { base: EffortRange; perLine: EffortRange };
  /** Hours of one adapted kernel (adapt mode only). */
  adapt?: { base: EffortRange; perLine: EffortRange };
  /** Extra fraction of the kernel's base+lines hours per feature it uses (0.5 = +50%); features not listed add 0. */
  features: Record<string, number>;
}

/** A blocker category of the incompatibility list. */
export interface IncompatibilityCategory {
  title: string;
  risk: 'high' | 'medium' | 'low';
  /** Statuses on the target that make a matching finding a blocker. */
  statuses: Status[];
  /** Symbols that match by name. */
  symbols: string[];
  /** Rule features that match; kernels using them are listed as locations. */
  features: string[];
  /** Regular expression a feature match's source line must also match. */
  snippet?: string;
  /** Matches every finding with one of `statuses`. */
  any: boolean;
  advice: string;
}

/** The effort weights after merging the config file over rules/effort.yaml; every weight resolved to a range. */
export interface EffortWeights {
  /** Productive hours in one person-day. */
  hoursPerDay: number;
  /** Factors that derived low and high from weights written as one number. */
  range: { low: number; high: number };
  /** Hours per use, by the use's status on the target. */
  uses: Record<Status, EffortRange>;
  /** Hours once per distinct API (symbol) per repository, by status. */
  apis: Record<Status, EffortRange>;
  /** Multiplier of use and API weights by finding kind; 1 when absent. */
  kindFactors: Record<string, number>;
  kernels: {
    qualifierFactors: { global: number; device: number };
    models: Record<KernelModel, KernelModelWeights>;
  };
  /** Build-system work, a fraction of the code work. */
  build: { fraction: EffortRange };
  /** Testing and numerical validation, a fraction of the code work. */
  validation: { fraction: EffortRange };
  /** Blocker categories, in order of precedence. */
  incompatibilities: Record<string, IncompatibilityCategory>;
}

/**
 * What an effort line item is:
 * - `use`: uses of one symbol with one status in one file;
 * - `api`: a file's share of the once-per-repository cost of one distinct API;
 * - `covered`: uses inside a rewritten kernel, costed by the kernel (0 hours; listed so every finding is accounted for);
 * - `kernel`: one part of one kernel's cost (`part`: base, lines, or feature:<tag>);
 * - `learning`: a kernel's share of learning the target's kernel programming model;
 * - `build`, `validation`: fractions of the code work (target totals only, never in `items` of a file).
 */
export type EffortItemKind = 'use' | 'api' | 'covered' | 'kernel' | 'learning' | 'build' | 'validation';

/** One line of the estimate: `hours` = `count` × `rate` (for build and validation: the fraction of the code hours, bound by bound). */
export interface EffortItem {
  kind: EffortItemKind;
  /** The symbol (use, api, covered), the kernel name (kernel, learning), or the work (build, validation). */
  subject: string;
  /** The status on the target (use, api, covered). */
  status?: Status;
  /** Kernel items: base | lines | feature:<tag>; kernel and learning items: the kernel's mode (rewrite | adapt) in `mode`. */
  part?: string;
  mode?: 'rewrite' | 'adapt';
  /** Family of the symbol; `kernel` for kernel and learning items. */
  family?: string;
  /** File the item belongs to (absent for build and validation). */
  file?: string;
  /** First line (use: first use in the file; kernel: its first line). */
  line?: number;
  /** Component of `file` at the report's group depth. */
  component?: string;
  /** Units: uses, lines, 1 kernel, a share (api: uses in this file; learning: 1/number of kernels), or the likely code hours (build, validation). */
  count: number;
  /** Hours per unit (fractions for build and validation). */
  rate: EffortRange;
  hours: EffortRange;
  /** The weights used, as config paths (e.g. `uses.partial × kindFactors.enum`). */
  weight: string;
  /** Why, when it is not obvious (e.g. "3 of 12 uses of a once-per-repository cost"). */
  note?: string;
}

/** The estimate of one group of files (a file, a component, a family). Rows of a rollup sum to the target total. */
export interface EffortRollup {
  /** File path, component name ("." = files at the root), or family. */
  key: string;
  /** Including this group's share of build and validation work. */
  hours: EffortRange;
  /** hours / hoursPerDay. */
  days: EffortRange;
  /** Findings in the group (costed or covered). */
  uses: number;
  /** Kernels (global and device functions) in the group. */
  kernels: number;
  /** 0–100: the share of the group's likely code hours that is direct uses and their APIs (plain renames); 100 when there is no work. */
  portability: number;
}

/** The estimate for one target profile. */
export interface TargetEffort {
  profile: string;
  vendor: Vendor;
  kernelModel: KernelModel;
  total: EffortRange;
  /** total / hoursPerDay. */
  days: EffortRange;
  /** 0–100, as in EffortRollup. */
  portability: number;
  /** Hours by kind of work; code = uses + apis + kernels + learning; total = code + build + validation. */
  breakdown: { uses: EffortRange; apis: EffortRange; kernels: EffortRange; learning: EffortRange; code: EffortRange; build: EffortRange; validation: EffortRange };
  /** Kernels costed as a rewrite and as an adaptation. */
  kernels: { rewrite: number; adapt: number };
  byComponent: EffortRollup[];
  /** Files with any effort item. */
  byFile: EffortRollup[];
  /** Families of the findings; kernel costs go to `kernel`. */
  byFamily: EffortRollup[];
  /** Every line of the estimate: their hours sum to `total`. */
  items: EffortItem[];
}

/** Report.effort: the porting estimate per target. */
export interface EffortReport {
  hoursPerDay: number;
  /** Folder depth that defines a component (1 = first folder under the root). */
  groupDepth: number;
  /** Where the weights came from: rules/effort.yaml, then the config file if any. */
  sources: string[];
  /** The weights used, after merging. */
  weights: EffortWeights;
  targets: TargetEffort[];
}

/** Where a blocker occurs: a finding, or a kernel using a blocking feature. */
export interface IncompatibilityLocation {
  file: string;
  line: number;
  /** The symbol of a finding location. */
  symbol?: string;
  /** The kernel of a kernel location. */
  kernel?: string;
}

/** One blocker on one target: a category (or, for no-equivalent, one symbol). */
export interface Incompatibility {
  /** Category id from the weights (inline-ptx, dynamic-parallelism, managed-memory, texture, warp-size, no-equivalent, ...). */
  category: string;
  title: string;
  risk: 'high' | 'medium' | 'low';
  /** Symbols involved, sorted. */
  symbols: string[];
  /** Hours of the estimate this blocker accounts for (already part of the total, not added to it). */
  hours: EffortRange;
  /** Findings involved (kernel locations not counted). */
  count: number;
  locations: IncompatibilityLocation[];
  /** What to do: the category advice; for a no-equivalent (`any`) category, the rule's note for this target when it has one. */
  advice: string;
}

/** Report.incompatibilities entry: the blockers of one target, most hours first. */
export interface TargetIncompatibilities {
  profile: string;
  vendor: Vendor;
  items: Incompatibility[];
}
