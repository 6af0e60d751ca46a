/**
 * Generated from schemas/baseline.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * ascendify baseline (.ascendify-baseline.json). The findings accepted at one point in time, written by `ascendify baseline` and read by `ascendify scan --baseline FILE`. A finding is matched by its fingerprint, never by its line, so moving code or editing other lines does not make an old finding new.
 */
export interface BaselineFile {
  /**
   * Format version of this file.
   */
  version: 1;
  /**
   * The ascendify that wrote the file.
   */
  tool: {
    name: 'ascendify';
    version: string;
  };
  /**
   * One entry per accepted finding, sorted by file, line and fingerprint.
   */
  entries: BaselineEntry[];
}
/**
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  /**
   * sha256 (hex, first 24 digits) of the symbol, the file, the source line (comments dropped, whitespace collapsed) and the index of the finding among findings sharing those three (in line order).
   */
  fingerprint: string;
  /**
   * The rule that answered when the baseline was written (informational; null for unknown symbols).
   */
  ruleId?: string | null;
  /**
   * The CUDA symbol or language feature found.
   */
  symbol: string;
  /**
   * Path relative to the scanned root, / separators.
   */
  file: string;
  /**
   * Line when the baseline was written (informational: matching ignores it).
   */
  line?: number;
  /**
   * The source line, comments dropped and whitespace collapsed (informational).
   */
  context?: string;
}

/** schemas/baseline.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const baselineSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/baseline.schema.json",
  "title": "BaselineFile",
  "description": "ascendify baseline (.ascendify-baseline.json). The findings accepted at one point in time, written by `ascendify baseline` and read by `ascendify scan --baseline FILE`. A finding is matched by its fingerprint, never by its line, so moving code or editing other lines does not make an old finding new.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version",
    "tool",
    "entries"
  ],
  "properties": {
    "version": {
      "const": 1,
      "description": "Format version of this file."
    },
    "tool": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "version"
      ],
      "description": "The ascendify that wrote the file.",
      "properties": {
        "name": {
          "const": "ascendify"
        },
        "version": {
          "type": "string"
        }
      }
    },
    "entries": {
      "type": "array",
      "description": "One entry per accepted finding, sorted by file, line and fingerprint.",
      "items": {
        "$ref": "#/definitions/BaselineEntry"
      }
    }
  },
  "definitions": {
    "BaselineEntry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "fingerprint",
        "symbol",
        "file"
      ],
      "properties": {
        "fingerprint": {
          "type": "string",
          "pattern": "^[0-9a-f]{8,64}$",
          "description": "sha256 (hex, first 24 digits) of the symbol, the file, the source line (comments dropped, whitespace collapsed) and the index of the finding among findings sharing those three (in line order)."
        },
        "ruleId": {
          "type": [
            "string",
            "null"
          ],
          "description": "The rule that answered when the baseline was written (informational; null for unknown symbols)."
        },
        "symbol": {
          "type": "string",
          "description": "The CUDA symbol or language feature found."
        },
        "file": {
          "type": "string",
          "description": "Path relative to the scanned root, / separators."
        },
        "line": {
          "type": "integer",
          "minimum": 1,
          "description": "Line when the baseline was written (informational: matching ignores it)."
        },
        "context": {
          "type": "string",
          "description": "The source line, comments dropped and whitespace collapsed (informational)."
        }
      }
    }
  }
};
