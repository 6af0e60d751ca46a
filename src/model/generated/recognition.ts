/**
 * Generated from schemas/recognition.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * rules/recognition.yaml: how the scanner recognises CUDA uses no rule answers yet (reported as unknown, never dropped), which family the CUDA inventory's libraries belong to, and how target-side code (Ascend, Cambricon) is told apart from CUDA.
 */
export interface RecognitionFile {
  /**
   * CUDA-looking identifiers: JavaScript regular expressions matched against whole tokens, each with the family its uses are reported under.
   */
  identifiers: {
    pattern: string;
    family: string;
  }[];
  /**
   * Namespaces whose every member is CUDA: a qualified name under one is reported even when no rule knows it.
   */
  namespaces: {
    prefix: string;
    family: string;
  }[];
  /**
   * CUDA-looking header paths (as written between <> or ""), as regular expressions.
   */
  headers: string[];
  /**
   * Names NVIDIA's headers declare that are not CUDA dependencies (compiler keywords every target compiler accepts). Never reported.
   */
  ignore?: string[];
  /**
   * CUDA inventory library -> catalog family; libraries not listed keep their own name as family.
   */
  libraries?: {
    [k: string]: string;
  };
  /**
   * Target-side code (migration progress, docs/progress.md): names and headers of each vendor's SDK. Matching uses count as target uses, never as CUDA findings.
   */
  targets?: {
    ascend?: TargetPatternsFile;
    cambricon?: TargetPatternsFile;
  };
}
/**
 * How one vendor's code is recognised.
 *
 * This interface was referenced by `RecognitionFile`'s JSON-Schema
 * via the `definition` "TargetPatternsFile".
 */
export interface TargetPatternsFile {
  /**
   * Regular expressions matched against whole tokens and the last component of qualified names.
   */
  identifiers?: string[];
  /**
   * Prefixes of qualified names (AscendC::).
   */
  namespaces?: string[];
  /**
   * Regular expressions matched against #include paths.
   */
  headers?: string[];
}

/** schemas/recognition.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const recognitionSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/recognition.schema.json",
  "title": "RecognitionFile",
  "description": "rules/recognition.yaml: how the scanner recognises CUDA uses no rule answers yet (reported as unknown, never dropped), which family the CUDA inventory's libraries belong to, and how target-side code (Ascend, Cambricon) is told apart from CUDA.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "identifiers",
    "namespaces",
    "headers"
  ],
  "properties": {
    "identifiers": {
      "description": "CUDA-looking identifiers: JavaScript regular expressions matched against whole tokens, each with the family its uses are reported under.",
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "pattern",
          "family"
        ],
        "properties": {
          "pattern": {
            "type": "string",
            "minLength": 1
          },
          "family": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "namespaces": {
      "description": "Namespaces whose every member is CUDA: a qualified name under one is reported even when no rule knows it.",
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "prefix",
          "family"
        ],
        "properties": {
          "prefix": {
            "type": "string",
            "pattern": "::$"
          },
          "family": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "headers": {
      "description": "CUDA-looking header paths (as written between <> or \"\"), as regular expressions.",
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      }
    },
    "ignore": {
      "description": "Names NVIDIA's headers declare that are not CUDA dependencies (compiler keywords every target compiler accepts). Never reported.",
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      }
    },
    "libraries": {
      "description": "CUDA inventory library -> catalog family; libraries not listed keep their own name as family.",
      "type": "object",
      "additionalProperties": {
        "type": "string",
        "minLength": 1
      }
    },
    "targets": {
      "description": "Target-side code (migration progress, docs/progress.md): names and headers of each vendor's SDK. Matching uses count as target uses, never as CUDA findings.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "ascend": {
          "$ref": "#/definitions/TargetPatternsFile"
        },
        "cambricon": {
          "$ref": "#/definitions/TargetPatternsFile"
        }
      }
    }
  },
  "definitions": {
    "TargetPatternsFile": {
      "description": "How one vendor's code is recognised.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "identifiers": {
          "description": "Regular expressions matched against whole tokens and the last component of qualified names.",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        },
        "namespaces": {
          "description": "Prefixes of qualified names (AscendC::).",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        },
        "headers": {
          "description": "Regular expressions matched against #include paths.",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    }
  }
};
