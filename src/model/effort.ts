/**
 * Types of the effort estimate and the incompatibility list (Report.effort, Report.incompatibilities),
 * and of the weights that produce them (rules/effort.yaml). docs/effort-model.md describes the model.
 */
import type { KernelModel, Status } from './catalog.js';
import type { EffortRange } from './generated/report.js';

export type {
  EffortItem, EffortRange, EffortReport, EffortRollup, Incompatibility, IncompatibilityLocation, TargetEffort, TargetIncompatibilities,
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








