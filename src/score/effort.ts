/**
 * Effort stage: findings and kernels -> hours (low / likely / high) per target, as line items that
 * roll up by file, component and family, plus the incompatibility list and the migration plan. Pure;
 * docs/effort-model.md describes the model and the weights (rules/effort.yaml, calibrated on public ports:
 * docs/effort-calibration.md).
 */
import type {
  EffortItem, EffortRange, EffortReport, EffortRollup, EffortWeights, FileEntry, Finding, KernelChoice, KernelEntry, KernelModelWeights,
  OperatorCandidate, ReportTarget, Status, TargetEffort, TargetIncompatibilities,
} from '../model/index.js';
import { add, round, scale, times, ZERO } from './effort-range.js';
import { findIncompatibilities, type CostedFinding, type KernelCost } from './incompatibilities.js';
import { kernelAnalysis, type EntryKernel, type KernelAnalysis } from './kernels.js';
import { buildPlan } from './plan.js';
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

/** The SDK release (X.Y) a profile targets, from its `sdk` text ("CANN 8.5"); undefined when it names none. */
const sdkVersion = (t: ReportTarget): number[] | undefined => /(\d+)\.(\d+)/.exec(t.sdk)?.slice(1, 3).map(Number);

const olderThan = (have: number[] | undefined, since: string): boolean => {
  if (!have) return false;
  const [a, b] = since.split('.').map(Number) as [number, number];
  return have[0]! < a || (have[0] === a && have[1]! < b);
};

const VENDOR_NAME: Record<string, string> = { ascend: 'CANN', cambricon: 'Neuware' };

/** Rule families of device code (a use of theirs in a macro body is kernel code). */
const DEVICE_FAMILIES = new Set(['kernel', 'device-math', 'lowprec', 'cooperative-groups', 'wmma']);

/** Which strategy a kernel takes on a target: its candidate when usable, else why not. */
function usableCandidate(c: OperatorCandidate | undefined, profile: ReportTarget, weights: EffortWeights): { use: boolean; why?: string } {
  if (!c) return { use: false };
  if (!c.operators.length) return { use: false, why: `matches ${c.title}, but ${VENDOR_NAME[profile.vendor] ?? profile.vendor} has no such operator${c.note ? ` (${c.note})` : ''}` };
  if (!weights.operators.use) return { use: false, why: `matches ${c.title}; operators.use is false, so it is rewritten` };
  if (c.match === 'file' && weights.operators.mapOn === 'name') return { use: false, why: `only its file name matches ${c.title}, and no kernel of its file matches by name (operators.mapOn: name)` };
  if (c.since !== undefined && olderThan(sdkVersion(profile), c.since)) return { use: false, why: `${c.operators.join(', ')} needs ${profile.sdk.replace(/[\d.]+$/, '')}${c.since}; ${profile.id} targets ${profile.sdk}` };
  return { use: true };
}

