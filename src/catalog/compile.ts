/**
 * Turns validated rule, profile, recognition and inventory data into the compiled Catalog.
 * Pure: load.ts does the reading and hands the parsed documents over.
 */
import type {
  Catalog, InventoryEntry, Profile, RawAnswer, RawRule, RawRuleFile, Recognition, Rule, Vendor,
} from '../model/index.js';
import type { ProfilesFile } from '../model/generated/profiles.js';
import type { RecognitionFile } from '../model/generated/recognition.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { VENDORS } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { CatalogError } from './errors.js';

/** A rule file, validated against schemas/rules.schema.json. */
export interface RuleDocument {
  /** Path shown in messages and reports (relative to the rules directory, or as given for user rules). */
  file: string;
  data: RawRuleFile;
  user: boolean;
}

/** The validated documents a catalog is compiled from (load.ts reads and validates them). */
export interface CatalogSources {
  profiles: { file: string; data: ProfilesFile };
  recognition: { file: string; data: RecognitionFile };
  /**
   * The rule files, or a function that gives them: then the rules are compiled on first use (a compiled catalog's,
   * which the build compiled once already, so that a command that reads no rule never pays for them).
   */
  ruleFiles: RuleDocument[] | (() => RuleDocument[]);
  /** The CUDA inventory (TSV). A function: read and parsed on first use (a compiled catalog's, parsed at build time). */
  inventory?: { file: string; text: string | (() => string) };
  /** rules/effort.yaml, validated: the default effort weights. */
  effort: Record<string, unknown>;
  /** rules/vocabulary.yaml, validated. */
  vocabulary: VocabularyFile;
  version: string;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The answer a profile gives: its own override, else the vendor answer; `since` newer than its SDK makes it none. */
function resolveAnswer(vendorAnswer: RawRule['targets'][Vendor], profile: Profile): RawAnswer {
  const { profiles, ...base } = vendorAnswer;
  const answer: RawAnswer = { ...(profiles?.[profile.id] ?? base) };
  if (!answer.confidence) answer.confidence = answer.source ? 'confirmed' : 'uncertain';
  if (answer.since && compareVersions(answer.since, profile.sdk.version) > 0 && answer.status !== 'none') {
    const what = answer.replacement?.length ? answer.replacement.join(', ') : 'The replacement';
    return {
      ...answer,
      status: 'none',
      note: `${what} needs ${profile.sdk.name} ${answer.since}; ${profile.id} targets ${profile.sdk.name} ${profile.sdk.version}.${answer.note ? ` ${answer.note}` : ''}`,
    };
  }
  return answer;
}

function compileRule(raw: RawRule, file: RawRuleFile, doc: RuleDocument, profiles: Profile[]): Rule {
  const answers: Record<string, RawAnswer> = {};
  for (const vendor of VENDORS) {
    const vendorAnswer = raw.targets[vendor];
    for (const key of Object.keys(vendorAnswer.profiles ?? {})) {
      const profile = profiles.find((p) => p.id === key);
      if (!profile) throw new CatalogError(doc.file, `unknown profile "${key}" (known: ${profiles.map((p) => p.id).join(', ')})`, raw.id, `targets.${vendor}.profiles`);
      if (profile.vendor !== vendor) throw new CatalogError(doc.file, `profile "${key}" belongs to ${profile.vendor}, not ${vendor}`, raw.id, `targets.${vendor}.profiles`);
    }
    const check = (a: RawAnswer, where: string): void => {
      if ((a.status === 'direct' || a.status === 'partial') && !a.replacement?.length) {
        throw new CatalogError(doc.file, `status ${a.status} needs a replacement`, raw.id, `${where}.replacement`);
      }
    };
    check(vendorAnswer, `targets.${vendor}`);
    for (const [key, a] of Object.entries(vendorAnswer.profiles ?? {})) check(a, `targets.${vendor}.profiles.${key}`);
    for (const profile of profiles.filter((p) => p.vendor === vendor)) answers[profile.id] = resolveAnswer(vendorAnswer, profile);
  }
  const rule: Rule = {
    id: raw.id,
    symbols: raw.symbols,
    kind: raw.kind,
    family: raw.family ?? file.family,
    context: raw.context ?? 'any',
    file: doc.file,
    user: doc.user,
    override: raw.override ?? false,
    answers,
  };
  if (raw.feature) rule.feature = raw.feature;
  if (raw.severity) rule.severity = raw.severity;
  if (raw.message) rule.message = raw.message;
  if (raw.url) rule.url = raw.url;
  return rule;
}

function compileProfiles(src: CatalogSources['profiles']): { profiles: Profile[]; defaults: Record<Vendor, string> } {
  const data = src.data;
  const ids = new Set<string>();
  for (const p of data.profiles) {
    if (ids.has(p.id)) throw new CatalogError(src.file, `duplicate profile id "${p.id}"`);
    ids.add(p.id);
  }
  for (const vendor of VENDORS) {
    const def = data.vendors[vendor].default;
    if (!data.profiles.some((p) => p.id === def && p.vendor === vendor)) {
      throw new CatalogError(src.file, `default profile "${def}" of ${vendor} is not one of its profiles`, undefined, `vendors.${vendor}.default`);
    }
  }
  return { profiles: data.profiles, defaults: { ascend: data.vendors.ascend.default, cambricon: data.vendors.cambricon.default } };
}

function compileRecognition(src: CatalogSources['recognition']): { recognition: Recognition; libraries: Record<string, string> } {
  const data = src.data;
  const regex = (pattern: string, field: string): RegExp => {
    try {
      return new RegExp(pattern);
    } catch (e) {
      throw new CatalogError(src.file, `invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`, undefined, field);
    }
  };
  return {
    recognition: {
      identifiers: (data.identifiers ?? []).map((x, i) => ({ pattern: regex(x.pattern, `identifiers.${i}.pattern`), family: x.family })),
      namespaces: data.namespaces ?? [],
      headers: (data.headers ?? []).map((h, i) => regex(h, `headers.${i}`)),
      ignore: data.ignore ?? [],
      targets: VENDORS.filter((v) => data.targets?.[v]).map((vendor) => {
        const t = data.targets?.[vendor] ?? {};
        return {
          vendor,
          identifiers: (t.identifiers ?? []).map((x, i) => regex(x, `targets.${vendor}.identifiers.${i}`)),
          namespaces: t.namespaces ?? [],
          headers: (t.headers ?? []).map((x, i) => regex(x, `targets.${vendor}.headers.${i}`)),
        };
      }),
    },
    libraries: data.libraries ?? {},
  };
}

/** Parses the inventory TSV (# comment lines, a header row, then symbol kind library header std_overlap). */
export function parseInventory(file: string, text: string, libraries: Record<string, string>): Map<string, InventoryEntry> {
  const out = new Map<string, InventoryEntry>();
  let header: string[] | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!header) {
      header = cols;
      if (cols[0] !== 'symbol') throw new CatalogError(file, `line ${i + 1}: expected a header row starting with "symbol"`);
      continue;
    }
    const [symbol, kind, library, hdr, std] = cols;
    if (!symbol || !library) throw new CatalogError(file, `line ${i + 1}: expected symbol, kind, library, header, std_overlap`);
    if (out.has(symbol)) continue; // first library wins for a name declared twice
    out.set(symbol, { symbol, kind: kind ?? '', library, family: libraries[library] ?? library, header: hdr ?? '', stdOverlap: std === 'yes' });
  }
  return out;
}

