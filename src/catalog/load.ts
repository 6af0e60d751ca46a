/**
 * Catalog loading: the only part of the catalog stage that touches the file system.
 * Reads rules/ (shipped) and any --rules directories, parses YAML, and hands the documents to compile.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalog, Profile, RawRuleFile } from '../model/index.js';
import type { OperatorPatternsFile } from '../model/generated/operators.js';
import type { ProfilesFile } from '../model/generated/profiles.js';
import type { RecognitionFile } from '../model/generated/recognition.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { InputError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { readRegularText, RefusedFile } from '../util/read-file.js';
import { parseText, validated, type SchemaName } from '../util/validated.js';
import { compileCatalog, type RuleDocument } from './compile.js';
import { CatalogError } from './errors.js';
import type { Evidence } from './confidence.js';
import { parseCitedSources, parseEvidence } from './evidence.js';
import { parseVendorInventory, type VendorInventory } from './verify.js';

export { PACKAGE_ROOT };
export const SHIPPED_RULES_DIR = join(PACKAGE_ROOT, 'rules');

/** A rule file larger than this is refused (the largest shipped one is well under 1 MB). */
export const MAX_RULE_FILE_SIZE = 64 * 1024 * 1024;

/** A rule file's text: a regular file only, bounded, and inside `root` never through a link out of it. */
function readText(path: string, shown: string, root?: string): string {
  try {
    return readRegularText(path, { maxBytes: MAX_RULE_FILE_SIZE, root });
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    throw new CatalogError(shown, `cannot read: it ${e.reason}`);
  }
}

/** A catalog document through the one loader; a schema error in a rule file names the rule. */
function validatedDocument<T>(schema: SchemaName, text: string, shown: string): T {
  let data: unknown;
  try {
    data = parseText(text, shown, 'yaml');
    return validated<T>(schema, data, shown);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const [top, index, ...rest] = e.path;
    if (schema === 'rules' && top === 'rules' && typeof index === 'number') {
      const id = (data as { rules?: { id?: unknown }[] } | undefined)?.rules?.[index]?.id;
      throw new CatalogError(shown, e.detail, typeof id === 'string' ? id : `#${index + 1}`, rest.length ? rest.join('.') : undefined);
    }
    throw new CatalogError(shown, e.detail, undefined, e.path.length ? e.path.join('.') : undefined);
  }
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The vendor evidence files (rules/inventory/vendor/): which names each cited file holds, what each name's SDKs say. */
export function loadEvidence(rulesDir: string = SHIPPED_RULES_DIR, hash?: { update(text: string): unknown }): Evidence | undefined {
  const dir = join(rulesDir, 'inventory', 'vendor');
  const cited = join(dir, 'cited-sources.tsv');
  const names = join(dir, 'replacement-evidence.tsv');
  if (!existsSync(cited) || !existsSync(names)) return undefined;
  const texts = [readFileSync(cited, 'utf8'), readFileSync(names, 'utf8')];
  for (const t of texts) hash?.update(t);
  return { cited: parseCitedSources(texts[0]!), names: parseEvidence(texts[1]!) };
}

export interface LoadOptions {
  /** Without vendor evidence: answers keep their written status and get no computed confidence (building the evidence). */
  evidence?: false;
  /** Extra rule directories or files (--rules). */
  userRules?: string[];
  /** Directory holding profiles.yaml, recognition.yaml, families/ and inventory/ (defaults to the shipped one). */
  rulesDir?: string;
  /** The scanned root: user rule files inside it are never read through a link out of it. */
  root?: string;
}

export function loadCatalog(options: LoadOptions = {}): Catalog {
  const dir = options.rulesDir ?? SHIPPED_RULES_DIR;
  const hash = createHash('sha256');
  const read = <T>(schema: SchemaName, path: string): T => {
    const shown = relative(PACKAGE_ROOT, path) || path;
    const text = readText(path, shown);
    hash.update(shown).update(text);
    return validatedDocument<T>(schema, text, shown);
  };
  const familyDir = join(dir, 'families');
  const ruleFiles: RuleDocument[] = yamlFilesUnder(familyDir).map((path) => ({
    file: relative(dir, path).split('\\').join('/'),
    data: read<RawRuleFile>('rules', path),
    user: false,
  }));
  for (const userPath of options.userRules ?? []) {
    if (!existsSync(userPath)) throw new CatalogError(userPath, 'rules path does not exist (check --rules or the config file)');
    const paths = statSync(userPath).isDirectory() ? yamlFilesUnder(userPath) : [userPath];
    if (!paths.length) throw new CatalogError(userPath, 'no .yaml rule files in this directory');
    for (const path of paths) {
      const text = readText(path, path, options.root);
      hash.update(text);
      ruleFiles.push({ file: path, data: validatedDocument<RawRuleFile>('rules', text, path), user: true });
    }
  }
  const inventoryPath = join(dir, 'inventory', 'cuda.tsv');
  let inventory: { file: string; text: string } | undefined;
  if (existsSync(inventoryPath)) {
    const text = readFileSync(inventoryPath, 'utf8');
    hash.update(text);
    inventory = { file: 'inventory/cuda.tsv', text };
  }
  const evidence = options.evidence === false ? undefined : loadEvidence(existsSync(join(dir, 'inventory', 'vendor')) ? dir : SHIPPED_RULES_DIR, hash);
  return compileCatalog({
    profiles: { file: 'rules/profiles.yaml', data: read<ProfilesFile>('profiles', join(dir, 'profiles.yaml')) },
    recognition: { file: 'rules/recognition.yaml', data: read<RecognitionFile>('recognition', join(dir, 'recognition.yaml')) },
    vocabulary: read<VocabularyFile>('vocabulary', existsSync(join(dir, 'vocabulary.yaml')) ? join(dir, 'vocabulary.yaml') : join(SHIPPED_RULES_DIR, 'vocabulary.yaml')),
    ruleFiles,
    inventory,
    // A rules folder of its own (tests, forks) may leave the effort weights to the shipped ones.
    effort: read<Record<string, unknown>>('effort', existsSync(join(dir, 'effort.yaml')) ? join(dir, 'effort.yaml') : join(SHIPPED_RULES_DIR, 'effort.yaml')),
    operators: read<OperatorPatternsFile>('operators', existsSync(join(dir, 'operators.yaml')) ? join(dir, 'operators.yaml') : join(SHIPPED_RULES_DIR, 'operators.yaml')),
    version: hash.digest('hex').slice(0, 12),
    evidence,
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
