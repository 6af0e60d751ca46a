/**
 * Generated from schemas/rules.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * direct: a rename (arguments may be reordered); partial: a similar facility, review and adapt; rewrite: re-express, usually as a vendor-model kernel; none: no counterpart, design a replacement.
 *
 * This interface was referenced by `RawRuleFile`'s JSON-Schema
 * via the `definition` "status".
 */
export type Status = 'direct' | 'partial' | 'rewrite' | 'none';
/**
 * Target symbol(s), e.g. aclrtMalloc. Required for direct and partial.
 */
export type Replacement = string[];
/**
 * This interface was referenced by `RawRuleFile`'s JSON-Schema
 * via the `definition` "family".
 */
export type Family = string;

/**
 * ascendify rule file. One family of CUDA-to-Ascend/Cambricon mapping rules. Shipped files live in rules/families/; user files are loaded with --rules DIR.
 */
export interface RawRuleFile {
  /**
   * Default family for every rule in this file (runtime, driver, kernel, nccl, cublas, ...).
   */
  family: string;
  /**
   * What this file covers, in one or two sentences.
   */
  description?: string;
  rules: RawRule[];
}
/**
 * This interface was referenced by `RawRuleFile`'s JSON-Schema
 * via the `definition` "RawRule".
 */
export interface RawRule {
  /**
   * Unique kebab-case id, e.g. cuda-malloc.
   */
  id: string;
  /**
   * Canonical CUDA names this rule answers for (namespaced names in full: cooperative_groups::this_grid). A trailing * matches a prefix (cutlass::*).
   *
   * @minItems 1
   */
  symbols: string[];
  /**
   * What the symbol is in CUDA.
   */
  kind: 'function' | 'type' | 'enum' | 'macro' | 'builtin' | 'qualifier' | 'syntax' | 'header' | 'namespace';
  /**
   * Overrides the file's family.
   */
  family?: string;
  /**
   * Where a use counts: device (inside __global__/__device__ code), host, or any (default).
   */
  context?: 'any' | 'device' | 'host';
  /**
   * Kernel feature this use adds to the kernel that contains it (shared-memory, warp-shuffle, atomics, ...).
   */
  feature?: string;
  /**
   * Defaults from the worst target status: none/rewrite error, partial warning, direct info.
   */
  severity?: 'info' | 'warning' | 'error';
  /**
   * One-line message; {symbol} is replaced by the matched name.
   */
  message?: string;
  /**
   * Documentation for the CUDA symbol.
   */
  url?: string;
  /**
   * User rules only: true when this rule replaces a shipped rule for the same symbol.
   */
  override?: boolean;
  targets: {
    ascend: RawVendorAnswer;
    cambricon: RawVendorAnswer;
  };
}
/**
 * The answer for every profile of a vendor, with optional per-profile overrides.
 *
 * This interface was referenced by `RawRuleFile`'s JSON-Schema
 * via the `definition` "RawVendorAnswer".
 */
export interface RawVendorAnswer {
  status: Status;
  replacement?: Replacement;
  /**
   * Target header that declares the replacement, e.g. acl/acl_rt.h.
   */
  header?: string;
  /**
   * What differs and what to do. Required for none and rewrite.
   */
  note?: string;
  /**
   * The note in Simplified Chinese, shown instead of `note` with --lang zh-CN (ascendify explain). Optional; `ascendify rules stats` counts how many notes have one.
   */
  note_zh?: string;
  /**
   * First version of the vendor SDK (CANN for Ascend, CNRT for Cambricon) that has the replacement. A profile whose SDK is older answers none.
   */
  since?: string;
  /**
   * Where the replacement was confirmed: `owner/repo@ref:path` of a vendor file at a release tag (or commit) that holds every replacement name, or a list of such files when the names live in several. Direct and partial answers of the shipped catalog must cite such files (the confidence of an answer is computed from them: docs/catalog-truth.md); user rules may cite anything, and are then `uncertain` unless the names are in the SDK inventory.
   */
  source?: string | string[];
  /**
   * Only `uncertain` may be written (with a note saying why): confidence is otherwise computed from the vendor data (docs/catalog-truth.md). Rule files written before may still say confirmed or likely; those values are ignored.
   */
  confidence?: 'confirmed' | 'likely' | 'uncertain';
  /**
   * false: the replacement cannot be checked against the profile's SDK inventory (rules/inventory/vendor/), e.g. it is launch syntax or a description rather than a symbol, or the SDK's headers are not public. Needs unverifiedReason. Leave out otherwise: every symbol of a direct or partial replacement must then be in the inventory (docs/rules-format.md).
   */
  verified?: false;
  /**
   * Why the replacement is not checked against the inventory (with verified: false).
   */
  unverifiedReason?: string;
  /**
   * Per-profile answers (keyed by profile id, e.g. ascend-950) that replace the vendor answer for that profile.
   */
  profiles?: {
    [k: string]: RawAnswer;
  };
}
/**
 * This interface was referenced by `RawRuleFile`'s JSON-Schema
 * via the `definition` "RawAnswer".
 */
