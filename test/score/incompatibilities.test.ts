import { describe, expect, it } from 'vitest';
import { estimateEffort } from '../../src/score/effort.js';
import { defaultWeights, files, finding, kernel, plus, SIMT, TILE, times } from './helpers.js';

const W = defaultWeights();
/** The feature tags the catalog gives these rules (a finding carries its rule's tag). */
const RULE_FEATURES: Record<string, string> = {
  'runtime-malloc-managed': 'managed-memory',
  'kernel-shfl': 'warp-shuffle',
  'kernel-asm': 'inline-ptx',
};
const tagged = (f: ReturnType<typeof finding>): ReturnType<typeof finding> => (f.ruleId && RULE_FEATURES[f.ruleId] ? { ...f, feature: RULE_FEATURES[f.ruleId] } : f);

const FINDINGS = ([
  finding({ symbol: 'cudaMallocManaged', file: 'host/alloc.cpp', line: 3, status: 'none', ruleId: 'runtime-malloc-managed' }),
  finding({ symbol: 'cudaHostRegister', file: 'host/alloc.cpp', line: 4, status: 'none', note: 'Register with the target allocator instead.' }),
  finding({ symbol: 'cudaHostRegister', file: 'host/alloc.cpp', line: 5, status: 'none' }),
  finding({ symbol: 'cudaHostRegister', file: 'host/pin.cpp', line: 9, status: 'none' }),
  finding({ symbol: 'asm', file: 'dev/k.cu', line: 12, status: 'rewrite', kind: 'syntax', family: 'kernel', ruleId: 'kernel-asm' }),
  finding({ symbol: '__shfl_down_sync', file: 'dev/k.cu', line: 22, status: 'rewrite', family: 'kernel', ruleId: 'kernel-shfl', snippet: 'v += __shfl_down_sync(0xffffffff, v, 16);' }),
  finding({ symbol: '__shfl_down_sync', file: 'dev/k.cu', line: 23, status: 'rewrite', family: 'kernel', ruleId: 'kernel-shfl', snippet: 'v += __shfl_down_sync(mask, v, o);' }),
  finding({ symbol: 'cudaMemcpy', file: 'host/alloc.cpp', line: 6, status: 'direct' }),
]).map(tagged);
const KERNELS = [
  kernel('lane', 'dev/k.cu', 10, 5, ['inline-ptx']),
  kernel('reduce', 'dev/k.cu', 20, 6, ['warp-shuffle']),
];
const INPUT = { findings: FINDINGS, kernels: KERNELS, files: files('host/alloc.cpp', 'host/pin.cpp', 'dev/k.cu') };

describe('incompatibilities', () => {
  const { incompatibilities, effort } = estimateEffort(INPUT, [TILE], W);
  const items = incompatibilities[0]!.items;
  const byCategory = (c: string) => items.filter((i) => i.category === c);

  it('lists each blocker once, in its category', () => {
    expect(items.map((i) => i.category).sort()).toEqual(['inline-ptx', 'managed-memory', 'no-equivalent', 'warp-size']);
    expect(byCategory('no-equivalent')[0]).toMatchObject({ symbols: ['cudaHostRegister'], count: 3, risk: 'high', advice: 'Register with the target allocator instead.' });
    expect(byCategory('managed-memory')[0]!.symbols).toEqual(['cudaMallocManaged']);
  });

  it('sorts by impact: most estimated hours first', () => {
    const hours = items.map((i) => i.hours.likely);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(hours[0]).toBeGreaterThan(hours[hours.length - 1]!);
  });

  it('prices a blocker with the hours of the estimate it accounts for', () => {
    // host code: 3 uses + the API once; managed memory: 1 use + the API once
    expect(byCategory('no-equivalent')[0]!.hours.likely).toBeCloseTo(plus(times(W.uses.none, 3), W.apis.none).likely, 3);
    expect(byCategory('managed-memory')[0]!.hours.likely).toBeCloseTo(plus(W.uses.none, W.apis.none).likely, 3);
    // inline PTX inside a rewritten kernel: the use is covered; the impact is the kernel's inline-ptx share
    const ptx = effort.targets[0]!.items.find((i) => i.subject === 'lane' && i.part === 'feature:inline-ptx')!;
    expect(byCategory('inline-ptx')[0]!.hours.likely).toBeCloseTo(ptx.hours.likely, 3);
  });

  it('finds 32-lane masks in warp intrinsics and lists the kernel around them', () => {
    const warp = byCategory('warp-size')[0]!;
    expect(warp.count).toBe(1);
    expect(warp.locations).toEqual([
      { file: 'dev/k.cu', line: 20, kernel: 'reduce' },
      { file: 'dev/k.cu', line: 22, symbol: '__shfl_down_sync' },
    ]);
    expect(byCategory('inline-ptx')[0]!.locations).toContainEqual({ file: 'dev/k.cu', line: 10, kernel: 'lane' });
  });

  it('is per target: a status that is not a blocker there drops the entry', () => {
    const ok = FINDINGS.map((f) => (f.symbol === 'cudaMallocManaged' ? { ...f, targets: { 'ascend-950': { status: 'partial' as const } } } : f));
    const simt = estimateEffort({ ...INPUT, findings: ok }, [SIMT], W).incompatibilities[0]!;
    expect(simt.target).toBe('ascend-950');
    expect(simt.items.some((i) => i.category === 'managed-memory')).toBe(false);
  });
});
