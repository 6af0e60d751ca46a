/** Tracing an estimate back to its line items: every item of a file, folder or component, and the overheads on them. Pure. */
import type { EffortItem, EffortRange, EffortWeights, TargetEffort, TargetId } from '../model/index.js';
import { add, round, scale, sum, times } from './effort-range.js';
import { isCodeItem } from './rollup.js';

export interface EffortExplanation {
  target: TargetId;
  /** What was asked for, and what it matched. */
  selector: string;
  matched: 'file' | 'component' | 'folder' | 'all';
  /** The code items of the selection (uses, covered uses, APIs, kernels, learning). */
  items: EffortItem[];
  code: EffortRange;
  /** The selection's share of build and validation work (fractions of `code`). */
  build: EffortRange;
  validation: EffortRange;
  total: EffortRange;
  days: EffortRange;
}

const normalize = (s: string): string => s.replace(/\\/g, '/').replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.';

/** What a selector names in this estimate: a file, a component, a folder, or `all`; undefined when nothing. */
export function selectItems(target: TargetEffort, selector: string): { matched: EffortExplanation['matched']; items: EffortItem[] } | undefined {
  const sel = normalize(selector);
  const code = target.items.filter(isCodeItem);
  if (code.some((i) => i.file === sel)) return { matched: 'file', items: code.filter((i) => i.file === sel) };
  if (target.byComponent.some((c) => c.key === sel)) return { matched: 'component', items: code.filter((i) => i.component === sel) };
  const inFolder = code.filter((i) => i.file?.startsWith(`${sel}/`));
  if (inFolder.length) return { matched: 'folder', items: inFolder };
  if (sel === 'all') return { matched: 'all', items: code };
  return undefined;
}

export function explainEffort(target: TargetEffort, weights: EffortWeights, selector: string): EffortExplanation | undefined {
  const picked = selectItems(target, selector);
  if (!picked) return undefined;
  const code = sum(picked.items.map((i) => i.hours));
  const build = times(code, weights.build.fraction);
  const validation = times(code, weights.validation.fraction);
  const total = add(add(code, build), validation);
  return {
    target: target.target,
    selector,
    matched: picked.matched,
    items: picked.items,
    code: round(code),
    build: round(build),
    validation: round(validation),
    total: round(total),
    days: round(scale(total, 1 / weights.hoursPerDay)),
  };
}