interface CompiledRules {
  rules: Rule[];
  bySymbol: Map<string, Rule[]>;
  prefixRules: { prefix: string; rule: Rule }[];
  warnings: string[];
  files: Catalog['files'];
}

function compileRules(ruleFiles: RuleDocument[], profiles: Profile[]): CompiledRules {
  const rules: Rule[] = [];
  const ids = new Map<string, string>();
  const warnings: string[] = [];
  const bySymbol = new Map<string, Rule[]>();
  const prefixRules: { prefix: string; rule: Rule }[] = [];

  const files: Catalog['files'] = [];
  for (const doc of ruleFiles) {
    const file = doc.data;
    files.push({ file: doc.file, user: doc.user, family: file.family, ...(file.description ? { description: file.description } : {}) });
    for (const raw of file.rules) {
      const previous = ids.get(raw.id);
      if (previous && !(doc.user && raw.override)) {
        throw new CatalogError(doc.file, `duplicate rule id (also in ${previous})`, raw.id, 'id');
      }
      ids.set(raw.id, doc.file);
      const rule = compileRule(raw, file, doc, profiles);
      if (rule.override && !doc.user) throw new CatalogError(doc.file, 'only user rule files (--rules) may override', raw.id, 'override');
      for (const symbol of rule.symbols) {
        if (symbol.endsWith('*')) {
          prefixRules.push({ prefix: symbol.slice(0, -1), rule });
          continue;
        }
        const existing = (bySymbol.get(symbol) ?? []).filter((r) => r.context === rule.context);
        if (existing.length) {
          const shipped = existing[0] as Rule;
          if (doc.user) {
            if (!rule.override) {
              throw new CatalogError(doc.file, `symbol "${symbol}" is already answered by rule "${shipped.id}" (${shipped.file}); add "override: true" to replace it`, raw.id, 'symbols');
            }
            bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []).filter((r) => r.context !== rule.context), rule]);
          } else {
            warnings.push(`${doc.file}: rule "${rule.id}": symbol "${symbol}" is already answered by rule "${shipped.id}" (${shipped.file}); the first rule wins`);
          }
          continue;
        }
        if (doc.user && rule.override) {
          warnings.push(`${doc.file}: rule "${rule.id}" says override but no shipped rule answers "${symbol}"`);
        }
        bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), rule]);
      }
      rules.push(rule);
    }
  }
  prefixRules.sort((a, b) => b.prefix.length - a.prefix.length || byCodePoint(a.prefix, b.prefix));
  return { rules, bySymbol, prefixRules, warnings, files };
}

