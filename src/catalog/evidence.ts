/**
 * What the vendor data says about each name the catalog offers as a replacement, gathered into one small table
 * (rules/inventory/vendor/replacement-evidence.tsv) so a catalog load need not read megabytes of inventories:
 * which SDK inventories declare the name, and where a chip does not support it (a documentation support table,
 * a not-implemented stub, an architecture guard: support.tsv). Together with cited-sources.tsv (which names each
 * cited vendor file holds) it decides an answer's confidence (confidence.ts) and per-chip support. Pure.
 */
import type { Catalog } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { hasHeader, hasSymbol, replacementParts, type VendorInventory } from './verify.js';

/** A chip that does not support a name, and the evidence. */
export interface Unsupported {
  chip: string;
  /** The release the evidence was read at (X.Y), or '*' for every release. */
  release: string;
  kind: 'table' | 'stub' | 'guard';
  source: string;
}

export interface NameEvidence {
  /** Inventory files (cann-9.1.tsv …) that declare the name. */
  inventories: string[];
  unsupported: Unsupported[];
}

export type EvidenceTable = Map<string, NameEvidence>;

/** Every name (symbol or header) the catalog's direct and partial replacements are looked up by. */
export function replacementLookups(catalog: Pick<Catalog, 'rules'>): Set<string> {
  const out = new Set<string>();
  for (const rule of catalog.rules) {
    for (const answer of Object.values(rule.answers)) {
      for (const r of answer.replacement ?? []) for (const part of replacementParts(r)) if (part.lookup) out.add(part.lookup);
    }
  }
  return out;
}

/** X.Y of a release string (9.0.1 -> 9.0, 8.5.0 -> 8.5). */
const minor = (release: string): string => release.split('.').slice(0, 2).join('.');

/**
 * The evidence for `names`: each inventory (file name -> parsed) is asked whether it declares the name, and the
 * support rows (support.tsv text) with `supported = no` for the name are kept.
 */
export function computeEvidence(names: Iterable<string>, inventories: ReadonlyMap<string, VendorInventory>, supportText: string): EvidenceTable {
  const wanted = new Set(names);
  const out: EvidenceTable = new Map();
  for (const name of [...wanted].sort(byCodePoint)) {
    const isHeader = /\.(h|hpp|hh|inc)$/.test(name);
    const inventoriesOf = [...inventories].filter(([, inv]) => (isHeader ? hasHeader(inv, name) : hasSymbol(inv, name))).map(([file]) => file).sort(byCodePoint);
    out.set(name, { inventories: inventoriesOf, unsupported: [] });
  }
  // Several documents may describe one name (overloads, API layers): a table that says yes for a chip and release
  // outweighs another that says no, so only a name no table supports there counts as unsupported.
  const supported = new Set<string>();
  let columns: string[] | undefined;
  for (const line of supportText.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cells = line.replace(/\r$/, '').split('\t');
    if (!columns) {
      columns = cells;
      continue;
    }
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    if (!wanted.has(row.symbol as string)) continue;
    if (row.supported === 'yes') supported.add(`${row.symbol}\0${row.chip}\0${row.release ? minor(row.release) : '*'}`);
    if (row.supported !== 'no') continue;
    const kind = row.kind as Unsupported['kind'];
    out.get(row.symbol as string)!.unsupported.push({ chip: row.chip as string, release: kind === 'stub' || !row.release ? '*' : minor(row.release), kind, source: row.source as string });
  }
  for (const [name, e] of out) {
    const seen = new Set<string>();
    e.unsupported = e.unsupported
      .filter((u) => u.kind === 'stub' || !supported.has(`${name}\0${u.chip}\0${u.release}`))
      .sort((a, b) => byCodePoint(a.chip, b.chip) || byCodePoint(a.release, b.release) || byCodePoint(a.kind, b.kind) || byCodePoint(a.source, b.source))
      .filter((u) => {
        const key = `${u.chip}\0${u.release}\0${u.kind}`;
        return !seen.has(key) && seen.add(key) !== undefined;
      });
  }
  return out;
}

const HEADER_LINE = 'name\tinventories\tunsupported';

/** The table as committed: one row per name; unsupported entries `chip@release:kind:source` joined by `;`. */
export function formatEvidence(table: EvidenceTable, provenance: string[]): string {
  const rows = [...table].map(([name, e]) => [name, e.inventories.join(','), e.unsupported.map((u) => `${u.chip}@${u.release}:${u.kind}:${u.source}`).join(';')].join('\t'));
  return `${provenance.map((l) => `# ${l}`).join('\n')}\n${HEADER_LINE}\n${rows.join('\n')}\n`;
}

export function parseEvidence(text: string): EvidenceTable {
  const out: EvidenceTable = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line === HEADER_LINE) continue;
    const [name, inventories, unsupported] = line.split('\t');
    out.set(name as string, {
      inventories: inventories ? inventories.split(',') : [],
      unsupported: unsupported
        ? unsupported.split(';').map((u) => {
          const [where, kind, ...source] = u.split(':');
          const [chip, release] = (where as string).split('@');
          return { chip: chip as string, release: release as string, kind: kind as Unsupported['kind'], source: source.join(':') };
        })
        : [],
    });
  }
  return out;
}

/** cited-sources.tsv: source -> name -> how the name was found in it (identifier, qualified, string …). */
export type CitedSources = Map<string, Map<string, string>>;

export function parseCitedSources(text: string): CitedSources {
  const out: CitedSources = new Map();
  let header = true;
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (header) {
      header = false;
      if (line.startsWith('source\t')) continue;
    }
    const [source, name, match] = line.split('\t');
    if (!source || !name) continue;
    let m = out.get(source);
    if (!m) out.set(source, (m = new Map()));
    m.set(name, match ?? '');
  }
  return out;
}
