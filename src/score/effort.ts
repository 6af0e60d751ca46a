/**
 * Effort stage: findings and kernels -> hours (low / likely / high) per target, as line items that
 * roll up by file, component and family, plus the incompatibility list. Pure; docs/effort-model.md
 * describes the model and the weights (rules/effort.yaml).
 */
import type {
  EffortItem, EffortRange, EffortReport, EffortWeights, FileEntry, Finding, KernelEntry, Profile, Status,
  TargetEffort, TargetIncompatibilities,
} from '../model/index.js';
import { add, round, scale, sum, times, ZERO } from './effort-range.js';
import { findIncompatibilities, type CostedFinding, type KernelCost } from './incompatibilities.js';
import { componentOf, overheadFactor, portability, rollup } from './rollup.js';

/** The parts of a report the estimate reads. */
export interface EffortInput {
  findings: Finding[];
  kernels: KernelEntry[];
  files: FileEntry[];
  /** Rule id -> the rule's feature tag (from the catalog), used to classify blockers. */
  ruleFeatures?: Record<string, string>;
}

export interface EffortResult {
  effort: EffortReport;
  incompatibilities: TargetIncompatibilities[];
}

const statusOn = (f: Finding, p: Profile): Status => f.targets[p.vendor]?.status ?? 'unknown';

const byKey = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
};

/** A kernel's cost on one target: its mode and its items (base, lines, one per feature with a weight). */
function costKernel(k: KernelEntry, profile: Profile, weights: EffortWeights, depth: number): KernelCost {
  const model = weights.kernels.models[profile.kernelModel];
  const forcing = k.features.filter((f) => model.rewriteIf.includes(f));
  const mode: 'rewrite' | 'adapt' = model.mode === 'rewrite' || forcing.length || !model.adapt ? 'rewrite' : 'adapt';
  const cost = mode === 'rewrite' ? model.rewrite : model.adapt!;
  const qf = weights.kernels.qualifierFactors[k.qualifier];
  const path = `kernels.models.${profile.kernelModel}.${mode}`;
  const qfText = qf === 1 ? '' : ` × kernels.qualifierFactors.${k.qualifier}`;
  const why = forcing.length ? `rewritten because it uses ${forcing.join(', ')} (rewriteIf)` : undefined;
  const base = { kind: 'kernel', subject: k.name, part: 'base', mode, family: 'kernel', file: k.file, line: k.line, component: componentOf(k.file, depth) } as const;
  const items: EffortItem[] = [];
  const baseRate = scale(cost.base, qf);
  items.push({ ...base, count: 1, rate: baseRate, hours: baseRate, weight: `${path}.base${qfText}`, ...(why ? { note: why } : {}) });
  const lineRate = scale(cost.perLine, qf);
  items.push({ ...base, part: 'lines', count: k.lines, rate: lineRate, hours: scale(lineRate, k.lines), weight: `${path}.perLine${qfText}` });
  const core = add(baseRate, scale(lineRate, k.lines));
  const featureHours = new Map<string, EffortRange>();
  for (const f of k.features) {
    const extra = model.features[f] ?? 0;
    if (extra <= 0) continue;
    const hours = scale(core, extra);
    featureHours.set(f, hours);
    items.push({
      ...base,
      part: `feature:${f}`,
      count: 1,
      rate: hours,
      hours,
      weight: `kernels.models.${profile.kernelModel}.features.${f}`,
      note: `+${Math.round(extra * 100)}% of the kernel's base and lines hours (${core.likely.toFixed(2)} h likely)`,
    });
  }
  return { kernel: k, mode, items, featureHours };
}

