/** Test helpers: extract facts from a snippet with a small, explicit lexicon. */
import { createCudaParser } from '../../src/parse/cuda-parser.js';
import { extractFacts } from '../../src/parse/extract.js';
import type { FileFacts, Lexicon } from '../../src/model/index.js';
import type { VocabularyFile } from '../../src/model/generated/vocabulary.js';
import { loadCatalog } from '../../src/catalog/load.js';

const parser = createCudaParser();

/** The shipped rules/vocabulary.yaml (the build-file and Python front ends read it). */
export const VOCABULARY: VocabularyFile = loadCatalog().vocabulary;

export const TEST_LEXICON: Lexicon = {
  names: new Set([
    'cudaMalloc', 'cudaFree', 'cudaMemcpy', 'cudaError_t', 'cudaSuccess', 'cudaStream_t', 'threadIdx', 'blockIdx', 'blockDim',
    'gridDim', 'warpSize', '__syncthreads', '__shfl_down_sync', 'atomicAdd', 'dim3', 'float4', 'make_float4', 'texture', 'half',
    'cooperative_groups::this_grid', 'this_grid', 'cooperative_groups::sync', 'sync', 'nvcuda::wmma::mma_sync', 'mma_sync',
    'nvcuda::wmma::fragment', 'fragment', 'cub::BlockReduce', 'BlockReduce', 'thrust::device_vector', 'device_vector',
    'cuda_runtime.h', 'ncclAllReduce', 'CUDART_VERSION',
  ]),
  deviceOnly: new Set(['printf', 'malloc', 'free', 'sqrtf']),
  identifierPatterns: [/^cuda[A-Z_]\w*$/, /^CUDA_\w+$/, /^cu[A-Z]\w*$/],
  headerPatterns: [/^cuda[_a-zA-Z0-9]*\.h$/, /^(thrust|cub)\//],
  vocabulary: VOCABULARY,
};

export function facts(src: string, lexicon: Lexicon = TEST_LEXICON, path = 'test.cu'): FileFacts {
  return extractFacts(parser, path, 'cuda', src, lexicon);
}

/** Compact view of the occurrences: "line:name:role". */
export function uses(f: FileFacts): string[] {
  return f.occurrences.map((o) => `${o.line}:${o.name}:${o.role}${o.device ? ':device' : ''}`);
}
