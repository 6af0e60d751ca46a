/**
 * Turns validated rule, profile, recognition and inventory data into the compiled Catalog.
 * Pure: load.ts does the reading and hands the parsed documents over.
 */
import type {
  Answer, Catalog, InventoryEntry, Profile, RawAnswer, RawRule, RawRuleFile, Recognition, Rule, Vendor,
} from '../model/index.js';
import type { OperatorPatternsFile } from '../model/generated/operators.js';
import type { ProfilesFile } from '../model/generated/profiles.js';
import type { RecognitionFile } from '../model/generated/recognition.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { VENDORS } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { judgeAnswer, releaseLacks, unsupportedOn, type Evidence } from './confidence.js';
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
  /** rules/operators.yaml, validated: kernel -> vendor operator patterns. */
  operators: OperatorPatternsFile;
  /** rules/vocabulary.yaml, validated. */
  vocabulary: VocabularyFile;
  /** Vendor evidence (cited sources, inventories, per-chip support): decides confidence and per-chip support. A function: read when the rules are first compiled. */
  evidence?: Evidence | (() => Evidence | undefined);
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
  // A release-pinned override wins over a chip override, which wins over the vendor answer.
  const answer: RawAnswer = { ...(profiles?.[profile.id] ?? profiles?.[profile.chip] ?? base) };
  if (answer.since && compareVersions(answer.since, profile.sdk.version) > 0 && answer.status !== 'none') {
    const what = answer.replacement?.length ? answer.replacement.join(', ') : 'The replacement';
    const { note_zh: _zh, ...rest } = answer; // the Chinese note no longer matches the rewritten note
    return {
      ...rest,
      status: 'none',
      note: `${what} needs ${profile.sdk.name} ${answer.since}; ${profile.id} targets ${profile.sdk.name} ${profile.sdk.version}.${answer.note ? ` ${answer.note}` : ''}`,
    };
  }
  return answer;
}

/**
 * The vendor data's word on an answer: a name the profile's chip does not support (support table, stub, guard)
 * makes a direct or partial answer `none`; then its confidence is decided mechanically (confidence.ts).
 */
function withEvidence(answer: RawAnswer, profile: Profile, evidence: Evidence | undefined): Answer {
  if (!evidence) return answer;
  const gaps = unsupportedOn(answer, profile, evidence.names);
  if (gaps.length) {
    const first = gaps[0]!;
    const names = (answer.replacement ?? []).join(' + ');
    const how = first.kind === 'stub' ? 'is declared but not implemented' : first.kind === 'guard' ? 'is not declared for this chip' : 'is marked unsupported';
    return {
      ...answer,
      status: 'none',
      note: `${names} ${how} on ${profile.product} (${profile.sdk.name} ${profile.sdk.version}; ${first.source}).${answer.note ? ` ${answer.note}` : ''}`,
      source: first.source,
      confidence: 'confirmed',
      unsupported: { kind: first.kind as 'table' | 'stub', source: first.source },
    };
  }
  if (answer.status === 'none' && answer.since && compareVersions(answer.since, profile.sdk.version) > 0) {
    // `none` because the release is older than `since`: proven when the release's inventory lacks the names.
    return { ...answer, confidence: releaseLacks(answer, profile, evidence) ? 'confirmed' : 'likely' };
  }
  return { ...answer, confidence: judgeAnswer(answer, profile, evidence).confidence };
}

