/** The front end's lexicon, derived from the catalog: which tokens are worth asking the syntax tree about. */
import type { Catalog, Lexicon } from '../model/index.js';

const lastComponent = (name: string): string => name.slice(name.lastIndexOf('::') + 2);

export function buildLexicon(catalog: Catalog): Lexicon {
  const names = new Set<string>();
  const deviceOnly = new Set<string>();
  const add = (symbol: string): void => {
    names.add(symbol);
    if (symbol.includes('::')) names.add(lastComponent(symbol));
  };
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Header rules are matched against #include paths only, never against identifiers (`<vector>` is not a name).
  const headerRules: RegExp[] = [];
  for (const rule of catalog.rules) {
    for (const symbol of rule.symbols) {
      if (rule.kind === 'header') {
        headerRules.push(new RegExp(symbol.endsWith('*') ? `^${escape(symbol.slice(0, -1))}` : `^${escape(symbol)}$`));
        continue;
      }
      if (symbol.endsWith('*')) continue;
      if (rule.context === 'device' && rule.kind === 'function') deviceOnly.add(symbol);
      else add(symbol);
    }
  }
  for (const entry of catalog.inventory.values()) {
    if (entry.stdOverlap) deviceOnly.add(entry.symbol);
    else add(entry.symbol);
  }
  // Namespaced families (cutlass::*, thrust::*) are recognised through their namespace name.
  for (const { prefix } of catalog.recognition.namespaces) add(prefix.split('::')[0] as string);
  // Prefix rules (`__float2int_*`, `cutlass::*`): namespaced ones through their namespace, the rest by pattern.
  const prefixPatterns: RegExp[] = [];
  for (const { prefix, rule } of catalog.prefixRules) {
    if (rule.kind === 'header') continue;
    if (prefix.includes('::')) add(prefix.split('::')[0] as string);
    else prefixPatterns.push(new RegExp(`^${escape(prefix)}`));
  }
  // Target-side code (migration progress): the front end emits it like any other name; the match stage sorts it out.
  const targets = catalog.recognition.targets ?? [];
  for (const t of targets) for (const ns of t.namespaces) add(ns.split('::')[0] as string);
  for (const name of deviceOnly) names.delete(name);
  for (const name of catalog.recognition.ignore) {
    names.delete(name);
    deviceOnly.delete(name);
  }
  return {
    names,
    deviceOnly,
    identifierPatterns: [...catalog.recognition.identifiers.map((x) => x.pattern), ...prefixPatterns, ...targets.flatMap((t) => t.identifiers)],
    headerPatterns: [...headerRules, ...catalog.recognition.headers, ...targets.flatMap((t) => t.headers)],
    vocabulary: catalog.vocabulary,
  };
}
