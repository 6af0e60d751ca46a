/**
 * Effort stage: findings and kernels -> hours (low / likely / high) per target, as line items that
 * roll up by file, component and family, plus the incompatibility list. Pure; docs/effort-model.md
 * describes the model and the weights (rules/effort.yaml).
 */
import type {
  EffortItem, EffortRange, EffortReport, EffortRollup, EffortWeights, FileEntry, Finding, KernelEntry, ReportTarget, Status,
  TargetEffort, TargetIncompatibilities,
} from '../model/index.js';
import { add, round, scale, times, ZERO } from './effort-range.js';
import { findIncompatibilities, type CostedFinding, type KernelCost } from './incompatibilities.js';
import { componentOf } from '../util/component.js';
import { byCodePoint } from '../util/order.js';
import { overheadFactor } from './rollup.js';

/** The parts of a report the estimate reads. */
export interface EffortInput {
  findings: readonly Finding[];
  kernels: readonly KernelEntry[];
  files: readonly FileEntry[];
}

export interface EffortResult {
  effort: EffortReport;
  incompatibilities: TargetIncompatibilities[];
}

const statusOn = (f: Finding, t: ReportTarget): Status => f.targets[t.id]?.status ?? 'unknown';

const byKey = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
};

/** A kernel's cost on one target: its mode and its items (base, lines, one per feature with a weight). */
function costKernel(k: KernelEntry, profile: ReportTarget, weights: EffortWeights, component: string): KernelCost {
  const model = weights.kernels.models[profile.kernelModel];
  const forcing = k.features.filter((f) => model.rewriteIf.includes(f));
  const mode: 'rewrite' | 'adapt' = model.mode === 'rewrite' || forcing.length || !model.adapt ? 'rewrite' : 'adapt';
  const cost = mode === 'rewrite' ? model.rewrite : model.adapt!;
  const qf = weights.kernels.qualifierFactors[k.qualifier];
  const path = `kernels.models.${profile.kernelModel}.${mode}`;
  const qfText = qf === 1 ? '' : ` × kernels.qualifierFactors.${k.qualifier}`;
  const why = forcing.length ? `rewritten because it uses ${forcing.join(', ')} (rewriteIf)` : undefined;
  // One literal shape for every kernel item (keys in report order).
  const item = (part: string, count: number, rate: EffortRange, hours: EffortRange, weight: string, note: string | undefined): EffortItem => {
    const i: EffortItem = { kind: 'kernel', subject: k.name, part, mode, family: 'kernel', file: k.file, line: k.line, component, count, rate, hours, weight };
    if (note !== undefined) i.note = note;
    return i;
  };
  const items: EffortItem[] = [];
  const baseRate = scale(cost.base, qf);
  items.push(item('base', 1, baseRate, baseRate, `${path}.base${qfText}`, why));
  const lineRate = scale(cost.perLine, qf);
  items.push(item('lines', k.lines, lineRate, scale(lineRate, k.lines), `${path}.perLine${qfText}`, undefined));
  const core = add(baseRate, scale(lineRate, k.lines));
  const featureHours = new Map<string, EffortRange>();
  for (const f of k.features) {
    const extra = model.features[f] ?? 0;
    if (extra <= 0) continue;
    const hours = scale(core, extra);
    featureHours.set(f, hours);
    items.push(item(
      `feature:${f}`, 1, hours, hours, `kernels.models.${profile.kernelModel}.features.${f}`,
      `+${Math.round(extra * 100)}% of the kernel's base and lines hours (${core.likely.toFixed(2)} h likely)`,
    ));
  }
  return { kernel: k, mode, items, featureHours };
}

/**
 * What every target's estimate shares: components, finding and kernel counts per group, and a
 * collation rank per string (the items' sort order, computed once instead of per comparison).
 */
interface SharedFacts {
  componentOf(file: string): string;
  components: Set<string>;
  uses: { file: Map<string, number>; component: Map<string, number>; family: Map<string, number> };
  kernels: { file: Map<string, number>; component: Map<string, number>; family: Map<string, number> };
}

function sharedFacts(input: EffortInput, findings: Finding[], depth: number): SharedFacts {
  const memo = new Map<string, string>();
  const component = (file: string): string => {
    let c = memo.get(file);
    if (c === undefined) memo.set(file, (c = componentOf(file, depth)));
    return c;
  };
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const uses = { file: new Map<string, number>(), component: new Map<string, number>(), family: new Map<string, number>() };
  const kernels = { file: new Map<string, number>(), component: new Map<string, number>(), family: new Map([['kernel', input.kernels.length]]) };
  for (const f of findings) {
    bump(uses.file, f.file);
    bump(uses.component, component(f.file));
    bump(uses.family, f.family);
  }
  for (const k of input.kernels) {
    bump(kernels.file, k.file);
    bump(kernels.component, component(k.file));
  }
  const components = new Set<string>();
  for (const f of input.files) if (f.status === 'scanned') components.add(component(f.path));
  return { componentOf: component, components, uses, kernels };
}

