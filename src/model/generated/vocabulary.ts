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
 * Module prefixes whose names are the target's (torch_npu, torch.npu).
 */
export type Names2 = string[];
/**
 * torch.distributed backends of the target (hccl).
 */
export type Names3 = string[];
/**
 * torch.compile backends of the target (npu).
 */
export type Names4 = string[];
/**
 * Double-precision dtypes (torch.float64): reported when the same call or chain puts them on a CUDA device.
 */
export type Names5 = string[];
/**
 * Symbols that run on whichever device the program uses (torch.compile, Triton): in a file that already uses a target's Python package (torch_npu) they count as that target's uses, and its Triton kernels are not CUDA kernels.
 */
export type Names6 = string[];
/**
 * Macros that stand for __device__ (or __host__ __device__) before a function defined in another file's header (CUTLASS_DEVICE, C10_HOST_DEVICE); regular expressions matched against whole tokens.
 */
export type Regexes = Regex[];
/**
 * Macros that stand for __global__ before a function (RAFT_KERNEL).
 */
export type Regexes1 = Regex[];
/**
 * File name endings written in the dialect (.hip).
 */
export type Names7 = string[];
/**
 * Its API names (regular expressions matched against whole tokens).
 */
export type Regexes2 = Regex[];
/**
 * Namespace prefixes of its libraries (hipcub::).
 */
export type Names8 = string[];
/**
 * Its headers (regular expressions matched against #include paths).
 */
export type Regexes3 = Regex[];
/**
 * This interface was referenced by `VocabularyFile`'s JSON-Schema
 * via the `definition` "regexes".
 */
export type Regexes4 = Regex[];

/**
 * rules/vocabulary.yaml: the words the build-file (CMake, Make) and Python front ends recognise as CUDA, with the symbols their findings report (every such symbol must be answered by a rule), and the C/C++ front end's words that are not rule symbols: device-marking macros, platform macros of #if branches, other source dialects (HIP, MUSA) and target dialects' file extensions.
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
    /**
     * Python that is already target code, per vendor: modules (torch_npu, torch.npu), device strings and distributed backends. Their uses count as target uses (rules/recognition.yaml targets).
     */
    targets?: {
      ascend?: PythonTarget;
      cambricon?: PythonTarget;
    };
    /**
     * Fused-attention functions of CUDA-only libraries (flash_attn_func): a call is reported with this symbol.
     */
    attention?: {
      [k: string]: string;
    };
    fp64?: Names5;
    /**
     * Triton: the kernel decorator and the module prefix whose calls inside a kernel are listed as its features.
     */
    triton?: {
      kernelDecorators: Names1;
      language: string;
    };
    neutral?: Names6;
  };
  deps: {
    cudaBuild: Regex;
    cudaIndex: Regex;
  };
  /**
   * The C/C++ front end's words that are not rule symbols (docs/precision.md).
   */
  cpp?: {
    deviceMacros: Regexes;
    kernelMacros: Regexes1;
    /**
     * A JavaScript regular expression.
     */
    notCuda: string;
    /**
     * Per platform (cuda, hip, musa, ascend, cambricon), the macros whose positive use in an #if condition puts its branch in that platform's code.
     */
    platforms: {
      [k: string]: Regex;
    };
    /**
     * Source dialects besides CUDA, by id (hip, musa).
     */
    dialects: {
      [k: string]: Dialect;
    };
    /**
     * File name endings of target kernel languages, by vendor (ascend: .asc; cambricon: .mlu).
     */
    targetExtensions: {
      ascend?: Names1;
      cambricon?: Names1;
    };
    /**
     * Methods of CUDA-aware library classes, reported when called (`x.is_cuda()`): method name -> the symbol its findings report.
     */
    members?: {
      [k: string]: string;
    };
  };
}
/**
 * This interface was referenced by `VocabularyFile`'s JSON-Schema
 * via the `definition` "PythonTarget".
 */
export interface PythonTarget {
  modules: Names2;
  /**
   * A JavaScript regular expression.
   */
  device: string;
  backends: Names3;
  compileBackends?: Names4;
}
/**
 * A source dialect besides CUDA (HIP, MUSA): its code is ported like CUDA, and each of its API names is answered through its CUDA counterpart.
 *
 * This interface was referenced by `VocabularyFile`'s JSON-Schema
 * via the `definition` "Dialect".
 */
export interface Dialect {
  extensions: Names7;
  identifiers: Regexes2;
  namespaces?: Names8;
  headers?: Regexes3;
  /**
   * How a name becomes its CUDA counterpart: the first entry whose regular expression matches is applied (JavaScript replace, $1 for groups).
   */
  counterparts: {
    from: Regex;
    to: string;
  }[];
}

