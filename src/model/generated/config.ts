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
   * Calibrated error of the estimate: the likely hours times `low` and `high` give the range (the 10th and 90th percentile of the leave-one-out ratios measured/estimated, docs/effort-calibration.md). Weights written as one number get their low and high from these factors.
   */
  range?: {
    low?: number;
    high?: number;
    /**
     * Multiplies the high bound of items that rest on an uncertain catalog answer or operator candidate (TargetAnswer.confidence uncertain).
     */
    uncertain?: number;
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
     * Multiplier of a kernel's cost by qualifier (device functions are costed with the kernels that call them; `device` applies to helpers no kernel calls).
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
    /**
     * Path globs (relative to the scanned root): kernels in matching files are listed but not counted or costed (experimental, benchmark or duplicate copies).
     */
    exclude?: string[];
    /**
     * How kernels are flagged as experimental variants (flagged only; exclude them with `exclude`).
     */
    experimental?: {
      /**
       * Path globs.
       */
      paths?: string[];
      /**
       * Regular expressions on the kernel name.
       */
      names?: string[];
    };
    /**
     * Symbols of kernel launch configuration (<<<>>>, dim3): part of the kernel work (the rewrite's or the adapter's host side), not costed per use when the scan has kernels.
     */
    launch?: string[];
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
  /**
   * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
   */
  setup?:
    | number
    | {
        low?: number;
        likely?: number;
        high?: number;
      };
  /**
   * Kernels that match a vendor operator (rules/operators.yaml) are mapped onto it: an adapter instead of a rewrite.
   */
  operators?: {
    /**
     * Map kernels onto vendor operators (false: every kernel is rewritten or adapted, as before a vendor library existed).
     */
    use?: boolean;
    /**
     * The weakest match that is mapped: name (the kernel's name matches the pattern, or a kernel of its file does: sibling) or file (its file's name alone).
     */
    mapOn?: 'name' | 'file';
    /**
     * Hours per adapter: one per operator pattern and file (the kernels of one CUDA operator: forward, backward, variants).
     */
    adapter?: {
      /**
       * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
       *
       * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
       * via the `definition` "Weight".
       */
      standard?:
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
      domain?:
        | number
        | {
            low?: number;
            likely?: number;
            high?: number;
          };
    };
    /**
     * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
     */
    perKernel?:
      | number
      | {
          low?: number;
          likely?: number;
          high?: number;
        };
  };
  /**
   * Credit (0-1) of each kind of work toward the portability score: the hour-weighted share of the work that has a counterpart on the target.
   */
  portability?: {
    uses?: {
      direct?: number;
      partial?: number;
      rewrite?: number;
      none?: number;
      unknown?: number;
    };
    /**
     * A kernel mapped onto a vendor operator.
     */
    adapter?: number;
    /**
     * A kernel adapted (SIMT).
     */
    adapt?: number;
    /**
     * A kernel rewritten.
     */
    rewrite?: number;
  };
  /**
   * Where the shipped weights come from (informational; `ascendify effort --calibrate` writes it).
   */
  calibration?: {
    [k: string]: unknown;
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
