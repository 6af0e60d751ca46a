/**
 * Catalog coverage: every public Runtime API function has a rule (checked against the committed
 * inventory, and against ../shared/reference/cuda-inventory.tsv when that folder exists);
 * the other libraries' coverage is printed so it can be tracked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRule, inventoryCoverage } from '../../src/catalog/coverage.js';
import { loadCatalog, PACKAGE_ROOT } from '../../src/catalog/load.js';

const catalog = loadCatalog();
const SHARED = join(PACKAGE_ROOT, '..', 'shared', 'reference', 'cuda-inventory.tsv');

function runtimeFunctions(rows: string[][], symbolCol: number, kindCol: number, headerCol: number): string[] {
  return rows
    .filter((c) => c[kindCol] === 'function' && (c[headerCol] ?? '').endsWith('cuda_runtime_api.h') && /^cuda[A-Z]/.test(c[symbolCol] ?? ''))
    .map((c) => c[symbolCol] as string);
}

describe('coverage', () => {
  it('the committed inventory has the Runtime API, and every runtime function has a rule', () => {
    const fns = [...catalog.inventory.values()].filter((e) => e.kind === 'function' && e.header.endsWith('cuda_runtime_api.h') && /^cuda[A-Z]/.test(e.symbol)).map((e) => e.symbol);
    expect(fns.length).toBeGreaterThan(250);
    expect(fns.filter((s) => !hasRule(catalog, s))).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED))('every runtime function of ../shared/reference/cuda-inventory.tsv has a rule', () => {
    const rows = readFileSync(SHARED, 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    const fns = runtimeFunctions(rows, 0, 1, 3);
    expect(fns.length).toBeGreaterThan(250);
    expect(fns.filter((s) => !hasRule(catalog, s))).toEqual([]);
  });

  it('prints the coverage of every library', () => {
    const coverage = inventoryCoverage(catalog);
    expect(coverage.length).toBeGreaterThan(10);
    console.log(coverage.map((c) => `${c.library.padEnd(20)} ${String(c.withRule).padStart(6)}/${String(c.names).padEnd(6)} ${((100 * c.withRule) / c.names).toFixed(1)}%`).join('\n'));
  });
});