/** schemas/vocabulary.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const vocabularySchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/vocabulary.schema.json",
  "title": "VocabularyFile",
  "description": "rules/vocabulary.yaml: the words the build-file (CMake, Make) and Python front ends recognise as CUDA, with the symbols their findings report (every such symbol must be answered by a rule), and the C/C++ front end's words that are not rule symbols: device-marking macros, platform macros of #if branches, other source dialects (HIP, MUSA) and target dialects' file extensions.",
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
    },
    "regexes": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/regex"
      }
    },
    "Dialect": {
      "description": "A source dialect besides CUDA (HIP, MUSA): its code is ported like CUDA, and each of its API names is answered through its CUDA counterpart.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "extensions",
        "identifiers",
        "counterparts"
      ],
      "properties": {
        "extensions": {
          "description": "File name endings written in the dialect (.hip).",
          "$ref": "#/definitions/names"
        },
        "identifiers": {
          "description": "Its API names (regular expressions matched against whole tokens).",
          "$ref": "#/definitions/regexes"
        },
        "namespaces": {
          "description": "Namespace prefixes of its libraries (hipcub::).",
          "$ref": "#/definitions/names"
        },
        "headers": {
          "description": "Its headers (regular expressions matched against #include paths).",
          "$ref": "#/definitions/regexes"
        },
        "counterparts": {
          "description": "How a name becomes its CUDA counterpart: the first entry whose regular expression matches is applied (JavaScript replace, $1 for groups).",
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "from",
              "to"
            ],
            "properties": {
              "from": {
                "$ref": "#/definitions/regex"
              },
              "to": {
                "type": "string",
                "minLength": 1
              }
            }
          }
        }
      }
    },
    "PythonTarget": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "modules",
        "device",
        "backends"
      ],
      "properties": {
        "modules": {
          "description": "Module prefixes whose names are the target's (torch_npu, torch.npu).",
          "$ref": "#/definitions/names"
        },
        "device": {
          "description": "A device string of the target (npu, npu:0).",
          "$ref": "#/definitions/regex"
        },
        "backends": {
          "description": "torch.distributed backends of the target (hccl).",
          "$ref": "#/definitions/names"
        },
        "compileBackends": {
          "description": "torch.compile backends of the target (npu).",
          "$ref": "#/definitions/names"
        }
      }
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
        },
        "targets": {
          "description": "Python that is already target code, per vendor: modules (torch_npu, torch.npu), device strings and distributed backends. Their uses count as target uses (rules/recognition.yaml targets).",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "ascend": {
              "$ref": "#/definitions/PythonTarget"
            },
            "cambricon": {
              "$ref": "#/definitions/PythonTarget"
            }
          }
        },
        "attention": {
          "description": "Fused-attention functions of CUDA-only libraries (flash_attn_func): a call is reported with this symbol.",
          "type": "object",
          "additionalProperties": {
            "type": "string",
            "minLength": 1
          }
        },
        "fp64": {
          "description": "Double-precision dtypes (torch.float64): reported when the same call or chain puts them on a CUDA device.",
          "$ref": "#/definitions/names"
        },
        "triton": {
          "description": "Triton: the kernel decorator and the module prefix whose calls inside a kernel are listed as its features.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "kernelDecorators",
            "language"
          ],
          "properties": {
            "kernelDecorators": {
              "$ref": "#/definitions/names"
            },
            "language": {
              "type": "string",
              "minLength": 1
            }
          }
        },
        "neutral": {
          "description": "Symbols that run on whichever device the program uses (torch.compile, Triton): in a file that already uses a target's Python package (torch_npu) they count as that target's uses, and its Triton kernels are not CUDA kernels.",
          "$ref": "#/definitions/names"
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
    },
    "cpp": {
      "description": "The C/C++ front end's words that are not rule symbols (docs/precision.md).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "deviceMacros",
        "kernelMacros",
        "notCuda",
        "platforms",
        "dialects",
        "targetExtensions"
      ],
      "properties": {
        "deviceMacros": {
          "description": "Macros that stand for __device__ (or __host__ __device__) before a function defined in another file's header (CUTLASS_DEVICE, C10_HOST_DEVICE); regular expressions matched against whole tokens.",
          "$ref": "#/definitions/regexes"
        },
        "kernelMacros": {
          "description": "Macros that stand for __global__ before a function (RAFT_KERNEL).",
          "$ref": "#/definitions/regexes"
        },
        "notCuda": {
          "description": "Names NVIDIA's headers re-declare that belong to C/C++ or the compiler (uint32_t, __builtin_expect): never a CUDA use.",
          "$ref": "#/definitions/regex"
        },
        "platforms": {
          "description": "Per platform (cuda, hip, musa, ascend, cambricon), the macros whose positive use in an #if condition puts its branch in that platform's code.",
          "type": "object",
          "additionalProperties": {
            "$ref": "#/definitions/regex"
          }
        },
        "dialects": {
          "description": "Source dialects besides CUDA, by id (hip, musa).",
          "type": "object",
          "additionalProperties": {
            "$ref": "#/definitions/Dialect"
          }
        },
        "targetExtensions": {
          "description": "File name endings of target kernel languages, by vendor (ascend: .asc; cambricon: .mlu).",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "ascend": {
              "$ref": "#/definitions/names"
            },
            "cambricon": {
              "$ref": "#/definitions/names"
            }
          }
        },
        "members": {
          "description": "Methods of CUDA-aware library classes, reported when called (`x.is_cuda()`): method name -> the symbol its findings report.",
          "type": "object",
          "additionalProperties": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    }
  }
};
