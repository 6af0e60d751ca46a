/**
 * Match stage entry: FileFacts[] x Catalog -> findings and kernels.
 * Project-defined names are collected over all files first, so a helper defined in a header
 * and used in a .cu file is recognised as the project's own.
 */
import type {
  Catalog, FileFacts, Finding, KernelEntry, NamespaceFacts, Occurrence, Profile, Rule, Severity, TargetAnswer, TargetCodeCount, TargetId, Vendor,
} from '../model/index.js';
import { answerText, severityOf } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { targetVendorOf } from './progress.js';
import { resolve, type Resolution } from './resolve.js';

export interface MatchResult {
  findings: Finding[];
  kernels: KernelEntry[];
  /** Target-side code found per file (rules/recognition.yaml `targets:`): not CUDA findings (docs/progress.md). */
  targetCode: Map<string, Partial<Record<Vendor, TargetCodeCount>>>;
}

/** Kinds that a project cannot define away: keywords, builtins, launch syntax, headers. */
const LANGUAGE_ROLES = new Set(['qualifier', 'builtin', 'syntax', 'include']);

/**
 * Names the project defines. Any definition hides a name that only looks like CUDA (a helper
 * `cudaCheckError()`, a `struct cudaBuffer`, a variable `cudaDeviceCountCache`), everywhere.
 * A name the catalog or inventory knows is hidden only by a type or macro defined outside any #if,
 * and only in the defining file and the files that include it (directly or not): a project's own
 * `struct float4` for CPU builds replaces CUDA's where it is visible, whereas a function of the same
 * name is an overload (llm.c adds `__ldcs` for bf16) and a guarded definition is a compatibility shim.
 * A file re-declaring many CUDA names replaces nothing (see MIRROR_THRESHOLD).
 */
interface ProjectNames {
  any: Set<string>;
  /** Known names replaced in a given file. */
  replacedIn(file: FileFacts): Set<string>;
}

/**
 * A file that re-declares this many CUDA names is a copy or shim of CUDA's own headers (dynamic-loading
 * wrappers such as cuda_drvapi_dynlink_cuda.h), not a replacement: its names stay CUDA uses.
 */
const MIRROR_THRESHOLD = 20;

