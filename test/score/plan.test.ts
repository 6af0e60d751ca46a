/** The migration plan (src/score/plan.ts), its renderings (src/report/plan-view.ts) and `ascendify plan`. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KernelEntry, Report } from '../../src/model/index.js';
import { planCsv, planHtml, planMarkdown, planText } from '../../src/report/plan-view.js';
import { estimateEffort } from '../../src/score/effort.js';
import { withOperatorCandidates } from '../../src/score/operators.js';
import { cli } from '../helpers/cli.js';
import { defaultWeights, files, finding, kernel, OPERATORS, TILE } from './helpers.js';

const W = defaultWeights();
const k = (name: string, file: string, line: number, lines: number, calls: string[] = [], qualifier: 'global' | 'device' = 'global'): KernelEntry => ({
  ...kernel(name, file, line, lines, [], qualifier), calls,
});
const KERNELS = withOperatorCandidates([
  k('softmax_kernel', 'ops/softmax.cu', 1, 30),
  k('histogram_kernel', 'model/hist.cu', 1, 40, ['bucket_of']),
  k('tally_blocks', 'core/lib.cu', 50, 30),
  k('bucket_of', 'core/lib.cuh', 1, 12, [], 'device'),
], OPERATORS);
const FINDINGS = [
  finding({ symbol: 'CUDA::cudart', file: 'CMakeLists.txt', line: 3, status: 'partial', family: 'build-cmake' }),
  finding({ symbol: 'cudaMalloc', file: 'core/mem.cpp', line: 5, status: 'direct' }),
  finding({ symbol: 'cudaHostRegister', file: 'core/mem.cpp', line: 6, status: 'none', note: 'Pin through the allocator.' }),
  finding({ symbol: 'cublasSgemm', file: 'model/gemm.cpp', line: 9, status: 'partial', family: 'cublas' }),
];
const INPUT = { findings: FINDINGS, kernels: KERNELS, files: files('CMakeLists.txt', 'core/mem.cpp', 'core/lib.cu', 'core/lib.cuh', 'model/gemm.cpp', 'model/hist.cu', 'ops/softmax.cu') };

describe('the migration plan', () => {
  const r = estimateEffort(INPUT, [TILE], W);
  const t = r.effort.targets[0]!;
  const plan = t.plan;

  it('orders build, runtime, libraries, operators, kernels by dependency, then validation', () => {
    expect(plan.map((w) => `${w.phase}${w.component ? `:${w.component}` : ''}`)).toEqual([
      'build', 'runtime', 'libraries', 'operators:ops', 'kernels:core', 'kernels:model', 'validation',
    ]);
    expect(plan.map((w) => w.id)).toEqual(['WP01', 'WP02', 'WP03', 'WP04', 'WP05', 'WP06', 'WP07']);
    expect(plan.map((w) => w.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a component whose kernels call another component\'s helpers comes after it and depends on it', () => {
    const model = plan.find((w) => w.component === 'model' && w.phase === 'kernels')!;
    const core = plan.find((w) => w.component === 'core' && w.phase === 'kernels')!;
    expect(model.dependsOn).toContain(core.id);
    expect(core.dependsOn).not.toContain(model.id);
    expect(plan.find((w) => w.phase === 'validation')!.dependsOn).toHaveLength(plan.length - 1);
  });

  it('the packages hold every hour of the estimate once', () => {
    expect(plan.reduce((n, w) => n + w.hours.likely, 0)).toBeCloseTo(t.total.likely, 1);
    expect(plan.reduce((n, w) => n + w.days.likely, 0)).toBeCloseTo(t.days.likely, 1);
  });

  it('names the operators to use, the blockers and the first files to touch', () => {
    const ops = plan.find((w) => w.phase === 'operators')!;
    expect(ops.operators).toEqual(['aclnnLogSoftmax', 'aclnnSoftmax']);
    expect(ops.kernels).toBe(1);
    expect(ops.files).toEqual(['ops/softmax.cu']);
    const runtime = plan.find((w) => w.phase === 'runtime')!;
    expect(runtime.blockers[0]).toMatch(/No equivalent on the target: cudaHostRegister \(high risk, 1 use\)/);
    expect(runtime.files).toEqual(['core/mem.cpp']);
    expect(plan.find((w) => w.phase === 'libraries')!.title).toBe('Library calls: cuBLAS');
  });

  const report = { effort: r.effort, incompatibilities: r.incompatibilities } as unknown as Report;

  it('renders as text, Markdown and HTML, with each kernel\'s strategy and operator candidate', () => {
    const text = planText(t, W.hoursPerDay).join('\n');
    expect(text).toMatch(/^WP04 {2}Map kernels onto vendor operators: ops/m);
    expect(text).toMatch(/use: aclnnLogSoftmax, aclnnSoftmax/);
    const md = planMarkdown(report).join('\n');
    expect(md).toMatch(/### Migration plan/);
    expect(md).toMatch(/\| WP01 \| Build system and toolchain/);
    expect(md).toMatch(/map onto aclnnSoftmax, aclnnLogSoftmax/);
    const html = planHtml(report);
    expect(html).toMatch(/<section id="plan">/);
    expect(html).toMatch(/<code>softmax_kernel<\/code>/);
  });

  it('exports CSV for a tracker: one row per package, fields quoted', () => {
    const lines = planCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('target,order,id,phase,title,component,days_likely,days_low,days_high,hours_likely,kernels,uses,depends_on,operators,blockers,files,note');
    expect(lines).toHaveLength(plan.length + 1);
    expect(lines[2]).toMatch(/^ascend-910b,2,WP02,runtime,"Runtime, memory and device management",/);
  });
});

describe('ascendify plan', () => {
  const SAMPLES = resolve(__dirname, '../../samples');
  it('prints the plan per target; --format csv and md', async () => {
    const r = await cli(['plan', SAMPLES, '--no-cache', '--target', 'ascend-910b']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Migration plan for ascend-910b \(tile\)/m);
    expect(r.stdout).toMatch(/^WP01 {2}Build system and toolchain/m);
    expect(r.stdout).toMatch(/Kernels on ascend-910b: \d+ mapped onto vendor operators/);
    const csv = await cli(['plan', SAMPLES, '--no-cache', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^target,order,id,phase,title/);
    const bad = await cli(['plan', SAMPLES, '--no-cache', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "xlsx" for plan/);
  });
});
