/** Types of the rules catalog: the shapes read from rules/ and the compiled form the matcher uses. */

export const VENDORS = ['ascend', 'cambricon'] as const;

export type { KernelModel, Language, Severity, Status, Vendor } from './generated/report.js';
export type { RawAnswer, RawRule, RawRuleFile, RawVendorAnswer } from './generated/rules.js';
import type { Status as RuleStatusWithUnknown, Severity } from './generated/report.js';
import type { RawAnswer } from './generated/rules.js';
import type { KernelModel, Vendor } from './generated/report.js';

/**
 * A target profile: a chip on an SDK release. `ascend-910b` is the chip on its newest release; `ascend-910b@8.5`
 * pins one (rules/profiles.yaml).
 */
export interface Profile {
  id: string;
  /** The chip (`ascend-910b`); equal to `id` unless the release is pinned. */
  chip: string;
  vendor: Vendor;
  product: string;
  sdk: { name: string; version: string };
  kernelModel: KernelModel;
  /** SDK symbol inventories (file names in rules/inventory/vendor/) replacements are checked against. */
  inventory: string[];
  /** The release tag the vendor facts were read at, when there is one. */
  tag?: string;
  /** True for `chip@version` ids. */
  pinned: boolean;
}

/** A rule's answer for one target. `unknown` is only given to uses no rule answers. */
export type RuleStatus = Exclude<RuleStatusWithUnknown, 'unknown'>;

export type SymbolKind = import('./generated/rules.js').RawRule['kind'];

export type Confidence = 'confirmed' | 'likely' | 'uncertain';

/** A compiled answer for one profile: the rule's answer, plus what the vendor data decided. */
export interface Answer extends RawAnswer {
  /** Set when a support table or a not-implemented stub made the answer `none` on this profile's chip. */
  unsupported?: { kind: 'table' | 'stub'; source: string };
}

/** A compiled rule: one per rule, answers resolved per profile at load time. */
export interface Rule {
  id: string;
  symbols: string[];
  kind: SymbolKind;
  family: string;
  context: 'any' | 'device' | 'host';
  feature?: string;
  /** Set only when the rule file sets it; a finding's severity otherwise comes from its statuses (model/status.ts). */
  severity?: Severity;
  message?: string;
  url?: string;
  /** Rule file that defined this rule, relative to its rules directory root (e.g. families/runtime.yaml). */
  file: string;
  /** True for rules loaded with --rules. */
  user: boolean;
  override: boolean;
  /** Answer per profile id (chip, and chip@release), after overrides, `since`, per-chip support and confidence. */
  answers: Record<string, Answer>;
}

import type { InventoryEntry, Recognition } from './inventory.js';

export interface Catalog {
  /** Version string that changes whenever any rule file changes (content hash). */
  version: string;
  /** Every chip on its newest release, in rules/profiles.yaml order (what `all` and the tables mean). */
  profiles: Profile[];
  /** Every chip on every release it supports (`ascend-910b@8.5` …), for `--target chip@version`. */
  pinned: Profile[];
  defaultProfile: Record<Vendor, string>;
  rules: Rule[];
  /** Rules by exact symbol (several when contexts differ). */
  bySymbol: Map<string, Rule[]>;
  /** Rules whose symbol ends in *, longest prefix first. */
  prefixRules: { prefix: string; rule: Rule }[];
  inventory: Map<string, InventoryEntry>;
  recognition: Recognition;
  /** Problems that do not stop a scan (e.g. two shipped rules for one symbol); the catalog tests require none. */
  warnings: string[];
  /** rules/vocabulary.yaml, validated: what the build-file and Python front ends recognise. */
  vocabulary: import('./generated/vocabulary.js').VocabularyFile;
  /** rules/effort.yaml, validated: the default effort weights (resolved by score/weights.ts, merged with a config file's). */
  effortDefaults: Record<string, unknown>;
  /** rules/operators.yaml, validated: kernel -> vendor operator patterns (score/operators.ts). */
  operators: import('./generated/operators.js').OperatorPatternsFile;
  /** The rule files read, relative to their rules directory, with user rule files marked. */
  files: { file: string; user: boolean; family: string; description?: string }[];
}