/** A kernel's cost when rewritten or adapted: base, lines (its own and its helpers' share), one item per feature. */
function costKernel(e: EntryKernel, profile: ReportTarget, weights: EffortWeights, component: string, model: KernelModelWeights): KernelCost {
  const k = e.kernel;
  const features = new Set(k.features);
  for (const h of e.helpers) for (const f of h.features) features.add(f);
  const all = [...features].sort();
  const forcing = all.filter((f) => model.rewriteIf.includes(f));
  const mode: 'rewrite' | 'adapt' = model.mode === 'rewrite' || forcing.length || !model.adapt ? 'rewrite' : 'adapt';
  const cost = mode === 'rewrite' ? model.rewrite : model.adapt!;
  const path = `kernels.models.${profile.kernelModel}.${mode}`;
  const why = forcing.length ? `rewritten because it uses ${forcing.join(', ')} (rewriteIf)` : undefined;
  const item = (part: string, count: number, rate: EffortRange, hours: EffortRange, weight: string, note: string | undefined): EffortItem => {
    const i: EffortItem = { kind: 'kernel', subject: k.name, part, mode, family: 'kernel', file: k.file, line: k.line, component, count, rate, hours, weight };
    if (note !== undefined) i.note = note;
    return i;
  };
  const items: EffortItem[] = [];
  items.push(item('base', 1, cost.base, cost.base, `${path}.base`, why));
  const lines = k.lines + e.helperLines;
  const helperNote = e.helpers.length
    ? `${k.lines} own lines + ${Math.round(e.helperLines * 10) / 10} lines, its share of ${e.helpers.length} device helper${e.helpers.length === 1 ? '' : 's'}`
    : undefined;
  items.push(item('lines', Math.round(lines * 1000) / 1000, cost.perLine, scale(cost.perLine, lines), `${path}.perLine`, helperNote));
  const core = add(cost.base, scale(cost.perLine, lines));
  const featureHours = new Map<string, EffortRange>();
  for (const f of all) {
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

/** A device helper no counted kernel calls: its lines alone, at the device qualifier factor. */
function costUnusedHelper(h: KernelEntry, profile: ReportTarget, weights: EffortWeights, component: string, model: KernelModelWeights): KernelCost {
  const forcing = h.features.filter((f) => model.rewriteIf.includes(f));
  const mode: 'rewrite' | 'adapt' = model.mode === 'rewrite' || forcing.length || !model.adapt ? 'rewrite' : 'adapt';
  const cost = mode === 'rewrite' ? model.rewrite : model.adapt!;
  const qf = weights.kernels.qualifierFactors.device;
  const rate = scale(cost.perLine, qf);
  const core = scale(rate, h.lines);
  let extra = 0;
  for (const f of h.features) extra += model.features[f] ?? 0;
  const hours = scale(core, 1 + extra);
  const item: EffortItem = {
    kind: 'kernel', subject: h.name, part: 'lines', mode, family: 'kernel', file: h.file, line: h.line, component, count: h.lines, rate,
    hours, weight: `kernels.models.${profile.kernelModel}.${mode}.perLine × kernels.qualifierFactors.device`,
    note: `device function no counted kernel calls: its lines alone${extra > 0 ? ` (+${Math.round(extra * 100)}% for its features)` : ''}`,
  };
  const featureHours = new Map<string, EffortRange>();
  for (const f of h.features) if ((model.features[f] ?? 0) > 0) featureHours.set(f, scale(core, model.features[f]!));
  return { kernel: h, mode, items: [item], featureHours };
}

/**
 * What every target's estimate shares: components, finding and kernel counts per group, and the kernel analysis.
 */
interface SharedFacts {
  componentOf(file: string): string;
  components: Set<string>;
  uses: { file: Map<string, number>; component: Map<string, number>; family: Map<string, number> };
  kernels: { file: Map<string, number>; component: Map<string, number>; family: Map<string, number> };
  analysis: KernelAnalysis;
}

function sharedFacts(input: EffortInput, findings: Finding[], depth: number, analysis: KernelAnalysis): SharedFacts {
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
  const kernels = { file: new Map<string, number>(), component: new Map<string, number>(), family: new Map([['kernel', analysis.entries.length]]) };
  for (const f of findings) {
    bump(uses.file, f.file);
    bump(uses.component, component(f.file));
    bump(uses.family, f.family);
  }
  for (const e of analysis.entries) {
    bump(kernels.file, e.kernel.file);
    bump(kernels.component, component(e.kernel.file));
  }
  const components = new Set<string>();
  for (const f of input.files) if (f.status === 'scanned') components.add(component(f.path));
  return { componentOf: component, components, uses, kernels, analysis };
}

/** A use or covered item while its uses are counted (hours are set once the count is final). */
interface OpenItem {
  item: EffortItem;
  /** The API group of a use item (symbol, status, kind); undefined for covered uses. */
  api?: string;
  /** The finding kind of a use item. */
  kind?: string;
}

/** A span of code whose uses are not costed one by one, and why. */
interface Cover {
  kernel: KernelEntry;
  line: number;
  endLine: number;
  note: string;
  /** Findings here are replaced (an operator, an excluded or duplicate kernel): not blockers either. */
  replaced: boolean;
}

/** Widen the high bound of an item resting on an uncertain answer. */
function widen(i: EffortItem, factor: number): void {
  if (factor === 1) return;
  i.uncertain = true;
  i.rate = { ...i.rate, high: i.rate.high * factor };
  i.hours = { ...i.hours, high: i.hours.high * factor };
}

function estimateTarget(
  findings: Finding[],
  profile: ReportTarget,
  weights: EffortWeights,
  shared: SharedFacts,
  hasWork: boolean,
): { target: TargetEffort; incompatibilities: TargetIncompatibilities } {
  const items: EffortItem[] = [];
  const model = weights.kernels.models[profile.kernelModel];
  const kindFactor = (kind: string): number => weights.kindFactors[kind] ?? 1;
  const kfText = (kind: string): string => (weights.kindFactors[kind] !== undefined ? ` × kindFactors.${kind}` : '');
  const componentOfFile = shared.componentOf;
  const analysis = shared.analysis;
  const uncertainFactor = weights.range.uncertain;

  // Kernels: map onto an operator when a usable candidate exists, else rewrite (or adapt, on SIMT).
  const kernelCosts: KernelCost[] = [];
  const choices: KernelChoice[] = [];
  const adapters = new Map<string, { candidate: OperatorCandidate; file: string; kernels: EntryKernel[] }>();
  const covers = new Map<string, Cover[]>();
  const cover = (k: KernelEntry, note: string, replaced: boolean): void => {
    byKey(covers, k.file, () => []).push({ kernel: k, line: k.line, endLine: k.endLine, note, replaced });
  };
  const strategy = new Map<EntryKernel, { use: boolean; why?: string; cost: KernelCost; candidate?: OperatorCandidate }>();
  for (const e of analysis.entries) {
    const candidate = e.kernel.candidates?.[profile.vendor];
    let verdict = usableCandidate(candidate, profile, weights);
    const cost = costKernel(e, profile, weights, componentOfFile(e.kernel.file), model);
    // On a SIMT profile a kernel that is cheaper to adapt than to wrap an operator around is adapted.
    if (verdict.use && cost.mode === 'adapt') {
      const adapt = cost.items.reduce((h, i) => h + i.hours.likely, 0);
      const adapter = weights.operators.adapter[candidate!.kind ?? 'standard'].likely;
      if (adapt < adapter) verdict = { use: false, why: `matches ${candidate!.title}, but adapting it (${adapt.toFixed(1)} h) costs less than an adapter (${adapter.toFixed(1)} h)` };
    }
    strategy.set(e, { ...verdict, cost, candidate });
    if (verdict.use) {
      const key = `${candidate!.pattern}\0${e.kernel.file}`;
      byKey(adapters, key, () => ({ candidate: candidate!, file: e.kernel.file, kernels: [] })).kernels.push(e);
    } else {
      kernelCosts.push(cost);
      for (const i of cost.items) items.push(i);
    }
  }
  // One adapter per operator pattern and file: the kernels of one CUDA operator (forward, backward, variants).
  const mapShare = new Map<EntryKernel, EffortRange>();
  for (const a of adapters.values()) {
    const c = a.candidate;
    const first = a.kernels[0]!.kernel;
    const component = componentOfFile(a.file);
    const base = weights.operators.adapter[c.kind ?? 'standard'];
    const extra = a.kernels.length - 1;
    const subject = c.operators.join(', ');
    const names = a.kernels.map((e) => e.kernel.name);
    const note = `${c.title}: replaces ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} (${c.confidence}${c.match === 'file' ? ', matched by file name' : ''})`;
    const group: EffortItem[] = [
      { kind: 'adapter', subject, part: 'base', mode: 'map', family: 'kernel', file: a.file, line: first.line, component, count: 1, rate: base, hours: base, weight: `operators.adapter.${c.kind ?? 'standard'}`, note },
    ];
    if (extra > 0) {
      group.push({
        kind: 'adapter', subject, part: 'kernels', mode: 'map', family: 'kernel', file: a.file, line: first.line, component, count: extra,
        rate: weights.operators.perKernel, hours: scale(weights.operators.perKernel, extra), weight: 'operators.perKernel', note: 'each further kernel the operator replaces',
      });
    }
    let total = ZERO;
    for (const i of group) {
      if (c.confidence === 'uncertain') widen(i, uncertainFactor);
      total = add(total, i.hours);
      items.push(i);
    }
    for (const e of a.kernels) {
      mapShare.set(e, scale(total, 1 / a.kernels.length));
      cover(e.kernel, `replaced by ${subject} (kernel ${e.kernel.name})`, true);
      for (const h of e.helpers) cover(h, `in a helper of ${e.kernel.name}, replaced by ${subject}`, true);
    }
  }
  for (const e of analysis.entries) {
    const s = strategy.get(e)!;
    const sum = (list: EffortItem[]): EffortRange => list.reduce((r, i) => add(r, i.hours), ZERO);
    const rewrite = sum(s.cost.items);
    const map = mapShare.get(e);
    const choice: KernelChoice = {
      kernel: e.kernel.name, file: e.kernel.file, line: e.kernel.line, component: componentOfFile(e.kernel.file),
      lines: Math.round((e.kernel.lines + e.helperLines) * 1000) / 1000, helpers: e.helpers.length,
      strategy: s.use ? 'map' : s.cost.mode, hours: round(map ?? rewrite), rewrite: Math.round(rewrite.likely * 1000) / 1000,
    };
    if (map) choice.map = Math.round(map.likely * 1000) / 1000;
    else if (s.candidate?.operators.length) {
      const c = s.candidate;
      choice.map = Math.round(weights.operators.adapter[c.kind ?? 'standard'].likely * 1000) / 1000;
    }
    if (s.candidate) choice.candidate = s.candidate;
    if (s.why) choice.why = s.why;
    choices.push(choice);
    if (!s.use && s.cost.mode === 'rewrite') {
      cover(e.kernel, `covered by the rewrite of kernel ${e.kernel.name} (${e.kernel.file}:${e.kernel.line})`, false);
      for (const h of e.helpers) cover(h, `in a helper of ${e.kernel.name}, covered by its rewrite`, false);
    }
  }
  for (const h of analysis.unusedHelpers) {
    const kc = costUnusedHelper(h, profile, weights, componentOfFile(h.file), model);
    kernelCosts.push(kc);
    items.push(kc.items[0]!);
    if (kc.mode === 'rewrite') cover(h, `covered by the rewrite of device function ${h.name}`, false);
  }
  for (const s of analysis.skipped) {
    const what = s.reason === 'excluded' ? 'in an excluded kernel (effort.kernels.exclude)' : `in a duplicate of ${s.duplicateOf!.name} (${s.duplicateOf!.file}:${s.duplicateOf!.line})`;
    cover(s.kernel, `${what}: ${s.kernel.name}`, true);
  }

  // Learning the kernel model: once per repository when a kernel is rewritten or adapted, shared by those kernels.
  const written = kernelCosts.filter((kc) => kc.kernel.qualifier === 'global');
  const learners = written.length ? written : kernelCosts;
  if (learners.length) {
    const perKernel = scale(model.learning, 1 / learners.length);
    const perFile = new Map<string, KernelEntry[]>();
    for (const kc of learners) byKey(perFile, kc.kernel.file, () => []).push(kc.kernel);
    for (const [file, ks] of perFile) {
      items.push({
        kind: 'learning', subject: `${profile.kernelModel} kernel model`, family: 'kernel', file, line: ks[0]!.line,
        component: componentOfFile(file), count: ks.length, rate: perKernel, hours: scale(perKernel, ks.length),
        weight: `kernels.models.${profile.kernelModel}.learning`,
        note: `${ks.length} of ${learners.length} written kernels' share of a once-per-repository cost`,
      });
    }
  }

  // Host launch configuration and device code in macro bodies belong to the kernels: paid by their rewrite
  // or adapter, not per use (only when the scan has counted kernels).
  const launch = new Set(weights.kernels.launch);
  const hasKernels = analysis.entries.length > 0;
  const kernelWork = (f: Finding): Cover | undefined => {
    if (!hasKernels) return undefined;
    if (launch.has(f.symbol)) return { kernel: analysis.entries[0]!.kernel, line: f.line, endLine: f.line, note: 'launch configuration: part of the kernel work (kernels.launch)', replaced: false };
    if (f.macro !== undefined && DEVICE_FAMILIES.has(f.family)) return { kernel: analysis.entries[0]!.kernel, line: f.line, endLine: f.line, note: `device code in macro ${f.macro}: part of the kernels that use it`, replaced: false };
    return undefined;
  };

  // Uses: costed per use, or covered by a kernel (rewritten, mapped, excluded, duplicate). One item per
  // (file, symbol, status, kind), or per (file, symbol, status, covering kernel); per finding only a count goes up.
  const costed: CostedFinding[] = [];
  const open: OpenItem[] = [];
  const rates = new Map<string, EffortRange>(); // status\0kind\0uncertain -> hours per use
  const byFile = new Map<string, Map<string, OpenItem>>();
  let lastFile: string | undefined;
  let fileItems = new Map<string, OpenItem>();
  let fileCovers: Cover[] | undefined;
  for (const f of findings) {
    if (f.file !== lastFile) {
      lastFile = f.file;
      fileItems = byKey(byFile, f.file, () => new Map());
      fileCovers = covers.get(f.file);
    }
    const status = statusOn(f, profile);
    const c = fileCovers?.find((kc) => f.line >= kc.line && f.line <= kc.endLine) ?? kernelWork(f);
    if (c) {
      const key = `covered\0${f.symbol}\0${status}\0${c.note}`;
      let o = fileItems.get(key);
      if (!o) {
        o = {
          item: {
            kind: 'covered', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component: componentOfFile(f.file), count: 0, rate: ZERO, hours: ZERO,
            weight: c.replaced ? 'operators' : `kernels.models.${profile.kernelModel}.rewrite`, note: c.note,
          },
        };
        fileItems.set(key, o);
        open.push(o);
      }
      o.item.count++;
      if (!c.replaced) costed.push({ finding: f, status, rate: ZERO, covered: true });
      continue;
    }
    const uncertain = f.targets[profile.id]?.confidence === 'uncertain';
    const api = `${f.symbol}\0${status}\0${f.kind}\0${uncertain ? 'u' : ''}`;
    let o = fileItems.get(api);
    if (!o) {
      const rk = `${status}\0${f.kind}\0${uncertain ? 'u' : ''}`;
      let rate = rates.get(rk);
      if (!rate) {
        rate = scale(weights.uses[status], kindFactor(f.kind));
        if (uncertain) rate = { ...rate, high: rate.high * uncertainFactor };
        rates.set(rk, rate);
      }
      o = {
        item: {
          kind: 'use', subject: f.symbol, status, family: f.family, file: f.file, line: f.line, component: componentOfFile(f.file), count: 0, rate, hours: ZERO,
          weight: `uses.${status}${kfText(f.kind)}`,
        },
        api,
        kind: f.kind,
      };
      if (uncertain && uncertainFactor !== 1) o.item.uncertain = true;
      fileItems.set(api, o);
      open.push(o);
    }
    o.item.count++;
    costed.push({ finding: f, status, rate: o.item.rate, covered: false });
  }

  // Distinct APIs: once per repository, each file taking its share by number of costed uses.
  const apiUses = new Map<string, { status: Status; kind: string; family: string; symbol: string; uncertain: boolean; files: EffortItem[]; total: number }>();
  for (const o of open) {
    const i = o.item;
    items.push(i);
    if (o.api === undefined) continue;
    i.hours = scale(i.rate, i.count);
    const g = byKey(apiUses, o.api, () => ({ status: i.status!, kind: o.kind!, family: i.family!, symbol: i.subject, uncertain: i.uncertain === true, files: [], total: 0 }));
    g.files.push(i);
    g.total += i.count;
  }
  const apiHours = new Map<string, EffortRange>();
  for (const api of apiUses.values()) {
    let once = scale(weights.apis[api.status], kindFactor(api.kind));
    if (api.uncertain) once = { ...once, high: once.high * uncertainFactor };
    apiHours.set(api.symbol, add(apiHours.get(api.symbol) ?? ZERO, once));
    const rate = scale(once, 1 / api.total);
    const weight = `apis.${api.status}${kfText(api.kind)}`;
    for (const use of api.files) {
      const count = use.count;
      const i: EffortItem = {
        kind: 'api', subject: api.symbol, status: api.status, family: api.family, file: use.file, line: use.line, component: use.component,
        count, rate, hours: scale(rate, count), weight,
        note: api.total === count ? 'once per repository' : `${count} of ${api.total} uses' share of a once-per-repository cost`,
      };
      if (api.uncertain) i.uncertain = true;
      items.push(i);
    }
  }

  // Setup: once per repository with any work, shared by the files in proportion to their code hours (so every
  // rollup still sums to the total).
  if (hasWork) {
    const byFile = new Map<string, { hours: number; component: string; line: number }>();
    let sum = 0;
    for (const i of items) {
      if (!i.file || i.hours.likely <= 0) continue;
      const f = byFile.get(i.file);
      if (f) f.hours += i.hours.likely;
      else byFile.set(i.file, { hours: i.hours.likely, component: i.component ?? componentOfFile(i.file), line: i.line ?? 1 });
      sum += i.hours.likely;
    }
    const setupPerPercent = scale(weights.setup, 1 / 100);
    const list = [...byFile].sort(([a], [b]) => byCodePoint(a, b));
    if (!list.length) {
      const first = [...shared.components].sort(byCodePoint)[0] ?? '.';
      list.push(['', { hours: 1, component: first, line: 1 }]);
      sum = 1;
    }
    for (const [file, f] of list) {
      const share = f.hours / sum;
      // Counted in percent of the once-per-repository cost, so count × rate stays the hours after rounding.
      const i: EffortItem = {
        kind: 'setup', subject: `${profile.vendor} runtime and operator library`, family: 'setup', component: f.component, count: share * 100,
        rate: setupPerPercent, hours: scale(weights.setup, share), weight: 'setup / 100',
        note: list.length === 1 ? 'once per repository' : `${(share * 100).toFixed(1)}% share of a once-per-repository cost (by code hours)`,
      };
      if (file) {
        i.file = file;
        i.line = f.line;
      }
      items.push(i);
    }
  }

  sortItems(items);
  const code = new Acc(weights);
  const kinds = { use: new Acc(weights), api: new Acc(weights), kernel: new Acc(weights), adapter: new Acc(weights), learning: new Acc(weights), setup: new Acc(weights) };
  const groups = { component: new Map<string, Acc>(), file: new Map<string, Acc>(), family: new Map<string, Acc>() };
  for (const c of shared.components) groups.component.set(c, new Acc(weights));
  const into = (m: Map<string, Acc>, key: string | undefined, i: EffortItem): void => {
    if (key === undefined) return;
    let a = m.get(key);
    if (!a) m.set(key, (a = new Acc(weights)));
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

  const overhead = overheadFactor(weights.build.fraction, weights.validation.fraction);
  const rows = (m: Map<string, Acc>, uses: Map<string, number>, kernels: Map<string, number>): EffortRollup[] =>
    [...m].map(([key, a]) => rollupRow(key, a, uses.get(key) ?? 0, kernels.get(key) ?? 0, overhead, weights.hoursPerDay));
  const byHours = (a: { hours: EffortRange; key: string }, b: { hours: EffortRange; key: string }): number =>
    b.hours.likely - a.hours.likely || byCodePoint(a.key, b.key);

  const incompatibilities = findIncompatibilities({ profile, weights, costed, kernelCosts, apiHours });
  const roundedItems = roundItems(items);
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
      adapters: round(kinds.adapter.range()),
      learning: round(kinds.learning.range()),
      setup: round(kinds.setup.range()),
      code: round(codeHours),
      build: round(build),
      validation: round(validation),
    },
    kernels: {
      rewrite: choices.filter((c) => c.strategy === 'rewrite').length,
      adapt: choices.filter((c) => c.strategy === 'adapt').length,
      map: choices.filter((c) => c.strategy === 'map').length,
    },
    byComponent: rows(groups.component, shared.uses.component, shared.kernels.component).sort((a, b) => byCodePoint(a.key, b.key)),
    byFile: rows(groups.file, shared.uses.file, shared.kernels.file).sort(byHours),
    byFamily: rows(groups.family, shared.uses.family, shared.kernels.family).sort(byHours),
    items: roundedItems,
    choices,
    plan: [],
  };
  const replacements = new Map<string, string[]>();
  for (const cf of costed) {
    if (cf.covered || replacements.has(cf.finding.symbol)) continue;
    const r = cf.finding.targets[profile.id]?.replacement;
    if (r?.length) replacements.set(cf.finding.symbol, r);
  }
  target.plan = buildPlan(target, incompatibilities, weights, analysis, replacements, componentOfFile);
  return { target, incompatibilities };
}

const partRank = (part: string | undefined): number => (part === 'base' ? 0 : part === 'lines' ? 1 : 2);

const KIND_ORDER: Record<string, number> = { kernel: 0, adapter: 1, learning: 2, use: 3, api: 4, covered: 5, setup: 6 };

/**
 * Sort items by file, kind, line, subject, part and status, strings in code-point order. Each distinct
 * string is ranked once and items compare by ranks (the sort is stable).
 */
function sortItems(items: EffortItem[]): void {
  const distinct = new Set<string>();
  for (const i of items) {
    distinct.add(i.file ?? '');
    distinct.add(i.component ?? '');
    distinct.add(i.subject);
    distinct.add(i.part ?? '');
    distinct.add(i.status ?? '');
  }
  const rank = new Map<string, number>();
  [...distinct].sort(byCodePoint).forEach((s, n) => rank.set(s, n));
  const n = items.length;
  const keys = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Float64Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  items.forEach((i, x) => {
    keys[0][x] = rank.get(i.file ?? '')!;
    keys[1][x] = KIND_ORDER[i.kind] ?? 9;
    keys[2][x] = rank.get(i.component ?? '')!;
    keys[3][x] = i.line ?? 0;
    keys[4][x] = rank.get(i.subject)!;
    keys[5][x] = partRank(i.part);
    keys[6][x] = rank.get(i.part ?? '')!;
    keys[7][x] = rank.get(i.status ?? '')!;
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

/** Running sums of items' hours, added one by one in item order, for totals and rollup rows. */
class Acc {
  low = 0;
  likely = 0;
  high = 0;
  /** Likely hours that count toward the portability score, and their credited part. */
  work = 0;
  credit = 0;
  items = 0;

  constructor(private readonly weights: EffortWeights) {}

  add(i: EffortItem): void {
    this.low += i.hours.low;
    this.likely += i.hours.likely;
    this.high += i.hours.high;
    const p = this.weights.portability;
    let c: number | undefined;
    if ((i.kind === 'use' || i.kind === 'api') && i.status) c = p.uses[i.status];
    else if (i.kind === 'adapter') c = p.adapter;
    else if (i.kind === 'kernel') c = i.mode === 'adapt' ? p.adapt : p.rewrite;
    if (c !== undefined) {
      this.work += i.hours.likely;
      this.credit += c * i.hours.likely;
    }
    this.items++;
  }

  range(): EffortRange {
    return { low: this.low, likely: this.likely, high: this.high };
  }

  /** The portability score of the same items: credited share of the work, 0–100 (100 with no work). */
  portability(): number {
    return this.work <= 0 ? 100 : Math.round((100 * this.credit) / this.work);
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
  const analysis = kernelAnalysis(input.kernels, weights.kernels);
  const shared = sharedFacts(input, findings, groupDepth, analysis);
  const hasWork = findings.length > 0 || analysis.entries.length > 0 || analysis.unusedHelpers.length > 0;
  const targets: TargetEffort[] = [];
  const incompatibilities: TargetIncompatibilities[] = [];
  for (const profile of profiles) {
    const r = estimateTarget(findings, profile, weights, shared, hasWork);
    targets.push(r.target);
    incompatibilities.push(r.incompatibilities);
  }
  const effort: EffortReport = { hoursPerDay: weights.hoursPerDay, groupDepth, sources, weights, kernels: analysis.counts, targets };
  if (analysis.notes.length) effort.kernelNotes = analysis.notes;
  return { effort, incompatibilities };
}