function projectNames(files: FileFacts[], pathSuffixes: Map<string, string[]>, isKnown: (name: string) => boolean): ProjectNames {
  const any = new Set<string>();
  const replacing = new Map<string, Set<string>>(); // file path -> known names it replaces
  for (const f of files) {
    const known = new Set<string>();
    for (const d of f.definitions) {
      any.add(d.name);
      if ((d.kind === 'type' || d.kind === 'macro') && !d.conditional && isKnown(d.name)) known.add(d.name);
    }
    if (known.size && known.size < MIRROR_THRESHOLD) replacing.set(f.path, known);
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const memo = new Map<string, Set<string>>();
  const replacedIn = (file: FileFacts): Set<string> => {
    const cached = memo.get(file.path);
    if (cached) return cached;
    const out = new Set<string>();
    if (replacing.size) {
      // Walk the project headers this file includes, transitively (cycle-safe).
      const seen = new Set<string>([file.path]);
      const queue = [file.path];
      while (queue.length) {
        const p = queue.pop() as string;
        for (const n of replacing.get(p) ?? []) out.add(n);
        for (const inc of byPath.get(p)?.includes ?? []) {
          for (const target of pathSuffixes.get(inc.replace(/^(\.\/)+/, '')) ?? []) {
            if (!seen.has(target)) {
              seen.add(target);
              queue.push(target);
            }
          }
        }
      }
    }
    memo.set(file.path, out);
    return out;
  };
  return { any, replacedIn };
}

const hasKeys = (o: object): boolean => {
  for (const _ in o) return true;
  return false;
};

/** `own` over `global`, without copying `global` (its entries are found through the prototype chain). */
function overlay(own: Record<string, string>, global: Record<string, string>): Record<string, string> {
  if (!hasKeys(own)) return global;
  const view = Object.create(global) as Record<string, string>;
  // defineProperty, not assignment: a key such as `__proto__` stays a plain entry, as in a spread.
  for (const k of Object.keys(own)) Object.defineProperty(view, k, { value: own[k], enumerable: true, writable: true, configurable: true });
  return view;
}

/**
 * Aliases and using-directives of headers apply to the files that include them; merge them as a fallback.
 * A lookup in the result gives what a lookup in `{ ...global, ...own }` gives, at the cost of the file's own
 * entries only (the global tables can hold thousands of entries, and there is one merge per file).
 */
function withGlobalNamespaces(own: NamespaceFacts, global: NamespaceFacts, live: (u: string) => boolean): NamespaceFacts {
  return {
    aliases: overlay(own.aliases, global.aliases),
    usingNamespaces: (own.usingNamespaces.length ? [...new Set([...own.usingNamespaces, ...global.usingNamespaces])] : global.usingNamespaces).filter(live),
    usingDeclarations: overlay(own.usingDeclarations, global.usingDeclarations),
  };
}

/**
 * Using-directives that can matter. Under `using namespace X;` a name may stand for `X::name`, and resolving tries
 * that candidate and its prefixes that contain `::`: names starting with `X::`, and (for a nested `X`) the prefixes
 * of `X` itself. A directive none of whose tries can be a rule's or an inventory name (a project's own namespace,
 * `std`) is left out before resolving: no answer changes, and no resolution tries it again.
 */
function liveNamespaces(catalog: Catalog): (u: string) => boolean {
  let heads: Set<string> | undefined;
  const headsOf = (): Set<string> => {
    const out = new Set<string>();
    const add = (name: string): void => {
      for (let i = name.indexOf('::'); i !== -1; i = name.indexOf('::', i + 2)) out.add(name.slice(0, i));
    };
    for (const name of catalog.bySymbol.keys()) add(name);
    for (const name of catalog.inventory.keys()) add(name);
    return out;
  };
  const known = (n: string): boolean => catalog.bySymbol.has(n) || catalog.inventory.has(n);
  const memo = new Map<string, boolean>();
  return (u) => {
    let live = memo.get(u);
    if (live === undefined) {
      live = (heads ??= headsOf()).has(u);
      // `a::b::c`: its prefixes with `::` (`a::b`, `a::b::c`) are tried too.
      const parts = u.split('::');
      for (let n = 2; !live && n <= parts.length; n++) live = known(parts.slice(0, n).join('::'));
      memo.set(u, live);
    }
    return live;
  };
}

function globalNamespaces(files: FileFacts[]): NamespaceFacts {
  const out: NamespaceFacts = { aliases: {}, usingNamespaces: [], usingDeclarations: {} };
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    if (!/\.(h|hh|hpp|hxx|cuh|inl)$/.test(f.path)) continue;
    Object.assign(out.aliases, f.namespaces.aliases);
    Object.assign(out.usingDeclarations, f.namespaces.usingDeclarations);
    for (const u of f.namespaces.usingNamespaces) if (!out.usingNamespaces.includes(u)) out.usingNamespaces.push(u);
  }
  return out;
}

const UNKNOWN_NOTE = 'Not in the catalog yet: check the CUDA documentation for what it does and find the counterpart by hand.';

function answersFor(res: Resolution, profiles: Profile[]): Record<TargetId, TargetAnswer> {
  const out: Record<TargetId, TargetAnswer> = {};
  for (const profile of profiles) {
    const a = res.rule?.answers[profile.id];
    if (!a) {
      out[profile.id] = { status: 'unknown', note: UNKNOWN_NOTE };
      continue;
    }
    const t: TargetAnswer = { status: a.status };
    if (a.replacement?.length) t.replacement = a.replacement;
    if (a.note) t.note = a.note;
    if (a.since) t.since = a.since;
    if (a.source) t.source = a.source;
    if (a.confidence) t.confidence = a.confidence;
    out[profile.id] = t;
  }
  return out;
}

