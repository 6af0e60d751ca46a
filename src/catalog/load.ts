/**
 * Catalog loading: the only part of the catalog stage that touches the file system.
 * Reads rules/ (shipped) and any --rules directories, parses YAML, and hands the documents to compile.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Catalog, Profile } from '../model/index.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { compileCatalog, type RuleDocument } from './compile.js';
import { CatalogError } from './errors.js';
import { parseVendorInventory, type VendorInventory } from './verify.js';

export { PACKAGE_ROOT };
export const SHIPPED_RULES_DIR = join(PACKAGE_ROOT, 'rules');
const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');

/**
 * A folder where parsed YAML is kept as JSON, keyed by the file's content: parsing the catalog's YAML is
 * most of a warm re-scan's time, JSON.parse of the same data a fraction of it. Unreadable entries are ignored.
 */
function parsedFromCache(cacheDir: string | undefined, text: string, parse: () => unknown): unknown {
  if (!cacheDir) return parse();
  const file = join(cacheDir, 'yaml', `${createHash('sha1').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // not cached yet, or unreadable: parse and store
  }
  const data = parse();
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // a read-only cache folder only costs speed
  }
  return data;
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CatalogError(shown, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function parseYaml(text: string, shown: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new CatalogError(shown, `invalid YAML${line ? ` at line ${line}` : ''}: ${err.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

function readYaml(path: string, shown: string, cacheDir?: string): unknown {
  const text = readText(path, shown);
  return parsedFromCache(cacheDir, text, () => parseYaml(text, shown));
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface LoadOptions {
  /** Extra rule directories or files (--rules). */
  userRules?: string[];
  /** Directory holding profiles.yaml, recognition.yaml, families/ and inventory/ (defaults to the shipped one). */
  rulesDir?: string;
  /** Cache folder for parsed YAML (the scan's cache folder); none: parse every time. */
  cacheDir?: string;
}

export function loadCatalog(options: LoadOptions = {}): Catalog {
  const dir = options.rulesDir ?? SHIPPED_RULES_DIR;
  const hash = createHash('sha256');
  const read = (path: string): unknown => {
    const shown = relative(PACKAGE_ROOT, path) || path;
    const text = readText(path, shown);
    hash.update(shown).update(text);
    return parsedFromCache(options.cacheDir, text, () => parseYaml(text, shown));
  };
  const familyDir = join(dir, 'families');
  const ruleFiles: RuleDocument[] = yamlFilesUnder(familyDir).map((path) => ({
    file: relative(dir, path).split('\\').join('/'),
    data: read(path),
    user: false,
  }));
  for (const userPath of options.userRules ?? []) {
    if (!existsSync(userPath)) throw new CatalogError(userPath, 'rules path does not exist (check --rules or the config file)');
    const paths = statSync(userPath).isDirectory() ? yamlFilesUnder(userPath) : [userPath];
    if (!paths.length) throw new CatalogError(userPath, 'no .yaml rule files in this directory');
    for (const path of paths) {
      hash.update(readFileSync(path));
      ruleFiles.push({ file: path, data: readYaml(path, path, options.cacheDir), user: true });
    }
  }
  const inventoryPath = join(dir, 'inventory', 'cuda.tsv');
  let inventory: { file: string; text: string } | undefined;
  if (existsSync(inventoryPath)) {
    const text = readFileSync(inventoryPath, 'utf8');
    hash.update(text);
    inventory = { file: 'inventory/cuda.tsv', text };
  }
  const schema = (name: string): object => JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as object;
  return compileCatalog({
    schemas: { rules: schema('rules.schema.json'), profiles: schema('profiles.schema.json') },
    profiles: { file: 'rules/profiles.yaml', data: read(join(dir, 'profiles.yaml')) },
    recognition: { file: 'rules/recognition.yaml', data: read(join(dir, 'recognition.yaml')) },
    ruleFiles,
    inventory,
    version: hash.digest('hex').slice(0, 12),
  });
}

/**
 * The SDK symbol inventories of the given profiles (rules/inventory/vendor/, named by each profile's
 * `inventory` list), keyed by profile id. Profiles without a list are left out.
 */
export function loadVendorInventories(profiles: Profile[], rulesDir: string = SHIPPED_RULES_DIR): Map<string, VendorInventory> {
  const out = new Map<string, VendorInventory>();
  const cache = new Map<string, { file: string; text: string }>();
  for (const profile of profiles) {
    if (!profile.inventory?.length) continue;
    const files = profile.inventory.map((name) => {
      let entry = cache.get(name);
      if (!entry) {
        const path = join(rulesDir, 'inventory', 'vendor', name);
        if (!existsSync(path)) throw new CatalogError('rules/profiles.yaml', `inventory "${name}" of profile ${profile.id} does not exist (expected ${relative(PACKAGE_ROOT, path) || path})`);
        entry = { file: `inventory/vendor/${name}`, text: readFileSync(path, 'utf8') };
        cache.set(name, entry);
      }
      return entry;
    });
    out.set(profile.id, parseVendorInventory(files));
  }
  return out;
}
