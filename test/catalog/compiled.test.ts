/**
 * The compiled catalog (dist/catalog.json, written by `npm run build`): used only while it matches the rule files
 * it was made from; an edited rule file, schema change or damaged file falls back to parsing the YAML, which gives
 * the same catalog and version.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/catalog/errors.js';
import * as load from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/index.js';

let rules: string;
let compiled: string;
const temp = mkdtempSync(join(tmpdir(), 'ascendify-compiled-'));

/** A rules folder of its own: the shipped documents (not the vendor inventories, which the catalog does not read). */
beforeAll(() => {
  rules = join(temp, 'rules');
  for (const f of ['families', 'profiles.yaml', 'recognition.yaml', 'vocabulary.yaml', 'effort.yaml']) cpSync(join(load.SHIPPED_RULES_DIR, f), join(rules, f), { recursive: true });
  mkdirSync(join(rules, 'inventory'));
  cpSync(join(load.SHIPPED_RULES_DIR, 'inventory', 'cuda.tsv'), join(rules, 'inventory', 'cuda.tsv'));
  compiled = join(temp, 'catalog.json');
  load.writeCompiledCatalog(compiled, rules);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** What a catalog answers, comparable. */
const answers = (c: Catalog): string => JSON.stringify({ version: c.version, rules: c.rules, profiles: c.profiles, inventory: c.inventory.size, effort: c.effortDefaults, vocabulary: c.vocabulary });

describe('compiled catalog', () => {
  it('is used when fresh, and gives the catalog (and version) the YAML gives', () => {
    expect(load.compiledCatalogState(compiled, rules)).toBe('fresh');
    const fast = load.loadCatalog({ rulesDir: rules, compiled });
    expect(load.lastLoad).toBe('compiled');
    const slow = load.loadCatalog({ rulesDir: rules, yaml: true });
    expect(load.lastLoad).toBe('yaml');
    expect(answers(fast)).toBe(answers(slow));
  });

  it('an edited rule file makes it stale: the YAML answers, with the edit', () => {
    const file = join(rules, 'families', 'runtime.yaml');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain('allocate device memory and copy explicitly.');
    try {
      writeFileSync(file, original.replace('allocate device memory and copy explicitly.', 'Edited after the build;'));
      expect(load.compiledCatalogState(compiled, rules)).toBe('stale');
      const c = load.loadCatalog({ rulesDir: rules, compiled });
      expect(load.lastLoad).toBe('yaml');
      expect(c.bySymbol.get('cudaMallocManaged')?.[0]?.answers['ascend-910b']?.note).toContain('Edited after the build;');
    } finally {
      writeFileSync(file, original);
    }
    expect(load.compiledCatalogState(compiled, rules)).toBe('fresh');
  });

  it('a damaged or foreign compiled file is not an error: the YAML answers', () => {
    const damaged = join(temp, 'damaged.json');
    writeFileSync(damaged, readFileSync(compiled, 'utf8').slice(0, 1000));
    const c = load.loadCatalog({ rulesDir: rules, compiled: damaged });
    expect(load.lastLoad).toBe('yaml');
    expect(c.version).toBe(load.loadCatalog({ rulesDir: rules, compiled }).version);
    // Well-formed, another key (built from other rules): not used.
    const foreign = join(temp, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ ...JSON.parse(readFileSync(compiled, 'utf8')), key: 'another' }));
    load.loadCatalog({ rulesDir: rules, compiled: foreign });
    expect(load.lastLoad).toBe('yaml');
  });

  it('--rules files are always parsed and validated', () => {
    const bad = join(temp, 'bad.yaml');
    writeFileSync(bad, 'family: extra\nrules:\n  - id: x\n    symbols: [fooThing]\n');
    expect(() => load.loadCatalog({ rulesDir: rules, compiled, userRules: [bad] })).toThrow(CatalogError);
  });

  it('the build writes one for the shipped rules', () => {
    const shipped = join(temp, 'shipped.json');
    load.writeCompiledCatalog(shipped);
    expect(load.compiledCatalogState(shipped)).toBe('fresh');
  });
});
