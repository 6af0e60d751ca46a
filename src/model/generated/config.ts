/**
 * Generated from schemas/config.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * ascendify configuration (ascendify.config.yaml). Project settings read from ascendify.config.yaml in the scanned root, or from the file given with --config.
 */
export interface ConfigFile {
  effort?: EffortWeightsFile;
  /**
   * Findings to suppress. Suppressed findings stay in the JSON and SARIF reports, marked `suppressed: { kind: 'config' }`, and do not count toward --fail-on or the summary.
   */
  ignore?: {
    /**
     * Globs matched against file paths relative to the scanned root (picomatch syntax, dot files included), e.g. third_party/**.
     */
    paths?: string[];
    /**
     * Rule ids (runtime-malloc-managed) or CUDA symbols (cudaMallocManaged) whose findings are suppressed everywhere.
     */
    rules?: string[];
  };
  /**
   * Extra rule files or folders (same format as rules/families/*.yaml), relative to this file; loaded like --rules, e.g. to map a team's own wrappers.
   */
  rules?: string[];
}
/**
 * Overrides of the effort weights (rules/effort.yaml), merged over the defaults; see docs/effort-model.md.
 */
export interface EffortWeightsFile {
  /**
   * Productive hours in one person-day.
   */
  hoursPerDay?: number;
  /**
   * Factors deriving low and high from weights written as one number.
   */
  range?: {
    low?: number;
    high?: number;
  };
  /**
   * Hours per use, by the use's status on the target.
   */
  uses?: {
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    direct?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    partial?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    rewrite?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    none?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    unknown?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
  };
  /**
   * Hours once per distinct API (symbol) per repository, by status.
   */
  apis?: {
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    direct?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    partial?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    rewrite?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    none?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     *
     * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
     * via the `definition` "Weight".
     */
    unknown?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
  };
  /**
   * Multiplier of use and API weights by finding kind (header, enum, function, type, ...); 1 when absent.
   */
  kindFactors?: {
    [k: string]: number;
  };
  kernels?: {
    /**
     * Multiplier of a kernel's cost by qualifier.
     */
    qualifierFactors?: {
      global?: number;
      device?: number;
    };
    /**
     * Kernel cost per profile kernelModel.
     */
    models?: {
      tile?: KernelModelWeightsFile;
      simt?: KernelModelWeightsFile;
      bang?: KernelModelWeightsFile;
    };
  };
  build?: {
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     */
    fraction?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
  };
  validation?: {
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     */
    fraction?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
  };
  /**
   * Blocker categories, in order of precedence.
   */
  incompatibilities?: {
    [k: string]: IncompatibilityCategoryFile;
  };
}
/**
 * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
 * via the `definition` "KernelModelWeightsFile".
 */
export interface KernelModelWeightsFile {
  /**
   * rewrite: every kernel is rewritten; adapt: kernels are adapted unless they use a rewriteIf feature.
   */
  mode?: 'rewrite' | 'adapt';
  /**
   * adapt mode: features that force a rewrite.
   */
  rewriteIf?: string[];
  /**
   * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
   */
  learning?:
    | number
    | {
        low?: number;
        likely?: number;
        high?: number;
      };
  rewrite?: KernelCost;
  adapt?: KernelCost;
  /**
   * Extra fraction of the kernel's base+lines hours per feature it uses (0.5 = +50%).
   */
  features?: {
    [k: string]: number;
  };
}
/**
 * Hours of one kernel: base + perLine x lines (times the qualifier factor).
 *
 * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
 * via the `definition` "KernelCost".
 */
export interface KernelCost {
  /**
   * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
   */
  base?:
    | number
    | {
        low?: number;
        likely?: number;
        high?: number;
      };
  /**
   * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
   */
  perLine?:
    | number
    | {
        low?: number;
        likely?: number;
        high?: number;
      };
}
/**
 * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
 * via the `definition` "IncompatibilityCategoryFile".
 */
export interface IncompatibilityCategoryFile {
  /**
   * Heading shown in reports.
   */
  title?: string;
  risk?: 'high' | 'medium' | 'low';
  /**
   * Target statuses that make a matching finding a blocker.
   */
  statuses?: ('direct' | 'partial' | 'rewrite' | 'none' | 'unknown')[];
  /**
   * Symbols that match (canonical names).
   */
  symbols?: string[];
  /**
   * Rule features that match (kernels using them are listed too).
   */
  features?: string[];
  /**
   * Regular expression: a feature match also needs the source line to match it.
   */
  snippet?: string;
  /**
   * Match every finding with one of `statuses`.
   */
  any?: boolean;
  /**
   * What to do.
   */
  advice?: string;
}

/** schemas/config.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const configSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/config.schema.json",
  "title": "ConfigFile",
  "description": "ascendify configuration (ascendify.config.yaml). Project settings read from ascendify.config.yaml in the scanned root, or from the file given with --config.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "effort": {
      "description": "Overrides of the effort weights (rules/effort.yaml), merged over the defaults; see docs/effort-model.md.",
      "$ref": "effort.schema.json"
    },
    "ignore": {
      "description": "Findings to suppress. Suppressed findings stay in the JSON and SARIF reports, marked `suppressed: { kind: 'config' }`, and do not count toward --fail-on or the summary.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "paths": {
          "description": "Globs matched against file paths relative to the scanned root (picomatch syntax, dot files included), e.g. third_party/**.",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        },
        "rules": {
          "description": "Rule ids (runtime-malloc-managed) or CUDA symbols (cudaMallocManaged) whose findings are suppressed everywhere.",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "rules": {
      "description": "Extra rule files or folders (same format as rules/families/*.yaml), relative to this file; loaded like --rules, e.g. to map a team's own wrappers.",
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      }
    }
  }
};
