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
      "description": "Factors deriving low and high from weights written as one number.",
      "properties": {
        "low": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "high": {
          "type": "number",
          "minimum": 1
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
          "description": "Multiplier of a kernel's cost by qualifier.",
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
