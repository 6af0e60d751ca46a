/** A CUDA name known from NVIDIA's headers (rules/inventory/cuda.tsv). */
export interface InventoryEntry {
  symbol: string;
  kind: string;
  library: string;
  family: string;
  header: string;
  /** The C/C++ standard library declares it too: counts only in device code. */
  stdOverlap: boolean;
}

export interface Recognition {
  identifiers: { pattern: RegExp; family: string }[];
  namespaces: { prefix: string; family: string }[];
  headers: RegExp[];
}
