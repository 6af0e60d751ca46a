/** Grouping effort items by file, component and family; components are folders at a chosen depth. */
import type { EffortItem, EffortRange, EffortRollup } from '../model/index.js';
import { add, round, scale, sum, times, ZERO } from './effort-range.js';

export { componentOf } from '../util/component.js';

/** Items whose hours count toward code work (everything but build and validation). */
export const isCodeItem = (i: EffortItem): boolean => i.kind !== 'build' && i.kind !== 'validation';

/** The portability score: share of likely code hours from direct uses and their APIs, 0–100 (100 when there is no work). */
export function portability(items: EffortItem[]): number {
  const code = items.filter(isCodeItem).reduce((n, i) => n + i.hours.likely, 0);
  if (code <= 0) return 100;
  const direct = items.filter((i) => (i.kind === 'use' || i.kind === 'api') && i.status === 'direct').reduce((n, i) => n + i.hours.likely, 0);
  return Math.round((100 * direct) / code);
}

/** Multiplier that turns code hours into total hours: 1 + build fraction + validation fraction, bound by bound. */
export function overheadFactor(build: EffortRange, validation: EffortRange): EffortRange {
  return add(add({ low: 1, likely: 1, high: 1 }, build), validation);
}

export interface GroupCounts {
  uses: Map<string, number>;
  kernels: Map<string, number>;
}

/**
 * One row per key: code hours of the group's items times the overhead factor, so the rows of a
 * rollup sum to the target total. `keys` lists rows to show even without items (e.g. every component).
 */
export function rollup(
  items: EffortItem[],
  keyOf: (i: EffortItem) => string | undefined,
  counts: GroupCounts,
  overhead: EffortRange,
  hoursPerDay: number,
  keys: Iterable<string> = [],
): EffortRollup[] {
  const groups = new Map<string, EffortItem[]>();
  for (const k of keys) groups.set(k, []);
  for (const i of items) {
    if (!isCodeItem(i)) continue;
    const k = keyOf(i);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups].map(([key, group]) => {
    const hours = group.length ? times(sum(group.map((i) => i.hours)), overhead) : ZERO;
    return {
      key,
      hours: round(hours),
      days: round(scale(hours, 1 / hoursPerDay)),
      uses: counts.uses.get(key) ?? 0,
      kernels: counts.kernels.get(key) ?? 0,
      portability: portability(group),
    };
  });
}
