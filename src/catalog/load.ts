/**
 * Catalog loading: the only part of the catalog stage that touches the file system.
 * Reads rules/ (shipped) and any --rules directories and hands the validated documents to compile.ts.
 *
 * The shipped rules are parsed and validated once, at build time: `npm run build` writes them to
 * dist/catalog.json (`writeCompiledCatalog`), and a run reads that instead of parsing YAML. Staleness check:
 * the compiled file holds a hash of the texts it was made from (every shipped rule file, the inventory and
 * the JSON Schemas that validated them); a run reads the same texts (it hashes them for `catalog.version`
 * anyway) and uses the compiled documents only when the hash is equal, else it parses the YAML as before
 * (development: an edited rule file counts at once). `--rules` files are always parsed and validated.
 * alt: a parsed-YAML cache in the user's cache folder; rejected: a cache entry keyed by the rule file can be
 * planted or stale (issue 18), whereas dist/ is the build itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { buildLexicon } from './lexicon.js';
import { toWire, type WireLexicon } from './lexicon-wire.js';
import { parseVendorInventory, type VendorInventory } from './verify.js';

export { PACKAGE_ROOT };
export const SHIPPED_RULES_DIR = join(PACKAGE_ROOT, 'rules');
/** The compiled form of the shipped rules, written by `npm run build`. */
export const COMPILED_CATALOG = join(PACKAGE_ROOT, 'dist', 'catalog.json');
/** Bumped when the compiled file's layout changes. */
const COMPILED_FORMAT = 1;
/** The schemas the shipped documents are validated against: a changed schema makes the compiled file stale. */
const SCHEMA_FILES = ['rules', 'profiles', 'recognition', 'vocabulary', 'effort', 'operators'].map((s) => join(PACKAGE_ROOT, 'schemas', `${s}.schema.json`));

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

export interface LoadOptions {
  /** Without vendor evidence: answers keep their written status and get no computed confidence (building the evidence). */
  evidence?: false;
  /** Extra rule directories or files (--rules). */
  userRules?: string[];
  /** Directory holding profiles.yaml, recognition.yaml, families/ and inventory/ (defaults to the shipped one). */
  rulesDir?: string;
  /** The scanned root: user rule files inside it are never read through a link out of it. */
  root?: string;
  /** Parse the YAML even when a fresh compiled catalog exists (the build step, tests of the YAML path). */
  yaml?: boolean;
  /** The compiled file to try (default: dist/catalog.json for the shipped rules; none for another rules folder). */
  compiled?: string;
}

/** One file a catalog is made from; its bytes are read on first use (once per load). */
interface Source {
  path: string;
  /** As shown in messages (relative to the package root). */
  shown: string;
  bytes?: Buffer;
}

