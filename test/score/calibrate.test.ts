/** Calibrating the effort weights on ports (src/score/calibrate.ts, docs/effort-calibration.md). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  calibrate, currentFactors, errorInterval, fitFactors, fittedOverride, GROUPS, ONES, percentile, predict, type Factors, type Group, type PortHours,
} from '../../src/score/calibrate.js';
import { cli } from '../helpers/cli.js';
import { defaultWeights } from './helpers.js';

/** A port whose measured days are what the model gives with `truth`, times `noise`. */
function port(id: string, hours: Partial<Record<Group, number>>, truth: Factors, noise = 1): PortHours {
  const p: PortHours = { id, measured: { low: 0, likely: 1, high: 0 }, hours: { kernels: 0, operators: 0, fixed: 0, uses: 0, ...hours }, overhead: 1.4, hoursPerDay: 6 };
  const likely = predict(p, truth) * noise;
  return { ...p, measured: { low: likely / 2, likely, high: likely * 2 } };
}

const TRUTH: Factors = { kernels: 2, operators: 0.5, fixed: 1.5, uses: 1 };
const PORTS = [
  port('rewrites', { kernels: 500, fixed: 60, uses: 20 }, TRUTH),
  port('adapters', { operators: 800, fixed: 60, uses: 30 }, TRUTH),
  port('mixed', { kernels: 60, operators: 200, fixed: 60, uses: 70 }, TRUTH),
  port('library', { kernels: 20, operators: 300, fixed: 40, uses: 200 }, TRUTH),
  port('small', { kernels: 100, operators: 60, fixed: 60, uses: 60 }, TRUTH),
];

describe('the fit', () => {
  it('recovers the factors that generated the measured effort', () => {
    const f = fitFactors(PORTS, ['kernels', 'operators', 'fixed']);
    expect(f.kernels).toBeCloseTo(2, 2);
    expect(f.operators).toBeCloseTo(0.5, 2);
    expect(f.fixed).toBeCloseTo(1.5, 2);
    expect(f.uses).toBe(1);
  });

  it('leaves each port out in turn: with exact data every estimate is exact and inside its range', () => {
    const c = calibrate(PORTS, ['kernels', 'operators', 'fixed']);
    for (const r of c.loo) expect(r.ratio).toBeCloseTo(1, 2);
    expect(c.within2x).toBe(PORTS.length);
  });

  it('with noisy data, reports each held-out ratio and whether its range (from the other ports) holds the measured effort', () => {
    const noisy = PORTS.map((p, i) => port(p.id, p.hours, TRUTH, [1.3, 0.8, 1.1, 0.7, 1.5][i]));
    const c = calibrate(noisy, ['kernels', 'operators']);
    expect(c.loo).toHaveLength(5);
    for (const r of c.loo) {
      expect(r.ratio).toBeCloseTo(r.estimate / r.measured.likely, 9);
      expect(r.low).toBeLessThan(r.estimate);
      expect(r.high).toBeGreaterThan(r.estimate);
      expect(r.inRange).toBe(r.measured.likely >= r.low && r.measured.likely <= r.high);
    }
    expect(c.range.low).toBeLessThan(1);
    expect(c.range.high).toBeGreaterThan(1);
  });

  it('a prior keeps a group that one port alone informs near its starting value', () => {
    const others = PORTS.filter((p) => p.id !== 'rewrites').map((p) => ({ ...p, hours: { ...p.hours, kernels: 0 } }));
    const only = [...others, PORTS[0]!];
    const free = fitFactors(only, ['kernels', 'operators', 'fixed']);
    const held = fitFactors(only, ['kernels', 'operators', 'fixed'], { lambda: 5, current: ONES });
    expect(free.kernels).toBeGreaterThan(1.3);
    expect(Math.abs(Math.log(held.kernels))).toBeLessThan(Math.abs(Math.log(free.kernels)) / 2);
  });

  it('is a fixed point: weights already scaled by the fitted factors refit to factors of 1', () => {
    const prior = { lambda: 0.5, current: ONES };
    const f = fitFactors(PORTS, ['kernels', 'operators'], prior);
    const scaled = PORTS.map((p) => ({ ...p, hours: { ...p.hours, kernels: p.hours.kernels * f.kernels, operators: p.hours.operators * f.operators } }));
    const again = fitFactors(scaled, ['kernels', 'operators'], { lambda: 0.5, current: f });
    expect(again.kernels).toBeCloseTo(1, 3);
    expect(again.operators).toBeCloseTo(1, 3);
  });
});

describe('ranges from the leave-one-out errors', () => {
  it('is the lognormal 80% interval: wider than the min–max of a few errors', () => {
    const e = [0.7, 0.9, 1.1, 1.3, 1.6];
    const { low, high } = errorInterval(e);
    expect(low).toBeLessThan(Math.min(...e));
    expect(high).toBeGreaterThan(Math.max(...e));
    // Equal errors give no spread.
    expect(errorInterval([1.2, 1.2, 1.2]).low).toBeCloseTo(1.2, 9);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([3, 1, 2, 4], 0.1)).toBe(1);
    expect(percentile([3, 1, 2, 4], 0.9)).toBe(4);
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2);
  });
});