function estimateTarget(
  input: EffortInput,
  findings: Finding[],
  profile: Profile,
  weights: EffortWeights,
  depth: number,
): { target: TargetEffort; incompatibilities: TargetIncompatibilities } {
  const items: EffortItem[] = [];
  const model = weights.kernels.models[profile.kernelModel];
  const kindFactor = (kind: string): number => weights.kindFactors[kind] ?? 1;
  const kfText = (kind: string): string => (weights.kindFactors[kind] !== undefined ? ` × kindFactors.${kind}` : '');

  // Kernels first: a rewritten kernel covers the uses inside it.
  const kernelCosts = input.kernels.map((k) => costKernel(k, profile, weights, depth));
  for (const kc of kernelCosts) items.push(...kc.items);
  const rewritten = new Map<string, KernelCost[]>();
  for (const kc of kernelCosts) if (kc.mode === 'rewrite') byKey(rewritten, kc.kernel.file, () => []).push(kc);
  const coveringKernel = (f: Finding): KernelEntry | undefined =>
    rewritten.get(f.file)?.find((kc) => f.line >= kc.kernel.line && f.line <= kc.kernel.endLine)?.kernel;

  // Learning the kernel model: once per repository, shared by the kernels (grouped by file).
  if (input.kernels.length) {
    const perKernel = scale(model.learning, 1 / input.kernels.length);
    const perFile = new Map<string, KernelEntry[]>();
    for (const k of input.kernels) byKey(perFile, k.file, () => []).push(k);
    for (const [file, ks] of perFile) {
      items.push({
        kind: 'learning', subject: `${profile.kernelModel} kernel model`, family: 'kernel', file, line: ks[0]!.line,
        component: componentOf(file, depth), count: ks.length, rate: perKernel, hours: scale(perKernel, ks.length),
        weight: `kernels.models.${profile.kernelModel}.learning`,
        note: `${ks.length} of ${input.kernels.length} kernels' share of a once-per-repository cost`,
      });
    }
  }

  // Uses: costed per use, or covered by a rewritten kernel.
  const costed: CostedFinding[] = [];
  const useItems = new Map<string, EffortItem>();
  const apiUses = new Map<string, { status: Status; kind: string; family: string; symbol: string; perFile: Map<string, { count: number; line: number }> }>();
  for (const f of findings) {
    const status = statusOn(f, profile);
    const cover = coveringKernel(f);
    const component = componentOf(f.file, depth);
    if (cover) {
      const key = `covered\0${f.file}\0${f.symbol}\0${status}\0${cover.line}`;
      const item = byKey(useItems, key, () => ({
        kind: 'covered', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component, count: 0, rate: ZERO, hours: ZERO,
        weight: `kernels.models.${profile.kernelModel}.rewrite`, note: `covered by the rewrite of kernel ${cover.name} (${cover.file}:${cover.line})`,
      }) as EffortItem);
      item.count++;
      costed.push({ finding: f, status, rate: ZERO, covered: true });
      continue;
    }
    const rate = scale(weights.uses[status], kindFactor(f.kind));
    const key = `use\0${f.file}\0${f.symbol}\0${status}\0${f.kind}`;
    const item = byKey(useItems, key, () => ({
      kind: 'use', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component, count: 0, rate, hours: ZERO,
      weight: `uses.${status}${kfText(f.kind)}`,
    }) as EffortItem);
    item.count++;
    item.hours = scale(rate, item.count);
    costed.push({ finding: f, status, rate, covered: false });
    const api = byKey(apiUses, `${f.symbol}\0${status}\0${f.kind}`, () => ({ status, kind: f.kind, family: f.family, symbol: f.symbol, perFile: new Map() }));
    byKey(api.perFile, f.file, () => ({ count: 0, line: f.line })).count++;
  }
  items.push(...useItems.values());

  // Distinct APIs: once per repository, each file taking its share by number of costed uses.
  const apiHours = new Map<string, EffortRange>();
  for (const api of apiUses.values()) {
    const total = [...api.perFile.values()].reduce((n, x) => n + x.count, 0);
    const once = scale(weights.apis[api.status], kindFactor(api.kind));
    apiHours.set(api.symbol, add(apiHours.get(api.symbol) ?? ZERO, once));
    const rate = scale(once, 1 / total);
    for (const [file, { count, line }] of api.perFile) {
      items.push({
        kind: 'api', subject: api.symbol, status: api.status, family: api.family, file, line, component: componentOf(file, depth),
        count, rate, hours: scale(rate, count), weight: `apis.${api.status}${kfText(api.kind)}`,
        note: total === count ? 'once per repository' : `${count} of ${total} uses' share of a once-per-repository cost`,
      });
    }
  }

  items.sort(compareItems);
  const code = sum(items.map((i) => i.hours));
  const build = times(code, weights.build.fraction);
  const validation = times(code, weights.validation.fraction);
  const codeText = `${code.likely.toFixed(2)} h of code work (likely)`;
  items.push(
    { kind: 'build', subject: 'build system', count: code.likely, rate: weights.build.fraction, hours: build, weight: 'build.fraction', note: `fraction of ${codeText}` },
    { kind: 'validation', subject: 'testing and validation', count: code.likely, rate: weights.validation.fraction, hours: validation, weight: 'validation.fraction', note: `fraction of ${codeText}` },
  );
  const total = add(add(code, build), validation);
  const part = (pred: (i: EffortItem) => boolean): EffortRange => round(sum(items.filter(pred).map((i) => i.hours)));

  // Rollups.
  const overhead = overheadFactor(weights.build.fraction, weights.validation.fraction);
  const count = (keyOf: (file: string) => string): { uses: Map<string, number>; kernels: Map<string, number> } => {
    const uses = new Map<string, number>();
    const kernels = new Map<string, number>();
    for (const f of findings) uses.set(keyOf(f.file), (uses.get(keyOf(f.file)) ?? 0) + 1);
    for (const k of input.kernels) kernels.set(keyOf(k.file), (kernels.get(keyOf(k.file)) ?? 0) + 1);
    return { uses, kernels };
  };
  const components = new Set(input.files.filter((f) => f.status === 'scanned').map((f) => componentOf(f.path, depth)));
  const familyUses = new Map<string, number>();
  for (const f of findings) familyUses.set(f.family, (familyUses.get(f.family) ?? 0) + 1);
  const byHours = (a: { hours: EffortRange; key: string }, b: { hours: EffortRange; key: string }): number =>
    b.hours.likely - a.hours.likely || a.key.localeCompare(b.key);

  const target: TargetEffort = {
    profile: profile.id,
    vendor: profile.vendor,
    kernelModel: profile.kernelModel,
    total: round(total),
    days: round(scale(total, 1 / weights.hoursPerDay)),
    portability: portability(items),
    breakdown: {
      uses: part((i) => i.kind === 'use'),
      apis: part((i) => i.kind === 'api'),
      kernels: part((i) => i.kind === 'kernel'),
      learning: part((i) => i.kind === 'learning'),
      code: round(code),
      build: round(build),
      validation: round(validation),
    },
    kernels: { rewrite: kernelCosts.filter((k) => k.mode === 'rewrite').length, adapt: kernelCosts.filter((k) => k.mode === 'adapt').length },
    byComponent: rollup(items, (i) => i.component, count((f) => componentOf(f, depth)), overhead, weights.hoursPerDay, components)
      .sort((a, b) => a.key.localeCompare(b.key)),
    byFile: rollup(items, (i) => i.file, count((f) => f), overhead, weights.hoursPerDay).sort(byHours),
    byFamily: rollup(items, (i) => i.family, { uses: familyUses, kernels: new Map([['kernel', input.kernels.length]]) }, overhead, weights.hoursPerDay).sort(byHours),
    items: items.map((i) => ({ ...i, rate: round(i.rate), hours: round(i.hours), count: Math.round(i.count * 1000) / 1000 })),
  };
  const incompatibilities = findIncompatibilities({ profile, weights, costed, kernelCosts, apiHours, ruleFeatures: input.ruleFeatures ?? {} });
  return { target, incompatibilities };
}

