/**
 * Catalog truth against vendor headers: is every target symbol a direct or partial answer names
 * declared by the profile's SDK (rules/inventory/vendor/*.tsv)? Pure: load.ts reads the files.
 *
 * How a replacement string is looked up (docs/rules-format.md, "Verification"):
 * - it is split into parts on `+`, `,`, `;`, ` / `, ` or `, ` and `;
 * - each part loses call parentheses and what follows them, template arguments, a leading `#include`,
 *   `&`, `*` and surrounding quotes or angle brackets;
 * - a part that looks like a header path (`acl/acl_rt.h`) must match the end of a header path of the inventory;
 * - a part that is a name (`aclrtMalloc`, `AscendC::DataCopy`, `cnrtDeviceProp_t.name`) must be an inventory
 *   symbol; a member (`AscendC::TPipe::InitBuffer`, `x.name`) counts when its class or namespace is one, and an
 *   unqualified name when a namespaced symbol ends in it (`DataCopy` for `AscendC::DataCopy`);
 * - anything else (`kernel<<<>>>`, prose) is not a symbol: the answer must say `verified: false`.
 */
import type { Catalog, Profile, RawAnswer } from '../model/index.js';

/** One SDK inventory: its symbols (qualified and last components) and its header paths. */
export interface VendorInventory {
  files: string[];
  symbols: Set<string>;
  /** Last components of namespaced symbols (DataCopy for AscendC::DataCopy). */
  lastComponents: Set<string>;
  /** Symbols of kind type (classes, structs, typedefs): their members count as declared. */
  types: Set<string>;
  headers: string[];
  /**
   * False when some file was built from uses in vendor code (`# evidence: ...uses`): a name it lacks is then
   * unconfirmed, not wrong (rules/inventory/vendor/README.md).
   */
  complete: boolean;
}

/** Parses rules/inventory/vendor/*.tsv texts (# comment lines, a header row, then symbol kind library header). */
export function parseVendorInventory(files: { file: string; text: string }[]): VendorInventory {
  const inv: VendorInventory = { files: files.map((f) => f.file), symbols: new Set(), lastComponents: new Set(), types: new Set(), headers: [], complete: true };
  const headers = new Set<string>();
  for (const { text } of files) {
    let sawHeader = false;
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r$/, '');
      if (line.startsWith('# evidence:') && line.includes('uses')) inv.complete = false;
      if (!line || line.startsWith('#')) continue;
      const [symbol, kind, , header] = line.split('\t');
      if (!sawHeader) {
        sawHeader = true;
        if (symbol === 'symbol') continue;
      }
      if (!symbol) continue;
      inv.symbols.add(symbol);
      if (kind === 'type') inv.types.add(symbol);
      if (symbol.includes('::')) inv.lastComponents.add(symbol.slice(symbol.lastIndexOf('::') + 2));
      if (kind === 'header') headers.add(symbol);
      else if (header && !header.startsWith('use:')) headers.add(header);
    }
  }
  inv.headers = [...headers];
  return inv;
}

export type PartKind = 'symbol' | 'header' | 'other';

export interface ReplacementPart {
  /** The part as written, trimmed. */
  text: string;
  kind: PartKind;
  /** The normalised name or header path looked up (for symbol and header parts). */
  lookup?: string;
}

const SEPARATORS = /\s*\+\s*|\s*,\s*|\s*;\s*|\s+\/\s+|\s+or\s+|\s+and\s+/;
const NAME = /^~?[A-Za-z_]\w*(?:::~?[A-Za-z_]\w*)*(?:\.[A-Za-z_]\w*)*$/;
const HEADER = /^[\w./-]+\.(?:h|hpp|hh|inc)$/;

function stripTemplates(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/<[^<>]*>/g, '');
  }
  return out;
}

/** Splits on SEPARATORS outside (), <> and [] (call arguments and template arguments stay whole). */
function topLevelPieces(replacement: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of replacement) {
    if ('(<['.includes(ch)) depth++;
    else if (')>]'.includes(ch)) depth = Math.max(0, depth - 1);
    current += depth === 0 && ch === ',' ? '\u0000' : ch;
  }
  for (const chunk of current.split('\u0000')) {
    if (depth === 0 && /<|\(/.test(chunk)) pieces.push(...chunk.split(/\s*\+\s*|\s*;\s*/));
    else pieces.push(...chunk.split(SEPARATORS));
  }
  return pieces;
}

const partsMemo = new Map<string, readonly ReplacementPart[]>();

/**
 * Splits and normalises one replacement string into the parts that are looked up. Memoised: the catalog judges
 * the same strings once per profile (chips × releases), at every load.
 */
export function replacementParts(replacement: string): readonly ReplacementPart[] {
  let parts = partsMemo.get(replacement);
  if (!parts) partsMemo.set(replacement, (parts = splitReplacement(replacement)));
  return parts;
}

function splitReplacement(replacement: string): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  for (const piece of topLevelPieces(replacement)) {
    const text = piece.trim();
    if (!text) continue;
    let s = text.replace(/^#\s*include\s*/, '').replace(/^["<]|[">]$/g, '').trim();
    if (HEADER.test(s)) {
      parts.push({ text, kind: 'header', lookup: s });
      continue;
    }
    if (s.includes('<<<')) {
      parts.push({ text, kind: 'other' });
      continue;
    }
    s = stripTemplates(s);
    const paren = s.indexOf('(');
    if (paren > 0) s = s.slice(0, paren);
    s = s.replace(/^[&*]+/, '').replace(/\s+/g, '');
    parts.push(NAME.test(s) ? { text, kind: 'symbol', lookup: s } : { text, kind: 'other' });
  }
  return parts;
}

