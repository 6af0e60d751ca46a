/**
 * Types of the effort estimate and the incompatibility list (Report.effort, Report.incompatibilities),
 * and of the weights that produce them (rules/effort.yaml). docs/effort-model.md describes the model.
 */
import type { KernelModel, Status } from './catalog.js';
import type { EffortRange } from './generated/report.js';

export type {
  EffortItem, EffortRange, EffortReport, EffortRollup, Incompatibility, IncompatibilityLocation, KernelChoice, KernelCounts, KernelNote,
  OperatorCandidate, TargetEffort, TargetIncompatibilities, WorkPackage,
} from './generated/report.js';
/** What an effort line item is (docs/effort-model.md). */
export type EffortItemKind = import('./generated/report.js').EffortItem['kind'];


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

/** How kernels are mapped onto vendor operators (rules/operators.yaml). */
export interface OperatorWeights {
  /** Map kernels onto vendor operators at all (false: as before a vendor library existed). */
  use: boolean;
  /** The weakest match that is mapped. */
  mapOn: 'name' | 'file';
  /** Hours per adapter (one per operator pattern and file), by the pattern's kind. */
  adapter: { standard: EffortRange; domain: EffortRange };
  /** Hours for each further kernel an adapter replaces. */
  perKernel: EffortRange;
}

/** Credit (0–1) of each kind of work toward the portability score. */
export interface PortabilityWeights {
  uses: Record<Status, number>;
  adapter: number;
  adapt: number;
  rewrite: number;
}

/** The effort weights after merging the config file over rules/effort.yaml; every weight resolved to a range. */
export interface EffortWeights {
  /** Productive hours in one person-day. */
  hoursPerDay: number;
  /**
   * The calibrated error: likely × low and likely × high are the range (derives low and high of weights written
   * as one number); `uncertain` widens the high bound of items resting on uncertain answers.
   */
  range: { low: number; high: number; uncertain: number };
  /** Hours once per repository and target with any work. */
  setup: EffortRange;
  operators: OperatorWeights;
  portability: PortabilityWeights;
  /** Where the weights come from (informational). */
  calibration?: Record<string, unknown>;
  /** Hours per use, by the use's status on the target. */
  uses: Record<Status, EffortRange>;
  /** Hours once per distinct API (symbol) per repository, by status. */
  apis: Record<Status, EffortRange>;
  /** Multiplier of use and API weights by finding kind; 1 when absent. */
  kindFactors: Record<string, number>;
  kernels: {
    qualifierFactors: { global: number; device: number };
    models: Record<KernelModel, KernelModelWeights>;
    /** Path globs: kernels in matching files are listed, not counted. */
    exclude: string[];
    /** How experimental variants are flagged: path globs, name regular expressions. */
    experimental: { paths: string[]; names: string[] };
    /** Launch-configuration symbols (<<<>>>, dim3): part of the kernel work, not costed per use when there are kernels. */
    launch: string[];
  };
  /** Build-system work, a fraction of the code work. */
  build: { fraction: EffortRange };
  /** Testing and numerical validation, a fraction of the code work. */
  validation: { fraction: EffortRange };
  /** Blocker categories, in order of precedence. */
  incompatibilities: Record<string, IncompatibilityCategory>;
}