const partRank = (part: string | undefined): number => (part === 'base' ? 0 : part === 'lines' ? 1 : 2);

const KIND_ORDER: Record<string, number> = { kernel: 0, learning: 1, use: 2, api: 3, covered: 4 };

function compareItems(a: EffortItem, b: EffortItem): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.subject.localeCompare(b.subject) ||
    partRank(a.part) - partRank(b.part) ||
    (a.part ?? '').localeCompare(b.part ?? '') ||
    (a.status ?? '').localeCompare(b.status ?? '')
  );
}

/**
 * The estimate for every profile. Suppressed findings are left out. `groupDepth` is the folder depth
 * of a component (1 = the first folder under the root). `sources` names where the weights came from.
 */
export function estimateEffort(
  input: EffortInput,
  profiles: Profile[],
  weights: EffortWeights,
  groupDepth = 1,
  sources: string[] = ['rules/effort.yaml'],
): EffortResult {
  const findings = input.findings.filter((f) => !f.suppressed);
  const targets: TargetEffort[] = [];
  const incompatibilities: TargetIncompatibilities[] = [];
  for (const profile of profiles) {
    const r = estimateTarget(input, findings, profile, weights, groupDepth);
    targets.push(r.target);
    incompatibilities.push(r.incompatibilities);
  }
  return {
    effort: { hoursPerDay: weights.hoursPerDay, groupDepth, sources, weights, targets },
    incompatibilities,
  };
}