/** Is a normalised name declared by the inventory (directly, as a member of a listed class, or by its last component)? */
export function hasSymbol(inv: VendorInventory, name: string): boolean {
  const base = name.split('.')[0] as string; // `prop.name`: the struct or variable is what is looked up
  if (inv.symbols.has(base)) return true;
  const parts = base.split('::');
  // `AscendC::TPipe::InitBuffer`: members are not listed, their class is (a namespace alone is not enough).
  if (parts.length >= 2 && inv.types.has(parts.slice(0, -1).join('::'))) return true;
  return parts.length === 1 && inv.lastComponents.has(base);
}

export function hasHeader(inv: VendorInventory, header: string): boolean {
  return inv.headers.some((h) => h === header || h.endsWith(`/${header}`));
}

/**
 * verified: every part is in the inventory; declared-unverified: the answer says `verified: false`;
 * unconfirmed: a use-based inventory lacks a name (not proof of absence); missing / not-a-symbol: the catalog must be fixed.
 */
export type Verdict = 'verified' | 'declared-unverified' | 'unconfirmed' | 'missing' | 'not-a-symbol';

export interface AnswerCheck {
  ruleId: string;
  file: string;
  profile: string;
  status: 'direct' | 'partial';
  replacement: string[];
  verdict: Verdict;
  /** Symbol or header parts the inventory lacks. */
  missing: string[];
  /** Parts that are not symbols or headers. */
  other: string[];
  unverifiedReason?: string;
}

export interface ProfileVerification {
  profile: string;
  /** The inventory files checked against (empty: the profile has none, nothing is checked). */
  inventory: string[];
  /** direct and partial answers. */
  answers: number;
  verified: number;
  declaredUnverified: number;
  /** Lacking from a use-based inventory (Cambricon): neither confirmed nor refuted. */
  unconfirmed: number;
  failing: number;
}

export interface CatalogVerification {
  profiles: ProfileVerification[];
  checks: AnswerCheck[];
}

/** Checks one answer of one profile (direct and partial only; others return undefined). */
export function checkAnswer(ruleId: string, file: string, profile: string, answer: RawAnswer, inv: VendorInventory): AnswerCheck | undefined {
  if (answer.status !== 'direct' && answer.status !== 'partial') return undefined;
  const replacement = answer.replacement ?? [];
  const missing: string[] = [];
  const other: string[] = [];
  for (const r of replacement) {
    for (const part of replacementParts(r)) {
      if (part.kind === 'other') other.push(part.text);
      else if (part.kind === 'header' ? !hasHeader(inv, part.lookup as string) : !hasSymbol(inv, part.lookup as string)) missing.push(part.lookup as string);
    }
  }
  let verdict: Verdict = missing.length ? (inv.complete ? 'missing' : 'unconfirmed') : other.length ? 'not-a-symbol' : 'verified';
  if (answer.verified === false) verdict = 'declared-unverified';
  const check: AnswerCheck = { ruleId, file, profile, status: answer.status, replacement, verdict, missing, other };
  if (answer.unverifiedReason) check.unverifiedReason = answer.unverifiedReason;
  return check;
}

/**
 * Families whose replacements are not C/C++ SDK symbols (CMake and Make commands, Python APIs): not checked.
 * alt: an inventory of torch_npu's Python API and CANN's CMake package names; not built yet.
 */
export const UNCHECKED_FAMILIES = /^(build-|python-)/;

/** Every direct and partial answer of every profile that has an inventory, checked against it. */
export function verifyCatalog(catalog: Pick<Catalog, 'rules' | 'profiles'>, inventories: Map<string, VendorInventory>): CatalogVerification {
  const checks: AnswerCheck[] = [];
  const profiles: ProfileVerification[] = [];
  for (const profile of catalog.profiles as Profile[]) {
    const inv = inventories.get(profile.id);
    const summary: ProfileVerification = { profile: profile.id, inventory: inv?.files ?? [], answers: 0, verified: 0, declaredUnverified: 0, unconfirmed: 0, failing: 0 };
    if (inv) {
      for (const rule of catalog.rules) {
        if (UNCHECKED_FAMILIES.test(rule.family)) continue;
        const answer = rule.answers[profile.id];
        if (!answer) continue;
        const check = checkAnswer(rule.id, rule.file, profile.id, answer, inv);
        if (!check) continue;
        summary.answers++;
        if (check.verdict === 'verified') summary.verified++;
        else if (check.verdict === 'declared-unverified') summary.declaredUnverified++;
        else if (check.verdict === 'unconfirmed') summary.unconfirmed++;
        else summary.failing++;
        checks.push(check);
      }
    }
    profiles.push(summary);
  }
  return { profiles, checks };
}

/** Verified answers as a share of direct and partial answers (0..1; 1 when there are none). */
export function verifiedShare(p: ProfileVerification): number {
  return p.answers ? p.verified / p.answers : 1;
}