export interface RawAnswer {
  status: Status;
  replacement?: Replacement;
  /**
   * Target header that declares the replacement, e.g. acl/acl_rt.h.
   */
  header?: string;
  /**
   * What differs and what to do. Required for none and rewrite.
   */
  note?: string;
  /**
   * The note in Simplified Chinese, shown instead of `note` with --lang zh-CN (ascendify explain). Optional; `ascendify rules stats` counts how many notes have one.
   */
  note_zh?: string;
  /**
   * First version of the vendor SDK (CANN for Ascend, CNRT for Cambricon) that has the replacement. A profile whose SDK is older answers none.
   */
  since?: string;
  /**
   * Where the replacement was confirmed: `owner/repo@ref:path` of a vendor file at a release tag (or commit) that holds every replacement name, or a list of such files when the names live in several. Direct and partial answers of the shipped catalog must cite such files (the confidence of an answer is computed from them: docs/catalog-truth.md); user rules may cite anything, and are then `uncertain` unless the names are in the SDK inventory.
   */
  source?: string | string[];
  /**
   * Only `uncertain` may be written (with a note saying why): confidence is otherwise computed from the vendor data (docs/catalog-truth.md). Rule files written before may still say confirmed or likely; those values are ignored.
   */
  confidence?: 'confirmed' | 'likely' | 'uncertain';
  /**
   * false: the replacement cannot be checked against the profile's SDK inventory (rules/inventory/vendor/), e.g. it is launch syntax or a description rather than a symbol, or the SDK's headers are not public. Needs unverifiedReason. Leave out otherwise: every symbol of a direct or partial replacement must then be in the inventory (docs/rules-format.md).
   */
  verified?: false;
  /**
   * Why the replacement is not checked against the inventory (with verified: false).
   */
  unverifiedReason?: string;
}

