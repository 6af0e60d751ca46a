import { describe, expect, it } from 'vitest';
import type { EffortRange, TargetEffort } from '../../src/model/index.js';
import { estimateEffort } from '../../src/score/effort.js';
import { explainEffort } from '../../src/score/effort-explain.js';
import { componentOf } from '../../src/score/rollup.js';
import { BANG, defaultWeights, files, finding, kernel, mul, plus, SIMT, TILE, times } from './helpers.js';

const W = defaultWeights();

/** A host file with direct, partial and none uses; a kernel file with one kernel and a launch. */
const FINDINGS = [
  finding({ symbol: 'cudaMalloc', file: 'app/main.cpp', line: 5, status: 'direct' }),
  finding({ symbol: 'cudaMalloc', file: 'app/main.cpp', line: 6, status: 'direct' }),
  finding({ symbol: 'cudaGetErrorString', file: 'app/main.cpp', line: 7, status: 'partial' }),
  finding({ symbol: 'cudaMallocManaged', file: 'app/main.cpp', line: 8, status: 'none', ruleId: 'runtime-malloc-managed' }),
  finding({ symbol: '__shared__', file: 'app/k.cu', line: 11, status: 'rewrite', kind: 'qualifier', family: 'kernel' }),
  finding({ symbol: 'threadIdx', file: 'app/k.cu', line: 12, status: 'rewrite', kind: 'builtin', family: 'kernel' }),
  finding({ symbol: '<<<>>>', file: 'app/k.cu', line: 30, status: 'partial', kind: 'syntax', family: 'kernel' }),
];
const KERNELS = [kernel('scale', 'app/k.cu', 10, 10, ['builtin-indexing', 'shared-memory'])];
const INPUT = { findings: FINDINGS, kernels: KERNELS, files: files('app/main.cpp', 'app/k.cu') };

const close = (actual: EffortRange, expected: EffortRange): void => {
  expect(actual.low).toBeCloseTo(expected.low, 2);
  expect(actual.likely).toBeCloseTo(expected.likely, 2);
  expect(actual.high).toBeCloseTo(expected.high, 2);
};
const overhead = plus({ low: 1, likely: 1, high: 1 }, W.build.fraction, W.validation.fraction);
const only = (r: ReturnType<typeof estimateEffort>): TargetEffort => r.effort.targets[0]!;

