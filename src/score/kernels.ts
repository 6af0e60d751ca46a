/**
 * Counting kernels once and in proportion (docs/effort-model.md#counting-kernels). Pure.
 *
 * - Entry kernels (`__global__`) are the unit of porting work: one per distinct body (a body equal to an earlier
 *   one's is a duplicate), a `#define` that stamps out kernels counts once, kernels in files matching
 *   `effort.kernels.exclude` are listed but not counted.
 * - Device functions (`__device__`) are helpers: their lines are costed with the entry kernels that call them
 *   (directly or through other helpers), each helper's lines split evenly over those kernels, so a helper is
 *   paid for once however many kernels use it. A helper no kernel calls by name goes with the entry kernels of
 *   its own file (reached through a template argument or a function pointer); one with neither is costed by
 *   its lines alone.
 * - Experimental variants (paths and names in `effort.kernels.experimental`, numbered siblings such as
 *   `kernel1`, `kernel2` in one file) are counted but flagged, so they can be excluded with a glob.
 *
 * The summary, the estimate and every report read the same counts from here.
 */
import picomatch from 'picomatch';
import type { EffortWeights, KernelCounts, KernelEntry, KernelNote } from '../model/index.js';
import { byCodePoint } from '../util/order.js';

type Flag = KernelNote['flags'][number];

/** A counted entry kernel with its share of the helpers it calls. */
export interface EntryKernel {
  kernel: KernelEntry;
  /** Lines of the helpers it reaches, each helper's lines divided by the number of counted kernels reaching it. */
  helperLines: number;
  /** The helpers it reaches (directly or through other helpers). */
  helpers: KernelEntry[];
  flags: Flag[];
}

export interface KernelAnalysis {
  counts: KernelCounts;
  /** Kernels counted differently from a plain entry kernel (duplicates, excluded, flagged, unused helpers). */
  notes: KernelNote[];
  /** Counted entry kernels, in report order (file, line). */
  entries: EntryKernel[];
  /** Helpers reached by at least one counted entry kernel. */
  usedHelpers: KernelEntry[];
  /** Helpers (not excluded, not duplicates) that no counted entry kernel reaches: costed by their lines alone. */
  unusedHelpers: KernelEntry[];
  /** Kernels and helpers whose code is not ported on its own (excluded, duplicates), with the reason. */
  skipped: { kernel: KernelEntry; reason: 'excluded' | 'duplicate'; duplicateOf?: KernelEntry }[];
}

const shortName = (name: string): string => {
  const last = name.slice(name.lastIndexOf(':') + 1);
  return last.replace(/<.*$/, '');
};

/**
 * Numbered siblings: names equal once a trailing number after `kernel`, `_v` or `_` is dropped (`kernel1`,
 * `kernel2`; `foo_v2`); a dtype suffix (`f32`, `bf16`) is not a number of this kind.
 */
const stemOf = (name: string): string | undefined => /^(.*(?:kernel|_v|_))\d+$/i.exec(shortName(name))?.[1];

const cache = new WeakMap<EffortWeights['kernels'], { exclude: (p: string) => boolean; experimental: (p: string) => boolean; names: RegExp[] }>();

function matchers(w: EffortWeights['kernels']): { exclude: (p: string) => boolean; experimental: (p: string) => boolean; names: RegExp[] } {
  let m = cache.get(w);
  if (!m) {
    const none = (): boolean => false;
    m = {
      exclude: w.exclude.length ? picomatch(w.exclude, { dot: true }) : none,
      experimental: w.experimental.paths.length ? picomatch(w.experimental.paths, { dot: true }) : none,
      names: w.experimental.names.map((n) => new RegExp(n, 'i')),
    };
    cache.set(w, m);
  }
  return m;
}

const where = (k: KernelEntry): string => `${k.file}:${k.line}`;

