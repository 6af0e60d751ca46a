/**
 * Generated from schemas/profiles.schema.json by scripts/gen-schema-types.mjs: do not edit; edit the schema and run
 * `npm run gen:schemas`. A test fails while this file is stale.
 */

/**
 * ascendify target profiles (rules/profiles.yaml)
 */
export interface ProfilesFile {
  vendors: {
    ascend: VendorEntry;
    cambricon: VendorEntry;
  };
  /**
   * @minItems 1
   */
  profiles: Profile[];
}
/**
 * This interface was referenced by `ProfilesFile`'s JSON-Schema
 * via the `definition` "VendorEntry".
 */
export interface VendorEntry {
  name: string;
  default: string;
}
/**
 * This interface was referenced by `ProfilesFile`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  id: string;
  vendor: 'ascend' | 'cambricon';
  product: string;
  sdk: {
    name: string;
    version: string;
  };
  /**
   * tile: Ascend C on AI Core (no threads); simt: Ascend 950 SIMT; bang: Cambricon BANG C.
   */
  kernelModel: 'tile' | 'simt' | 'bang';
  /**
   * Symbol inventories of this profile's SDK (files in rules/inventory/vendor/): the names a direct or partial replacement may use (rules stats, test/catalog/verification.test.ts).
   */
  inventory?: string[];
}

/** schemas/profiles.schema.json, as data (validators compile it; nothing reads the file at run time). */
export const profilesSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/ascendify/ascendify/schemas/profiles.schema.json",
  "title": "ProfilesFile",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "vendors",
    "profiles"
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
    "profiles": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/definitions/Profile"
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
          "type": "string"
        }
      }
    },
    "Profile": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "vendor",
        "product",
        "sdk",
        "kernelModel"
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
        "sdk": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "name",
            "version"
          ],
          "properties": {
            "name": {
              "type": "string"
            },
            "version": {
              "type": "string",
              "pattern": "^[0-9]+(\\.[0-9]+)*$"
            }
          }
        },
        "kernelModel": {
          "enum": [
            "tile",
            "simt",
            "bang"
          ],
          "description": "tile: Ascend C on AI Core (no threads); simt: Ascend 950 SIMT; bang: Cambricon BANG C."
        },
        "inventory": {
          "type": "array",
          "items": {
            "type": "string",
            "pattern": "^[a-z0-9._-]+\\.tsv$"
          },
          "description": "Symbol inventories of this profile's SDK (files in rules/inventory/vendor/): the names a direct or partial replacement may use (rules stats, test/catalog/verification.test.ts)."
        }
      }
    }
  },
  "description": "ascendify target profiles (rules/profiles.yaml)"
};
