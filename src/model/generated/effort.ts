/**
 * Generated from schemas/effort.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.
 *
 * This interface was referenced by `EffortWeightsFile`'s JSON-Schema
 * via the `definition` "Weight".
 */
export type Weight =
  | number
  | {
      low?: number;
      likely?: number;
      high?: number;
    };

/**
 * ascendify effort weights (rules/effort.yaml, and the effort: key of ascendify.config.yaml). Every field is optional here so that a config file can override part of the defaults; the merged result must be complete (checked when loading).
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
    direct?: Weight;
    partial?: Weight;
    rewrite?: Weight;
    none?: Weight;
    unknown?: Weight;
  };
  /**
   * Hours once per distinct API (symbol) per repository, by status.
   */
  apis?: {
    direct?: Weight;
    partial?: Weight;
    rewrite?: Weight;
    none?: Weight;
    unknown?: Weight;
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
      standard?: Weight;
      domain?: Weight;
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

/** schemas/effort.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const effortSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/effort.schema.json",
  "title": "EffortWeightsFile",
  "description": "ascendify effort weights (rules/effort.yaml, and the effort: key of ascendify.config.yaml). Every field is optional here so that a config file can override part of the defaults; the merged result must be complete (checked when loading).",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "hoursPerDay": {
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 24,
      "description": "Productive hours in one person-day."
    },
    "range": {
      "type": "object",
      "additionalProperties": false,
      "description": "Calibrated error of the estimate: the likely hours times `low` and `high` give the range (the 10th and 90th percentile of the leave-one-out ratios measured/estimated, docs/effort-calibration.md). Weights written as one number get their low and high from these factors.",
      "properties": {
        "low": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "high": {
          "type": "number",
          "minimum": 1
        },
        "uncertain": {
          "type": "number",
          "minimum": 1,
          "description": "Multiplies the high bound of items that rest on an uncertain catalog answer or operator candidate (TargetAnswer.confidence uncertain)."
        }
      }
    },
    "uses": {
      "type": "object",
      "description": "Hours per use, by the use's status on the target.",
      "additionalProperties": false,
      "properties": {
        "direct": {
          "$ref": "#/definitions/Weight"
        },
        "partial": {
          "$ref": "#/definitions/Weight"
        },
        "rewrite": {
          "$ref": "#/definitions/Weight"
        },
        "none": {
          "$ref": "#/definitions/Weight"
        },
        "unknown": {
          "$ref": "#/definitions/Weight"
        }
      }
    },
    "apis": {
      "type": "object",
      "description": "Hours once per distinct API (symbol) per repository, by status.",
      "additionalProperties": false,
      "properties": {
        "direct": {
          "$ref": "#/definitions/Weight"
        },
        "partial": {
          "$ref": "#/definitions/Weight"
        },
        "rewrite": {
          "$ref": "#/definitions/Weight"
        },
        "none": {
          "$ref": "#/definitions/Weight"
        },
        "unknown": {
          "$ref": "#/definitions/Weight"
        }
      }
    },
    "kindFactors": {
      "type": "object",
      "description": "Multiplier of use and API weights by finding kind (header, enum, function, type, ...); 1 when absent.",
      "additionalProperties": {
        "type": "number",
        "minimum": 0
      }
    },
    "kernels": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "qualifierFactors": {
          "type": "object",
          "additionalProperties": false,
          "description": "Multiplier of a kernel's cost by qualifier (device functions are costed with the kernels that call them; `device` applies to helpers no kernel calls).",
          "properties": {
            "global": {
              "type": "number",
              "minimum": 0
            },
            "device": {
              "type": "number",
              "minimum": 0
            }
          }
        },
        "models": {
          "type": "object",
          "additionalProperties": false,
          "description": "Kernel cost per profile kernelModel.",
          "properties": {
            "tile": {
              "$ref": "#/definitions/KernelModelWeightsFile"
            },
            "simt": {
              "$ref": "#/definitions/KernelModelWeightsFile"
            },
            "bang": {
              "$ref": "#/definitions/KernelModelWeightsFile"
            }
          }
        },
        "exclude": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Path globs (relative to the scanned root): kernels in matching files are listed but not counted or costed (experimental, benchmark or duplicate copies)."
        },
        "experimental": {
          "type": "object",
          "additionalProperties": false,
          "description": "How kernels are flagged as experimental variants (flagged only; exclude them with `exclude`).",
          "properties": {
            "paths": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "description": "Path globs."
            },
            "names": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "description": "Regular expressions on the kernel name."
            }
          }
        },
        "launch": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Symbols of kernel launch configuration (<<<>>>, dim3): part of the kernel work (the rewrite's or the adapter's host side), not costed per use when the scan has kernels."
        }
      }
    },
    "build": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "fraction": {
          "$ref": "#/definitions/Weight",
          "description": "Build-system work as a fraction of the code work."
        }
      }
    },
    "validation": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "fraction": {
          "$ref": "#/definitions/Weight",
          "description": "Testing and numerical validation as a fraction of the code work."
        }
      }
    },
    "incompatibilities": {
      "type": "object",
      "description": "Blocker categories, in order of precedence.",
      "propertyNames": {
        "pattern": "^[a-z0-9-]+$"
      },
      "additionalProperties": {
        "$ref": "#/definitions/IncompatibilityCategoryFile"
      }
    },
    "setup": {
      "$ref": "#/definitions/Weight",
      "description": "Hours once per repository and target when there is any work: the target's runtime, operator-library calling convention and test harness, set up once."
    },
    "operators": {
      "type": "object",
      "additionalProperties": false,
      "description": "Kernels that match a vendor operator (rules/operators.yaml) are mapped onto it: an adapter instead of a rewrite.",
      "properties": {
        "use": {
          "type": "boolean",
          "description": "Map kernels onto vendor operators (false: every kernel is rewritten or adapted, as before a vendor library existed)."
        },
        "mapOn": {
          "enum": [
            "name",
            "file"
          ],
          "description": "The weakest match that is mapped: name (the kernel's name matches the pattern, or a kernel of its file does: sibling) or file (its file's name alone)."
        },
        "adapter": {
          "type": "object",
          "additionalProperties": false,
          "description": "Hours per adapter: one per operator pattern and file (the kernels of one CUDA operator: forward, backward, variants).",
          "properties": {
            "standard": {
              "$ref": "#/definitions/Weight"
            },
            "domain": {
              "$ref": "#/definitions/Weight"
            }
          }
        },
        "perKernel": {
          "$ref": "#/definitions/Weight",
          "description": "Hours for each further kernel an adapter replaces (a backward pass, a dtype variant)."
        }
      }
    },
    "portability": {
      "type": "object",
      "additionalProperties": false,
      "description": "Credit (0-1) of each kind of work toward the portability score: the hour-weighted share of the work that has a counterpart on the target.",
      "properties": {
        "uses": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "direct": {
              "type": "number",
              "minimum": 0,
              "maximum": 1
            },
            "partial": {
              "type": "number",
              "minimum": 0,
              "maximum": 1
            },
            "rewrite": {
              "type": "number",
              "minimum": 0,
              "maximum": 1
            },
            "none": {
              "type": "number",
              "minimum": 0,
              "maximum": 1
            },
            "unknown": {
              "type": "number",
              "minimum": 0,
              "maximum": 1
            }
          }
        },
        "adapter": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "A kernel mapped onto a vendor operator."
        },
        "adapt": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "A kernel adapted (SIMT)."
        },
        "rewrite": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "A kernel rewritten."
        }
      }
    },
    "calibration": {
      "type": "object",
      "description": "Where the shipped weights come from (informational; `ascendify effort --calibrate` writes it).",
      "additionalProperties": true
    }
  },
  "definitions": {
    "Weight": {
      "description": "A weight: one number (the likely value; low and high derived with `range`), or { low, likely, high }.",
      "oneOf": [
        {
          "type": "number",
          "minimum": 0
        },
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "low": {
              "type": "number",
              "minimum": 0
            },
            "likely": {
              "type": "number",
              "minimum": 0
            },
            "high": {
              "type": "number",
              "minimum": 0
            }
          }
        }
      ]
    },
    "KernelCost": {
      "type": "object",
      "additionalProperties": false,
      "description": "Hours of one kernel: base + perLine x lines (times the qualifier factor).",
      "properties": {
        "base": {
          "$ref": "#/definitions/Weight",
          "description": "Hours per kernel."
        },
        "perLine": {
          "$ref": "#/definitions/Weight",
          "description": "Hours per line of the kernel."
        }
      }
    },
    "KernelModelWeightsFile": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "mode": {
          "enum": [
            "rewrite",
            "adapt"
          ],
          "description": "rewrite: every kernel is rewritten; adapt: kernels are adapted unless they use a rewriteIf feature."
        },
        "rewriteIf": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true,
          "description": "adapt mode: features that force a rewrite."
        },
        "learning": {
          "$ref": "#/definitions/Weight",
          "description": "Hours to learn the kernel programming model, once per repository when it has kernels."
        },
        "rewrite": {
          "$ref": "#/definitions/KernelCost"
        },
        "adapt": {
          "$ref": "#/definitions/KernelCost"
        },
        "features": {
          "type": "object",
          "description": "Extra fraction of the kernel's base+lines hours per feature it uses (0.5 = +50%).",
          "propertyNames": {
            "pattern": "^[a-z0-9-]+$"
          },
          "additionalProperties": {
            "type": "number",
            "minimum": 0
          }
        }
      }
    },
    "IncompatibilityCategoryFile": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "title": {
          "type": "string",
          "description": "Heading shown in reports."
        },
        "risk": {
          "enum": [
            "high",
            "medium",
            "low"
          ]
        },
        "statuses": {
          "type": "array",
          "items": {
            "enum": [
              "direct",
              "partial",
              "rewrite",
              "none",
              "unknown"
            ]
          },
          "uniqueItems": true,
          "description": "Target statuses that make a matching finding a blocker."
        },
        "symbols": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Symbols that match (canonical names)."
        },
        "features": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Rule features that match (kernels using them are listed too)."
        },
        "snippet": {
          "type": "string",
          "description": "Regular expression: a feature match also needs the source line to match it."
        },
        "any": {
          "type": "boolean",
          "description": "Match every finding with one of `statuses`."
        },
        "advice": {
          "type": "string",
          "description": "What to do."
        }
      }
    }
  }
};