export function analyzeKernels(kernels: readonly KernelEntry[], weights: EffortWeights['kernels']): KernelAnalysis {
  const m = matchers(weights);
  const sorted = [...kernels].sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || byCodePoint(a.name, b.name));
  const flags = new Map<KernelEntry, Set<Flag>>();
  const flag = (k: KernelEntry, f: Flag): void => {
    let s = flags.get(k);
    if (!s) flags.set(k, (s = new Set()));
    s.add(f);
  };
  const skipped: KernelAnalysis['skipped'] = [];
  const duplicateOf = new Map<KernelEntry, KernelEntry>();
  const firstByHash = new Map<string, KernelEntry>();
  const live: KernelEntry[] = [];
  for (const k of sorted) {
    if (m.exclude(k.file)) {
      flag(k, 'excluded');
      skipped.push({ kernel: k, reason: 'excluded' });
      continue;
    }
    if (k.hash !== undefined) {
      const key = `${k.qualifier}\0${k.hash}`;
      const first = firstByHash.get(key);
      if (first) {
        flag(k, 'duplicate');
        duplicateOf.set(k, first);
        skipped.push({ kernel: k, reason: 'duplicate', duplicateOf: first });
        continue;
      }
      firstByHash.set(key, k);
    }
    if (k.macro) flag(k, 'macro');
    live.push(k);
  }

  const entries = live.filter((k) => k.qualifier === 'global');
  const helpers = live.filter((k) => k.qualifier === 'device');
  // Experimental variants: by path, by name, and numbered siblings in one file.
  const stems = new Map<string, KernelEntry[]>();
  for (const k of entries) {
    if (m.experimental(k.file) || m.names.some((re) => re.test(shortName(k.name)))) flag(k, 'experimental');
    const stem = stemOf(k.name);
    if (stem !== undefined) {
      const key = `${k.file}\0${stem}`;
      const list = stems.get(key);
      if (list) list.push(k);
      else stems.set(key, [k]);
    }
  }
  for (const list of stems.values()) if (list.length > 1) for (const k of list) flag(k, 'variant');

  // Helper resolution: a call names a helper by its last name component; helpers in the caller's own file win,
  // then those in its folder, then those outside experimental paths, then any.
  const helpersByName = new Map<string, KernelEntry[]>();
  for (const h of helpers) {
    const n = shortName(h.name);
    const list = helpersByName.get(n);
    if (list) list.push(h);
    else helpersByName.set(n, [h]);
  }
  const callees = new Map<KernelEntry, KernelEntry[]>();
  const calleesOf = (k: KernelEntry): KernelEntry[] => {
    let out = callees.get(k);
    if (out) return out;
    const found = new Set<KernelEntry>();
    for (const call of k.calls ?? []) {
      const list = helpersByName.get(shortName(call));
      if (!list) continue;
      const local = list.filter((h) => h.file === k.file);
      const dir = k.file.slice(0, k.file.lastIndexOf('/') + 1);
      let near = local.length ? local : list.filter((h) => h.file.startsWith(dir) && !h.file.slice(dir.length).includes('/'));
      if (!near.length && list.length > 1) near = list.filter((h) => !m.experimental(h.file));
      for (const h of near.length ? near : list) if (h !== k) found.add(h);
    }
    callees.set(k, (out = [...found]));
    return out;
  };
  // Helpers no kernel calls by name but defined in a file with entry kernels are reached some other way (a
  // template argument, a function pointer in a traits struct): they go with that file's kernels.
  const direct = new Set<KernelEntry>();
  const mark = (roots: KernelEntry[]): void => {
    const stack = [...roots];
    while (stack.length) {
      const h = stack.pop()!;
      if (direct.has(h)) continue;
      direct.add(h);
      stack.push(...calleesOf(h));
    }
  };
  for (const e of entries) mark(calleesOf(e));
  const entriesByFile = new Map<string, KernelEntry[]>();
  for (const e of entries) {
    const list = entriesByFile.get(e.file);
    if (list) list.push(e);
    else entriesByFile.set(e.file, [e]);
  }
  const implicit = new Map<KernelEntry, KernelEntry[]>();
  for (const h of helpers) {
    if (direct.has(h)) continue;
    for (const e of entriesByFile.get(h.file) ?? []) {
      const list = implicit.get(e);
      if (list) list.push(h);
      else implicit.set(e, [h]);
    }
  }
  const reach = new Map<KernelEntry, KernelEntry[]>();
  const users = new Map<KernelEntry, number>();
  for (const e of entries) {
    const seen = new Set<KernelEntry>();
    const stack = [...calleesOf(e), ...(implicit.get(e) ?? [])];
    while (stack.length) {
      const h = stack.pop()!;
      if (seen.has(h)) continue;
      seen.add(h);
      for (const c of calleesOf(h)) if (!seen.has(c)) stack.push(c);
    }
    const list = [...seen].sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line);
    reach.set(e, list);
    for (const h of list) users.set(h, (users.get(h) ?? 0) + 1);
  }
  const out: EntryKernel[] = entries.map((e) => {
    const hs = reach.get(e)!;
    let helperLines = 0;
    for (const h of hs) helperLines += h.lines / users.get(h)!;
    return { kernel: e, helperLines, helpers: hs, flags: [...(flags.get(e) ?? [])].sort() as Flag[] };
  });
  const usedHelpers = helpers.filter((h) => users.has(h));
  const unusedHelpers = helpers.filter((h) => !users.has(h));
  for (const h of unusedHelpers) flag(h, 'unused-helper');

  const notes: KernelNote[] = [];
  for (const k of sorted) {
    const f = flags.get(k);
    if (!f?.size) continue;
    const note: KernelNote = { name: k.name, file: k.file, line: k.line, role: k.qualifier === 'global' ? 'entry' : 'helper', flags: [...f].sort() as Flag[] };
    const dup = duplicateOf.get(k);
    if (dup) note.duplicateOf = where(dup);
    notes.push(note);
  }
  const counted = (k: KernelEntry): boolean => k.qualifier === 'global';
  return {
    counts: {
      entry: entries.length,
      helpers: helpers.length,
      duplicates: skipped.filter((s) => s.reason === 'duplicate' && counted(s.kernel)).length,
      excluded: skipped.filter((s) => s.reason === 'excluded' && counted(s.kernel)).length,
      flagged: out.filter((e) => e.flags.includes('experimental') || e.flags.includes('variant')).length,
    },
    notes,
    entries: out,
    usedHelpers,
    unusedHelpers,
    skipped,
  };
}

const analyses = new WeakMap<readonly KernelEntry[], WeakMap<EffortWeights['kernels'], KernelAnalysis>>();

/** analyzeKernels, once per kernel list and weights (the summary and the estimate share it). */
export function kernelAnalysis(kernels: readonly KernelEntry[], weights: EffortWeights['kernels']): KernelAnalysis {
  let byWeights = analyses.get(kernels);
  if (!byWeights) analyses.set(kernels, (byWeights = new WeakMap()));
  let a = byWeights.get(weights);
  if (!a) byWeights.set(weights, (a = analyzeKernels(kernels, weights)));
  return a;
}
