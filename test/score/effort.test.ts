import { describe, expect, it } from 'vitest';
import type { EffortRange, KernelEntry, TargetEffort } from '../../src/model/index.js';
import { estimateEffort } from '../../src/score/effort.js';
import { explainEffort } from '../../src/score/effort-explain.js';
import { withOperatorCandidates } from '../../src/score/operators.js';
import { componentOf } from '../../src/score/rollup.js';
import { BANG, defaultWeights, files, finding, kernel, mul, OPERATORS, plus, SIMT, TILE, times } from './helpers.js';

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
const mapped = (ks: KernelEntry[]): KernelEntry[] => withOperatorCandidates(ks, OPERATORS);

describe('estimateEffort: hours from the weights', () => {
  it('adds uses, distinct APIs, the kernel rewrite, learning and setup, then build and validation (tile)', () => {
    const t = only(estimateEffort(INPUT, [TILE], W));
    const tile = W.kernels.models.tile;
    // The launch (<<<>>>) is the kernel's host side: paid by its rewrite, not per use.
    const uses = plus(times(W.uses.direct, 2), W.uses.partial, W.uses.none);
    const apis = plus(W.apis.direct, W.apis.partial, W.apis.none);
    const core = plus(tile.rewrite.base, times(tile.rewrite.perLine, 10));
    const kernelHours = times(core, 1 + tile.features['shared-memory']! + tile.features['builtin-indexing']!);
    const code = plus(uses, apis, kernelHours, tile.learning, W.setup);
    close(t.breakdown.uses, uses);
    close(t.breakdown.apis, apis);
    close(t.breakdown.kernels, kernelHours);
    close(t.breakdown.setup, W.setup);
    close(t.breakdown.code, code);
    close(t.total, mul(code, overhead));
    close(t.days, times(mul(code, overhead), 1 / W.hoursPerDay));
    expect(t.kernels).toEqual({ rewrite: 1, adapt: 0, map: 0 });
  });

  it('gives every total the calibrated range: likely × range.low and × range.high', () => {
    const t = only(estimateEffort(INPUT, [TILE], W));
    expect(t.total.low).toBeCloseTo(t.total.likely * W.range.low, 2);
    expect(t.total.high).toBeCloseTo(t.total.likely * W.range.high, 2);
  });

  it('does not cost the uses inside a rewritten kernel again: they are listed as covered with 0 hours', () => {
    const t = only(estimateEffort(INPUT, [TILE], W));
    const covered = t.items.filter((i) => i.kind === 'covered');
    expect(covered.map((i) => [i.subject, i.count, i.hours.likely]).sort()).toEqual([
      ['<<<>>>', 1, 0],
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
    close(simt.breakdown.uses, plus(times(W.uses.direct, 2), W.uses.partial, W.uses.none, times(W.uses.rewrite, 2)));
    expect(simt.kernels).toEqual({ rewrite: 0, adapt: 1, map: 0 });
    expect(simt.items.filter((i) => i.kind === 'covered').map((i) => i.subject)).toEqual(['<<<>>>']);
    expect(simt.breakdown.kernels.likely).toBeLessThan(tile.breakdown.kernels.likely);
  });

  it('rewrites a SIMT kernel that uses a rewriteIf feature, and says why', () => {
    const ptx = [kernel('lane', 'app/k.cu', 10, 10, ['inline-ptx'])];
    const t = only(estimateEffort({ ...INPUT, kernels: ptx }, [SIMT], W));
    const m = W.kernels.models.simt;
    close(t.breakdown.kernels, times(plus(m.rewrite.base, times(m.rewrite.perLine, 10)), 1 + m.features['inline-ptx']!));
    expect(t.items.find((i) => i.kind === 'kernel' && i.part === 'base')?.note).toMatch(/inline-ptx/);
  });

  it('leaves suppressed findings out', () => {
    const suppressed = FINDINGS.map((f) => (f.symbol === 'cudaMallocManaged' ? { ...f, suppressed: { kind: 'config' as const } } : f));
    const a = only(estimateEffort(INPUT, [TILE], W));
    const b = only(estimateEffort({ ...INPUT, findings: suppressed }, [TILE], W));
    expect(a.breakdown.uses.likely - b.breakdown.uses.likely).toBeCloseTo(W.uses.none.likely, 3);
  });

  it('widens the high bound of uses that rest on an uncertain answer', () => {
    const f = finding({ symbol: 'cudaFoo', file: 'x.cu', line: 1, status: 'partial' });
    const sure = only(estimateEffort({ findings: [f], kernels: [], files: files('x.cu') }, [TILE], W));
    const unsure = { ...f, targets: { ...f.targets, 'ascend-910b': { ...f.targets['ascend-910b']!, confidence: 'uncertain' as const } } };
    const t = only(estimateEffort({ findings: [unsure], kernels: [], files: files('x.cu') }, [TILE], W));
    expect(t.breakdown.uses.likely).toBeCloseTo(sure.breakdown.uses.likely, 2);
    expect(t.breakdown.uses.high).toBeCloseTo(sure.breakdown.uses.high * W.range.uncertain, 2);
    expect(t.items.find((i) => i.kind === 'use')!.uncertain).toBe(true);
  });
});

describe('device helpers are costed with the kernels that call them, by size', () => {
  const helper = (name: string, file: string, line: number, lines: number, calls?: string[]): KernelEntry => ({ ...kernel(name, file, line, lines, [], 'device'), ...(calls ? { calls } : {}) });
  const entry = (name: string, file: string, line: number, lines: number, calls: string[]): KernelEntry => ({ ...kernel(name, file, line, lines, []), calls });
  const m = W.kernels.models.tile;

  it('splits a shared helper evenly over its callers: its lines are paid for once', () => {
    const ks = [
      helper('is_aligned', 'k/util.cuh', 1, 3),
      entry('copy_a', 'k/a.cu', 1, 10, ['is_aligned']),
      entry('copy_b', 'k/b.cu', 1, 20, ['is_aligned']),
    ];
    const t = only(estimateEffort({ findings: [], kernels: ks, files: files('k/util.cuh', 'k/a.cu', 'k/b.cu') }, [TILE], W));
    const lines = t.items.filter((i) => i.kind === 'kernel' && i.part === 'lines').map((i) => [i.subject, i.count]);
    expect(lines).toEqual([['copy_a', 11.5], ['copy_b', 21.5]]);
    // 2 bases, 33 lines: the helper has no base of its own.
    close(t.breakdown.kernels, plus(times(m.rewrite.base, 2), times(m.rewrite.perLine, 33)));
    expect(t.choices.map((c) => [c.kernel, c.helpers, c.lines])).toEqual([['copy_a', 1, 11.5], ['copy_b', 1, 21.5]]);
  });

  it('follows helpers through other helpers', () => {
    const ks = [helper('outer', 'k/h.cuh', 1, 4, ['inner']), helper('inner', 'k/h.cuh', 10, 6), entry('go', 'k/a.cu', 1, 10, ['outer'])];
    const t = only(estimateEffort({ findings: [], kernels: ks, files: files('k/h.cuh', 'k/a.cu') }, [TILE], W));
    expect(t.choices[0]).toMatchObject({ kernel: 'go', helpers: 2, lines: 20 });
  });

  it('gives a helper no kernel calls by name to the kernels of its own file (a template argument), else its lines alone', () => {
    const ks = [helper('load_tiles', 'k/mmq.cuh', 1, 8), entry('mul_mat_q', 'k/mmq.cuh', 20, 10, []), helper('orphan', 'k/other.cuh', 1, 10)];
    const t = only(estimateEffort({ findings: [], kernels: ks, files: files('k/mmq.cuh', 'k/other.cuh') }, [BANG], W));
    expect(t.choices[0]).toMatchObject({ kernel: 'mul_mat_q', helpers: 1, lines: 18 });
    const orphan = t.items.find((i) => i.subject === 'orphan')!;
    close(orphan.hours, times(W.kernels.models.bang.rewrite.perLine, 10 * W.kernels.qualifierFactors.device));
    expect(orphan.note).toMatch(/no counted kernel calls/);
  });
});

describe('kernels mapped onto vendor operators', () => {
  const softmax = [
    { ...kernel('softmax_forward_kernel', 'ops/softmax.cu', 10, 40, ['warp-shuffle']), calls: [] },
    { ...kernel('softmax_backward_kernel', 'ops/softmax.cu', 60, 50, ['warp-shuffle']) },
  ];
  const uses = [
    finding({ symbol: '__shfl_xor_sync', file: 'ops/softmax.cu', line: 20, status: 'rewrite', family: 'kernel', ruleId: 'kernel-shfl', snippet: 'v = __shfl_xor_sync(0xffffffff, v, 16);' }),
    finding({ symbol: 'cudaStream_t', file: 'ops/softmax.cu', line: 120, status: 'direct', kind: 'type' }),
  ].map((f) => (f.ruleId === 'kernel-shfl' ? { ...f, feature: 'warp-shuffle' } : f));
  const input = { findings: uses, kernels: mapped(softmax), files: files('ops/softmax.cu') };

  it('costs one adapter per operator and file instead of two rewrites, and shows both strategies', () => {
    const t = only(estimateEffort(input, [TILE], W));
    expect(t.kernels).toEqual({ rewrite: 0, adapt: 0, map: 2 });
    close(t.breakdown.kernels, { low: 0, likely: 0, high: 0 });
    close(t.breakdown.adapters, plus(W.operators.adapter.standard, W.operators.perKernel));
    const [a, b] = t.choices;
    expect(a).toMatchObject({ kernel: 'softmax_forward_kernel', strategy: 'map', candidate: { pattern: 'softmax', operators: ['aclnnSoftmax', 'aclnnLogSoftmax'], match: 'name' } });
    expect(a!.map! + b!.map!).toBeCloseTo(t.breakdown.adapters.likely, 2);
    // The rewrite it avoids is listed too, and costs more.
    expect(a!.rewrite).toBeGreaterThan(a!.map!);
    expect(t.items.find((i) => i.kind === 'adapter' && i.part === 'base')).toMatchObject({ subject: 'aclnnSoftmax, aclnnLogSoftmax', mode: 'map', weight: 'operators.adapter.standard' });
  });

  it('replaces the uses inside a mapped kernel: 0 hours, and no blocker', () => {
    const r = estimateEffort(input, [TILE], W);
    const t = only(r);
    expect(t.items.find((i) => i.kind === 'covered' && i.subject === '__shfl_xor_sync')?.note).toMatch(/replaced by aclnnSoftmax/);
    expect(r.incompatibilities[0]!.items.filter((i) => i.category === 'warp-size')).toEqual([]);
    // Host code outside the kernels stays a use.
    expect(t.items.some((i) => i.kind === 'use' && i.subject === 'cudaStream_t')).toBe(true);
  });

  it('rewrites a kernel whose vendor has no such operator, and says why', () => {
    const rope = mapped([kernel('rotary_embedding_kernel', 'ops/rope.cu', 1, 30, [])]);
    const asc = only(estimateEffort({ findings: [], kernels: rope, files: files('ops/rope.cu') }, [TILE], W));
    const camb = only(estimateEffort({ findings: [], kernels: rope, files: files('ops/rope.cu') }, [BANG], W));
    expect(asc.choices[0]!.strategy).toBe('map');
    expect(asc.choices[0]!.candidate!.operators).toContain('aclnnRotaryPositionEmbedding');
    // Cambricon: cnnlRotaryEmbedding is only seen in DIOPI (likely), so it is mapped too; a pattern without a
    // Cambricon operator is rewritten.
    const nms = mapped([kernel('chamfer_distance_kernel', 'ops/chamfer.cu', 1, 30, [])]);
    const c2 = only(estimateEffort({ findings: [], kernels: nms, files: files('ops/chamfer.cu') }, [BANG], W));
    expect(c2.choices[0]).toMatchObject({ strategy: 'rewrite', why: expect.stringMatching(/Neuware has no such operator/) });
    expect(camb.choices[0]!.candidate!.confidence).toBe('likely');
  });

  it('maps a kernel matched only by its file name when a kernel of the same file matches by name (one operator)', () => {
    const ks = mapped([kernel('nms_cuda', 'ops/nms_kernel.cu', 1, 40, []), kernel('keep_from_bits', 'ops/nms_kernel.cu', 50, 30, [])]);
    expect(ks[1]!.candidates?.ascend?.match).toBe('sibling');
    const t = only(estimateEffort({ findings: [], kernels: ks, files: files('ops/nms_kernel.cu') }, [TILE], W));
    expect(t.kernels.map).toBe(2);
    // Alone in a file named after an operator, it is not mapped (operators.mapOn: name).
    const lone = mapped([kernel('helper_kernel', 'ops/softmax.cu', 1, 40, [])]);
    const t2 = only(estimateEffort({ findings: [], kernels: lone, files: files('ops/softmax.cu') }, [TILE], W));
    expect(t2.choices[0]).toMatchObject({ strategy: 'rewrite', why: expect.stringMatching(/only its file name/) });
    expect(only(estimateEffort({ findings: [], kernels: lone, files: files('ops/softmax.cu') }, [TILE], defaultWeights({ operators: { mapOn: 'file' } }))).kernels.map).toBe(1);
  });

  it('rewrites every kernel when operators.use is false (before a vendor library existed)', () => {
    const t = only(estimateEffort(input, [TILE], defaultWeights({ operators: { use: false } })));
    expect(t.kernels).toEqual({ rewrite: 2, adapt: 0, map: 0 });
    expect(t.choices[0]!.why).toMatch(/operators\.use is false/);
  });

  it('rewrites when the operator needs a newer SDK than the profile targets', () => {
    const ks = mapped([kernel('roi_pool_forward_kernel', 'ops/roi_pool.cu', 1, 40, [])]);
    const t = only(estimateEffort({ findings: [], kernels: ks, files: files('ops/roi_pool.cu') }, [TILE], W));
    expect(t.choices[0]).toMatchObject({ strategy: 'rewrite', why: expect.stringMatching(/needs CANN 9\.0; ascend-910b targets CANN 8\.5/) });
    // CANN 9.0 (ascend-950) has it, but there a small kernel is cheaper to adapt than to wrap an operator around.
    expect(only(estimateEffort({ findings: [], kernels: ks, files: files('ops/roi_pool.cu') }, [SIMT], W)).choices[0]).toMatchObject({
      strategy: 'adapt', why: expect.stringMatching(/adapting it \([\d.]+ h\) costs less than an adapter/),
    });
  });
});

describe('portability score', () => {
  const host = (status: 'direct' | 'partial' | 'none', n = 1) => Array.from({ length: n }, (_, i) => finding({ symbol: `api${status}${i}`, file: 'x.cu', line: i + 1, status }));

  it('is 100 for direct-only work, 0 for a project of rewritten kernels', () => {
    expect(only(estimateEffort({ findings: host('direct', 3), kernels: [], files: files('x.cu') }, [TILE], W)).portability).toBe(100);
    const asm = [kernel('lane_mask', 'k.cu', 1, 40, ['inline-ptx', 'warp-shuffle'])];
    expect(only(estimateEffort({ findings: [], kernels: asm, files: files('k.cu') }, [TILE], W)).portability).toBe(0);
  });

  it('credits each kind of work: partial uses 0.75, mapped kernels 0.75, none 0', () => {
    const t = only(estimateEffort({ findings: [...host('partial'), ...host('none')], kernels: [], files: files('x.cu') }, [TILE], W));
    const p = W.uses.partial.likely + W.apis.partial.likely;
    const n = W.uses.none.likely + W.apis.none.likely;
    expect(t.portability).toBe(Math.round((100 * 0.75 * p) / (p + n)));
    const m = only(estimateEffort({ findings: [], kernels: mapped([kernel('layer_norm_kernel', 'n.cu', 1, 30, [])]), files: files('n.cu') }, [TILE], W));
    expect(m.portability).toBe(75);
  });
});

describe('weights from the config file', () => {
  it('a partial override merges over the defaults and changes the numbers', () => {
    const w = defaultWeights({ uses: { partial: 2 }, apis: { none: { low: 1, likely: 5, high: 9 } } });
    expect(w.uses.partial).toEqual({ low: 2 * W.range.low, likely: 2, high: 2 * W.range.high });
    expect(w.apis.none).toEqual({ low: 1, likely: 5, high: 9 });
    expect(w.uses.direct).toEqual(W.uses.direct);
    const before = only(estimateEffort(INPUT, [TILE], W));
    const after = only(estimateEffort(INPUT, [TILE], w));
    // one partial use (cudaGetErrorString) and one none API changed; the setup share moves with them
    expect(after.breakdown.code.likely - before.breakdown.code.likely).toBeCloseTo(1 * (2 - W.uses.partial.likely) + (5 - W.apis.none.likely), 2);
  });

  it('build and validation fractions written as one number are fixed (the range comes from `range`)', () => {
    expect(W.build.fraction.low).toBe(W.build.fraction.likely);
    expect(W.validation.fraction.high).toBe(W.validation.fraction.likely);
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
    expect(() => defaultWeights({ operators: { mapOn: 'everything' } })).toThrow(/field "effort\.operators\.mapOn" must be name or file/);
    expect(() => defaultWeights({ portability: { adapter: 2 } })).toThrow(/field "effort\.portability\.adapter" must be between 0 and 1/);
  });
});

describe('components', () => {
  it('are folders at the group depth; root files are "."', () => {
    expect(componentOf('a/b/x.cu', 1)).toBe('a');
    expect(componentOf('a/b/x.cu', 2)).toBe('a/b');
    expect(componentOf('a/b/x.cu', 5)).toBe('a/b');
    expect(componentOf('x.cu', 1)).toBe('.');
  });

  it('group depth changes the rollup rows, which sum to the total either way (setup shared by code hours)', () => {
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
    close(d1.breakdown.setup, W.setup);
  });
});

describe('explain', () => {
  const t = only(estimateEffort(INPUT, [TILE], W));

  it('lists every contributing item of a file, and they sum to its total', () => {
    const e = explainEffort(t, W, 'app/main.cpp')!;
    expect(e.matched).toBe('file');
    expect(e.items.map((i) => `${i.kind} ${i.subject} ${i.status ?? ''} ${i.kind === 'setup' ? '' : i.count}`).sort()).toEqual([
      'api cudaGetErrorString partial 1',
      'api cudaMalloc direct 2',
      'api cudaMallocManaged none 1',
      'setup ascend runtime and operator library  ',
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
