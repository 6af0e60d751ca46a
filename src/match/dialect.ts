/**
 * Which dialect a piece of C/C++ code is written in: CUDA, another source dialect that is ported like CUDA (HIP,
 * MUSA: rules/vocabulary.yaml `cpp.dialects`), or a target kernel language (Ascend C, BANG C: rules/recognition.yaml
 * `targets`, file extensions in `cpp.targetExtensions`). Pure; docs/precision.md "Target code".
 *
 * A use's dialect is, first match wins: the platform its #if branch requires (`#ifdef __HIP_PLATFORM_AMD__`), the
 * dialect the names of its #if branch show, the file's (its extension, then the names it uses, then the project
 * headers it includes), then the project's (when no file of it is CUDA).
 */
import type { Catalog, Vendor } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';

export type DialectId = 'cuda' | 'hip' | 'musa' | Vendor;

export interface SourceDialect {
  id: string;
  extensions: string[];
  identifiers?: RegExp;
  namespaces: string[];
  headers: RegExp[];
  counterparts: { from: RegExp; to: string }[];
}

export interface DialectWords {
  sources: SourceDialect[];
  targetExtensions: [string, Vendor][];
  notCuda?: RegExp;
}

const compiled = new WeakMap<VocabularyFile, DialectWords>();

export function dialectWords(v: VocabularyFile): DialectWords {
  let w = compiled.get(v);
  if (w) return w;
  const cpp = v.cpp;
  w = {
    sources: Object.entries(cpp?.dialects ?? {}).map(([id, d]) => ({
      id,
      extensions: d.extensions,
      identifiers: d.identifiers.length ? new RegExp(d.identifiers.map((p) => `(?:${p})`).join('|')) : undefined,
      namespaces: d.namespaces ?? [],
      headers: (d.headers ?? []).map((h) => new RegExp(h)),
      counterparts: d.counterparts.map((c) => ({ from: new RegExp(c.from), to: c.to })),
    })),
    targetExtensions: (['ascend', 'cambricon'] as const).flatMap((vendor) => (cpp?.targetExtensions?.[vendor] ?? []).map((e) => [e, vendor] as [string, Vendor])),
    notCuda: cpp?.notCuda ? new RegExp(cpp.notCuda) : undefined,
  };
  compiled.set(v, w);
  return w;
}

/** The dialect a file's name says it is written in (.cu -> cuda, .hip -> hip, .asc -> ascend, .mlu -> cambricon). */
export function extensionDialect(path: string, words: DialectWords): DialectId | undefined {
  const lower = path.toLowerCase();
  if (/\.(cu|cuh)$/.test(lower)) return 'cuda';
  for (const d of words.sources) if (d.extensions.some((e) => lower.endsWith(e))) return d.id as DialectId;
  for (const [e, vendor] of words.targetExtensions) if (lower.endsWith(e)) return vendor;
  return undefined;
}

/** The source dialect (hip, musa) whose API a name or header belongs to. */
export function sourceDialectOf(name: string, role: string, words: DialectWords): SourceDialect | undefined {
  for (const d of words.sources) {
    if (role === 'include') {
      if (d.headers.some((h) => h.test(name))) return d;
      continue;
    }
    if (d.namespaces.some((ns) => name.startsWith(ns))) return d;
    if (d.identifiers?.test(name)) return d;
  }
  return undefined;
}

/** The CUDA name a HIP or MUSA name stands for (hipMalloc -> cudaMalloc, hipLaunchKernelGGL -> <<<>>>). */
export function counterpartOf(name: string, dialect: SourceDialect): string | undefined {
  for (const c of dialect.counterparts) if (c.from.test(name)) return name.replace(c.from, c.to);
  return undefined;
}

/**
 * Is this CUDA name spelled so that only CUDA has it (`cudaMalloc`, `cublasSgemm`, `thrust::sort`, `AT_CUDA_CHECK`,
 * a CUDA header)? Names a target kernel language shares with CUDA (`half`, `__global__`, `threadIdx`, `expf`, the
 * `<<<>>>` launch) are not: in Ascend C or BANG C code they are the target's own.
 */
export function cudaSpecific(symbol: string, role: string, catalog: Catalog): boolean {
  if (role === 'include') return true;
  if (catalog.recognition.namespaces.some((n) => symbol.startsWith(n.prefix))) return true;
  if (/(^|::)cuda::/.test(symbol)) return true;
  const last = symbol.slice(symbol.lastIndexOf('::') + 2);
  if (catalog.recognition.identifiers.some((x) => x.pattern.test(last))) return true;
  return /(^|_)(CUDA|CUBLAS|CUBLASLT|CUDNN|NCCL|CUTLASS|CUTE|NVTX|CUFFT|CURAND|CUSPARSE|CUSOLVER)(_|$)/.test(last);
}

/** Counts of the names that show a dialect, in a file or one #if branch of it. */
export class DialectVotes {
  private readonly counts = new Map<DialectId, number>();

  add(d: DialectId): void {
    this.counts.set(d, (this.counts.get(d) ?? 0) + 1);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The dialect whose names outnumber all others at least three to one, if any. */
  dominant(): DialectId | undefined {
    let best: DialectId | undefined;
    let bestN = 0;
    let rest = 0;
    for (const [d, n] of this.counts) {
      if (n > bestN) {
        rest += bestN;
        best = d;
        bestN = n;
      } else rest += n;
    }
    return best !== undefined && bestN >= 3 * rest ? best : undefined;
  }
}

export const isTargetDialect = (d: DialectId | undefined): d is Vendor => d === 'ascend' || d === 'cambricon';