describe('estimateEffort: hours from the weights', () => {
  it('adds uses, distinct APIs, the kernel rewrite and learning, then build and validation (tile)', () => {
    const t = only(estimateEffort(INPUT, [TILE], W));
    const tile = W.kernels.models.tile;
    const uses = plus(times(W.uses.direct, 2), W.uses.partial, W.uses.none, W.uses.partial);
    const apis = plus(W.apis.direct, W.apis.partial, W.apis.none, W.apis.partial);
    const core = plus(tile.rewrite.base, times(tile.rewrite.perLine, 10));
    const kernelHours = times(core, 1 + tile.features['shared-memory']! + tile.features['builtin-indexing']!);
    const code = plus(uses, apis, kernelHours, tile.learning);
    close(t.breakdown.uses, uses);
    close(t.breakdown.apis, apis);
    close(t.breakdown.kernels, kernelHours);
    close(t.breakdown.code, code);
    close(t.total, mul(code, overhead));
    close(t.days, times(mul(code, overhead), 1 / W.hoursPerDay));
    expect(t.kernels).toEqual({ rewrite: 1, adapt: 0 });
  });

  it('does not cost the uses inside a rewritten kernel again: they are listed as covered with 0 hours', () => {
    const t = only(estimateEffort(INPUT, [TILE], W));
    const covered = t.items.filter((i) => i.kind === 'covered');
    expect(covered.map((i) => [i.subject, i.count, i.hours.likely])).toEqual([
      ['__shared__', 1, 0],
      ['threadIdx', 1, 0],
    ]);
    expect(t.items.some((i) => i.kind === 'api' && (i.subject === '__shared__' || i.subject === 'threadIdx'))).toBe(false);
  });

  it('adapts the same kernel on a SIMT profile and costs the uses inside it, so tile and simt differ', () => {
    const simt = only(estimateEffort(INPUT, [SIMT], W));
    const tile = only(estimateEffort(INPUT, [TILE], W));
    const m = W.kernels.models.simt;
    const core = plus(m.adapt!.base, times(m.adapt!.perLine, 10));
    close(simt.breakdown.kernels, times(core, 1 + m.features['shared-memory']! + m.features['builtin-indexing']!));
    close(simt.breakdown.uses, plus(times(W.uses.direct, 2), W.uses.partial, W.uses.none, W.uses.partial, times(W.uses.rewrite, 2)));
    expect(simt.kernels).toEqual({ rewrite: 0, adapt: 1 });
    expect(simt.items.filter((i) => i.kind === 'covered')).toEqual([]);
    expect(simt.breakdown.kernels.likely).toBeLessThan(tile.breakdown.kernels.likely);
  });

  it('rewrites a SIMT kernel that uses a rewriteIf feature, and says why', () => {
    const ptx = [kernel('lane', 'app/k.cu', 10, 10, ['inline-ptx'])];
    const t = only(estimateEffort({ ...INPUT, kernels: ptx }, [SIMT], W));
    const m = W.kernels.models.simt;
    close(t.breakdown.kernels, times(plus(m.rewrite.base, times(m.rewrite.perLine, 10)), 1 + m.features['inline-ptx']!));
    expect(t.items.find((i) => i.kind === 'kernel' && i.part === 'base')?.note).toMatch(/inline-ptx/);
  });

  it('costs a __device__ function with the qualifier factor', () => {
    const dev = [kernel('helper', 'app/k.cu', 10, 10, [], 'device')];
    const t = only(estimateEffort({ ...INPUT, kernels: dev }, [BANG], W));
    const m = W.kernels.models.bang;
    close(t.breakdown.kernels, times(plus(m.rewrite.base, times(m.rewrite.perLine, 10)), W.kernels.qualifierFactors.device));
  });

  it('leaves suppressed findings out', () => {
    const suppressed = FINDINGS.map((f) => (f.symbol === 'cudaMallocManaged' ? { ...f, suppressed: { kind: 'config' as const } } : f));
    const a = only(estimateEffort(INPUT, [TILE], W));
    const b = only(estimateEffort({ ...INPUT, findings: suppressed }, [TILE], W));
    expect(a.breakdown.uses.likely - b.breakdown.uses.likely).toBeCloseTo(W.uses.none.likely, 3);
  });

  it('gives a portability of 100 to direct-only work and the direct share otherwise', () => {
    const direct = [finding({ symbol: 'cudaFree', file: 'x.cu', line: 1, status: 'direct' })];
    expect(only(estimateEffort({ findings: direct, kernels: [], files: files('x.cu') }, [TILE], W)).portability).toBe(100);
    const mixed = [...direct, finding({ symbol: 'cudaHostRegister', file: 'x.cu', line: 2, status: 'none' })];
    const t = only(estimateEffort({ findings: mixed, kernels: [], files: files('x.cu') }, [TILE], W));
    const d = W.uses.direct.likely + W.apis.direct.likely;
    expect(t.portability).toBe(Math.round((100 * d) / (d + W.uses.none.likely + W.apis.none.likely)));
  });
});

describe('weights from the config file', () => {
  it('a partial override merges over the defaults and changes the numbers', () => {
    const w = defaultWeights({ uses: { partial: 2 }, apis: { none: { likely: 5 } } });
    expect(w.uses.partial).toEqual({ low: 2 * W.range.low, likely: 2, high: 2 * W.range.high });
    expect(w.apis.none).toEqual({ low: W.apis.none.low, likely: 5, high: W.apis.none.high });
    expect(w.uses.direct).toEqual(W.uses.direct);
    const before = only(estimateEffort(INPUT, [TILE], W));
    const after = only(estimateEffort(INPUT, [TILE], w));
    // two partial uses (cudaGetErrorString, <<<>>>) and one none API changed
    expect(after.breakdown.code.likely - before.breakdown.code.likely).toBeCloseTo(2 * (2 - W.uses.partial.likely) + (5 - W.apis.none.likely), 2);
  });

  it('hoursPerDay changes person-days, not hours', () => {
    const w = defaultWeights({ hoursPerDay: 8 });
    const t = only(estimateEffort(INPUT, [TILE], w));
    const d = only(estimateEffort(INPUT, [TILE], W));
    expect(t.total).toEqual(d.total);
    expect(t.days.likely).toBeCloseTo(t.total.likely / 8, 2);
  });

  it('rejects an override with low above likely, naming the file and field', () => {
    expect(() => defaultWeights({ uses: { none: { low: 5, likely: 1 } } })).toThrow(/ascendify\.config\.yaml: field "effort\.uses\.none" must have low ≤ likely ≤ high/);
  });
});

