/**
 * Mechanical confidence: how sure the catalog is of an answer, decided from vendor data, never typed by hand.
 *
 * For a direct or partial answer on a profile:
 * - `confirmed`: every replacement name occurs in a cited source (`owner/repo@ref:path`, as cited-sources.tsv
 *   records it) and no name is a not-implemented stub;
 * - `likely`: the names exist in the profile's SDK inventory (or occur in the source only as a string), but the
 *   cited source does not show them, or a part is not a symbol (launch syntax) and the source exists;
 * - `uncertain`: anything else (no usable source and the names are not declared, a stub, or the rule says so).
 * A rule may lower an answer to `uncertain` (with a note), never raise one.
 * A `none` or `rewrite` answer is `likely` (absence is not proven by a source) unless the rule says `uncertain`.
 *
 * Per-chip support: a name that a support table or a not-implemented stub marks unsupported on the profile's chip
 * at its release (support.tsv) turns a direct or partial answer into `none` (`unsupportedOn`). Architecture guards
 * are weaker (an overload declared for one chip can hide the others): `rules audit` lists them for review.
 * Pure: load.ts reads the data files.
 */
import type { Confidence, Profile, RawAnswer } from '../model/index.js';
import type { CitedSources, EvidenceTable, Unsupported } from './evidence.js';
import { replacementParts } from './verify.js';

/** A source the tests can check: `owner/repo@ref:path`. */
export const SOURCE_FORMAT = /^[\w.-]+\/[\w.-]+@[^\s:]+:\S.*$/;

export interface Evidence {
  cited: CitedSources;
  names: EvidenceTable;
}

export interface Judgement {
  confidence: Confidence;
  /** Why it is not confirmed (empty when it is): stable codes with the names involved. */
  reasons: string[];
}

/** The sources an answer cites (`source` may be a string or a list). */
export function sourcesOf(answer: Pick<RawAnswer, 'source'>): string[] {
  const s = answer.source as unknown;
  if (Array.isArray(s)) return s.filter((x): x is string => typeof x === 'string');
  return typeof s === 'string' ? [s] : [];
}

/** The lookups of an answer's replacement: names and headers, and the parts that are not symbols. */
function partsOf(answer: RawAnswer): { lookups: string[]; other: string[] } {
  const lookups: string[] = [];
  const other: string[] = [];
  for (const r of answer.replacement ?? []) {
    for (const part of replacementParts(r)) {
      if (part.lookup) lookups.push(part.lookup);
      else other.push(part.text);
    }
  }
  return { lookups, other };
}

/** The support entries that say the profile's chip (at its release) lacks one of the answer's names. */
export function unsupportedOn(answer: RawAnswer, profile: Profile, names: EvidenceTable): Unsupported[] {
  if (answer.status !== 'direct' && answer.status !== 'partial') return [];
  const out: Unsupported[] = [];
  for (const lookup of partsOf(answer).lookups) {
    // Architecture guards are advisory (an overload declared for one chip hides the others): `rules audit` lists them.
    const entries = names.get(lookup)?.unsupported.filter((u) => u.chip === profile.chip && u.kind !== 'guard') ?? [];
    // Evidence read at the profile's own release wins; a stub holds for every release.
    const here = entries.filter((u) => u.release === '*' || u.release === profile.sdk.version);
    out.push(...here);
  }
  return out;
}

export function judgeAnswer(answer: RawAnswer, profile: Profile, evidence: Evidence): Judgement {
  if (answer.confidence === 'uncertain') return { confidence: 'uncertain', reasons: ['rule-says-uncertain'] };
  if (answer.status !== 'direct' && answer.status !== 'partial') return { confidence: 'likely', reasons: ['absence-not-proven'] };
  const { lookups, other } = partsOf(answer);
  const sources = sourcesOf(answer);
  const checkable = sources.filter((s) => SOURCE_FORMAT.test(s));
  const reasons: string[] = [];
  if (!sources.length) reasons.push('no-source');
  else if (checkable.length < sources.length) reasons.push('free-text-source');
  const rows = checkable.map((s) => evidence.cited.get(s));
  if (checkable.length && rows.some((r) => !r || [...r.keys()].some((k) => k.startsWith('(missing')))) reasons.push('source-unreadable');
  const stubs = lookups.filter((n) => evidence.names.get(n)?.unsupported.some((u) => u.kind === 'stub'));
  if (stubs.length) return { confidence: 'uncertain', reasons: [...reasons, `stub:${stubs.join(',')}`] };
  const inSource = (n: string, strong: boolean): boolean =>
    rows.some((r) => {
      const m = r?.get(n);
      return m !== undefined && !m.startsWith('(missing') && (!strong || m !== 'string');
    });
  const declared = (n: string): boolean => {
    const inv = evidence.names.get(n)?.inventories ?? [];
    return profile.inventory.some((f) => inv.includes(f));
  };
  const lacking = lookups.filter((n) => !inSource(n, true));
  const absent = lacking.filter((n) => !inSource(n, false));
  if (absent.length) reasons.push(`source-lacks:${absent.join(',')}`);
  if (lacking.length > absent.length) reasons.push(`source-weak:${lacking.filter((n) => !absent.includes(n)).join(',')}`);
  // Parts that are not names (a flag, a CMake call) count when the cited file shows them as written.
  if (other.some((t) => !inSource(t, true))) reasons.push('not-a-symbol');
  if (!reasons.length && (lookups.length || other.length)) return { confidence: 'confirmed', reasons: [] };
  const undeclared = lacking.filter((n) => !declared(n) && !inSource(n, false));
  if (undeclared.length) reasons.push(`not-declared:${undeclared.join(',')}`);
  const sourceExists = checkable.length > 0 && !reasons.includes('source-unreadable');
  const likely = !undeclared.length && (lookups.length > 0 || sourceExists);
  return { confidence: likely ? 'likely' : 'uncertain', reasons };
}

/** Does the profile's release inventory lack every name of the answer's replacement (what a `since` claims)? */
export function releaseLacks(answer: RawAnswer, profile: Profile, evidence: Evidence): boolean {
  const { lookups } = partsOf(answer);
  return lookups.length > 0 && lookups.every((n) => !profile.inventory.some((f) => evidence.names.get(n)?.inventories.includes(f)));
}
