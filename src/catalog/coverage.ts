/** How much of the CUDA surface (the inventory of NVIDIA's header names) the rules answer. */
import type { Catalog } from '../model/index.js';
import { byCodePoint } from '../util/order.js';

/** Does any rule answer this name (exactly or by prefix)? */
export function hasRule(catalog: Catalog, symbol: string): boolean {
  return catalog.bySymbol.has(symbol) || catalog.prefixRules.some((p) => p.rule.kind !== 'header' && symbol.startsWith(p.prefix));
}

/** Per inventory library: how many of its names have a rule. */
export function inventoryCoverage(catalog: Catalog): { library: string; names: number; withRule: number }[] {
  const byLib = new Map<string, { names: number; withRule: number }>();
  for (const entry of catalog.inventory.values()) {
    const c = byLib.get(entry.library) ?? { names: 0, withRule: 0 };
    c.names++;
    if (hasRule(catalog, entry.symbol)) c.withRule++;
    byLib.set(entry.library, c);
  }
  return [...byLib].map(([library, c]) => ({ library, ...c })).sort((a, b) => byCodePoint(a.library, b.library));
}
