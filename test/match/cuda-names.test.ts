/**
 * Issue #10's kinds of CUDA names, scanned with the shipped catalog and inventory: every one is found
 * (answered by a rule or reported unknown), C library names count only in device code, and a
 * project's own look-alikes are left alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Report } from '../../src/model/index.js';

const catalog = loadCatalog();

function scanSource(files: Record<string, string>): Report {
  const dir = mkdtempSync(join(tmpdir(), 'ascendify-names-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    return scan({ paths: [dir], catalog });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const symbolsOn = (r: Report, file: string, line: number): string[] => r.findings.filter((f) => f.file === file && f.line === line).map((f) => f.symbol);

describe('CUDA-specific names beyond cuda* prefixes', () => {
  const src = [
    '#include <cuda_fp16.h>', // 1
    'namespace cg = cooperative_groups;', // 2
    '__global__ void k(float* out, half2 h, __nv_bfloat16 b) {', // 3
    '  float4 v = make_float4(1.f, 2.f, 3.f, 4.f);', // 4
    '  float x = __half2float(__low2half(h)) + __fdividef(v.x, 3.f) + rsqrtf(v.y);', // 5
    '  cg::sync(cg::this_thread_block());', // 6
    '  typedef cub::BlockReduce<float, 128> Reduce;', // 7
    '  out[0] = x;', // 8
    '}', // 9
    'void host(thrust::device_ptr<float> p, ncclDataType_t t, cufftComplex c) {', // 10
    '  dim3 grid(1);', // 11
    '  int op = CUBLAS_OP_N;', // 12
    '#if CUDART_VERSION >= 12000 && NCCL_VERSION_CODE > 0', // 13
    '  int arch = 0;', // 14
    '#endif', // 15
    '}', // 16
  ].join('\n');
  const r = scanSource({ 'names.cu': src });

  it('finds vector types and constructors, low-precision types and intrinsics, device math', () => {
    expect(symbolsOn(r, 'names.cu', 3)).toEqual(expect.arrayContaining(['half2', '__nv_bfloat16']));
    expect(symbolsOn(r, 'names.cu', 4)).toEqual(expect.arrayContaining(['float4', 'make_float4']));
    expect(symbolsOn(r, 'names.cu', 5)).toEqual(expect.arrayContaining(['__half2float', '__low2half', '__fdividef', 'rsqrtf']));
  });

  it('finds namespaced APIs through aliases and template arguments', () => {
    expect(symbolsOn(r, 'names.cu', 6)).toEqual(expect.arrayContaining(['cooperative_groups::sync', 'cooperative_groups::this_thread_block']));
    expect(symbolsOn(r, 'names.cu', 7)).toContain('cub::BlockReduce');
    expect(symbolsOn(r, 'names.cu', 10)).toEqual(expect.arrayContaining(['thrust::device_ptr', 'ncclDataType_t', 'cufftComplex']));
  });

  it('finds library enums and version macros', () => {
    expect(symbolsOn(r, 'names.cu', 11)).toContain('dim3');
    expect(symbolsOn(r, 'names.cu', 12)).toContain('CUBLAS_OP_N');
    expect(symbolsOn(r, 'names.cu', 13)).toEqual(expect.arrayContaining(['CUDART_VERSION', 'NCCL_VERSION_CODE']));
  });

  it('gives every finding a family and a status for each target', () => {
    for (const f of r.findings) {
      expect(f.family).not.toBe('unknown');
      expect(Object.keys(f.targets).sort()).toEqual(['ascend-910b', 'cambricon-mlu590']);
    }
  });
});

describe('names the C library shares, and look-alikes', () => {
  it('counts min/sqrtf only in device code', () => {
    const r = scanSource({
      'm.cu': ['#include <algorithm>', 'int host(int a, int b) { return min(a, b) + (int)sqrtf(2.f); }', '__device__ int dev(int a, int b) { return min(a, b) + (int)sqrtf(2.f); }'].join('\n'),
    });
    expect(symbolsOn(r, 'm.cu', 2)).toEqual([]);
    expect(symbolsOn(r, 'm.cu', 3)).toEqual(expect.arrayContaining(['min', 'sqrtf']));
  });

  it('leaves a project\'s own float4-like type and its uses alone', () => {
    const r = scanSource({
      'vec.h': 'struct float4 { float x, y, z, w; };\nstatic inline float4 make_float4(float a, float b, float c, float d) { return {a, b, c, d}; }\n',
      'cpu.cpp': '#include "vec.h"\nfloat4 scale(float4 v, float s) { return make_float4(v.x * s, v.y * s, v.z * s, v.w * s); }\n',
    });
    expect(r.findings.filter((f) => f.symbol === 'float4')).toEqual([]);
  });
});
