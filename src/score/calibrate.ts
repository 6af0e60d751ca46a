/**
 * Calibrating the effort weights on real ports (docs/effort-calibration.md). Pure.
 *
 * Each port is a scan of its CUDA original and the effort measured in its history (person-days). The
 * estimate is linear in groups of weights, so a port's likely days are
 *
 *     days = (Σ_g factor_g × hours_g) × (1 + build + validation) / hoursPerDay
 *
 * with hours_g the likely code hours of group g under the current weights. The fit finds the factors that
 * minimise the squared log error over the ports (Nelder–Mead on log factors, deterministic); the fitted
 * weights are the current ones times their group's factor. Leave-one-out refits without each port in turn
 * and predicts it; the spread of the leave-one-out errors (measured / estimated) is the range: the 10th to 90th
 * percentile of a lognormal fitted to them (errorInterval).
 */
import type { EffortWeights, TargetEffort } from '../model/index.js';

/** Groups of weights scaled together by one fitted factor. */
export const GROUPS = ['kernels', 'operators', 'fixed', 'uses'] as const;
export type Group = (typeof GROUPS)[number];

/** What each group scales (weight paths; `*` is every kernel model). */
export const GROUP_WEIGHTS: Record<Group, string[]> = {
  kernels: ['kernels.models.*.rewrite.base', 'kernels.models.*.rewrite.perLine', 'kernels.models.*.adapt.base', 'kernels.models.*.adapt.perLine'],
  operators: ['operators.adapter.standard', 'operators.adapter.domain', 'operators.perKernel'],
  fixed: ['setup', 'kernels.models.*.learning'],
  uses: ['uses.*', 'apis.*'],
};

export interface MeasuredDays {
  low: number;
  likely: number;
  high: number;
}

/** One calibration port: its estimate split by group, and what it measured. */
export interface PortHours {
  id: string;
  measured: MeasuredDays;
  /** Likely code hours per group under the weights used. */
  hours: Record<Group, number>;
  /** 1 + build fraction + validation fraction (likely). */
  overhead: number;
  hoursPerDay: number;
}

export type Factors = Record<Group, number>;

export const ONES: Factors = { kernels: 1, operators: 1, fixed: 1, uses: 1 };

/** A port's hours by group, from its estimate on the port's target. */
export function portHours(id: string, measured: MeasuredDays, t: TargetEffort, weights: EffortWeights): PortHours {
  const b = t.breakdown;
  return {
    id,
    measured,
    hours: { kernels: b.kernels.likely, operators: b.adapters.likely, fixed: b.setup.likely + b.learning.likely, uses: b.uses.likely + b.apis.likely },
    overhead: 1 + weights.build.fraction.likely + weights.validation.fraction.likely,
    hoursPerDay: weights.hoursPerDay,
  };
}

/** Likely person-days of a port with the groups scaled by `f`. */
export function predict(p: PortHours, f: Factors): number {
  let h = 0;
  for (const g of GROUPS) h += f[g] * p.hours[g];
  return (h * p.overhead) / p.hoursPerDay;
}

const LOG_MIN = Math.log(0.02);
const LOG_MAX = Math.log(50);

/** Nelder–Mead on a function of n variables, from `start` (deterministic: fixed steps, fixed iterations). */
function minimise(fn: (x: number[]) => number, start: number[], step = 0.5, iterations = 4000): number[] {
  const n = start.length;
  if (!n) return [];
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(fn);
  for (let it = 0; it < iterations; it++) {
    const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) < 1e-14 && it > 50) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const towards = (k: number): number[] => centroid.map((c, j) => c + k * (simplex[n]![j]! - c));
    const reflected = towards(-1);
    const fr = fn(reflected);
    if (fr < values[0]!) {
      const expanded = towards(-2);
      const fe = fn(expanded);
      if (fe < fr) [simplex[n], values[n]] = [expanded, fe];
      else [simplex[n], values[n]] = [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = towards(fr < values[n]! ? -0.5 : 0.5);
      const fc = fn(contracted);
      if (fc < Math.min(fr, values[n]!)) [simplex[n], values[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = fn(simplex[i]!);
        }
      }
    }
  }
  const best = values.reduce((b, v, i) => (v < values[b]! ? i : b), 0);
  return simplex[best]!;
}