export function compileCatalog(src: CatalogSources): Catalog {
  const { profiles, defaults } = compileProfiles(src.profiles);
  const { recognition, libraries } = compileRecognition(src.recognition);
  // Eager unless the caller defers them (a compiled catalog): a user rule file's mistakes surface at load.
  let compiled = typeof src.ruleFiles === 'function' ? undefined : compileRules(src.ruleFiles, profiles);
  const rules = (): CompiledRules => (compiled ??= compileRules((src.ruleFiles as () => RuleDocument[])(), profiles));
  const inv = src.inventory;
  let inventory = typeof inv?.text === 'function' ? undefined : inv ? parseInventory(inv.file, inv.text as string, libraries) : new Map<string, InventoryEntry>();
  return {
    version: src.version,
    profiles,
    defaultProfile: defaults,
    get rules(): Rule[] {
      return rules().rules;
    },
    get bySymbol(): Map<string, Rule[]> {
      return rules().bySymbol;
    },
    get prefixRules(): { prefix: string; rule: Rule }[] {
      return rules().prefixRules;
    },
    // Parsed on first use when deferred: `explain` and a scan with nothing to parse never need the 28k names.
    get inventory(): Map<string, InventoryEntry> {
      return (inventory ??= parseInventory(inv!.file, (inv!.text as () => string)(), libraries));
    },
    recognition,
    get warnings(): string[] {
      return rules().warnings;
    },
    get files(): Catalog['files'] {
      return rules().files;
    },
    effortDefaults: src.effort,
    vocabulary: src.vocabulary,
  };
}
