/** Name resolution: namespace aliases, using-directives and using-declarations, then the catalog lookup. */
import type { Catalog, InventoryEntry, NamespaceFacts, Occurrence, Rule } from '../model/index.js';

export interface Resolution {
  /** Canonical name: the catalog's or inventory's spelling when found, else the alias-expanded name. */
  symbol: string;
  rule?: Rule;
  inventory?: InventoryEntry;
  /** Family for an unknown name recognised only by a pattern or a CUDA namespace. */
  family?: string;
}

/** A name the written one may stand for. `using` candidates come from `using namespace X;` only. */
export interface Candidate {
  name: string;
  via: 'written' | 'using';
}

/** Names a written name may stand for, most specific first. */
export function candidateNames(name: string, ns: NamespaceFacts): Candidate[] {
  const parts = name.split('::');
  const head = parts[0] as string;
  const expanded = ns.aliases[head] ? [ns.aliases[head], ...parts.slice(1)].join('::') : name;
  const out: Candidate[] = [{ name: expanded, via: 'written' }];
  if (parts.length === 1 && ns.usingDeclarations[name]) out.push({ name: ns.usingDeclarations[name], via: 'written' });
  for (const u of ns.usingNamespaces) out.push({ name: `${u}::${expanded}`, via: 'using' });
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.name) && seen.add(c.name));
}

/** `a::b::c` -> [`a::b::c`, `a::b`, `a`]: `cub::BlockReduce<..>::TempStorage` is answered by `cub::BlockReduce`. */
function prefixes(name: string): string[] {
  const parts = name.split('::');
  const out: string[] = [];
  for (let i = parts.length; i >= 1; i--) out.push(parts.slice(0, i).join('::'));
  return out;
}

const PLAIN_WORD = /^[a-z][a-z0-9]*$/;

const NEVER = /(?!)/;
const notCudaPatterns = new WeakMap<Catalog, RegExp>();
/** C/C++ and compiler names NVIDIA's headers re-declare (rules/vocabulary.yaml `cpp.notCuda`): never CUDA. */
function notCuda(catalog: Catalog): RegExp {
  let re = notCudaPatterns.get(catalog);
  if (!re) notCudaPatterns.set(catalog, (re = catalog.vocabulary.cpp?.notCuda ? new RegExp(catalog.vocabulary.cpp.notCuda) : NEVER));
  return re;
}

/** Does a rule apply to this use? Context (device/host) and, for plain lowercase type names, the role. */
export function ruleApplies(rule: Rule, occ: Occurrence): boolean {
  if (rule.context === 'device' && !occ.device) return false;
  if (rule.context === 'host' && occ.device) return false;
  // `texture`, `half`, `surface` are common variable names: only their use as a type counts.
  if (rule.kind === 'type' && (occ.role === 'value' || occ.role === 'reference') && PLAIN_WORD.test(occ.name)) return false;
  return true;
}

function exactRule(catalog: Catalog, name: string, occ: Occurrence): Rule | undefined {
  return catalog.bySymbol.get(name)?.find((r) => ruleApplies(r, occ));
}

function prefixRule(catalog: Catalog, name: string, occ: Occurrence): Rule | undefined {
  const header = occ.role === 'include';
  for (const { prefix, rule } of catalog.prefixRules) {
    if ((rule.kind === 'header') === header && name.startsWith(prefix) && ruleApplies(rule, occ)) return rule;
  }
  return undefined;
}

/** `cutlass::sizeof_bits<T>::value` is written `cutlass::sizeof_bits::value`: the trait is the dependency, not its member. */
function traitOf(name: string): string {
  const m = /^(.+::\w+)::(?:value|type)$/.exec(name);
  return m ? (m[1] as string) : name;
}

/** A prefix shorter than the written name only answers for namespaced names (never `a::b` -> `a`). */
function namespacedPrefixes(candidate: string): string[] {
  const all = prefixes(candidate);
  return candidate.includes('::') ? all.filter((n) => n.includes('::')) : all;
}

/**
 * The answer for one use: an exact rule for the longest known name first (`thrust::device_vector` for
 * `thrust::device_vector<T>::iterator`), then prefix rules (`thrust::*`, `cublasXt*`), then the
 * inventory, then CUDA namespaces, then CUDA-looking patterns. Names reached
 * only through `using namespace X;` must match exactly, and an unqualified one must be used as a call
 * or a type: with `using namespace thrust;` a variable `count` is not `thrust::count`.
 */
export function resolve(catalog: Catalog, occ: Occurrence, ns: NamespaceFacts): Resolution | undefined {
  if (occ.role === 'include' || occ.role === 'qualifier' || occ.role === 'syntax') {
    const rule = exactRule(catalog, occ.name, occ) ?? prefixRule(catalog, occ.name, occ);
    if (rule) return { symbol: occ.name, rule };
    if (occ.role === 'include') return { symbol: occ.name, family: 'headers' };
    return { symbol: occ.name, family: 'kernel' };
  }
  if (notCuda(catalog).test(occ.name)) return undefined;
  const candidates = candidateNames(occ.name, ns);
  // `wmma::mem_row_major` under `using namespace nvcuda;` is specific enough; a bare `count` must be a call.
  const usingOk = occ.name.includes('::') || occ.role === 'call' || occ.role === 'type' || occ.role === 'macro-body' || occ.role === 'token';
  const usable = candidates.filter((c) => c.via === 'written' || usingOk);
  for (const { name: candidate } of usable) {
    for (const name of namespacedPrefixes(candidate)) {
      const rule = exactRule(catalog, name, occ);
      if (rule) return { symbol: name, rule };
      // A rule that knows the name but not this use (host code for a device-only rule, `int dim3` as a
      // variable) has the last word: nothing else may report it.
      if (catalog.bySymbol.has(name)) return undefined;
    }
  }
  const written = candidates.filter((c) => c.via === 'written').map((c) => c.name);
  for (const candidate of written) {
    const rule = prefixRule(catalog, candidate, occ);
    if (rule) return { symbol: traitOf(candidate), rule };
  }
  for (const { name: candidate } of usable) {
    for (const name of namespacedPrefixes(candidate)) {
      const inv = catalog.inventory.get(name);
      // A name the C/C++ library declares too (sqrtf, printf) is CUDA's only in device code; its types (size_t,
      // uint32_t) never are.
      if (inv) {
        if (inv.stdOverlap && (!occ.device || inv.kind !== 'function')) return undefined;
        // A name under a CUDA namespace (`cuda::std::min`) is reported as written, not as the namespace.
        return inv.kind === 'namespace' && name !== candidate ? { symbol: traitOf(candidate), inventory: inv } : { symbol: name, inventory: inv };
      }
    }
  }
  for (const candidate of written) {
    const ns2 = catalog.recognition.namespaces.find((n) => candidate.startsWith(n.prefix));
    if (ns2) return { symbol: traitOf(candidate), family: ns2.family };
  }
  const bare = written[0] as string;
  const pattern = catalog.recognition.identifiers.find((x) => x.pattern.test(bare));
  if (pattern) return { symbol: bare, family: pattern.family };
  return undefined;
}