/**
 * A prior on the factors: the weights before any calibration (the starting values in docs/effort-model.md) are
 * believed within a factor of a few, so the loss adds `lambda` × Σ log²(total factor), the total factor being
 * `current` (what earlier calibrations applied, effort.yaml `calibration.factors`) times the new one. With few
 * ports, a group only one port informs stays near its starting value instead of fitting that port exactly.
 */
export interface Prior {
  lambda: number;
  current: Factors;
}

export const NO_PRIOR: Prior = { lambda: 0, current: ONES };

/**
 * The factors of the `free` groups that minimise Σ log²(predicted / measured) over the ports (plus the prior);
 * the other groups keep factor 1. Groups no port has hours in stay at 1.
 */
export function fitFactors(ports: readonly PortHours[], free: readonly Group[] = GROUPS, prior: Prior = NO_PRIOR): Factors {
  const active = free.filter((g) => ports.some((p) => p.hours[g] > 0));
  const clamp = (x: number): number => Math.min(LOG_MAX, Math.max(LOG_MIN, x));
  const factorsOf = (x: number[]): Factors => {
    const f = { ...ONES };
    active.forEach((g, i) => (f[g] = Math.exp(clamp(x[i]!))));
    return f;
  };
  const loss = (x: number[]): number => {
    const f = factorsOf(x);
    let s = 0;
    for (const p of ports) {
      const e = Math.log(Math.max(1e-9, predict(p, f)) / p.measured.likely);
      s += e * e;
    }
    // Outside the bounds the loss grows, so the search stays inside them.
    for (const v of x) if (v !== clamp(v)) s += (v - clamp(v)) ** 2;
    if (prior.lambda > 0) active.forEach((g, i) => (s += prior.lambda * (Math.log(prior.current[g]) + clamp(x[i]!)) ** 2));
    return s;
  };
  // Two passes from the first result: Nelder–Mead can stall on a flat valley.
  let x = minimise(loss, active.map(() => 0));
  x = minimise(loss, x, 0.1);
  return factorsOf(x);
}

/** Student's t 0.9 quantile by degrees of freedom (1–30; beyond, the normal 1.2816). */
const T90 = [3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341, 1.337, 1.333, 1.33, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.31];

/**
 * The 10th and 90th percentile of the next error, from observed errors (measured / estimated): a lognormal
 * prediction interval, exp(mean ± t₀.₉ × sd × √(1 + 1/k)) of the k log errors. With few ports it is wider than
 * their min–max, as an honest 80% interval must be. Needs two errors or more.
 */
export function errorInterval(errors: readonly number[]): { low: number; high: number } {
  const logs = errors.map(Math.log);
  const k = logs.length;
  if (k < 2) return { low: NaN, high: NaN };
  const mean = logs.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
  const t = T90[k - 2] ?? 1.2816;
  const half = t * sd * Math.sqrt(1 + 1 / k);
  return { low: Math.exp(mean - half), high: Math.exp(mean + half) };
}

/** Nearest-rank percentile (p in 0–1) of values: the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface LooRow {
  id: string;
  measured: MeasuredDays;
  /** Likely days predicted with the weights fitted on the other ports. */
  estimate: number;
  /** estimate / measured likely. */
  ratio: number;
  /** The range of that estimate: estimate × the 80% interval of the other ports' leave-one-out errors (errorInterval). */
  low: number;
  high: number;
  inRange: boolean;
  within2x: boolean;
  /** The factors fitted without this port. */
  factors: Factors;
}

export interface Calibration {
  /** Factors fitted on every port (multiply the current weights by them). */
  factors: Factors;
  /** In-sample: each port's likely days with the fitted factors. */
  fitted: { id: string; estimate: number; ratio: number }[];
  loo: LooRow[];
  /** Range factors: the 10th and 90th percentile of the leave-one-out errors (measured / estimated), errorInterval. */
  range: { low: number; high: number };
  within2x: number;
  inRange: number;
  /** Geometric mean of |log ratio| of the leave-one-out estimates, as a factor (1 = exact). */
  typicalError: number;
  free: Group[];
  prior: Prior;
}

