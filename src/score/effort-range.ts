/** Arithmetic on three-point estimates (low / likely / high), bound by bound. */
import type { EffortRange } from '../model/index.js';

export const ZERO: EffortRange = Object.freeze({ low: 0, likely: 0, high: 0 });

export const add = (a: EffortRange, b: EffortRange): EffortRange => ({ low: a.low + b.low, likely: a.likely + b.likely, high: a.high + b.high });

export const scale = (a: EffortRange, k: number): EffortRange => ({ low: a.low * k, likely: a.likely * k, high: a.high * k });

/** Bound-by-bound product: low × low, likely × likely, high × high. */
export const times = (a: EffortRange, b: EffortRange): EffortRange => ({ low: a.low * b.low, likely: a.likely * b.likely, high: a.high * b.high });

export const sum = (ranges: Iterable<EffortRange>): EffortRange => {
  let out = ZERO;
  for (const r of ranges) out = add(out, r);
  return out;
};

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Rounded to 3 decimals for output (0.001 h is under 4 seconds). */
export const round = (a: EffortRange): EffortRange => ({ low: r3(a.low), likely: r3(a.likely), high: r3(a.high) });

/** Hours as text: likely, and the low–high range. */
export function formatRange(a: EffortRange, digits = 1): string {
  return `${a.likely.toFixed(digits)} (${a.low.toFixed(digits)}–${a.high.toFixed(digits)})`;
}
