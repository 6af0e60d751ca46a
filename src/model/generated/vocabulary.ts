/**
 * Generated from schemas/vocabulary.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * CUDA link names; a finding's symbol is -l<name>.
 */
export type Names = string[];
/**
 * This interface was referenced by `VocabularyFile`'s JSON-Schema
 * via the `definition` "names".
 */
export type Names1 = string[];
/**
 * A JavaScript regular expression.
 *
 * This interface was referenced by `VocabularyFile`'s JSON-Schema
 * via the `definition` "regex".
 */
export type Regex = string;

/**
 * rules/vocabulary.yaml: the words the build-file (CMake, Make) and Python front ends recognise as CUDA, with the symbols their findings report. Every symbol must be answered by a rule.
 */
export interface VocabularyFile {
  nvcc: {
    flags: {
      symbol: string;
      /**
       * @minItems 1
       */
      spellings: string[];
      /**
       * The option belongs to nvcc alone: it counts anywhere in code, not only in an nvcc context.
       */
      unique: boolean;
    }[];
    libraries: Names;
  };
  cmake: {
    packages: Names1;
    commands: Names1;
    variables: Names1;
    variablePatterns: Regex[];
    flagVariable: Regex;
  };
  make: {
    homeVariables: Names1;
    flagVariable: Regex;
  };
  python: {
    tracked: Names1;
    libraries: {
      [k: string]: string;
    };
    deviceTypeFunctions: Names1;
    cudaDevice: Regex;
  };
  deps: {
    cudaBuild: Regex;
    cudaIndex: Regex;
  };
}

/** schemas/vocabulary.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const vocabularySchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/vocabulary.schema.json",
  "title": "VocabularyFile",
  "description": "rules/vocabulary.yaml: the words the build-file (CMake, Make) and Python front ends recognise as CUDA, with the symbols their findings report. Every symbol must be answered by a rule.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "nvcc",
    "cmake",
    "make",
    "python",
    "deps"
  ],
  "definitions": {
    "names": {
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      }
    },
    "regex": {
      "type": "string",
      "minLength": 1,
      "description": "A JavaScript regular expression."
    }
  },
  "properties": {
    "nvcc": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "flags",
        "libraries"
      ],
      "properties": {
        "flags": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "symbol",
              "spellings",
              "unique"
            ],
            "properties": {
              "symbol": {
                "type": "string",
                "pattern": "^nvcc:-"
              },
              "spellings": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string",
                  "pattern": "^-"
                }
              },
              "unique": {
                "type": "boolean",
                "description": "The option belongs to nvcc alone: it counts anywhere in code, not only in an nvcc context."
              }
            }
          }
        },
        "libraries": {
          "$ref": "#/definitions/names",
          "description": "CUDA link names; a finding's symbol is -l<name>."
        }
      }
    },
    "cmake": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "packages",
        "commands",
        "variables",
        "variablePatterns",
        "flagVariable"
      ],
      "properties": {
        "packages": {
          "$ref": "#/definitions/names"
        },
        "commands": {
          "$ref": "#/definitions/names"
        },
        "variables": {
          "$ref": "#/definitions/names"
        },
        "variablePatterns": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/regex"
          }
        },
        "flagVariable": {
          "$ref": "#/definitions/regex"
        }
      }
    },
    "make": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "homeVariables",
        "flagVariable"
      ],
      "properties": {
        "homeVariables": {
          "$ref": "#/definitions/names"
        },
        "flagVariable": {
          "$ref": "#/definitions/regex"
        }
      }
    },
    "python": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "tracked",
        "libraries",
        "deviceTypeFunctions",
        "cudaDevice"
      ],
      "properties": {
        "tracked": {
          "$ref": "#/definitions/names"
        },
        "libraries": {
          "type": "object",
          "additionalProperties": {
            "type": "string",
            "pattern": "^import "
          }
        },
        "deviceTypeFunctions": {
          "$ref": "#/definitions/names"
        },
        "cudaDevice": {
          "$ref": "#/definitions/regex"
        }
      }
    },
    "deps": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "cudaBuild",
        "cudaIndex"
      ],
      "properties": {
        "cudaBuild": {
          "$ref": "#/definitions/regex"
        },
        "cudaIndex": {
          "$ref": "#/definitions/regex"
        }
      }
    }
  }
};