/** Fit on every port, then leave each port out in turn. Needs at least two ports. */
export function calibrate(ports: readonly PortHours[], free: readonly Group[] = GROUPS, prior: Prior = NO_PRIOR): Calibration {
  const factors = fitFactors(ports, free, prior);
  const fitted = ports.map((p) => {
    const estimate = predict(p, factors);
    return { id: p.id, estimate, ratio: estimate / p.measured.likely };
  });
  const loo = ports.map((p, i) => {
    const others = ports.filter((_, j) => j !== i);
    const f = fitFactors(others, free, prior);
    const estimate = predict(p, f);
    return { p, f, estimate, error: p.measured.likely / estimate };
  });
  const errors = loo.map((r) => r.error);
  const rows: LooRow[] = loo.map((r, i) => {
    // The range for a held-out port comes from the other ports' errors only (an honest coverage check).
    const band = errorInterval(errors.filter((_, j) => j !== i));
    const low = r.estimate * band.low;
    const high = r.estimate * band.high;
    const ratio = r.estimate / r.p.measured.likely;
    return {
      id: r.p.id, measured: r.p.measured, estimate: r.estimate, ratio, low, high,
      inRange: r.p.measured.likely >= low && r.p.measured.likely <= high,
      within2x: ratio >= 0.5 && ratio <= 2,
      factors: r.f,
    };
  });
  const typical = Math.exp(rows.reduce((s, r) => s + Math.abs(Math.log(r.ratio)), 0) / Math.max(1, rows.length));
  return {
    factors,
    fitted,
    loo: rows,
    range: { low: Math.min(1, errorInterval(errors).low), high: Math.max(1, errorInterval(errors).high) },
    within2x: rows.filter((r) => r.within2x).length,
    inRange: rows.filter((r) => r.inRange).length,
    typicalError: typical,
    free: [...free],
    prior,
  };
}

/** Three significant digits: what the fitted weights are written with. */
export const sig3 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(3)));

/**
 * The weights to ship: every weight of a group times the group's factor, as an `effort:` override (likely values,
 * so low and high come from `range`, which is set to the calibrated error).
 */
export function fittedOverride(weights: EffortWeights, c: Calibration, ports: string[]): Record<string, unknown> {
  const f = c.factors;
  const out: Record<string, unknown> = {};
  const models: Record<string, unknown> = {};
  for (const [name, m] of Object.entries(weights.kernels.models)) {
    const model: Record<string, unknown> = {
      learning: sig3(m.learning.likely * f.fixed),
      rewrite: { base: sig3(m.rewrite.base.likely * f.kernels), perLine: sig3(m.rewrite.perLine.likely * f.kernels) },
    };
    if (m.adapt) model.adapt = { base: sig3(m.adapt.base.likely * f.kernels), perLine: sig3(m.adapt.perLine.likely * f.kernels) };
    models[name] = model;
  }
  out.range = { low: sig3(c.range.low), high: sig3(c.range.high) };
  out.setup = sig3(weights.setup.likely * f.fixed);
  out.uses = Object.fromEntries(Object.entries(weights.uses).map(([s, r]) => [s, sig3(r.likely * f.uses)]));
  out.apis = Object.fromEntries(Object.entries(weights.apis).map(([s, r]) => [s, sig3(r.likely * f.uses)]));
  out.operators = {
    adapter: { standard: sig3(weights.operators.adapter.standard.likely * f.operators), domain: sig3(weights.operators.adapter.domain.likely * f.operators) },
    perKernel: sig3(weights.operators.perKernel.likely * f.operators),
  };
  out.kernels = { models };
  out.calibration = {
    doc: 'docs/effort-calibration.md',
    ports,
    factors: Object.fromEntries(GROUPS.map((g) => [g, sig3(c.prior.current[g] * f[g])])),
    prior: c.prior.lambda,
    leaveOneOut: { within2x: `${c.within2x} of ${c.loo.length}`, rangeContains: `${c.inRange} of ${c.loo.length}`, typicalError: sig3(c.typicalError) },
  };
  return out;
}

/** The factors earlier calibrations applied (effort.yaml `calibration.factors`); 1 for a group it does not name. */
export function currentFactors(weights: EffortWeights): Factors {
  const f = (weights.calibration?.factors ?? {}) as Record<string, unknown>;
  const out = { ...ONES };
  for (const g of GROUPS) if (typeof f[g] === 'number' && (f[g] as number) > 0) out[g] = f[g] as number;
  return out;
}