describe('the shipped weights are the fitted ones', () => {
  const W = defaultWeights();
  const result = JSON.parse(readFileSync(resolve(__dirname, '../../calibration/result.json'), 'utf8')) as {
    ports: PortHours[];
    calibration: { free: Group[]; prior: { lambda: number } };
    weights: { kernels: { models: Record<string, { rewrite: { base: number } }> }; operators: { adapter: { standard: number } } };
  };

  it('refitting the committed calibration (calibration/result.json) with rules/effort.yaml changes no factor', () => {
    const c = calibrate(result.ports, result.calibration.free, { lambda: result.calibration.prior.lambda, current: currentFactors(W) });
    for (const g of result.calibration.free) expect(c.factors[g], g).toBeCloseTo(1, 1);
    const cal = W.calibration as { leaveOneOut: { within2x: string; rangeContains: string }; ports: string[] };
    expect(cal.leaveOneOut.within2x).toBe(`${c.within2x} of ${c.loo.length}`);
    expect(cal.leaveOneOut.rangeContains).toBe(`${c.inRange} of ${c.loo.length}`);
    expect(cal.ports).toEqual(result.ports.map((p) => p.id));
  });

  it('rules/effort.yaml holds the fitted weights and the calibrated range', () => {
    // Equal up to the three significant digits the weights are written with.
    const near = (a: number, b: number): void => expect(Math.abs(a / b - 1)).toBeLessThan(0.01);
    near(W.kernels.models.tile.rewrite.base.likely, result.weights.kernels.models.tile!.rewrite.base);
    near(W.operators.adapter.standard.likely, result.weights.operators.adapter.standard);
    const c = calibrate(result.ports, result.calibration.free, { lambda: result.calibration.prior.lambda, current: currentFactors(W) });
    expect(W.range.low).toBeCloseTo(c.range.low, 2);
    expect(W.range.high).toBeCloseTo(c.range.high, 1);
    const o = fittedOverride(W, c, result.ports.map((p) => p.id)) as { setup: number };
    expect(o.setup).toBe(W.setup.likely);
    expect(GROUPS).toEqual(['kernels', 'operators', 'fixed', 'uses']);
  });
});

describe('ascendify effort --calibrate', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const KERNEL = (name: string, k = 2) => `__global__ void ${name}(float* x, int n) {\n  int i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) x[i] = x[i] * ${k}.f;\n}\n`;

  function ports(body: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-cal-'));
    dirs.push(dir);
    for (const [id, src] of [['a', KERNEL('twice') + KERNEL('thrice', 3)], ['b', KERNEL('layer_norm_kernel')], ['c', KERNEL('softmax_kernel') + KERNEL('hist_kernel')]]) {
      mkdirSync(join(dir, 'src', id!), { recursive: true });
      writeFileSync(join(dir, 'src', id!, 'k.cu'), src!);
    }
    writeFileSync(join(dir, 'ports.yaml'), body);
    return join(dir, 'ports.yaml');
  }

  it('scans each port, fits and prints the leave-one-out table and the fitted weights', async () => {
    const file = ports(`fit: [kernels, operators]
ports:
  - { id: a, target: ascend-910b, source: src/a, measured: { likely: 14 }, effort: { operators: { use: false } } }
  - { id: b, target: ascend-910b, source: src/b, measured: { likely: 9 } }
  - { id: c, target: cambricon-mlu590, source: src/c, measured: { likely: 15 } }
`);
    const r = await cli(['effort', '--calibrate', file, '--no-cache', '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Calibration on 3 ports/);
    expect(r.stdout).toMatch(/^a +ascend-910b +14\.0 /m);
    expect(r.stdout).toMatch(/Leave-one-out: likely within 2× of measured for \d of 3/);
    expect(r.stdout).toMatch(/kernels mapped 0, rewritten 2/);
    expect(r.stdout).toMatch(/Fitted weights/);
    const j = await cli(['effort', '--calibrate', file, '--no-cache', '--jobs', '1', '--format', 'json']);
    const out = JSON.parse(j.stdout) as { ports: PortHours[]; calibration: { loo: unknown[] } };
    expect(out.ports.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(out.calibration.loo).toHaveLength(3);
  });

  it('a ports file that breaks the schema or names a missing folder exits 2 with the file and field', async () => {
    const bad = await cli(['effort', '--calibrate', ports('ports:\n  - { id: a, target: ascend-910b, source: src/a }\n  - { id: b, target: ascend-910b, source: src/b, measured: { likely: 2 } }\n')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/calibration .*ports\.yaml/);
    expect(bad.stderr).toMatch(/measured/);
    const missing = await cli(['effort', '--calibrate', ports('ports:\n  - { id: a, target: ascend-910b, source: nowhere, measured: { likely: 2 } }\n  - { id: b, target: ascend-910b, source: src/b, measured: { likely: 2 } }\n'), '--no-cache']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/port "a": source folder nowhere does not exist/);
  });
});