/** A use or covered item while its uses are counted (hours are set once the count is final). */
interface OpenItem {
  item: EffortItem;
  /** The API group of a use item (symbol, status, kind); undefined for covered uses. */
  api?: string;
  /** The finding kind of a use item. */
  kind?: string;
}

function estimateTarget(
  input: EffortInput,
  findings: Finding[],
  profile: ReportTarget,
  weights: EffortWeights,
  depth: number,
  shared: SharedFacts,
): { target: TargetEffort; incompatibilities: TargetIncompatibilities } {
  const items: EffortItem[] = [];
  const model = weights.kernels.models[profile.kernelModel];
  const kindFactor = (kind: string): number => weights.kindFactors[kind] ?? 1;
  const kfText = (kind: string): string => (weights.kindFactors[kind] !== undefined ? ` × kindFactors.${kind}` : '');
  const componentOfFile = shared.componentOf;

  // Kernels first: a rewritten kernel covers the uses inside it.
  const kernelCosts = input.kernels.map((k) => costKernel(k, profile, weights, componentOfFile(k.file)));
  for (const kc of kernelCosts) for (const i of kc.items) items.push(i);
  const rewritten = new Map<string, KernelCost[]>();
  for (const kc of kernelCosts) if (kc.mode === 'rewrite') byKey(rewritten, kc.kernel.file, () => []).push(kc);

  // Learning the kernel model: once per repository, shared by the kernels (grouped by file).
  if (input.kernels.length) {
    const perKernel = scale(model.learning, 1 / input.kernels.length);
    const perFile = new Map<string, KernelEntry[]>();
    for (const k of input.kernels) byKey(perFile, k.file, () => []).push(k);
    for (const [file, ks] of perFile) {
      items.push({
        kind: 'learning', subject: `${profile.kernelModel} kernel model`, family: 'kernel', file, line: ks[0]!.line,
        component: componentOfFile(file), count: ks.length, rate: perKernel, hours: scale(perKernel, ks.length),
        weight: `kernels.models.${profile.kernelModel}.learning`,
        note: `${ks.length} of ${input.kernels.length} kernels' share of a once-per-repository cost`,
      });
    }
  }

  // Uses: costed per use, or covered by a rewritten kernel. One item per (file, symbol, status, kind),
  // or per (file, symbol, status, covering kernel); per finding only a count goes up.
  const costed: CostedFinding[] = new Array<CostedFinding>(findings.length);
  const open: OpenItem[] = [];
  const rates = new Map<string, EffortRange>(); // status\0kind -> hours per use
  const byFile = new Map<string, Map<string, OpenItem>>();
  let lastFile: string | undefined;
  let fileItems = new Map<string, OpenItem>();
  let fileKernels: KernelCost[] | undefined;
  for (let n = 0; n < findings.length; n++) {
    const f = findings[n]!;
    if (f.file !== lastFile) {
      lastFile = f.file;
      fileItems = byKey(byFile, f.file, () => new Map());
      fileKernels = rewritten.get(f.file);
    }
    const status = statusOn(f, profile);
    const cover = fileKernels?.find((kc) => f.line >= kc.kernel.line && f.line <= kc.kernel.endLine)?.kernel;
    if (cover) {
      const key = `covered\0${f.symbol}\0${status}\0${cover.line}`;
      let o = fileItems.get(key);
      if (!o) {
        o = {
          item: {
            kind: 'covered', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component: componentOfFile(f.file), count: 0, rate: ZERO, hours: ZERO,
            weight: `kernels.models.${profile.kernelModel}.rewrite`, note: `covered by the rewrite of kernel ${cover.name} (${cover.file}:${cover.line})`,
          },
        };
        fileItems.set(key, o);
        open.push(o);
      }
      o.item.count++;
      costed[n] = { finding: f, status, rate: ZERO, covered: true };
      continue;
    }
    const api = `${f.symbol}\0${status}\0${f.kind}`;
    let o = fileItems.get(api);
    if (!o) {
      const rk = `${status}\0${f.kind}`;
      let rate = rates.get(rk);
      if (!rate) rates.set(rk, (rate = scale(weights.uses[status], kindFactor(f.kind))));
      o = {
        item: {
          kind: 'use', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component: componentOfFile(f.file), count: 0, rate, hours: ZERO,
          weight: `uses.${status}${kfText(f.kind)}`,
        },
        api,
        kind: f.kind,
      };
      fileItems.set(api, o);
      open.push(o);
    }
    o.item.count++;
    costed[n] = { finding: f, status, rate: o.item.rate, covered: false };
  }

  // Distinct APIs: once per repository, each file taking its share by number of costed uses
  // (a file's uses of an API are exactly its use item's count).
  const apiUses = new Map<string, { status: Status; kind: string; family: string; symbol: string; files: EffortItem[]; total: number }>();
  for (const o of open) {
    const i = o.item;
    items.push(i);
    if (o.api === undefined) continue;
    i.hours = scale(i.rate, i.count);
    const g = byKey(apiUses, o.api, () => ({ status: i.status!, kind: o.kind!, family: i.family!, symbol: i.subject, files: [], total: 0 }));
    g.files.push(i);
    g.total += i.count;
  }
  const apiHours = new Map<string, EffortRange>();
  for (const api of apiUses.values()) {
    const once = scale(weights.apis[api.status], kindFactor(api.kind));
    apiHours.set(api.symbol, add(apiHours.get(api.symbol) ?? ZERO, once));
    const rate = scale(once, 1 / api.total);
    const weight = `apis.${api.status}${kfText(api.kind)}`;
    for (const use of api.files) {
      const count = use.count;
      items.push({
        kind: 'api', subject: api.symbol, status: api.status, family: api.family, file: use.file, line: use.line, component: use.component,
        count, rate, hours: scale(rate, count), weight,
        note: api.total === count ? 'once per repository' : `${count} of ${api.total} uses' share of a once-per-repository cost`,
      });
    }
  }

  sortItems(items);
  // One pass in item order: totals by kind, and the code hours of every rollup group (sums in the
  // same order as adding the items one by one, so the numbers do not depend on how they are grouped).
  const code = new Acc();
  const kinds = { use: new Acc(), api: new Acc(), kernel: new Acc(), learning: new Acc() };
  const groups = { component: new Map<string, Acc>(), file: new Map<string, Acc>(), family: new Map<string, Acc>() };
  for (const c of shared.components) groups.component.set(c, new Acc());
  const into = (m: Map<string, Acc>, key: string | undefined, i: EffortItem): void => {
    if (key === undefined) return;
    let a = m.get(key);
    if (!a) m.set(key, (a = new Acc()));
    a.add(i);
  };
  for (const i of items) {
    code.add(i);
    const k = kinds[i.kind as keyof typeof kinds];
    if (k) k.add(i);
    into(groups.component, i.component, i);
    into(groups.file, i.file, i);
    into(groups.family, i.family, i);
  }
  const codeHours = code.range();
  const build = times(codeHours, weights.build.fraction);
  const validation = times(codeHours, weights.validation.fraction);
  const codeText = `${codeHours.likely.toFixed(2)} h of code work (likely)`;
  items.push(
    { kind: 'build', subject: 'build system', count: codeHours.likely, rate: weights.build.fraction, hours: build, weight: 'build.fraction', note: `fraction of ${codeText}` },
    { kind: 'validation', subject: 'testing and validation', count: codeHours.likely, rate: weights.validation.fraction, hours: validation, weight: 'validation.fraction', note: `fraction of ${codeText}` },
  );
  const total = add(add(codeHours, build), validation);

  // Rollups.
  const overhead = overheadFactor(weights.build.fraction, weights.validation.fraction);
  const rows = (m: Map<string, Acc>, uses: Map<string, number>, kernels: Map<string, number>): EffortRollup[] =>
    [...m].map(([key, a]) => rollupRow(key, a, uses.get(key) ?? 0, kernels.get(key) ?? 0, overhead, weights.hoursPerDay));
  const byHours = (a: { hours: EffortRange; key: string }, b: { hours: EffortRange; key: string }): number =>
    b.hours.likely - a.hours.likely || byCodePoint(a.key, b.key);

  const target: TargetEffort = {
    target: profile.id,
    kernelModel: profile.kernelModel,
    total: round(total),
    days: round(scale(total, 1 / weights.hoursPerDay)),
    portability: code.portability(),
    breakdown: {
      uses: round(kinds.use.range()),
      apis: round(kinds.api.range()),
      kernels: round(kinds.kernel.range()),
      learning: round(kinds.learning.range()),
      code: round(codeHours),
      build: round(build),
      validation: round(validation),
    },
    kernels: { rewrite: kernelCosts.filter((k) => k.mode === 'rewrite').length, adapt: kernelCosts.filter((k) => k.mode === 'adapt').length },
    byComponent: rows(groups.component, shared.uses.component, shared.kernels.component).sort((a, b) => byCodePoint(a.key, b.key)),
    byFile: rows(groups.file, shared.uses.file, shared.kernels.file).sort(byHours),
    byFamily: rows(groups.family, shared.uses.family, shared.kernels.family).sort(byHours),
    items: roundItems(items),
  };
  const incompatibilities = findIncompatibilities({ profile, weights, costed, kernelCosts, apiHours });
  return { target, incompatibilities };
}