describe('components', () => {
  it('are folders at the group depth; root files are "."', () => {
    expect(componentOf('a/b/x.cu', 1)).toBe('a');
    expect(componentOf('a/b/x.cu', 2)).toBe('a/b');
    expect(componentOf('a/b/x.cu', 5)).toBe('a/b');
    expect(componentOf('x.cu', 1)).toBe('.');
  });

  it('group depth changes the rollup rows, which sum to the total either way', () => {
    const fs = [
      finding({ symbol: 'cudaMalloc', file: 'a/b/x.cu', line: 1, status: 'direct' }),
      finding({ symbol: 'cudaMemcpy', file: 'a/c/y.cu', line: 1, status: 'partial' }),
      finding({ symbol: 'cudaFree', file: 'root.cu', line: 1, status: 'direct' }),
    ];
    const input = { findings: fs, kernels: [], files: files('a/b/x.cu', 'a/c/y.cu', 'root.cu') };
    const d1 = only(estimateEffort(input, [TILE], W, 1));
    const d2 = only(estimateEffort(input, [TILE], W, 2));
    expect(d1.byComponent.map((r) => r.key)).toEqual(['.', 'a']);
    expect(d2.byComponent.map((r) => r.key)).toEqual(['.', 'a/b', 'a/c']);
    expect(d2.byComponent.map((r) => r.uses)).toEqual([1, 1, 1]);
    for (const t of [d1, d2]) expect(t.byComponent.reduce((n, r) => n + r.hours.likely, 0)).toBeCloseTo(t.total.likely, 2);
    expect(d1.byFamily.reduce((n, r) => n + r.hours.likely, 0)).toBeCloseTo(d1.total.likely, 2);
    expect(d1.byFile.reduce((n, r) => n + r.hours.likely, 0)).toBeCloseTo(d1.total.likely, 2);
  });
});

describe('explain', () => {
  const t = only(estimateEffort(INPUT, [TILE], W));

  it('lists every contributing item of a file, and they sum to its total', () => {
    const e = explainEffort(t, W, 'app/main.cpp')!;
    expect(e.matched).toBe('file');
    expect(e.items.map((i) => `${i.kind} ${i.subject} ${i.status} ${i.count}`).sort()).toEqual([
      'api cudaGetErrorString partial 1',
      'api cudaMalloc direct 2',
      'api cudaMallocManaged none 1',
      'use cudaGetErrorString partial 1',
      'use cudaMalloc direct 2',
      'use cudaMallocManaged none 1',
    ]);
    const items = e.items.reduce((n, i) => n + i.hours.likely, 0);
    expect(e.code.likely).toBeCloseTo(items, 3);
    expect(e.total.likely).toBeCloseTo(items * overhead.likely, 2);
    expect(e.total.likely).toBeCloseTo(t.byFile.find((r) => r.key === 'app/main.cpp')!.hours.likely, 2);
  });

  it('explains a component down to the total, with every finding accounted for', () => {
    const e = explainEffort(t, W, 'app')!;
    expect(e.matched).toBe('component');
    expect(e.total.likely).toBeCloseTo(t.total.likely, 2);
    expect(e.items.filter((i) => i.kind === 'use' || i.kind === 'covered').reduce((n, i) => n + i.count, 0)).toBe(FINDINGS.length);
    for (const i of e.items) expect(i.hours.likely).toBeCloseTo(i.count * i.rate.likely, 2);
  });

  it('returns undefined for a name with no effort', () => {
    expect(explainEffort(t, W, 'nowhere')).toBeUndefined();
  });
});
