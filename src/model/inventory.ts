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
  /** Names NVIDIA's headers declare that are not CUDA dependencies (compiler keywords such as __restrict__). */
  ignore: string[];
  /** Target-side code (rules/recognition.yaml `targets:`): names and headers of each vendor's SDK. */
  targets?: TargetPatterns[];
}

/** How one vendor's code is recognised: whole-token patterns, namespace prefixes (AscendC::), header patterns. */
export interface TargetPatterns {
  vendor: 'ascend' | 'cambricon';
  identifiers: RegExp[];
  namespaces: string[];
  headers: RegExp[];
}