/** schemas/rules.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const rulesSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/rules.schema.json",
  "title": "RawRuleFile",
  "description": "ascendify rule file. One family of CUDA-to-Ascend/Cambricon mapping rules. Shipped files live in rules/families/; user files are loaded with --rules DIR.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "family",
    "rules"
  ],
  "properties": {
    "family": {
      "$ref": "#/definitions/family",
      "description": "Default family for every rule in this file (runtime, driver, kernel, nccl, cublas, ...)."
    },
    "description": {
      "type": "string",
      "description": "What this file covers, in one or two sentences."
    },
    "rules": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/RawRule"
      }
    }
  },
  "definitions": {
    "family": {
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]*$"
    },
    "status": {
      "enum": [
        "direct",
        "partial",
        "rewrite",
        "none"
      ],
      "description": "direct: a rename (arguments may be reordered); partial: a similar facility, review and adapt; rewrite: re-express, usually as a vendor-model kernel; none: no counterpart, design a replacement."
    },
    "RawAnswer": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "$ref": "#/definitions/status"
        },
        "replacement": {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          },
          "description": "Target symbol(s), e.g. aclrtMalloc. Required for direct and partial."
        },
        "header": {
          "type": "string",
          "description": "Target header that declares the replacement, e.g. acl/acl_rt.h."
        },
        "note": {
          "type": "string",
          "description": "What differs and what to do. Required for none and rewrite."
        },
        "note_zh": {
          "type": "string",
          "description": "The note in Simplified Chinese, shown instead of `note` with --lang zh-CN (ascendify explain). Optional; `ascendify rules stats` counts how many notes have one."
        },
        "since": {
          "type": "string",
          "pattern": "^[0-9]+(\\.[0-9]+)*$",
          "description": "First version of the vendor SDK (CANN for Ascend, CNRT for Cambricon) that has the replacement. A profile whose SDK is older answers none."
        },
        "source": {
          "description": "Where the replacement was confirmed: `owner/repo@ref:path` of a vendor file at a release tag (or commit) that holds every replacement name, or a list of such files when the names live in several. Direct and partial answers of the shipped catalog must cite such files (the confidence of an answer is computed from them: docs/catalog-truth.md); user rules may cite anything, and are then `uncertain` unless the names are in the SDK inventory.",
          "anyOf": [
            {
              "type": "string",
              "minLength": 1
            },
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "string",
                "minLength": 1
              }
            }
          ]
        },
        "confidence": {
          "enum": [
            "confirmed",
            "likely",
            "uncertain"
          ],
          "description": "Only `uncertain` may be written (with a note saying why): confidence is otherwise computed from the vendor data (docs/catalog-truth.md). Rule files written before may still say confirmed or likely; those values are ignored."
        },
        "verified": {
          "const": false,
          "description": "false: the replacement cannot be checked against the profile's SDK inventory (rules/inventory/vendor/), e.g. it is launch syntax or a description rather than a symbol, or the SDK's headers are not public. Needs unverifiedReason. Leave out otherwise: every symbol of a direct or partial replacement must then be in the inventory (docs/rules-format.md)."
        },
        "unverifiedReason": {
          "type": "string",
          "minLength": 1,
          "description": "Why the replacement is not checked against the inventory (with verified: false)."
        }
      }
    },
    "RawVendorAnswer": {
      "type": "object",
      "description": "The answer for every profile of a vendor, with optional per-profile overrides.",
      "additionalProperties": false,
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "$ref": "#/definitions/RawAnswer/properties/status"
        },
        "replacement": {
          "$ref": "#/definitions/RawAnswer/properties/replacement"
        },
        "header": {
          "$ref": "#/definitions/RawAnswer/properties/header"
        },
        "note": {
          "$ref": "#/definitions/RawAnswer/properties/note"
        },
        "note_zh": {
          "$ref": "#/definitions/RawAnswer/properties/note_zh"
        },
        "since": {
          "$ref": "#/definitions/RawAnswer/properties/since"
        },
        "source": {
          "$ref": "#/definitions/RawAnswer/properties/source"
        },
        "confidence": {
          "$ref": "#/definitions/RawAnswer/properties/confidence"
        },
        "verified": {
          "$ref": "#/definitions/RawAnswer/properties/verified"
        },
        "unverifiedReason": {
          "$ref": "#/definitions/RawAnswer/properties/unverifiedReason"
        },
        "profiles": {
          "type": "object",
          "description": "Per-profile answers (keyed by profile id, e.g. ascend-950) that replace the vendor answer for that profile.",
          "propertyNames": {
            "pattern": "^[a-z]+-[a-z0-9]+$"
          },
          "additionalProperties": {
            "$ref": "#/definitions/RawAnswer"
          }
        }
      }
    },
    "RawRule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "symbols",
        "kind",
        "targets"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]*$",
          "description": "Unique kebab-case id, e.g. cuda-malloc."
        },
        "symbols": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "minLength": 1
          },
          "description": "Canonical CUDA names this rule answers for (namespaced names in full: cooperative_groups::this_grid). A trailing * matches a prefix (cutlass::*)."
        },
        "kind": {
          "enum": [
            "function",
            "type",
            "enum",
            "macro",
            "builtin",
            "qualifier",
            "syntax",
            "header",
            "namespace"
          ],
          "description": "What the symbol is in CUDA."
        },
        "family": {
          "$ref": "#/definitions/family",
          "description": "Overrides the file's family."
        },
        "context": {
          "enum": [
            "any",
            "device",
            "host"
          ],
          "description": "Where a use counts: device (inside __global__/__device__ code), host, or any (default)."
        },
        "feature": {
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]*$",
          "description": "Kernel feature this use adds to the kernel that contains it (shared-memory, warp-shuffle, atomics, ...)."
        },
        "severity": {
          "enum": [
            "info",
            "warning",
            "error"
          ],
          "description": "Defaults from the worst target status: none/rewrite error, partial warning, direct info."
        },
        "message": {
          "type": "string",
          "description": "One-line message; {symbol} is replaced by the matched name."
        },
        "url": {
          "type": "string",
          "description": "Documentation for the CUDA symbol."
        },
        "override": {
          "type": "boolean",
          "description": "User rules only: true when this rule replaces a shipped rule for the same symbol."
        },
        "targets": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "ascend",
            "cambricon"
          ],
          "properties": {
            "ascend": {
              "$ref": "#/definitions/RawVendorAnswer"
            },
            "cambricon": {
              "$ref": "#/definitions/RawVendorAnswer"
            }
          }
        }
      }
    }
  }
};
