/**
 * Generated from schemas/calibration.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * Ports to calibrate the effort weights on (`ascendify effort --calibrate FILE`, docs/effort-calibration.md): each names a folder holding the CUDA original of a finished port, the target it was ported to and the effort it took.
 */
export interface CalibrationPortsFile {
  /**
   * Groups of weights to fit (default: all four). kernels: rewrite/adapt base and per-line; operators: adapters; fixed: setup and learning; uses: per-use and per-API weights.
   */
  fit?: ('kernels' | 'operators' | 'fixed' | 'uses')[];
  /**
   * @minItems 2
   */
  ports: Port[];
  /**
   * Weight of the prior that keeps each group near its starting weights (default 0.5; 0: a plain least-squares fit).
   */
  prior?: number;
}
/**
 * This interface was referenced by `CalibrationPortsFile`'s JSON-Schema
 * via the `definition` "Port".
 */
export interface Port {
  id: string;
  title?: string;
  /**
   * Profile id the port targets (ascend-910b, cambricon-mlu370, ...).
   */
  target: string;
  /**
   * Folder holding the CUDA original, relative to this file (or absolute).
   */
  source: string;
  /**
   * What to scan under `source` (default: all of it): the part that was ported.
   */
  paths?: string[];
  /**
   * Globs left out of the scan (like --exclude).
   */
  exclude?: string[];
  /**
   * Effort weight overrides for this port only (same shape as the config file's `effort:`), e.g. { operators: { use: false } } when no vendor operator library existed yet.
   */
  effort?: {
    [k: string]: unknown;
  };
  /**
   * Person-days the port took (likely; low and high when known).
   */
  measured: {
    low?: number;
    likely: number;
    high?: number;
  };
  /**
   * How well the measured effort is known.
   */
  confidence?: 'low' | 'medium' | 'high';
  /**
   * Where the CUDA original comes from (scripts/calibration-sources.mjs materialises it into `source`).
   */
  cuda?: {
    repo: string;
    commit: string;
    paths: string[];
  };
  /**
   * Where the measured effort comes from.
   */
  evidence?: string;
  note?: string;
}

/** schemas/calibration.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const calibrationSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/calibration.schema.json",
  "title": "CalibrationPortsFile",
  "description": "Ports to calibrate the effort weights on (`ascendify effort --calibrate FILE`, docs/effort-calibration.md): each names a folder holding the CUDA original of a finished port, the target it was ported to and the effort it took.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "ports"
  ],
  "properties": {
    "fit": {
      "type": "array",
      "uniqueItems": true,
      "items": {
        "enum": [
          "kernels",
          "operators",
          "fixed",
          "uses"
        ]
      },
      "description": "Groups of weights to fit (default: all four). kernels: rewrite/adapt base and per-line; operators: adapters; fixed: setup and learning; uses: per-use and per-API weights."
    },
    "ports": {
      "type": "array",
      "minItems": 2,
      "items": {
        "$ref": "#/definitions/Port"
      }
    },
    "prior": {
      "type": "number",
      "minimum": 0,
      "description": "Weight of the prior that keeps each group near its starting weights (default 0.5; 0: a plain least-squares fit)."
    }
  },
  "definitions": {
    "Port": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "target",
        "source",
        "measured"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]+$"
        },
        "title": {
          "type": "string"
        },
        "target": {
          "type": "string",
          "description": "Profile id the port targets (ascend-910b, cambricon-mlu370, ...)."
        },
        "source": {
          "type": "string",
          "description": "Folder holding the CUDA original, relative to this file (or absolute)."
        },
        "paths": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "What to scan under `source` (default: all of it): the part that was ported."
        },
        "exclude": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Globs left out of the scan (like --exclude)."
        },
        "effort": {
          "type": "object",
          "description": "Effort weight overrides for this port only (same shape as the config file's `effort:`), e.g. { operators: { use: false } } when no vendor operator library existed yet.",
          "additionalProperties": true
        },
        "measured": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "likely"
          ],
          "description": "Person-days the port took (likely; low and high when known).",
          "properties": {
            "low": {
              "type": "number",
              "exclusiveMinimum": 0
            },
            "likely": {
              "type": "number",
              "exclusiveMinimum": 0
            },
            "high": {
              "type": "number",
              "exclusiveMinimum": 0
            }
          }
        },
        "confidence": {
          "enum": [
            "low",
            "medium",
            "high"
          ],
          "description": "How well the measured effort is known."
        },
        "cuda": {
          "type": "object",
          "additionalProperties": false,
          "description": "Where the CUDA original comes from (scripts/calibration-sources.mjs materialises it into `source`).",
          "required": [
            "repo",
            "commit",
            "paths"
          ],
          "properties": {
            "repo": {
              "type": "string"
            },
            "commit": {
              "type": "string",
              "pattern": "^[0-9a-f]{40}$"
            },
            "paths": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        },
        "evidence": {
          "type": "string",
          "description": "Where the measured effort comes from."
        },
        "note": {
          "type": "string"
        }
      }
    }
  }
};
