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
import {
  counterpartOf, cudaSpecific, DialectVotes, dialectWords, extensionDialect, isTargetDialect, sourceDialectOf, type DialectId, type DialectWords,
  type SourceDialect,
} from './dialect.js';
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
    if (a.source) t.source = Array.isArray(a.source) ? a.source.join('; ') : a.source;
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

/** Inventory kinds as the report names them: an enum type is a type, an enumerator an `enum`. */
const INVENTORY_KINDS: Record<string, string> = { function: 'function', type: 'type', enum: 'type', enumerator: 'enum', macro: 'macro' };
const PLAIN_WORD = /^[a-z][a-z0-9]*$/;
const NAME_KINDS = new Set(['function', 'type', 'enum', 'macro', 'namespace']);
const UPPER_CASE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The kind of one use: what the code does with the name. The inventory's kind when NVIDIA's headers declare the
 * name (a rule may list a function, its handle type and its enumerators together), else the rule's kind when the
 * use agrees with it, else the use's own shape (called: function; in a type position: type; a value: enum).
 */
export function kindOf(res: Resolution, role: Occurrence['role'], catalog: Catalog, qualified = res.symbol.includes('::')): string {
  const rule = res.rule;
  if (role === 'include') return rule?.kind ?? 'header';
  if (role === 'qualifier' || role === 'builtin' || role === 'syntax') return rule?.kind ?? role;
  if (rule && !NAME_KINDS.has(rule.kind)) return rule.kind;
  const inv = res.inventory ?? catalog.inventory.get(res.symbol);
  const invKind = inv ? INVENTORY_KINDS[inv.kind] : undefined;
  // `cublasCreate` is a macro for `cublasCreate_v2`: called, it is a function to the code.
  if (invKind === 'macro' && role === 'call') return 'function';
  if (invKind) return invKind;
  const ruleKind = rule && rule.kind !== 'namespace' ? rule.kind : undefined;
  const exact = rule !== undefined && rule.symbols.includes(res.symbol);
  const last = res.symbol.slice(res.symbol.lastIndexOf('::') + 2);
  switch (role) {
    case 'call':
      if (ruleKind === 'macro' || (UPPER_CASE.test(last) && ruleKind !== 'function')) return 'macro';
      // A constructor call (`Layout(…)`, `half_t(…)`), unless the rule's one kind also covers functions (`cute::make_shape`).
      if (ruleKind === 'type' && exact && (/^[A-Z]/.test(last) || /_t$/.test(last))) return 'type';
      if (ruleKind === 'type' && exact) return 'function';
      if (ruleKind === 'function') return 'function';
      return /^[A-Z][a-z]/.test(last) && !/^[A-Z][a-z]+[A-Z]\w*\(/.test(last) && !rule ? 'type' : 'function';
    case 'type':
      return ruleKind === 'macro' ? 'macro' : 'type';
    case 'value':
      // `thrust::cuda::par`, `thrust::placeholders::_1`: a named object or constant of the library; so is `CU_FILE_X`.
      if (qualified || UPPER_CASE.test(last)) return ruleKind === 'macro' ? 'macro' : 'enum';
      if (ruleKind === 'function' || ruleKind === 'macro' || ruleKind === 'enum') return ruleKind;
      if (ruleKind === 'type' && exact) return 'type';
      return 'enum';
    case 'reference':
      if (UPPER_CASE.test(last)) return ruleKind === 'macro' ? 'macro' : 'enum';
      if (ruleKind === 'function' || ruleKind === 'macro' || ruleKind === 'enum') return ruleKind;
      if (ruleKind === 'type' && exact) return qualified ? 'enum' : 'type';
      return 'enum';
    default:
      if (UPPER_CASE.test(last)) return ruleKind === 'macro' ? 'macro' : 'enum';
      if (ruleKind) return ruleKind;
      if (/_t$/.test(last) || /^[A-Z]/.test(last)) return 'type';
      return 'function';
  }
}

/**
 * Is this use of the name a use of what the catalog knows? A function is used when it is called, handed on
 * (`&f`, an argument) or named in a #define, not as an expression operand (`x == max`: a variable of the code);
 * a type is used in a type position or constructed, not as an operand; a name that only looks like CUDA
 * (`cuda_graphs`, `cusolver_res`) and is used as a value is a variable of the code.
 */
function isUse(res: Resolution, role: Occurrence['role'], kind: string, written: string): boolean {
  if (role !== 'value' && role !== 'reference') return true;
  // A qualified name (`thrust::placeholders::_1`) cannot be a variable of the code.
  if (written.includes('::')) return true;
  const last = res.symbol.slice(res.symbol.lastIndexOf('::') + 2);
  if (kind === 'function') {
    if (role === 'value') return false;
    // A C-library overlap or plain word handed on (`f(x, max)`) is a variable of the code, not a function pointer.
    return !(res.inventory?.stdOverlap || PLAIN_WORD.test(last) || res.rule?.context === 'device');
  }
  if (kind === 'type' && role === 'value') return false;
  if (!res.rule && !res.inventory && !UPPER_CASE.test(last) && !res.symbol.includes('::')) return false;
  return true;
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

  /** The memo key of a use: what `resolve` reads of it and of the namespace facts (see the class comment). */
  private key(scope: number, occ: Occurrence, ns: NamespaceFacts, code: boolean): string {
    const name = occ.name;
    const sep = name.indexOf('::');
    const alias = ns.aliases[sep === -1 ? name : name.slice(0, sep)];
    const declared = sep === -1 ? ns.usingDeclarations[name] : undefined;
    // Falsy alias or declaration: `resolve` ignores it (its checks are truthiness).
    return `${code ? 'c' : 'o'}\0${occ.role}\0${occ.device ? 'd' : 'h'}\0${name}\0${alias ? String(alias) : ''}\0${declared ? String(declared) : ''}\0${scope}`;
  }

  /** `code`: the use is in C/C++ code, where kinds come from the use (build files and Python keep the rule's kind). */
  get(scope: number, occ: Occurrence, ns: NamespaceFacts, code = true): Answer | null {
    const key = this.key(scope, occ, ns, code);
    let a = this.memo.get(key);
    if (a === undefined) {
      const res = resolve(this.catalog, occ, ns);
      if (!res) a = null;
      else if (!code) a = this.answer(res, occ, res.rule?.kind ?? 'function');
      else {
        // `cutlass::sizeof_bits<T>::value` answered as `cutlass::sizeof_bits`: a type trait.
        const trait = res.symbol !== occ.name && occ.name.startsWith(`${res.symbol}::`) && /::(?:value|type)$/.test(occ.name);
        const kind = trait ? 'type' : kindOf(res, occ.role, this.catalog, occ.name.includes('::'));
        a = isUse(res, occ.role, kind, occ.name) ? this.answer(res, occ, kind) : null;
      }
      this.memo.set(key, a);
    }
    return a;
  }

  /**
   * A HIP or MUSA name answered through its CUDA counterpart (hipMalloc as cudaMalloc), reported under its own
   * name in the dialect's family.
   */
  dialect(scope: number, occ: Occurrence, ns: NamespaceFacts, dialect: SourceDialect): Answer | null {
    const counterpart = counterpartOf(occ.name, dialect);
    const role = counterpart === '<<<>>>' ? 'syntax' : occ.role;
    const asCuda: Occurrence | undefined = counterpart ? { ...occ, name: counterpart, role } : undefined;
    const key = `${dialect.id}\0${occ.role}\0${occ.device ? 'd' : 'h'}\0${occ.name}\0${asCuda ? this.key(scope, asCuda, ns, true) : ''}`;
    let a = this.memo.get(key);
    if (a !== undefined) return a;
    const base = asCuda ? this.get(scope, asCuda, ns) : null;
    const targets = base?.targets ?? answersFor({ symbol: occ.name }, this.profiles);
    const as = base ? ` (${dialect.id.toUpperCase()}; as ${base.res.symbol})` : ` (${dialect.id.toUpperCase()})`;
    const lead = base?.res.rule?.message ? base.res.rule.message.replaceAll('{symbol}', occ.name) : occ.name;
    a = {
      res: { ...(base?.res ?? {}), symbol: occ.name },
      ruleId: base?.ruleId ?? null,
      family: dialect.id,
      kind: base?.kind ?? kindOf({ symbol: occ.name }, occ.role, this.catalog),
      severity: base?.severity ?? severityOf(Object.values(targets).map((t) => t.status)),
      message: `${lead}${as} — ${Object.entries(targets).map(([id, t]) => `${id}: ${answerText(t)}`).join('; ')}`,
      targets,
    };
    this.memo.set(key, a);
    return a;
  }

  private answer(res: Resolution, occ: Occurrence, kind: string): Answer {
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
      kind,
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

/** One use, sorted out: target code, a name of another source dialect, or a CUDA answer. */
interface Classified {
  occ: Occurrence;
  vendor?: Vendor;
  source?: SourceDialect;
  answer?: Answer | null;
  /** The answer is spelled so that only CUDA has it (cudaMalloc, thrust::sort): it shows the code is CUDA. */
  specific: boolean;
}

interface FileDialect {
  file: FileFacts;
  uses: Classified[];
  /** Dialect by name or by the names the file uses; undefined when they do not tell. */
  own?: DialectId;
  /** Per #if branch (condition text), the names that show a dialect. */
  branches: Map<string, DialectVotes>;
  /** Read by the C/C++ front end. */
  code: boolean;
  /** A Python file that uses exactly one target's package (torch_npu or torch_mlu). */
  pythonTarget?: Vendor;
}

/** Qualifiers only CUDA and HIP spell so: they show a branch is CUDA, though they are no API. */
const CUDA_QUALIFIERS = new Set(['__device__', '__host__', '__shared__', 'extern __shared__', '__constant__', '__managed__', '__grid_constant__']);

/** Languages read by the C/C++ front end. */
const C_FAMILY = new Set(['cuda', 'cpp', 'c']);

/** Roles that hand a name on or compute with it: in target code such a name is a variable of the code, not a use of the target. */
const VALUE_ROLES = new Set(['value', 'reference']);

export function matchFacts(files: FileFacts[], catalog: Catalog, profiles: Profile[]): MatchResult {
  const pathSuffixes = suffixes(files);
  const defined = projectNames(files, pathSuffixes, (name) => catalog.bySymbol.has(name) || catalog.inventory.has(name));
  const global = globalNamespaces(files);
  const live = liveNamespaces(catalog);
  const findings: Finding[] = [];
  const kernels: KernelEntry[] = [];
  const targetCode = new Map<string, Partial<Record<Vendor, TargetCodeCount>>>();
  const targets = catalog.recognition.targets ?? [];
  const words: DialectWords = dialectWords(catalog.vocabulary);
  const answers = new Answers(catalog, profiles);
  const vendors = new Map<string, Vendor | null>(); // role\0name -> target vendor (targetVendorOf reads only those)
  const vendorOf = (occ: Occurrence): Vendor | undefined => {
    const key = `${occ.role}\0${occ.name}`;
    let v = vendors.get(key);
    if (v === undefined) vendors.set(key, (v = targetVendorOf(occ, targets) ?? null));
    return v ?? undefined;
  };
  const sources = new Map<string, SourceDialect | null>(); // role\0name -> HIP/MUSA dialect of the name
  const sourceOf = (occ: Occurrence): SourceDialect | undefined => {
    const key = `${occ.role === 'include' ? 'i' : 'n'}\0${occ.name}`;
    let d = sources.get(key);
    if (d === undefined) sources.set(key, (d = sourceDialectOf(occ.name, occ.role, words) ?? null));
    return d ?? undefined;
  };
  const specifics = new Map<string, boolean>();
  const isSpecific = (a: Answer, role: string): boolean => {
    const key = `${role === 'include' ? 'i' : 'n'}\0${a.res.symbol}`;
    let v = specifics.get(key);
    if (v === undefined) specifics.set(key, (v = cudaSpecific(a.res.symbol, role, catalog)));
    return v;
  };

  // 1. Sort every use out, and count per file and per #if branch the names that show a dialect.
  const byPath = new Map<string, FileDialect>();
  const scopes = new Map<string, { ns: NamespaceFacts; scope: number }>();
  for (const file of files) {
    const ns = withGlobalNamespaces(file.namespaces, global, live);
    const scope = answers.scope(ns);
    scopes.set(file.path, { ns, scope });
    const code = C_FAMILY.has(file.language);
    const fileVotes = new DialectVotes();
    const branches = new Map<string, DialectVotes>();
    const uses: Classified[] = [];
    const vote = (occ: Occurrence, d: DialectId): void => {
      fileVotes.add(d);
      const key = occ.condition ?? '';
      let b = branches.get(key);
      if (!b) branches.set(key, (b = new DialectVotes()));
      b.add(d);
    };
    for (const occ of file.occurrences) {
      if (occ.role === 'include' && isProjectHeader(occ.name, pathSuffixes)) continue;
      const vendor = targets.length ? vendorOf(occ) : undefined;
      if (vendor) {
        uses.push({ occ, vendor, specific: false });
        vote(occ, vendor);
        continue;
      }
      const source = occ.role === 'qualifier' || occ.role === 'builtin' || occ.role === 'syntax' ? undefined : sourceOf(occ);
      if (source) {
        uses.push({ occ, source, specific: true });
        vote(occ, source.id as DialectId);
        continue;
      }
      const answer = answers.get(scope, occ, ns, code);
      const specific = answer ? isSpecific(answer, occ.role) : false;
      // `__device__`, `__shared__` … are CUDA's (and HIP's): no target kernel language spells them so.
      if (answer && (specific || CUDA_QUALIFIERS.has(occ.name))) vote(occ, 'cuda');
      uses.push({ occ, answer, specific });
    }
    // Python and build files are what they are: their CUDA names are CUDA uses, their target names target uses.
    const own = code ? (extensionDialect(file.path, words) ?? fileVotes.dominant()) : undefined;
    const vendorsHere = new Set(uses.filter((u) => u.vendor && u.occ.name.startsWith('import ')).map((u) => u.vendor as Vendor));
    const pythonTarget = !code && vendorsHere.size === 1 ? [...vendorsHere][0] : undefined;
    byPath.set(file.path, { file, uses, own, branches: code ? branches : new Map(), code, ...(pythonTarget ? { pythonTarget } : {}) });
  }

  // 2. A file whose names do not tell takes the dialect of the project headers it includes, then the project's.
  const owns = [...byPath.values()].map((f) => f.own).filter((d): d is DialectId => d !== undefined);
  let projectDialect: DialectId = 'cuda';
  if (!owns.includes('cuda')) {
    const counts = new Map<DialectId, number>();
    for (const d of owns) counts.set(d, (counts.get(d) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0];
    if (best) projectDialect = best[0];
  }
  const resolved = new Map<string, DialectId>();
  const dialectOfFile = (path: string): DialectId => {
    const known = resolved.get(path);
    if (known) return known;
    const seen = new Set<string>([path]);
    const queue = [path];
    let found: DialectId | undefined;
    while (queue.length && !found) {
      const p = queue.shift() as string;
      const f = byPath.get(p);
      if (f?.own) found = f.own;
      else {
        for (const inc of f?.file.includes ?? []) {
          for (const target of pathSuffixes.get(inc.replace(/^(\.\/)+/, '')) ?? []) {
            if (!seen.has(target)) {
              seen.add(target);
              queue.push(target);
            }
          }
        }
      }
    }
    const d = found ?? projectDialect;
    resolved.set(path, d);
    return d;
  };

  // 3. Findings and target uses, by the dialect of each use.
  const neutral = new Set(catalog.vocabulary.python.neutral ?? []);
  for (const file of files) {
    const fd = byPath.get(file.path) as FileDialect;
    // A Python file that already uses one target's package: its device-neutral names (torch.compile, Triton) are that target's.
    const pythonTarget = fd.code ? undefined : fd.pythonTarget;
    const { ns, scope } = scopes.get(file.path) as { ns: NamespaceFacts; scope: number };
    const replaced = defined.replacedIn(file);
    const fileDialect: DialectId = fd.code ? dialectOfFile(file.path) : 'cuda';
    const features = new Map<number, Set<string>>(); // finding line -> features
    // Ascend C kernels are declared `__global__ __aicore__`: that __global__ is target code, and so is the kernel.
    const aicoreLines = new Set(file.occurrences.filter((o) => o.name === '__aicore__').map((o) => o.line));
    const countTarget = (vendor: Vendor, occ: Occurrence): void => {
      let perVendor = targetCode.get(file.path);
      if (!perVendor) targetCode.set(file.path, (perVendor = {}));
      const count = (perVendor[vendor] ??= { uses: 0 });
      count.uses++;
      if (occ.condition && !count.conditions?.includes(occ.condition)) (count.conditions ??= []).push(occ.condition);
    };
    const dialectAt = (occ: { platform?: string; condition?: string }): DialectId =>
      (occ.platform as DialectId | undefined) ?? fd.branches.get(occ.condition ?? '')?.dominant() ?? fileDialect;
    for (const use of fd.uses) {
      const occ = use.occ;
      if (use.vendor) {
        countTarget(use.vendor, occ);
        continue;
      }
      const dialect = occ.name === '__global__' && aicoreLines.has(occ.line) ? 'ascend' : dialectAt(occ);
      let answer: Answer | null | undefined = use.answer;
      if (use.source) answer = answers.dialect(scope, occ, ns, use.source);
      if (!answer) continue;
      if (pythonTarget && neutral.has(answer.res.symbol)) {
        countTarget(pythonTarget, occ);
        continue;
      }
      if (isTargetDialect(dialect) && !use.specific) {
        // A name the target kernel language shares with CUDA (half, __global__, <<<>>>, expf): the target's own.
        if (!VALUE_ROLES.has(occ.role)) countTarget(dialect, occ);
        continue;
      }
      const res = answer.res;
      if (!LANGUAGE_ROLES.has(occ.role) && !use.source) {
        // Known: a rule or NVIDIA's headers name it exactly. A name known only through its namespace (`cutlass::*`)
        // is hidden by the project's own definition anywhere (a class it defines inside `namespace cutlass {}`).
        const known = (res.rule !== undefined && res.rule.symbols.includes(res.symbol)) || catalog.inventory.has(res.symbol);
        const names = known ? replaced : defined.any;
        if (names.has(occ.name) || names.has(res.symbol)) continue;
      }
      // HIP or MUSA code spelled like CUDA (threadIdx, __syncthreads): reported in the dialect's family.
      if ((dialect === 'hip' || dialect === 'musa') && !use.specific && !use.source) answer = { ...answer, family: dialect };
      findings.push(findingFor(file.path, occ, answer));
      if (res.rule?.feature) {
        const set = features.get(occ.line) ?? new Set<string>();
        set.add(res.rule.feature);
        features.set(occ.line, set);
      }
    }
    for (const k of file.kernels) {
      if (aicoreLines.has(k.line)) continue;
      if (isTargetDialect((k.platform as DialectId | undefined) ?? fileDialect) || pythonTarget) continue;
      const fs = new Set<string>();
      for (const [line, set] of features) if (line >= k.line && line <= k.endLine) for (const f of set) fs.add(f);
      const entry: KernelEntry = { name: k.name, file: file.path, line: k.line, endLine: k.endLine, lines: k.lines, qualifier: k.qualifier, features: [...fs].sort() };
      if (k.signature !== undefined) entry.signature = k.signature;
      if (k.calls?.length) entry.calls = k.calls;
      if (k.hash !== undefined) entry.hash = k.hash;
      if (k.macro) entry.macro = true;
      kernels.push(entry);
    }
  }
  findings.sort(compareFindings);
  kernels.sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line);
  for (const perVendor of targetCode.values()) for (const c of Object.values(perVendor)) c.conditions?.sort(byCodePoint);
  return { findings, kernels, targetCode };
}
