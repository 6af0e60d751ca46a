import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import type { EffortReport } from '../../src/model/index.js';
import { cli } from '../helpers/cli.js';

const SAMPLES = resolve(__dirname, '../../samples');
const KERNEL = `#include <cuda_runtime.h>
__global__ void scale(float* x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}
int main() {
  float* d;
  cudaMalloc(&d, 64);
  scale<<<1, 16>>>(d, 2.f, 16);
  cudaFree(d);
}
`;

const dirs: string[] = [];
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'scale.cu'), KERNEL);
  if (config !== undefined) writeFileSync(join(dir, 'ascendify.config.yaml'), config);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('ascendify effort', () => {
  it('prints the estimate per component with targets side by side', async () => {
    const r = await cli(['effort', SAMPLES, '--no-cache']);
    expect(r.code).toBe(0);
    for (const component of ['cmake-project', 'cublas-gemm', 'ptx-dynamic', 'reduction', 'vector-add']) {
      expect(r.stdout).toMatch(new RegExp(`^${component} `, 'm'));
    }
    expect(r.stdout).toMatch(/ascend-910b \(tile\)\s+cambricon-mlu590 \(bang\)/);
    expect(r.stdout).toMatch(/^total /m);
    expect(r.stdout).toMatch(/Blockers on ascend-910b/);
  });

  it('--format json gives the effort and incompatibilities sections, whose items sum to the totals', async () => {
    const r = await cli(['effort', SAMPLES, '--no-cache', '--format', 'json', '--group-depth', '2']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { effort: EffortReport; incompatibilities: { target: string }[] };
    expect(out.effort.targets.map((t) => t.target)).toEqual(['ascend-910b', 'cambricon-mlu590']);
    expect(out.incompatibilities.map((t) => t.target)).toEqual(['ascend-910b', 'cambricon-mlu590']);
    expect(out.effort.groupDepth).toBe(2);
    expect(out.effort.targets[0]!.byComponent.map((c) => c.key)).toContain('cmake-project/src');
    for (const t of out.effort.targets) {
      expect(t.items.reduce((n, i) => n + i.hours.likely, 0)).toBeCloseTo(t.total.likely, 1);
    }
  });

  it('--explain prints each contributing line and the total', async () => {
    const r = await cli(['effort', SAMPLES, '--no-cache', '--target', 'ascend', '--explain', 'ptx-dynamic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ascend-910b \(tile\) — component ptx-dynamic/);
    expect(r.stdout).toMatch(/kernel parent rewrite base ptx-dynamic\/dynamic\.cu:\d+ +1 /);
    // A kernel that matches a vendor operator is an adapter, not a rewrite.
    expect(r.stdout).toMatch(/adapter aclnnMatmul, aclnnBatchMatMul base ptx-dynamic\/tensor_core\.cu:\d+/);
    expect(r.stdout).toMatch(/kernels\.models\.tile\.rewrite\.perLine/);
    expect(r.stdout).toMatch(/total hours .*person-days/);
  });

  it('--explain with an unknown name is a usage error', async () => {
    const r = await cli(['effort', SAMPLES, '--no-cache', '--explain', 'no-such-component']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to explain for "no-such-component"/);
  });

  it('rejects a bad --group-depth', async () => {
    const r = await cli(['effort', project(), '--no-cache', '--group-depth', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--group-depth/);
  });
});

describe('config file', () => {
  it('the effort: section of ascendify.config.yaml overrides the defaults and is recorded', () => {
    const plain = scan({ paths: [project()] });
    const tuned = scan({ paths: [project('effort:\n  hoursPerDay: 8\n  uses:\n    direct: 1\n')] });
    expect(tuned.effort!.hoursPerDay).toBe(8);
    expect(tuned.effort!.sources).toEqual(['rules/effort.yaml', 'ascendify.config.yaml']);
    expect(tuned.effort!.weights.uses.direct.likely).toBe(1);
    expect(plain.effort!.sources).toEqual(['rules/effort.yaml']);
    expect(tuned.effort!.targets[0]!.breakdown.uses.likely).toBeGreaterThan(plain.effort!.targets[0]!.breakdown.uses.likely);
  });

  it.each([
    ['effort:\n  uses:\n    partial: lots\n', /ascendify\.config\.yaml.*effort\.uses\.partial/],
    ['effort:\n  uses:\n    none: { low: 5, likely: 1 }\n', /ascendify\.config\.yaml: field "effort\.uses\.none" must have low ≤ likely ≤ high/],
    ['effort:\n  kernels:\n    models:\n      tile:\n        mode: sideways\n', /ascendify\.config\.yaml.*effort\.kernels\.models\.tile\.mode/],
    ['effort:\n  usses: {}\n', /ascendify\.config\.yaml.*effort\.usses/],
  ])('a malformed config exits 2 naming the field (%#)', async (config, message) => {
    const r = await cli(['effort', project(config), '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--config FILE is read instead of the one in the root', async () => {
    const dir = project('effort:\n  hoursPerDay: -1\n');
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'effort:\n  hoursPerDay: 4\n');
    const r = await cli(['effort', dir, '--no-cache', '--format', 'json', '--config', good]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { effort: EffortReport }).effort.hoursPerDay).toBe(4);
  });
});
