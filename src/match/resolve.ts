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

/** Names a written name may stand for, most specific first. */
export function candidateNames(name: string, ns: NamespaceFacts): string[] {
  const parts = name.split('::');
  const head = parts[0] as string;
  const expanded = ns.aliases[head] ? [ns.aliases[head], ...parts.slice(1)].join('::') : name;
  const out = [expanded];
  if (parts.length === 1 && ns.usingDeclarations[name]) out.push(ns.usingDeclarations[name]);
  for (const u of ns.usingNamespaces) out.push(`${u}::${expanded}`);
  // A qualified name under an aliased namespace can itself be an alias target (`cg::` -> `cooperative_groups::`).
  return [...new Set(out)];
}

/** `a::b::c` -> [`a::b::c`, `a::b`, `a`]: `cub::BlockReduce<..>::TempStorage` is answered by `cub::BlockReduce`. */
function prefixes(name: string): string[] {
  const parts = name.split('::');
  const out: string[] = [];
  for (let i = parts.length; i >= 1; i--) out.push(parts.slice(0, i).join('::'));
  return out;
}

const PLAIN_WORD = /^[a-z][a-z0-9]*$/;

/** Does a rule apply to this use? Context (device/host) and, for plain lowercase type names, the role. */
export function ruleApplies(rule: Rule, occ: Occurrence): boolean {
  if (rule.context === 'device' && !occ.device) return false;
  if (rule.context === 'host' && occ.device) return false;
  // `texture`, `half`, `surface` are common variable names: only their use as a type counts.
  if (rule.kind === 'type' && occ.role === 'value' && rule.symbols.some((s) => PLAIN_WORD.test(s))) return false;
  return true;
}

function ruleFor(catalog: Catalog, name: string, occ: Occurrence): Rule | undefined {
  const exact = catalog.bySymbol.get(name)?.find((r) => ruleApplies(r, occ));
  if (exact) return exact;
  const header = occ.role === 'include';
  for (const { prefix, rule } of catalog.prefixRules) {
    if ((rule.kind === 'header') === header && name.startsWith(prefix) && ruleApplies(rule, occ)) return rule;
  }
  return undefined;
}

export function resolve(catalog: Catalog, occ: Occurrence, ns: NamespaceFacts): Resolution | undefined {
  if (occ.role === 'include' || occ.role === 'qualifier' || occ.role === 'syntax') {
    const rule = ruleFor(catalog, occ.name, occ);
    if (rule) return { symbol: occ.name, rule };
    if (occ.role === 'include') return { symbol: occ.name, family: 'headers' };
    return { symbol: occ.name, family: 'kernel' };
  }
  const candidates = candidateNames(occ.name, ns);
  for (const candidate of candidates) {
    for (const name of prefixes(candidate)) {
      // A prefix shorter than the written name only answers for namespaced names (never `a::b` -> `a`).
      if (name !== candidate && !name.includes('::') && candidate.includes('::')) break;
      const rule = ruleFor(catalog, name, occ);
      if (rule) return { symbol: name === candidate ? candidate : name, rule };
      // A rule that knows the name but not this use (host code for a device-only rule, `int dim3` as a
      // variable) has the last word: the inventory must not report it anyway.
      if (catalog.bySymbol.has(name)) return undefined;
      const inv = catalog.inventory.get(name);
      if (inv) {
        if (inv.stdOverlap && !occ.device) return undefined;
        return { symbol: name, inventory: inv };
      }
    }
  }
  for (const candidate of candidates) {
    const ns2 = catalog.recognition.namespaces.find((n) => candidate.startsWith(n.prefix));
    if (ns2) return { symbol: candidate, family: ns2.family };
  }
  const bare = candidates[0] as string;
  const pattern = catalog.recognition.identifiers.find((x) => x.pattern.test(bare));
  if (pattern) return { symbol: bare, family: pattern.family };
  return undefined;
}
