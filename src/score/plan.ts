/**
 * The migration plan: the estimate's items grouped into ordered work packages (docs/effort-model.md#migration-plan).
 * Build and toolchain first, then the runtime, then libraries, then operators and kernels component by
 * component (a component whose device helpers other components' kernels call comes before them), then
 * testing and validation. Every hour of the estimate is in exactly one package, so the packages sum to the
 * total. Pure.
 */
import type { EffortItem, EffortRange, EffortWeights, TargetEffort, TargetIncompatibilities, WorkPackage } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { add, round, scale, ZERO } from './effort-range.js';
import type { KernelAnalysis } from './kernels.js';

type Phase = WorkPackage['phase'];

const BUILD_FAMILIES = new Set(['build-cmake', 'build-make', 'requirements', 'headers']);
const KERNEL_FAMILIES = new Set(['kernel', 'device-math', 'lowprec', 'cooperative-groups', 'wmma']);
const LIBRARY_TITLES: Record<string, string> = {
  cublas: 'cuBLAS', cublaslt: 'cuBLASLt', cudnn: 'cuDNN', cufft: 'cuFFT', curand: 'cuRAND', cusolver: 'cuSOLVER', cusparse: 'cuSPARSE',
  nccl: 'NCCL', npp: 'NPP', thrust: 'Thrust', cub: 'CUB', cutlass: 'CUTLASS',
};
const PHASE_ORDER: Record<Phase, number> = { build: 0, runtime: 1, libraries: 2, operators: 3, kernels: 4, validation: 5 };
const MAX_FILES = 5;
const MAX_OPERATORS = 24;

interface Draft {
  key: string;
  phase: Phase;
  title: string;
  component?: string;
  items: EffortItem[];
  extra: EffortRange;
  operators: Set<string>;
  note?: string;
}

/**
 * Which package an item belongs to: its phase and key. Device-code uses outside any kernel go with the
 * component's kernel rewrites, or with its operator adapters when it rewrites none.
 */
function placeOf(i: EffortItem, rewrites: Set<string>, adapters: Set<string>): { phase: Phase; key: string; component?: string } | undefined {
  if (i.kind === 'build' || i.kind === 'validation' || i.kind === 'covered') return undefined;
  if (i.kind === 'setup') return { phase: 'runtime', key: 'runtime' };
  const component = i.component ?? '.';
  if (i.kind === 'adapter') return { phase: 'operators', key: `operators\0${component}`, component };
  if (i.kind === 'kernel' || i.kind === 'learning') return { phase: 'kernels', key: `kernels\0${component}`, component };
  const family = i.family ?? '';
  if (BUILD_FAMILIES.has(family)) return { phase: 'build', key: 'build' };
  if (LIBRARY_TITLES[family]) return { phase: 'libraries', key: `library\0${family}` };
  if (KERNEL_FAMILIES.has(family)) {
    if (!rewrites.has(component) && adapters.has(component)) return { phase: 'operators', key: `operators\0${component}`, component };
    return { phase: 'kernels', key: `kernels\0${component}`, component };
  }
  return { phase: 'runtime', key: 'runtime' };
}

function titleOf(phase: Phase, key: string, component: string | undefined, target: TargetEffort): string {
  if (component === '.') component = 'top-level files';
  switch (phase) {
    case 'build': return 'Build system and toolchain';
    case 'runtime': return 'Runtime, memory and device management';
    case 'libraries': return `Library calls: ${LIBRARY_TITLES[key.split('\0')[1]!] ?? key.split('\0')[1]!}`;
    case 'operators': return `Map kernels onto vendor operators: ${component}`;
    case 'kernels': return `${target.kernelModel === 'simt' ? 'Adapt or rewrite' : 'Rewrite'} kernels (${target.kernelModel}): ${component}`;
    default: return 'Testing and numerical validation';
  }
}

/**
 * Components in dependency order: a component whose helpers are called by another component's kernels
 * comes first (ties, and cycles, by code hours, most first).
 */