function messageFor(symbol: string, res: Resolution, targets: Record<TargetId, TargetAnswer>): string {
  const parts = Object.entries(targets).map(([id, t]) => `${id}: ${answerText(t)}`);
  const lead = res.rule?.message ? res.rule.message.replaceAll('{symbol}', symbol) : res.rule ? symbol : `${symbol} is not in the catalog`;
  return `${lead} — ${parts.join('; ')}`;
}

/** What every finding of one resolution shares: built once, the same objects on every finding (never mutated). */
interface Answer {
  res: Resolution;
  ruleId: string | null;
  family: string;
  kind: string;
  severity: Severity;
  message: string;
  targets: Record<TargetId, TargetAnswer>;
}

/**
 * Resolutions and their answers, memoised. `resolve` reads only the occurrence's name, role and device flag, and
 * of the namespace facts only the alias of the name's first part, the using-declaration of an unqualified name and
 * the using-directives: one entry serves every use with the same of these, in any file. The per-target answers
 * and the message are shared by rule and symbol.
 */
class Answers {
  private readonly memo = new Map<string, Answer | null>();
  private readonly usingIds = new Map<string, number>();
  private readonly targetsByRule = new Map<Rule | undefined, Record<TargetId, TargetAnswer>>();
  private readonly messages = new Map<Rule | undefined, Map<string, string>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly profiles: Profile[],
  ) {}

  /** A file's using-directives as a small number (files with the same list share it). */
  scope(ns: NamespaceFacts): number {
    const key = ns.usingNamespaces.join('\0');
    let id = this.usingIds.get(key);
    if (id === undefined) this.usingIds.set(key, (id = this.usingIds.size));
    return id;
  }

  get(scope: number, occ: Occurrence, ns: NamespaceFacts): Answer | null {
    const name = occ.name;
    const sep = name.indexOf('::');
    const alias = ns.aliases[sep === -1 ? name : name.slice(0, sep)];
    const declared = sep === -1 ? ns.usingDeclarations[name] : undefined;
    // Falsy alias or declaration: `resolve` ignores it (its checks are truthiness).
    const key = `${occ.role}\0${occ.device ? 'd' : 'h'}\0${name}\0${alias ? String(alias) : ''}\0${declared ? String(declared) : ''}\0${scope}`;
    let a = this.memo.get(key);
    if (a === undefined) {
      const res = resolve(this.catalog, occ, ns);
      a = res ? this.answer(res, occ) : null;
      this.memo.set(key, a);
    }
    return a;
  }

  private answer(res: Resolution, occ: Occurrence): Answer {
    let targets = this.targetsByRule.get(res.rule);
    if (!targets) this.targetsByRule.set(res.rule, (targets = answersFor(res, this.profiles)));
    let bySymbol = this.messages.get(res.rule);
    if (!bySymbol) this.messages.set(res.rule, (bySymbol = new Map()));
    let message = bySymbol.get(res.symbol);
    if (message === undefined) bySymbol.set(res.symbol, (message = messageFor(res.symbol, res, targets)));
    return {
      res,
      ruleId: res.rule?.id ?? null,
      family: res.rule?.family ?? res.inventory?.family ?? res.family ?? 'unknown',
      kind: res.rule?.kind ?? res.inventory?.kind ?? (occ.role === 'include' ? 'header' : 'function'),
      severity: res.rule?.severity ?? severityOf(Object.values(targets).map((t) => t.status)),
      message,
      targets,
    };
  }
}

function findingFor(file: string, occ: Occurrence, a: Answer): Finding {
  const finding: Finding = {
    ruleId: a.ruleId,
    symbol: a.res.symbol,
    family: a.family,
    kind: a.kind,
    ...(a.res.rule?.feature ? { feature: a.res.rule.feature } : {}),
    file,
    line: occ.line,
    column: occ.column,
    endLine: occ.endLine,
    endColumn: occ.endColumn,
    snippet: occ.snippet,
    severity: a.severity,
    message: a.message,
    targets: a.targets,
  };
  if (occ.condition) finding.conditional = occ.condition;
  if (occ.device) finding.device = true;
  if (occ.macro) finding.macro = occ.macro;
  if (a.res.rule?.user) finding.ruleFile = a.res.rule.file;
  return finding;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.symbol, b.symbol) ||
    byCodePoint(a.ruleId ?? '', b.ruleId ?? '')
  );
}

