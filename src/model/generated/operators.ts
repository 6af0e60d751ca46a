/**
 * Generated from schemas/operators.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * Kernel -> vendor operator patterns (rules/operators.yaml): a CUDA kernel whose name (or file name) matches a pattern can be replaced by the listed aclnn / CNNL / mlu-ops operators instead of being rewritten. docs/effort-model.md#operators describes the matching.
 */
export interface OperatorPatternsFile {
  /**
   * Patterns in order of precedence: a kernel takes the first pattern its name matches, else the first its file name matches.
   */
  operators: OperatorPattern[];
}
/**
 * This interface was referenced by `OperatorPatternsFile`'s JSON-Schema
 * via the `definition` "OperatorPattern".
 */
export interface OperatorPattern {
  id: string;
  /**
   * What the operator does, as shown in reports.
   */
  title: string;
  /**
   * standard: a generic tensor operator (norms, GEMM, softmax ...); domain: a task-specific operator (detection, 3D, MoE) whose adapter costs more (effort weights operators.adapter).
   */
  kind: 'standard' | 'domain';
  match: OperatorMatch;
  targets: {
    ascend?: VendorOperators;
    cambricon?: VendorOperators;
  };
  /**
   * Public ports that replaced such kernels by these operators (owner/repo@commit:path).
   */
  evidence?: string[];
  note?: string;
}
/**
 * Regular expressions (case-insensitive) tested against a name split into lowercase words joined and framed by `_` (rmsNormKernel -> _rms_norm_kernel_).
 *
 * This interface was referenced by `OperatorPatternsFile`'s JSON-Schema
 * via the `definition` "OperatorMatch".
 */
export interface OperatorMatch {
  /**
   * On the kernel's name (last component).
   *
   * @minItems 1
   */
  names: string[];
  /**
   * On the file's name without extension; default: the `names` patterns.
   */
  files?: string[];
  /**
   * Kernel names that must not match even when `names` does.
   */
  exclude?: string[];
  /**
   * The parameter list must match (for example `\*.*\*.*\*` for three pointers).
   */
  signature?: string;
  /**
   * Regular expressions on the file's path: the pattern applies only to kernels in matching files (for names too generic alone).
   */
  paths?: string[];
}
/**
 * This interface was referenced by `OperatorPatternsFile`'s JSON-Schema
 * via the `definition` "VendorOperators".
 */
export interface VendorOperators {
  /**
   * Operator names; empty when the vendor has none (the kernel is rewritten; say why in `note`).
   */
  operators: string[];
  /**
   * owner/repo@ref:path of a file that contains every operator name (a list when several files are needed).
   */
  source?: string | string[];
  /**
   * First SDK release (X.Y) with the operators; older profiles rewrite the kernel.
   */
  since?: string;
  /**
   * confirmed: every name is in the vendor's SDK inventory (rules/inventory/vendor); likely: used by a public port or framework but not in the inventory; uncertain: an operator package outside the SDK. Default: confirmed when a source is given.
   */
  confidence?: 'confirmed' | 'likely' | 'uncertain';
  note?: string;
}

/** schemas/operators.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const operatorsSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/operators.schema.json",
  "title": "OperatorPatternsFile",
  "description": "Kernel -> vendor operator patterns (rules/operators.yaml): a CUDA kernel whose name (or file name) matches a pattern can be replaced by the listed aclnn / CNNL / mlu-ops operators instead of being rewritten. docs/effort-model.md#operators describes the matching.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "operators"
  ],
  "properties": {
    "operators": {
      "type": "array",
      "description": "Patterns in order of precedence: a kernel takes the first pattern its name matches, else the first its file name matches.",
      "items": {
        "$ref": "#/definitions/OperatorPattern"
      }
    }
  },
  "definitions": {
    "OperatorPattern": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "kind",
        "match",
        "targets"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$"
        },
        "title": {
          "type": "string",
          "description": "What the operator does, as shown in reports."
        },
        "kind": {
          "enum": [
            "standard",
            "domain"
          ],
          "description": "standard: a generic tensor operator (norms, GEMM, softmax ...); domain: a task-specific operator (detection, 3D, MoE) whose adapter costs more (effort weights operators.adapter)."
        },
        "match": {
          "$ref": "#/definitions/OperatorMatch"
        },
        "targets": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "ascend": {
              "$ref": "#/definitions/VendorOperators"
            },
            "cambricon": {
              "$ref": "#/definitions/VendorOperators"
            }
          }
        },
        "evidence": {
          "type": "array",
          "items": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+$"
          },
          "description": "Public ports that replaced such kernels by these operators (owner/repo@commit:path)."
        },
        "note": {
          "type": "string"
        }
      }
    },
    "OperatorMatch": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "names"
      ],
      "description": "Regular expressions (case-insensitive) tested against a name split into lowercase words joined and framed by `_` (rmsNormKernel -> _rms_norm_kernel_).",
      "properties": {
        "names": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string"
          },
          "description": "On the kernel's name (last component)."
        },
        "files": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "On the file's name without extension; default: the `names` patterns."
        },
        "exclude": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Kernel names that must not match even when `names` does."
        },
        "signature": {
          "type": "string",
          "description": "The parameter list must match (for example `\\*.*\\*.*\\*` for three pointers)."
        },
        "paths": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Regular expressions on the file's path: the pattern applies only to kernels in matching files (for names too generic alone)."
        }
      }
    },
    "VendorOperators": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "operators"
      ],
      "properties": {
        "operators": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Operator names; empty when the vendor has none (the kernel is rewritten; say why in `note`)."
        },
        "source": {
          "description": "owner/repo@ref:path of a file that contains every operator name (a list when several files are needed).",
          "oneOf": [
            {
              "type": "string",
              "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+$"
            },
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "string",
                "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+$"
              }
            }
          ]
        },
        "since": {
          "type": "string",
          "pattern": "^[0-9]+\\.[0-9]+$",
          "description": "First SDK release (X.Y) with the operators; older profiles rewrite the kernel."
        },
        "confidence": {
          "enum": [
            "confirmed",
            "likely",
            "uncertain"
          ],
          "description": "confirmed: every name is in the vendor's SDK inventory (rules/inventory/vendor); likely: used by a public port or framework but not in the inventory; uncertain: an operator package outside the SDK. Default: confirmed when a source is given."
        },
        "note": {
          "type": "string"
        }
      }
    }
  }
};