function componentOrder(components: string[], hours: Map<string, number>, analysis: KernelAnalysis, componentOf: (file: string) => string): string[] {
  const deps = new Map<string, Set<string>>(components.map((c) => [c, new Set<string>()]));
  for (const e of analysis.entries) {
    const from = componentOf(e.kernel.file);
    for (const h of e.helpers) {
      const to = componentOf(h.file);
      if (to !== from && deps.has(from) && deps.has(to)) deps.get(from)!.add(to);
    }
  }
  const byHours = (a: string, b: string): number => (hours.get(b) ?? 0) - (hours.get(a) ?? 0) || byCodePoint(a, b);
  const out: string[] = [];
  const done = new Set<string>();
  const remaining = [...components].sort(byHours);
  while (out.length < components.length) {
    // The next component whose dependencies are all placed; with a cycle, the one with most hours.
    const next = remaining.find((c) => !done.has(c) && [...deps.get(c)!].every((d) => done.has(d))) ?? remaining.find((c) => !done.has(c))!;
    done.add(next);
    out.push(next);
  }
  return out;
}

/**
 * `replacements`: the target's replacement names per symbol (the catalog answers), listed as what to use in the
 * runtime, library and build packages.
 */
export function buildPlan(
  target: TargetEffort, inc: TargetIncompatibilities, weights: EffortWeights, analysis: KernelAnalysis, replacements: ReadonlyMap<string, readonly string[]> = new Map(),
  componentOf?: (file: string) => string,
): WorkPackage[] {
  const drafts = new Map<string, Draft>();
  const componentOfFile = new Map<string, string>();
  if (componentOf) for (const k of [...analysis.entries.map((e) => e.kernel), ...analysis.usedHelpers, ...analysis.unusedHelpers]) componentOfFile.set(k.file, componentOf(k.file));
  const rewrites = new Set<string>();
  const adapters = new Set<string>();
  for (const i of target.items) {
    if (i.kind === 'kernel' || i.kind === 'learning') rewrites.add(i.component ?? '.');
    else if (i.kind === 'adapter') adapters.add(i.component ?? '.');
  }
  for (const i of target.items) {
    if (i.file && i.component) componentOfFile.set(i.file, i.component);
    const place = placeOf(i, rewrites, adapters);
    if (!place) continue;
    let d = drafts.get(place.key);
    if (!d) {
      d = { key: place.key, phase: place.phase, title: titleOf(place.phase, place.key, place.component, target), items: [], extra: ZERO, operators: new Set() };
      if (place.component !== undefined) d.component = place.component;
      drafts.set(place.key, d);
    }
    d.items.push(i);
    if (i.kind === 'adapter') for (const op of i.subject.split(', ')) d.operators.add(op);
    else if (i.kind === 'use' && d.phase !== 'kernels' && d.operators.size < MAX_OPERATORS) for (const r of replacements.get(i.subject) ?? []) d.operators.add(r);
  }
  // Build and validation: the fractions of the code work.
  const fraction = (kind: 'build' | 'validation'): EffortRange => target.items.find((i) => i.kind === kind)?.hours ?? ZERO;
  const build = drafts.get('build') ?? { key: 'build', phase: 'build' as Phase, title: titleOf('build', 'build', undefined, target), items: [], extra: ZERO, operators: new Set<string>() };
  build.extra = fraction('build');
  build.note = `includes the build.fraction share (${Math.round(weights.build.fraction.likely * 100)}% of the code work)`;
  drafts.set('build', build);
  const validation: Draft = {
    key: 'validation', phase: 'validation', title: titleOf('validation', 'validation', undefined, target), items: [], extra: fraction('validation'), operators: new Set(),
    note: `validation.fraction: ${Math.round(weights.validation.fraction.likely * 100)}% of the code work (tests on the target, numerical comparison with the CUDA results, performance)`,
  };
  drafts.set('validation', validation);

  const hoursOf = (d: Draft): EffortRange => d.items.reduce((r, i) => add(r, i.hours), d.extra);
  const componentHours = new Map<string, number>();
  for (const d of drafts.values()) if (d.component !== undefined) componentHours.set(d.component, (componentHours.get(d.component) ?? 0) + hoursOf(d).likely);
  const order = componentOrder([...componentHours.keys()], componentHours, analysis, (f) => componentOfFile.get(f) ?? '.');
  const rank = new Map(order.map((c, n) => [c, n]));
  const list = [...drafts.values()].filter((d) => d.phase === 'build' || d.phase === 'validation' || hoursOf(d).likely > 0 || d.items.length);
  list.sort((a, b) =>
    PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
    (rank.get(a.component ?? '') ?? 0) - (rank.get(b.component ?? '') ?? 0) ||
    hoursOf(b).likely - hoursOf(a).likely ||
    byCodePoint(a.key, b.key));

  // Blockers: an incompatibility belongs to the packages holding one of its locations (a finding's symbol in
  // that file, or a kernel).
  const blockersOf = (d: Draft): string[] => {
    const subjects = new Set(d.items.map((i) => `${i.file}\0${i.subject}`));
    const out: string[] = [];
    for (const b of inc.items) {
      if (b.locations.some((l) => subjects.has(`${l.file}\0${l.kernel ?? l.symbol}`))) out.push(`${b.title} (${b.risk} risk, ${b.count} use${b.count === 1 ? '' : 's'})`);
    }
    return out;
  };
  const filesOf = (d: Draft): string[] => {
    const byFile = new Map<string, number>();
    for (const i of d.items) if (i.file && i.kind !== 'setup') byFile.set(i.file, (byFile.get(i.file) ?? 0) + i.hours.likely);
    return [...byFile].sort(([a, x], [b, y]) => y - x || byCodePoint(a, b)).slice(0, MAX_FILES).map(([f]) => f);
  };
  const overhead = 1 / weights.hoursPerDay;
  const ids = new Map<string, string>();
  list.forEach((d, n) => ids.set(d.key, `WP${String(n + 1).padStart(2, '0')}`));
  const idOf = (phase: Phase): string[] => list.filter((d) => d.phase === phase).map((d) => ids.get(d.key)!);
  return list.map((d, n): WorkPackage => {
    const hours = hoursOf(d);
    let dependsOn: string[] = [];
    if (d.phase === 'runtime') dependsOn = idOf('build');
    else if (d.phase === 'libraries' || d.phase === 'operators') dependsOn = idOf('runtime').length ? idOf('runtime') : idOf('build');
    else if (d.phase === 'kernels') {
      dependsOn = idOf('runtime').length ? idOf('runtime') : idOf('build');
      // Kernels of components whose helpers this component's kernels call.
      const mine = analysis.entries.filter((e) => componentOfFile.get(e.kernel.file) === d.component);
      const needed = new Set<string>();
      for (const e of mine) for (const h of e.helpers) {
        const c = componentOfFile.get(h.file);
        if (c && c !== d.component) needed.add(c);
      }
      // Only packages placed before this one (a cycle between components is broken by the order).
      for (const other of list.slice(0, n)) if (other.phase === 'kernels' && other.component && needed.has(other.component)) dependsOn.push(ids.get(other.key)!);
    } else if (d.phase === 'validation') dependsOn = list.filter((o) => o !== d).map((o) => ids.get(o.key)!);
    const kernels = new Set(d.items.filter((i) => i.kind === 'kernel' || i.kind === 'adapter').map((i) => `${i.file}\0${i.kind === 'adapter' ? i.note : i.subject}`));
    const wp: WorkPackage = {
      id: ids.get(d.key)!,
      order: n + 1,
      phase: d.phase,
      title: d.title,
      hours: round(hours),
      days: round(scale(hours, overhead)),
      blockers: d.phase === 'validation' ? [] : blockersOf(d),
      operators: [...d.operators].sort(byCodePoint),
      files: filesOf(d),
      dependsOn: [...new Set(dependsOn)],
      uses: d.items.filter((i) => i.kind === 'use').reduce((s, i) => s + i.count, 0),
      kernels: d.phase === 'operators'
        ? target.choices.filter((c) => c.strategy === 'map' && c.component === d.component).length
        : d.phase === 'kernels' ? target.choices.filter((c) => c.strategy !== 'map' && c.component === d.component).length : kernels.size,
    };
    if (d.component !== undefined) wp.component = d.component;
    if (d.note !== undefined) wp.note = d.note;
    return wp;
  });
}