function bytesOf(s: Source): Buffer {
  if (!s.bytes) {
    try {
      s.bytes = readFileSync(s.path);
    } catch (e) {
      throw new CatalogError(s.shown, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return s.bytes;
}
const textOf = (s: Source): string => bytesOf(s).toString('utf8');

/** The files of a rules directory: they make the catalog version and the compiled file's key. */
interface Sources {
  families: Source[];
  profiles: Source;
  recognition: Source;
  vocabulary: Source;
  effort: Source;
  operators: Source;
  inventory?: Source;
  /** rules/inventory/vendor/{cited-sources,replacement-evidence}.tsv: confidence and per-chip support. */
  evidence?: { cited: Source; names: Source };
}

function sourcesOf(dir: string): Sources {
  const source = (path: string): Source => ({ path, shown: relative(PACKAGE_ROOT, path) || path });
  const orShipped = (name: string): string => (existsSync(join(dir, name)) ? join(dir, name) : join(SHIPPED_RULES_DIR, name));
  const inventoryPath = join(dir, 'inventory', 'cuda.tsv');
  // A rules folder without vendor evidence of its own (tests, forks) is judged by the shipped evidence.
  const vendorDir = join(existsSync(join(dir, 'inventory', 'vendor')) ? dir : SHIPPED_RULES_DIR, 'inventory', 'vendor');
  const cited = join(vendorDir, 'cited-sources.tsv');
  const names = join(vendorDir, 'replacement-evidence.tsv');
  const evidence = existsSync(cited) && existsSync(names) ? { cited: source(cited), names: source(names) } : undefined;
  return {
    families: yamlFilesUnder(join(dir, 'families')).map(source),
    profiles: source(join(dir, 'profiles.yaml')),
    recognition: source(join(dir, 'recognition.yaml')),
    vocabulary: source(orShipped('vocabulary.yaml')),
    // A rules folder of its own (tests, forks) may leave the effort weights to the shipped ones.
    effort: source(orShipped('effort.yaml')),
    operators: source(orShipped('operators.yaml')),
    ...(evidence ? { evidence } : {}),
    ...(existsSync(inventoryPath) ? { inventory: { path: inventoryPath, shown: 'inventory/cuda.tsv' } } : {}),
  };
}

const allOf = (s: Sources): Source[] => [
  ...s.families, s.profiles, s.recognition, s.vocabulary, s.effort, s.operators,
  ...(s.inventory ? [s.inventory] : []), ...(s.evidence ? [s.evidence.cited, s.evidence.names] : []),
];

/** The vendor evidence files (rules/inventory/vendor/): which names each cited file holds, what each name's SDKs say. */
function evidenceOf(sources: Sources): Evidence | undefined {
  const e = sources.evidence;
  return e ? { cited: parseCitedSources(textOf(e.cited)), names: parseEvidence(textOf(e.names)) } : undefined;
}

/** The vendor evidence of a rules folder (the shipped one by default). */
export function loadEvidence(rulesDir: string = SHIPPED_RULES_DIR): Evidence | undefined {
  return evidenceOf(sourcesOf(rulesDir));
}

/**
 * The catalog version (unchanged definition, so reports keep their catalogVersion): sha256 over the family
 * files (name and text), the --rules texts, the inventory, the vendor evidence, then profiles, recognition,
 * vocabulary, effort and operators (name and text). Also the digest of the same without --rules, which keys the compiled file.
 */
function versionHashes(sources: Sources, userTexts: Buffer[]): { version: string; shipped: string } {
  const shipped = createHash('sha256');
  for (const s of sources.families) shipped.update(s.shown).update(bytesOf(s));
  const withUser = userTexts.length ? shipped.copy() : undefined;
  for (const t of userTexts) withUser!.update(t);
  const rest = [sources.profiles, sources.recognition, sources.vocabulary, sources.effort, sources.operators];
  for (const h of withUser ? [shipped, withUser] : [shipped]) {
    if (sources.inventory) h.update(bytesOf(sources.inventory));
    if (sources.evidence) h.update(bytesOf(sources.evidence.cited)).update(bytesOf(sources.evidence.names));
    for (const s of rest) h.update(s.shown).update(bytesOf(s));
  }
  const shippedDigest = shipped.digest('hex');
  return { version: (withUser ? withUser.digest('hex') : shippedDigest).slice(0, 12), shipped: shippedDigest };
}

/** What a compiled catalog must have been made from: its format, the schemas and every shipped text (by name). */
function compiledKey(sources: Sources, shippedDigest: string): string {
  const hash = createHash('sha256').update(`ascendify compiled catalog ${COMPILED_FORMAT}\0`);
  for (const path of SCHEMA_FILES) hash.update(existsSync(path) ? readFileSync(path) : 'missing').update('\0');
  // The digest covers the texts; the names and their order are added so that a renamed file changes the key.
  return hash.update(shippedDigest).update([...sources.families, sources.inventory].map((s) => s?.shown ?? '').join('\0')).digest('hex');
}

/**
 * The metadata of every file the compiled catalog depends on (names, sizes, inode, modification and change
 * times), as one hash: when it is what the build recorded, no file changed since, and nothing needs to be read.
 */
function stampsOf(sources: Sources): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const path of [...allOf(sources).map((s) => s.path), ...SCHEMA_FILES]) {
      const st = statSync(path, { bigint: true });
      hash.update(`${relative(PACKAGE_ROOT, path)}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\n`);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** The validated documents of the shipped rules, as the compiled files store them. */
interface Head {
  profiles: ProfilesFile;
  recognition: RecognitionFile;
  vocabulary: VocabularyFile;
  effort: Record<string, unknown>;
  operators: OperatorPatternsFile;
}
type Families = { file: string; data: RawRuleFile }[];

/** dist/catalog.json: what every run reads. */
interface CompiledHead {
  format: number;
  key: string;
  /** The shipped catalog version. */
  version: string;
  /** `stampsOf` at build time. */
  stamps: string;
  documents: Head;
}

/** dist/catalog-rules.json: the rule files, read when a command first needs a rule. */
interface CompiledRules {
  format: number;
  key: string;
  families: Families;
}

const rulesFileOf = (head: string): string => head.replace(/\.json$/, '-rules.json');
const lexiconFileOf = (head: string): string => head.replace(/\.json$/, '-lexicon.json');

/** dist/catalog-lexicon.json: the front end's lexicon of the shipped catalog, as the parse workers get it. */
interface CompiledLexicon {
  format: number;
  key: string;
  /** The modules that make a lexicon: a changed one (a development build) makes the file stale. */
  code: string;
  wire: WireLexicon;
}

/** The lexicon code of the running build (empty when its files are not .js: under the test runner). */
function lexiconCode(): string {
  const hash = createHash('sha256');
  for (const m of ['./lexicon.js', './lexicon-wire.js']) {
    try {
      hash.update(readFileSync(fileURLToPath(new URL(m, import.meta.url))));
    } catch {
      return '';
    }
  }
  return hash.digest('hex');
}

/** Catalogs loaded from fresh compiled files, and where their compiled lexicon lives. */
const compiledLexicons = new WeakMap<Catalog, { file: string; key: string }>();

/**
 * The lexicon of a catalog loaded from the compiled files without --rules, as the build wrote it (in the form
 * parse workers are sent); undefined otherwise, or when the file is missing, stale or damaged (then build it).
 */
export function compiledLexicon(catalog: Catalog): WireLexicon | undefined {
  const c = compiledLexicons.get(catalog);
  if (!c) return undefined;
  const l = readJson<CompiledLexicon>(c.file);
  const code = lexiconCode();
  if (!l || l.format !== COMPILED_FORMAT || l.key !== c.key || !code || l.code !== code || !l.wire || !Array.isArray(l.wire.names)) return undefined;
  return l.wire;
}

function parseHead(sources: Sources): Head {
  const doc = <T>(schema: SchemaName, s: Source): T => validatedDocument<T>(schema, textOf(s), s.shown);
  return {
    profiles: doc<ProfilesFile>('profiles', sources.profiles),
    recognition: doc<RecognitionFile>('recognition', sources.recognition),
    vocabulary: doc<VocabularyFile>('vocabulary', sources.vocabulary),
    effort: doc<Record<string, unknown>>('effort', sources.effort),
    operators: doc<OperatorPatternsFile>('operators', sources.operators),
  };
}

function parseFamilies(dir: string, sources: Sources): Families {
  return sources.families.map((s) => ({ file: relative(dir, s.path).split('\\').join('/'), data: validatedDocument<RawRuleFile>('rules', textOf(s), s.shown) }));
}

function readJson<T>(file: string): Partial<T> | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null ? (v as Partial<T>) : undefined;
  } catch {
    return undefined; // not built (tsc alone), unreadable or damaged: parse the YAML
  }
}

const wellFormedHead = (h: Partial<CompiledHead> | undefined): h is CompiledHead =>
  !!h && h.format === COMPILED_FORMAT && typeof h.key === 'string' && typeof h.version === 'string' && typeof h.stamps === 'string' &&
  !!h.documents && [h.documents.profiles, h.documents.recognition, h.documents.vocabulary, h.documents.effort, h.documents.operators].every((x) => typeof x === 'object' && x !== null);

/** The compiled rule files, when the rules file holds them under this key (else undefined: parse the YAML). */
function compiledFamilies(file: string, key: string, sources: Sources): Families | undefined {
  const r = readJson<CompiledRules>(file);
  const ok = !!r && r.format === COMPILED_FORMAT && r.key === key && Array.isArray(r.families) && r.families.length === sources.families.length &&
    r.families.every((f) => typeof f?.file === 'string' && Array.isArray(f.data?.rules));
  return ok ? (r.families as Families) : undefined;
}

/** How the last catalog was loaded (tests and the bench): from the compiled files or by parsing YAML. */
export let lastLoad: 'compiled' | 'yaml' = 'yaml';

export function loadCatalog(options: LoadOptions = {}): Catalog {
  const dir = options.rulesDir ?? SHIPPED_RULES_DIR;
  const sources = sourcesOf(dir);
  const compiledFile = options.yaml ? undefined : options.compiled ?? (dir === SHIPPED_RULES_DIR ? COMPILED_CATALOG : undefined);
  const head = compiledFile ? readJson<CompiledHead>(compiledFile) : undefined;
  const user: RuleDocument[] = [];
  const userTexts: Buffer[] = [];
  for (const userPath of options.userRules ?? []) {
    if (!existsSync(userPath)) throw new CatalogError(userPath, 'rules path does not exist (check --rules or the config file)');
    const paths = statSync(userPath).isDirectory() ? yamlFilesUnder(userPath) : [userPath];
    if (!paths.length) throw new CatalogError(userPath, 'no .yaml rule files in this directory');
    for (const path of paths) {
      const text = readText(path, path, options.root);
      userTexts.push(Buffer.from(text, 'utf8'));
      user.push({ file: path, data: validatedDocument<RawRuleFile>('rules', text, path), user: true });
    }
  }
  // Fresh by metadata (nothing read), else by content (the texts hashed), else not fresh: parse the YAML.
  let version: string;
  let fresh = false;
  if (wellFormedHead(head) && !userTexts.length && stampsOf(sources) === head.stamps) {
    version = head.version;
    fresh = true;
  } else {
    const h = versionHashes(sources, userTexts);
    version = h.version;
    fresh = wellFormedHead(head) && head.key === compiledKey(sources, h.shipped);
  }
  lastLoad = fresh ? 'compiled' : 'yaml';
  const docs = fresh ? (head as CompiledHead).documents : parseHead(sources);
  const families = (): Families => (fresh ? compiledFamilies(rulesFileOf(compiledFile!), (head as CompiledHead).key, sources) : undefined) ?? parseFamilies(dir, sources);
  const shipped = (): RuleDocument[] => families().map((f) => ({ file: f.file, data: f.data, user: false }));
  const inv = sources.inventory;
  const catalog = compileCatalog({
    profiles: { file: 'rules/profiles.yaml', data: docs.profiles },
    recognition: { file: 'rules/recognition.yaml', data: docs.recognition },
    vocabulary: docs.vocabulary,
    // The compiled rules were compiled once at build time: compiled again on first use only. With --rules, at
    // once, so that a user rule file's mistakes surface here.
    ruleFiles: fresh && !user.length ? shipped : [...shipped(), ...user],
    inventory: inv ? { file: inv.shown, text: fresh ? () => textOf(inv) : textOf(inv) } : undefined,
    effort: docs.effort,
    operators: docs.operators,
    version,
    evidence: options.evidence === false ? undefined : () => evidenceOf(sources),
  });
  if (fresh && !user.length) compiledLexicons.set(catalog, { file: lexiconFileOf(compiledFile!), key: (head as CompiledHead).key });
  return catalog;
}

/**
 * The build step (`npm run build` runs scripts/build-catalog.mjs): parse and validate the shipped rules and
 * write them, compiled and keyed by their texts, to dist/catalog.json (profiles, recognition, vocabulary, effort
 * weights, the version, and the files' metadata), dist/catalog-rules.json (the rule files) and
 * dist/catalog-lexicon.json (the front end's lexicon, as parse workers get it). A malformed rule file fails the
 * build. Returns the path of the first.
 */
export function writeCompiledCatalog(file = COMPILED_CATALOG, rulesDir = SHIPPED_RULES_DIR): string {
  const sources = sourcesOf(rulesDir);
  const documents = parseHead(sources);
  const families = parseFamilies(rulesDir, sources);
  // Compiled as a run would (duplicate ids, unknown profiles, a malformed inventory fail the build).
  const catalog = compileCatalog({
    profiles: { file: 'rules/profiles.yaml', data: documents.profiles },
    recognition: { file: 'rules/recognition.yaml', data: documents.recognition },
    vocabulary: documents.vocabulary,
    ruleFiles: families.map((f) => ({ ...f, user: false })),
    inventory: sources.inventory ? { file: sources.inventory.shown, text: textOf(sources.inventory) } : undefined,
    effort: documents.effort,
    operators: documents.operators,
    version: 'build',
    evidence: evidenceOf(sources),
  });
  const lexicon = toWire(buildLexicon(catalog));
  const { version, shipped } = versionHashes(sources, []);
  const key = compiledKey(sources, shipped);
  const write = (path: string, value: unknown): void => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, path);
  };
  write(rulesFileOf(file), { format: COMPILED_FORMAT, key, families } satisfies CompiledRules);
  write(lexiconFileOf(file), { format: COMPILED_FORMAT, key, code: lexiconCode(), wire: lexicon } satisfies CompiledLexicon);
  write(file, { format: COMPILED_FORMAT, key, version, stamps: stampsOf(sources) ?? '', documents } satisfies CompiledHead);
  return file;
}

/** Whether the compiled files are present and match the rule files by content (the staleness check; tests). */
export function compiledCatalogState(file = COMPILED_CATALOG, rulesDir = SHIPPED_RULES_DIR): 'fresh' | 'stale' | 'missing' {
  if (!existsSync(file)) return 'missing';
  const sources = sourcesOf(rulesDir);
  const head = readJson<CompiledHead>(file);
  if (!wellFormedHead(head) || head.key !== compiledKey(sources, versionHashes(sources, []).shipped)) return 'stale';
  return compiledFamilies(rulesFileOf(file), head.key, sources) ? 'fresh' : 'stale';
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