const partRank = (part: string | undefined): number => (part === 'base' ? 0 : part === 'lines' ? 1 : 2);

const KIND_ORDER: Record<string, number> = { kernel: 0, learning: 1, use: 2, api: 3, covered: 4 };

/**
 * Sort items by file, kind, line, subject, part and status, strings in code-point order. Each distinct
 * string is ranked once and items compare by ranks (the sort is stable).
 */
function sortItems(items: EffortItem[]): void {
  const distinct = new Set<string>();
  for (const i of items) {
    distinct.add(i.file ?? '');
    distinct.add(i.subject);
    distinct.add(i.part ?? '');
    distinct.add(i.status ?? '');
  }
  const rank = new Map<string, number>();
  [...distinct].sort(byCodePoint).forEach((s, n) => rank.set(s, n));
  const n = items.length;
  const keys = [new Int32Array(n), new Int32Array(n), new Float64Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  items.forEach((i, x) => {
    keys[0][x] = rank.get(i.file ?? '')!;
    keys[1][x] = KIND_ORDER[i.kind] ?? 9;
    keys[2][x] = i.line ?? 0;
    keys[3][x] = rank.get(i.subject)!;
    keys[4][x] = partRank(i.part);
    keys[5][x] = rank.get(i.part ?? '')!;
    keys[6][x] = rank.get(i.status ?? '')!;
  });
  const order = Array.from({ length: n }, (_, x) => x);
  order.sort((a, b) => {
    for (const k of keys) {
      const d = k[a]! - k[b]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  const copy = items.slice();
  order.forEach((from, to) => {
    items[to] = copy[from]!;
  });
}

/** Running sums of items' hours, added one by one in item order (as `sum` does), for totals and rollup rows. */
class Acc {
  low = 0;
  likely = 0;
  high = 0;
  /** Likely hours of direct uses and their APIs (the portability score). */
  direct = 0;
  items = 0;

  add(i: EffortItem): void {
    this.low += i.hours.low;
    this.likely += i.hours.likely;
    this.high += i.hours.high;
    if ((i.kind === 'use' || i.kind === 'api') && i.status === 'direct') this.direct += i.hours.likely;
    this.items++;
  }

  range(): EffortRange {
    return { low: this.low, likely: this.likely, high: this.high };
  }

  /** `portability` of the same items. */
  portability(): number {
    return this.likely <= 0 ? 100 : Math.round((100 * this.direct) / this.likely);
  }
}

/** One rollup row: the group's code hours times the overhead factor, so the rows of a rollup sum to the target total. */
function rollupRow(key: string, a: Acc, uses: number, kernels: number, overhead: EffortRange, hoursPerDay: number): EffortRollup {
  const hours = a.items ? times(a.range(), overhead) : ZERO;
  return { key, hours: round(hours), days: round(scale(hours, 1 / hoursPerDay)), uses, kernels, portability: a.portability() };
}

/** Items as reported, rounded in place: rates and hours to 3 decimals (a rate shared by many items is rounded once), counts to 3 decimals. */
function roundItems(items: EffortItem[]): EffortItem[] {
  const rounded = new Map<EffortRange, EffortRange>();
  const once = (x: EffortRange): EffortRange => {
    let y = rounded.get(x);
    if (!y) rounded.set(x, (y = round(x)));
    return y;
  };
  for (const i of items) {
    const hours = i.hours === i.rate ? undefined : round(i.hours);
    i.rate = once(i.rate);
    i.hours = hours ?? i.rate;
    i.count = Math.round(i.count * 1000) / 1000;
  }
  return items;
}

/**
 * The estimate for every profile. Suppressed findings are left out. `groupDepth` is the folder depth
 * of a component (1 = the first folder under the root). `sources` names where the weights came from.
 */
export function estimateEffort(
  input: EffortInput,
  profiles: readonly ReportTarget[],
  weights: EffortWeights,
  groupDepth = 1,
  sources: string[] = ['rules/effort.yaml'],
): EffortResult {
  const findings = input.findings.filter((f) => !f.suppressed);
  const shared = sharedFacts(input, findings, groupDepth);
  const targets: TargetEffort[] = [];
  const incompatibilities: TargetIncompatibilities[] = [];
  for (const profile of profiles) {
    const r = estimateTarget(input, findings, profile, weights, groupDepth, shared);
    targets.push(r.target);
    incompatibilities.push(r.incompatibilities);
  }
  return {
    effort: { hoursPerDay: weights.hoursPerDay, groupDepth, sources, weights, targets },
    incompatibilities,
  };
}