function compileRule(raw: RawRule, file: RawRuleFile, doc: RuleDocument, profiles: Profile[], evidence?: Evidence, lazy?: ReadonlySet<string>): Rule {
  const answers: Record<string, Answer> = {};
  for (const vendor of VENDORS) {
    const vendorAnswer = raw.targets[vendor];
    for (const key of Object.keys(vendorAnswer.profiles ?? {})) {
      const profile = profiles.find((p) => p.id === key);
      if (!profile) throw new CatalogError(doc.file, `unknown profile "${key}" (a chip, or chip@release: ${profiles.map((p) => p.id).join(', ')})`, raw.id, `targets.${vendor}.profiles`);
      if (profile.vendor !== vendor) throw new CatalogError(doc.file, `profile "${key}" belongs to ${profile.vendor}, not ${vendor}`, raw.id, `targets.${vendor}.profiles`);
    }
    const check = (a: RawAnswer, where: string): void => {
      if ((a.status === 'direct' || a.status === 'partial') && !a.replacement?.length) {
        throw new CatalogError(doc.file, `status ${a.status} needs a replacement`, raw.id, `${where}.replacement`);
      }
    };
    check(vendorAnswer, `targets.${vendor}`);
    for (const [key, a] of Object.entries(vendorAnswer.profiles ?? {})) check(a, `targets.${vendor}.profiles.${key}`);
    for (const profile of profiles.filter((p) => p.vendor === vendor)) {
      const compute = (): Answer => withEvidence(resolveAnswer(vendorAnswer, profile), profile, evidence);
      if (!lazy?.has(profile.id)) {
        answers[profile.id] = compute();
        continue;
      }
      // A release-pinned profile's answer is judged when first read: most runs never name one.
      Object.defineProperty(answers, profile.id, {
        enumerable: true,
        configurable: true,
        get(): Answer {
          const value = compute();
          Object.defineProperty(answers, profile.id, { value, enumerable: true, configurable: true, writable: true });
          return value;
        },
      });
    }
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

/** Chips x releases -> profiles: each chip on its newest release (id = chip), and on each release (id = chip@version). */
function compileProfiles(src: CatalogSources['profiles']): { profiles: Profile[]; pinned: Profile[]; defaults: Record<Vendor, string> } {
  const data = src.data;
  const ids = new Set<string>();
  const profiles: Profile[] = [];
  const pinned: Profile[] = [];
  data.chips.forEach((chip, i) => {
    if (ids.has(chip.id)) throw new CatalogError(src.file, `duplicate chip id "${chip.id}"`, undefined, `chips.${i}.id`);
    ids.add(chip.id);
    const releases = chip.releases.map((version, j) => {
      const r = data.releases.find((x) => x.vendor === chip.vendor && x.version === version);
      if (!r) throw new CatalogError(src.file, `chip ${chip.id} names release ${version}, which is not a ${chip.vendor} release`, undefined, `chips.${i}.releases.${j}`);
      return r;
    }).sort((a, b) => compareVersions(a.version, b.version));
    const make = (r: (typeof releases)[number], id: string, isPinned: boolean): Profile => {
      const p: Profile = {
        id, chip: chip.id, vendor: chip.vendor, product: chip.product, sdk: { name: r.sdk, version: r.version },
        kernelModel: chip.kernelModel, inventory: r.inventory, pinned: isPinned,
      };
      if (r.tag) p.tag = r.tag;
      return p;
    };
    for (const r of releases) pinned.push(make(r, `${chip.id}@${r.version}`, true));
    profiles.push(make(releases[releases.length - 1]!, chip.id, false));
  });
  for (const vendor of VENDORS) {
    const def = data.vendors[vendor].default;
    if (!profiles.some((p) => p.id === def && p.vendor === vendor)) {
      throw new CatalogError(src.file, `default profile "${def}" of ${vendor} is not one of its chips`, undefined, `vendors.${vendor}.default`);
    }
  }
  return { profiles, pinned, defaults: { ascend: data.vendors.ascend.default, cambricon: data.vendors.cambricon.default } };
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

function compileRules(ruleFiles: RuleDocument[], allProfiles: Profile[], evidence: Evidence | undefined, lazy: ReadonlySet<string>): CompiledRules {
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
      const rule = compileRule(raw, file, doc, allProfiles, evidence, lazy);
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
  const { profiles, pinned, defaults } = compileProfiles(src.profiles);
  const allProfiles = [...profiles, ...pinned];
  const { recognition, libraries } = compileRecognition(src.recognition);
  // Eager unless the caller defers them (a compiled catalog): a user rule file's mistakes surface at load.
  const pinnedIds = new Set(pinned.map((p) => p.id));
  const evidence = (): Evidence | undefined => (typeof src.evidence === 'function' ? src.evidence() : src.evidence);
  let compiled = typeof src.ruleFiles === 'function' ? undefined : compileRules(src.ruleFiles, allProfiles, evidence(), pinnedIds);
  const rules = (): CompiledRules => (compiled ??= compileRules((src.ruleFiles as () => RuleDocument[])(), allProfiles, evidence(), pinnedIds));
  const inv = src.inventory;
  let inventory = typeof inv?.text === 'function' ? undefined : inv ? parseInventory(inv.file, inv.text as string, libraries) : new Map<string, InventoryEntry>();
  return {
    version: src.version,
    profiles,
    pinned,
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
    operators: src.operators,
    vocabulary: src.vocabulary,
  };
}
