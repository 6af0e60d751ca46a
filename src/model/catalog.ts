/** Types of the rules catalog: the shapes read from rules/ and the compiled form the matcher uses. */

export const VENDORS = ['ascend', 'cambricon'] as const;

export type { KernelModel, Language, Severity, Status, Vendor } from './generated/report.js';
export type { RawAnswer, RawRule, RawRuleFile, RawVendorAnswer } from './generated/rules.js';
export type { Profile } from './generated/profiles.js';
import type { Status as RuleStatusWithUnknown, Severity } from './generated/report.js';
import type { RawAnswer } from './generated/rules.js';
import type { Profile } from './generated/profiles.js';
import type { Vendor } from './generated/report.js';

/** A rule's answer for one target. `unknown` is only given to uses no rule answers. */
export type RuleStatus = Exclude<RuleStatusWithUnknown, 'unknown'>;

export type SymbolKind = import('./generated/rules.js').RawRule['kind'];

export type Confidence = 'confirmed' | 'likely' | 'uncertain';

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
  /** Answer per profile id, after applying profile overrides and `since`. */
  answers: Record<string, RawAnswer>;
}

import type { InventoryEntry, Recognition } from './inventory.js';

export interface Catalog {
  /** Version string that changes whenever any rule file changes (content hash). */
  version: string;
  profiles: Profile[];
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
