/**
 * Blockers per target: findings (and the kernels around them) that fall in a category of the weights'
 * `incompatibilities` section, with the hours of the estimate they account for. Pure.
 */
import type {
  EffortItem, EffortRange, EffortWeights, Finding, Incompatibility, IncompatibilityCategory, IncompatibilityLocation,
  KernelEntry, ReportTarget, Status, TargetIncompatibilities,
} from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { add, round, ZERO } from './effort-range.js';
import { userRegex } from '../util/user-regex.js';

/** A finding with its status and per-use hours on one target (0 when a kernel rewrite covers it). */
export interface CostedFinding {
  finding: Finding;
  status: Status;
  rate: EffortRange;
  covered: boolean;
}

/** A kernel's cost on one target. */
export interface KernelCost {
  kernel: KernelEntry;
  mode: 'rewrite' | 'adapt';
  items: EffortItem[];
  /** The extra hours each feature adds to this kernel. */
  featureHours: Map<string, EffortRange>;
}

export interface IncompatibilityInput {
  profile: ReportTarget;
  weights: EffortWeights;
  costed: CostedFinding[];
  kernelCosts: KernelCost[];
  /** Once-per-repository API hours by symbol. */
  apiHours: Map<string, EffortRange>;
  /** Rule id -> feature tag. */
}

const RISK_ORDER = { high: 0, medium: 1, low: 2 } as const;

interface Group {
  id: string;
  category: IncompatibilityCategory;
  findings: CostedFinding[];
}

/** Does a category take this finding? `undefined` when only the finding's source line can tell (the category's `snippet`). */
function matcher(category: IncompatibilityCategory): (cf: CostedFinding) => boolean | undefined {
  return ({ finding: f, status }) => {
    if (!category.statuses.includes(status)) return false;
    if (category.any || category.symbols.includes(f.symbol)) return true;
    const feature = f.feature;
    if (feature === undefined || !category.features.includes(feature)) return false;
    return category.snippet ? undefined : true;
  };
}

export function findIncompatibilities(input: IncompatibilityInput): TargetIncompatibilities {
  const { profile, weights, costed, kernelCosts, apiHours } = input;
  const categories = Object.entries(weights.incompatibilities).map(([id, category]) => ({
    id, category, matches: matcher(category), snippet: category.snippet ? userRegex(category.snippet) : undefined,
  }));
  type Category = (typeof categories)[number];
  // The first category that takes a finding; remembered by (status, rule, symbol) unless a source line decided it.
  const memo = new Map<string, Category | null>();
  const categoryOf = (cf: CostedFinding): Category | undefined => {
    const key = `${cf.status}\0${cf.finding.ruleId ?? ''}\0${cf.finding.symbol}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    let bySnippet = false;
    for (const c of categories) {
      const m = c.matches(cf);
      if (m === undefined) {
        bySnippet = true;
        if (c.snippet!.test(cf.finding.snippet)) return c;
        continue;
      }
      if (m) {
        if (!bySnippet) memo.set(key, c);
        return c;
      }
    }
    if (!bySnippet) memo.set(key, null);
    return undefined;
  };

  // Each finding goes to the first category that matches it; `any` categories split by symbol.
  const groups = new Map<string, Group>();
  for (const cf of costed) {
    const c = categoryOf(cf);
    if (!c) continue;
    const key = c.category.any ? `${c.id}\0${cf.finding.symbol}` : c.id;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { id: c.id, category: c.category, findings: [] }));
    g.findings.push(cf);
  }

  const apisTaken = new Set<string>();
  const featuresTaken = new Set<string>();
  const items: Incompatibility[] = [];
  for (const g of groups.values()) {
    let hours = ZERO;
    const locations: IncompatibilityLocation[] = [];
    const symbols = new Set<string>();
    for (const cf of g.findings) {
      hours = add(hours, cf.rate);
      symbols.add(cf.finding.symbol);
      locations.push({ file: cf.finding.file, line: cf.finding.line, symbol: cf.finding.symbol });
    }
    for (const s of symbols) {
      const api = apiHours.get(s);
      if (api && !apisTaken.has(s)) {
        apisTaken.add(s);
        hours = add(hours, api);
      }
    }
    // Kernels using the category's features: listed, and their feature hours counted (once).
    if (!g.category.any && g.category.features.length) {
      // The group's finding lines by file, for "does a finding of the group sit in this kernel".
      let lines: Map<string, number[]> | undefined;
      const hasFindingIn = (k: KernelEntry): boolean => {
        if (!lines) {
          lines = new Map();
          for (const cf of g.findings) {
            const l = lines.get(cf.finding.file);
            if (l) l.push(cf.finding.line);
            else lines.set(cf.finding.file, [cf.finding.line]);
          }
        }
        return lines.get(k.file)?.some((line) => line >= k.line && line <= k.endLine) ?? false;
      };
      for (const [index, kc] of kernelCosts.entries()) {
        const k = kc.kernel;
        const used = k.features.filter((f) => g.category.features.includes(f));
        if (!used.length) continue;
        if (g.category.snippet && !hasFindingIn(k)) continue;
        locations.push({ file: k.file, line: k.line, kernel: k.name });
        for (const f of used) {
          const key = `${index}\0${f}`;
          const extra = kc.featureHours.get(f);
          if (extra && !featuresTaken.has(key)) {
            featuresTaken.add(key);
            hours = add(hours, extra);
          }
        }
      }
    }
    locations.sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || byCodePoint(a.kernel ?? '', b.kernel ?? ''));
    let advice = g.category.advice;
    if (g.category.any) {
      const note = g.findings[0]?.finding.targets[profile.id]?.note;
      if (note) advice = note;
    }
    items.push({
      category: g.id,
      title: g.category.any ? `${g.category.title}: ${g.findings[0]!.finding.symbol}` : g.category.title,
      risk: g.category.risk,
      symbols: [...symbols].sort(),
      hours: round(hours),
      count: g.findings.length,
      locations,
      advice,
    });
  }
  items.sort((a, b) => b.hours.likely - a.hours.likely || RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || byCodePoint(a.title, b.title));
  return { target: profile.id, items };
}
