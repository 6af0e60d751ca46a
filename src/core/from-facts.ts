/**
 * Facts of the parse stage -> the report: the part of the core that needs no parser, so that a scan whose files
 * all come from the cache (or an empty one) never loads the front end. core/analyze.ts re-exports it.
 */
import { buildLexicon } from '../catalog/lexicon.js';
import type { CiInput } from '../ci/apply.js';
import { matchFacts } from '../match/match.js';
import type { Catalog, FileEntry, FileFacts, Lexicon, Profile, Suppression } from '../model/index.js';
import { effortSetup, type EffortSetup } from '../score/weights.js';
import { reportTarget } from '../util/profiles.js';
import { TOOL_VERSION } from '../util/version.js';
import { assembleReport, type Assembled } from './assemble.js';

export interface AnalyzeOptions {
  /** --target values: profile ids, vendors, `all` (the default: each vendor's default profile). */
  targets?: string[];
  /** How the report names its root; file paths are relative to it. Default ".". */
  root?: string;
  /** Folder depth of a component (1 = the first folder under the root). */
  groupDepth?: number;
  /** Effort weights; default: the catalog's own (rules/effort.yaml). */
  effort?: EffortSetup;
  /** The CI step: config ignores, a baseline, changed lines. Inline `ascendify-ignore` comments are read from the facts. */
  ci?: Omit<CiInput, 'suppressions'>;
}

const lexicons = new WeakMap<Catalog, Lexicon>();

/** The front end's lexicon for a catalog (built once per catalog). */
export function lexiconOf(catalog: Catalog): Lexicon {
  let l = lexicons.get(catalog);
  if (!l) lexicons.set(catalog, (l = buildLexicon(catalog)));
  return l;
}

const efforts = new WeakMap<Catalog, EffortSetup>();

/** The catalog's default effort weights, resolved once per catalog. */
export function defaultEffort(catalog: Catalog): EffortSetup {
  let e = efforts.get(catalog);
  if (!e) efforts.set(catalog, (e = effortSetup(catalog.effortDefaults, undefined, catalog.operators)));
  return e;
}

/** Inline suppressions by file, from the parse stage's facts. */
function suppressionsOf(facts: readonly FileFacts[]): Map<string, Suppression[]> {
  const out = new Map<string, Suppression[]>();
  for (const f of facts) if (f.suppressions?.length) out.set(f.path, f.suppressions);
  return out;
}

/**
 * Facts of the parse stage -> the report: match against the catalog, note each file's target code, then one
 * assembly (CI step, summary, progress, effort). `entries` are every file's report entry, skipped ones included.
 */
export function reportFromFacts(catalog: Catalog, profiles: Profile[], entries: readonly FileEntry[], facts: FileFacts[], options: AnalyzeOptions = {}): Assembled {
  const { findings, kernels, targetCode } = matchFacts(facts, catalog, profiles);
  const files = entries.map((e) => {
    const code = targetCode.get(e.path);
    return code ? { ...e, targetCode: code } : e;
  });
  return assembleReport(
    { tool: { name: 'ascendify', version: TOOL_VERSION, catalogVersion: catalog.version }, root: options.root ?? '.', targets: profiles.map(reportTarget), files, findings, kernels },
    {
      groupDepth: options.groupDepth ?? 1,
      effort: options.effort ?? defaultEffort(catalog),
      ci: { ...options.ci, suppressions: suppressionsOf(facts) },
    },
  );
}

