/**
 * Generated from schemas/profiles.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * rules/profiles.yaml: the target chips and the SDK releases that answer for them. A target profile is a chip on a release: `ascend-910b` is the chip on its newest supported release, `ascend-910b@8.5` pins one.
 */
export interface ProfilesFile {
  vendors: {
    ascend: VendorEntry;
    cambricon: VendorEntry;
  };
  /**
   * SDK releases, oldest first per vendor. A rule answer's `since` is compared with the release version.
   *
   * @minItems 1
   */
  releases: Release[];
  /**
   * @minItems 1
   */
  chips: Chip[];
}
/**
 * This interface was referenced by `ProfilesFile`'s JSON-Schema
 * via the `definition` "VendorEntry".
 */
export interface VendorEntry {
  name: string;
  /**
   * The chip `--target <vendor>` and `all` choose.
   */
  default: string;
}
/**
 * This interface was referenced by `ProfilesFile`'s JSON-Schema
 * via the `definition` "Release".
 */
export interface Release {
  vendor: 'ascend' | 'cambricon';
  /**
   * The SDK's name as users know it (CANN, CNRT).
   */
  sdk: string;
  version: string;
  /**
   * The vendor repositories' release tag the facts were read at (rules/inventory/vendor/releases.yaml).
   */
  tag?: string;
  /**
   * Symbol inventories of this release (files in rules/inventory/vendor/): the names a direct or partial replacement may use.
   */
  inventory: string[];
}
/**
 * This interface was referenced by `ProfilesFile`'s JSON-Schema
 * via the `definition` "Chip".
 */
export interface Chip {
  id: string;
  vendor: 'ascend' | 'cambricon';
  product: string;
  /**
   * tile: Ascend C on AI Core (no threads); simt: Ascend 950 SIMT; bang: Cambricon BANG C.
   */
  kernelModel: 'tile' | 'simt' | 'bang';
  /**
   * The releases that support the chip (a vendor file says so; rules/inventory/vendor/releases.yaml). The newest answers for the chip's own id.
   *
   * @minItems 1
   */
  releases: string[];
  /**
   * Where the release list comes from (owner/repo@ref:path of the vendor file, or releases.yaml).
   */
  support?: string;
}

/** schemas/profiles.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const profilesSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/profiles.schema.json",
  "title": "ProfilesFile",
  "description": "rules/profiles.yaml: the target chips and the SDK releases that answer for them. A target profile is a chip on a release: `ascend-910b` is the chip on its newest supported release, `ascend-910b@8.5` pins one.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "vendors",
    "releases",
    "chips"
  ],
  "properties": {
    "vendors": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ascend",
        "cambricon"
      ],
      "properties": {
        "ascend": {
          "$ref": "#/definitions/VendorEntry"
        },
        "cambricon": {
          "$ref": "#/definitions/VendorEntry"
        }
      }
    },
    "releases": {
      "type": "array",
      "minItems": 1,
      "description": "SDK releases, oldest first per vendor. A rule answer's `since` is compared with the release version.",
      "items": {
        "$ref": "#/definitions/Release"
      }
    },
    "chips": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/definitions/Chip"
      }
    }
  },
  "definitions": {
    "VendorEntry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "default"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "default": {
          "type": "string",
          "description": "The chip `--target <vendor>` and `all` choose."
        }
      }
    },
    "Release": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "vendor",
        "sdk",
        "version",
        "inventory"
      ],
      "properties": {
        "vendor": {
          "enum": [
            "ascend",
            "cambricon"
          ]
        },
        "sdk": {
          "type": "string",
          "description": "The SDK's name as users know it (CANN, CNRT)."
        },
        "version": {
          "type": "string",
          "pattern": "^[0-9]+(\\.[0-9]+)*$"
        },
        "tag": {
          "type": "string",
          "description": "The vendor repositories' release tag the facts were read at (rules/inventory/vendor/releases.yaml)."
        },
        "inventory": {
          "type": "array",
          "items": {
            "type": "string",
            "pattern": "^[a-z0-9._-]+\\.tsv$"
          },
          "description": "Symbol inventories of this release (files in rules/inventory/vendor/): the names a direct or partial replacement may use."
        }
      }
    },
    "Chip": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "vendor",
        "product",
        "kernelModel",
        "releases"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z]+-[a-z0-9]+$"
        },
        "vendor": {
          "enum": [
            "ascend",
            "cambricon"
          ]
        },
        "product": {
          "type": "string"
        },
        "kernelModel": {
          "enum": [
            "tile",
            "simt",
            "bang"
          ],
          "description": "tile: Ascend C on AI Core (no threads); simt: Ascend 950 SIMT; bang: Cambricon BANG C."
        },
        "releases": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)*$"
          },
          "description": "The releases that support the chip (a vendor file says so; rules/inventory/vendor/releases.yaml). The newest answers for the chip's own id."
        },
        "support": {
          "type": "string",
          "description": "Where the release list comes from (owner/repo@ref:path of the vendor file, or releases.yaml)."
        }
      }
    }
  }
};