/** `#include "cuda_check.h"` of the project's own header is not a CUDA dependency, whatever its name. */
function isProjectHeader(include: string, pathSuffixes: Map<string, string[]>): boolean {
  return pathSuffixes.has(include.replace(/^(\.\/)+/, ''));
}

/** Every trailing part of every path, to the files it names: a/b/c.h -> a/b/c.h, b/c.h, c.h. */
function suffixes(files: FileFacts[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const key = parts.slice(i).join('/');
      out.set(key, [...(out.get(key) ?? []), f.path]);
    }
  }
  return out;
}

export function matchFacts(files: FileFacts[], catalog: Catalog, profiles: Profile[]): MatchResult {
  const pathSuffixes = suffixes(files);
  const defined = projectNames(files, pathSuffixes, (name) => catalog.bySymbol.has(name) || catalog.inventory.has(name));
  const global = globalNamespaces(files);
  const live = liveNamespaces(catalog);
  const findings: Finding[] = [];
  const kernels: KernelEntry[] = [];
  const targetCode = new Map<string, Partial<Record<Vendor, TargetCodeCount>>>();
  const targets = catalog.recognition.targets ?? [];
  const answers = new Answers(catalog, profiles);
  const vendors = new Map<string, Vendor | null>(); // role\0name -> target vendor (targetVendorOf reads only those)
  const vendorOf = (occ: Occurrence): Vendor | undefined => {
    const key = `${occ.role}\0${occ.name}`;
    let v = vendors.get(key);
    if (v === undefined) vendors.set(key, (v = targetVendorOf(occ, targets) ?? null));
    return v ?? undefined;
  };
  for (const file of files) {
    const ns = withGlobalNamespaces(file.namespaces, global, live);
    const scope = answers.scope(ns);
    const replaced = defined.replacedIn(file);
    const features = new Map<number, Set<string>>(); // finding line -> features
    // Ascend C kernels are declared `__global__ __aicore__`: that __global__ is target code, and so is the kernel.
    const aicoreLines = new Set(file.occurrences.filter((o) => o.name === '__aicore__').map((o) => o.line));
    for (const occ of file.occurrences) {
      if (occ.role === 'include' && isProjectHeader(occ.name, pathSuffixes)) continue;
      const vendor = targets.length ? (occ.name === '__global__' && aicoreLines.has(occ.line) ? 'ascend' : vendorOf(occ)) : undefined;
      if (vendor) {
        let perVendor = targetCode.get(file.path);
        if (!perVendor) targetCode.set(file.path, (perVendor = {}));
        const count = (perVendor[vendor] ??= { uses: 0 });
        count.uses++;
        if (occ.condition && !count.conditions?.includes(occ.condition)) (count.conditions ??= []).push(occ.condition);
        continue;
      }
      const answer = answers.get(scope, occ, ns);
      if (!answer) continue;
      const res = answer.res;
      if (!LANGUAGE_ROLES.has(occ.role)) {
        const known = res.rule !== undefined || res.inventory !== undefined;
        const names = known ? replaced : defined.any;
        if (names.has(occ.name) || names.has(res.symbol)) continue;
      }
      findings.push(findingFor(file.path, occ, answer));
      if (res.rule?.feature) {
        const set = features.get(occ.line) ?? new Set<string>();
        set.add(res.rule.feature);
        features.set(occ.line, set);
      }
    }
    for (const k of file.kernels) {
      if (aicoreLines.has(k.line)) continue;
      const fs = new Set<string>();
      for (const [line, set] of features) if (line >= k.line && line <= k.endLine) for (const f of set) fs.add(f);
      kernels.push({ name: k.name, file: file.path, line: k.line, endLine: k.endLine, lines: k.lines, qualifier: k.qualifier, features: [...fs].sort() });
    }
  }
  findings.sort(compareFindings);
  kernels.sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line);
  for (const perVendor of targetCode.values()) for (const c of Object.values(perVendor)) c.conditions?.sort(byCodePoint);
  return { findings, kernels, targetCode };
}
