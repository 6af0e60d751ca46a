/**
 * Kernels counted once and in proportion (docs/effort-model.md#counting-kernels), end to end from CUDA text:
 * the summary, the estimate, the text header and the HTML show the same counts.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { analyzeFiles } from '../../src/core/analyze.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { analyzeKernels } from '../../src/score/kernels.js';
import { effortSetup } from '../../src/score/weights.js';
import { defaultWeights, kernel } from './helpers.js';

const catalog = loadCatalog();

const UTIL = `#pragma once
__device__ __forceinline__ bool is_aligned(const void* p) { return ((unsigned long)p & 15) == 0; }
__device__ float warp_sum(float v) {
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffff, v, o);
  return v;
}
`;
const A = `#include "util.cuh"
__global__ void copy_a(const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && is_aligned(x)) y[i] = x[i];
}
template <typename T>
__global__ void row_total(const T* x, float* out, int n) {
  float v = warp_sum(x[threadIdx.x]);
  if (threadIdx.x == 0) out[blockIdx.x] = v;
}
template __global__ void row_total<float>(const float*, float*, int);
template __global__ void row_total<double>(const double*, float*, int);
#define DEFINE_SCALE(NAME, OP) \\
  __global__ void NAME(float* x, int n) { int i = threadIdx.x; if (i < n) x[i] = x[i] OP 2.f; }
DEFINE_SCALE(scale_mul, *)
DEFINE_SCALE(scale_add, +)
void launch(float* x, float* y, int n) { copy_a<<<1, 32>>>(x, y, n); }
`;
// A vendored copy of copy_a under another name: the same body, one kernel to port.
const B = `#include "util.cuh"
__global__ void copy_b(const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && is_aligned(x)) y[i] = x[i];
}
`;
const EXPERIMENT = `__global__ void gelu_kernel1(float* x) { x[threadIdx.x] *= 0.5f; }
__global__ void gelu_kernel2(float* x) { x[threadIdx.x] *= 0.25f; }
`;

function analyze(override?: Record<string, unknown>) {
  const effort = effortSetup(catalog.effortDefaults, override ? { file: 'ascendify.config.yaml', effort: override } : undefined, catalog.operators);
  return analyzeFiles(
    [
      { path: 'k/util.cuh', text: UTIL },
      { path: 'k/a.cu', text: A },
      { path: 'vendor/b.cu', text: B },
      { path: 'dev/experiment.cu', text: EXPERIMENT },
    ],
    catalog,
    { targets: ['ascend-910b'], effort },
  );
}

describe('kernels counted once and in proportion', () => {
  const report = analyze();
  const effort = report.effort!;
  const t = effort.targets[0]!;

  it('counts entry kernels once per distinct body: templates and their instantiations once, a macro once, a copy not again', () => {
    // copy_a, row_total, DEFINE_SCALE, gelu_kernel1, gelu_kernel2; copy_b is a duplicate of copy_a.
    expect(effort.kernels).toEqual({ entry: 5, helpers: 2, duplicates: 1, excluded: 0, flagged: 2 });
    expect(t.choices.map((c) => c.kernel)).toEqual(['gelu_kernel1', 'gelu_kernel2', 'copy_a', 'row_total', 'DEFINE_SCALE']);
    expect(effort.kernelNotes).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'copy_b', flags: ['duplicate'], duplicateOf: 'k/a.cu:2' }),
      expect.objectContaining({ name: 'DEFINE_SCALE', flags: ['macro'] }),
      expect.objectContaining({ name: 'gelu_kernel1', flags: ['experimental', 'variant'] }),
    ]));
  });

  it('costs device helpers with the kernels that call them, not as kernels of their own', () => {
    const copy = t.choices.find((c) => c.kernel === 'copy_a')!;
    const total = t.choices.find((c) => c.kernel === 'row_total')!;
    expect(copy).toMatchObject({ helpers: 1, lines: 4 + 1 });
    expect(total).toMatchObject({ helpers: 1, lines: 4 + 4 });
    expect(t.items.filter((i) => i.kind === 'kernel' && i.part === 'base').map((i) => i.subject)).not.toContain('is_aligned');
    // The helper's feature (a warp shuffle) goes with the kernel that uses it.
    expect(t.items.some((i) => i.subject === 'row_total' && i.part === 'feature:warp-shuffle')).toBe(true);
  });

  it('the summary, the text header, the Markdown and the HTML show the same kernel count as the estimate', () => {
    expect(report.summary.kernels).toBe(effort.kernels!.entry);
    expect(report.summary.kernelCounts).toEqual(effort.kernels);
    expect(renderText(report, { color: false })).toMatch(/\b5 kernels\b/);
    expect(renderMarkdown(report)).toMatch(/\b5 kernels\b/);
    expect(renderHtml(report)).toMatch(/<b>5<\/b><span>kernels<\/span>/);
    expect(t.byComponent.reduce((n, r) => n + r.kernels, 0)).toBe(5);
  });

  it('excludes kernels by a config glob: listed, not counted, their uses not costed', () => {
    const r = analyze({ kernels: { exclude: ['dev/**'] } });
    expect(r.effort!.kernels).toEqual({ entry: 3, helpers: 2, duplicates: 1, excluded: 2, flagged: 0 });
    expect(r.summary.kernels).toBe(3);
    expect(r.effort!.kernelNotes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'gelu_kernel1', flags: ['excluded'] })]));
    const covered = r.effort!.targets[0]!.items.filter((i) => i.kind === 'covered' && i.file === 'dev/experiment.cu');
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every((i) => /excluded kernel/.test(i.note ?? ''))).toBe(true);
  });

  it('a device function is a helper, never an entry kernel; one no kernel calls goes with its file\'s kernels', () => {
    const w = defaultWeights();
    const one = analyzeKernels([kernel('k', 'a.cu', 1, 10, [])], w.kernels);
    const two = analyzeKernels([kernel('k', 'a.cu', 1, 10, []), { ...kernel('h', 'a.cu', 20, 3, [], 'device') }], w.kernels);
    expect(one.counts.entry).toBe(1);
    expect(two.counts).toMatchObject({ entry: 1, helpers: 1 });
    // The helper is not called: with the file's only kernel it goes (a template argument, a function pointer).
    expect(two.entries[0]!.helperLines).toBe(3);
  });
});
