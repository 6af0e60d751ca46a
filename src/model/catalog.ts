/** Types of the rules catalog: the shapes read from rules/ and the compiled form the matcher uses. */

export const VENDORS = ['ascend', 'cambricon'] as const;
export type Vendor = (typeof VENDORS)[number];

/** A rule's answer for one target. `unknown` is only given to uses no rule answers. */
export type RuleStatus = 'direct' | 'partial' | 'rewrite' | 'none';
export type Status = RuleStatus | 'unknown';
/** Worst first: the order the gate and the summaries rank statuses in. */
export const STATUSES: readonly Status[] = ['unknown', 'none', 'rewrite', 'partial', 'direct'];

export type SymbolKind =
  | 'function' | 'type' | 'enum' | 'macro' | 'builtin' | 'qualifier' | 'syntax' | 'header' | 'namespace';

export type Confidence = 'confirmed' | 'likely' | 'uncertain';

/** An answer as written in a rule file. */
export interface RawAnswer {
  status: RuleStatus;
  replacement?: string[];
  header?: string;
  note?: string;
  since?: string;
  source?: string;
  confidence?: Confidence;
  /** false: the replacement is not checked against the profile's SDK inventory (see unverifiedReason). */
  verified?: false;
  unverifiedReason?: string;
}

export interface RawVendorAnswer extends RawAnswer {
  profiles?: Record<string, RawAnswer>;
}

/** A rule as written in a rule file (validated against schemas/rules.schema.json). */
export interface RawRule {
  id: string;
  symbols: string[];
  kind: SymbolKind;
  family?: string;
  context?: 'any' | 'device' | 'host';
  feature?: string;
  severity?: Severity;
  message?: string;
  url?: string;
  override?: boolean;
  targets: Record<Vendor, RawVendorAnswer>;
}

export interface RawRuleFile {
  family: string;
  description?: string;
  rules: RawRule[];
}

export type Severity = 'info' | 'warning' | 'error';

export type KernelModel = 'tile' | 'simt' | 'bang';

/** A target: a vendor plus a product and the SDK version that answers for it. */
export interface Profile {
  id: string;
  vendor: Vendor;
  product: string;
  sdk: { name: string; version: string };
  kernelModel: KernelModel;
  /** SDK symbol inventories (file names in rules/inventory/vendor/) replacements are checked against. */
  inventory?: string[];
}

/** A compiled rule: one per rule, answers resolved per profile at load time. */
export interface Rule {
  id: string;
  symbols: string[];
  kind: SymbolKind;
  family: string;
  context: 'any' | 'device' | 'host';
  feature?: string;
  severity: Severity;
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
  /** The rule files read, relative to their rules directory, with user rule files marked. */
  files: { file: string; user: boolean; family: string; description?: string }[];
}
