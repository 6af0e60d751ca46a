/**
 * The committed evidence table (rules/inventory/vendor/replacement-evidence.tsv) made from the committed catalog,
 * inventories and support data: what scripts/index-replacement-evidence.mjs writes and the staleness test compares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeEvidence, formatEvidence, replacementLookups } from './evidence.js';
import { loadCatalog, SHIPPED_RULES_DIR } from './load.js';
import { parseVendorInventory, type VendorInventory } from './verify.js';

export function evidenceFile(rulesDir: string = SHIPPED_RULES_DIR): string {
  const catalog = loadCatalog({ rulesDir, evidence: false });
  const files = [...new Set([...catalog.profiles, ...catalog.pinned].flatMap((p) => p.inventory))].sort();
  const vendor = join(rulesDir, 'inventory', 'vendor');
  const inventories = new Map<string, VendorInventory>(files.map((f) => [f, parseVendorInventory([{ file: f, text: readFileSync(join(vendor, f), 'utf8') }])]));
  const table = computeEvidence(replacementLookups(catalog), inventories, readFileSync(join(vendor, 'support.tsv'), 'utf8'));
  return formatEvidence(table, [
    'Replacement evidence: for every name the catalog offers as a replacement, the SDK inventories that declare it and',
    'the chips that do not support it (support.tsv: doc tables, stubs, arch guards). Generated from committed files by',
    'scripts/index-replacement-evidence.mjs (npm run update-expected); do not edit. Columns: name, inventories,',
    'unsupported (chip@release:kind:source, `;`-separated; release * = every release).',
  ]);
}
