/**
 * Migration progress: target-side code already present (AscendCL/HCCL/aclnn calls, Ascend C kernels,
 * CNRT/CNNL/CNCL calls, BANG C kernels), recognised by rules/recognition.yaml `targets:`, weighed
 * against the CUDA uses that remain. Pure. Definitions in docs/progress.md.
 */
import type {
  ComponentProgress, FileEntry, Finding, Occurrence, ProgressSection, ReportTarget, TargetPatterns, TargetProgress, Vendor,
} from '../model/index.js';
import { componentOf } from '../util/component.js';
import { byCodePoint } from '../util/order.js';

export { componentOf };

/** The vendor whose code this occurrence is, or undefined for anything else (CUDA or the project's own). */
export function targetVendorOf(occ: Pick<Occurrence, 'name' | 'role'>, targets: TargetPatterns[]): Vendor | undefined {
  for (const t of targets) {
    if (occ.role === 'include') {
      if (t.headers.some((re) => re.test(occ.name))) return t.vendor;
      continue;
    }
    if (t.namespaces.some((ns) => occ.name.startsWith(ns))) return t.vendor;
    const last = occ.name.slice(occ.name.lastIndexOf('::') + 2);
    if (t.identifiers.some((re) => re.test(occ.name) || re.test(last))) return t.vendor;
  }
  return undefined;
}

/** `a && !(b) && defined(X)` -> its terms, spaces removed. */
function terms(condition: string | undefined): string[] {
  return condition ? condition.split('&&').map((t) => t.replace(/\s+/g, '')).filter(Boolean) : [];
}

function negation(term: string): string {
  if (term.startsWith('!(') && term.endsWith(')')) return term.slice(2, -1);
  if (term.startsWith('!')) return term.slice(1);
  return `!${term}`;
}

/** Do two conditions exclude each other through one term (`defined(USE_ASCEND)` vs `!defined(USE_ASCEND)`)? */
export function opposite(a: string | undefined, b: string | undefined): boolean {
  const tb = new Set(terms(b));
  return terms(a).some((t) => tb.has(negation(t)) || tb.has(`!(${t})`));
}

/** Share migrated, in percent with one decimal: (target uses + guarded CUDA uses) / (that + CUDA uses remaining). */
export function percentMigrated(targetUses: number, cudaGuarded: number, cudaRemaining: number): number {
  const done = targetUses + cudaGuarded;
  const all = done + cudaRemaining;
  return all ? Math.round((1000 * done) / all) / 10 : 0;
}

export const PROGRESS_DEFINITION =
  'percent migrated = (target uses + guarded CUDA uses) / (target uses + guarded CUDA uses + CUDA uses remaining); ' +
  'a CUDA use is guarded when it sits under a preprocessor condition whose opposite branch in the same file holds target code of that vendor (docs/progress.md)';

/**
 * Progress per target and component, from the target code the files hold (`FileEntry.targetCode`) and the CUDA
 * findings. Suppressed findings are not CUDA left to port. Undefined when no file holds target code.
 */
export function computeProgress(files: readonly FileEntry[], findings: readonly Finding[], targets: readonly ReportTarget[], groupDepth = 1): ProgressSection | undefined {
  if (!files.some((f) => f.targetCode)) return undefined;
  const code = new Map(files.filter((f) => f.targetCode).map((f) => [f.path, f.targetCode!]));
  const byTarget: TargetProgress[] = [];
  // One component per file, not per finding.
  const components = new Map<string, string>();
  const componentOfFile = (file: string): string => {
    let c = components.get(file);
    if (c === undefined) components.set(file, (c = componentOf(file, groupDepth)));
    return c;
  };
  for (const target of targets) {
    const vendor: Vendor = target.vendor;
    const rows = new Map<string, ComponentProgress>();
    const row = (file: string): ComponentProgress => {
      const component = componentOfFile(file);
      let r = rows.get(component);
      if (!r) rows.set(component, (r = { component, targetUses: 0, cudaRemaining: 0, cudaGuarded: 0, percent: 0 }));
      return r;
    };
    for (const [file, perVendor] of code) {
      const uses = perVendor[vendor]?.uses ?? 0;
      if (uses) row(file).targetUses += uses;
    }
    for (const f of findings) {
      if (f.suppressed) continue;
      const conditions = code.get(f.file)?.[vendor]?.conditions;
      const guarded = f.conditional !== undefined && conditions !== undefined && conditions.some((c) => opposite(f.conditional, c));
      if (guarded) row(f.file).cudaGuarded++;
      else row(f.file).cudaRemaining++;
    }
    const sorted = [...rows.values()].sort((a, b) => byCodePoint(a.component, b.component));
    for (const c of sorted) c.percent = percentMigrated(c.targetUses, c.cudaGuarded, c.cudaRemaining);
    const total = sorted.reduce(
      (acc, c) => ({ t: acc.t + c.targetUses, g: acc.g + c.cudaGuarded, r: acc.r + c.cudaRemaining }),
      { t: 0, g: 0, r: 0 },
    );
    byTarget.push({
      target: target.id,
      targetUses: total.t,
      cudaRemaining: total.r,
      cudaGuarded: total.g,
      percent: percentMigrated(total.t, total.g, total.r),
      components: sorted,
    });
  }
  return { definition: PROGRESS_DEFINITION, byTarget };
}
