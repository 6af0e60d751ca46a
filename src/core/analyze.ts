/**
 * The pure core, as ESLint's `Linter.verify` is to its CLI: source text in, a report out, with no file system,
 * no package.json, no workers and no caches. The CLI, the worker-backed scan (src/analyze.ts) and most tests
 * all end here: `reportFromFacts` is the one place matching and report assembly are chained.
 */
import { buildLexicon } from '../catalog/lexicon.js';
import type { CiInput } from '../ci/apply.js';
import { matchFacts } from '../match/match.js';
import type { Catalog, FileEntry, FileFacts, Language, Lexicon, Profile, Report, Suppression } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { effortSetup, type EffortSetup } from '../score/weights.js';
import { languageOf } from '../util/language.js';
import { reportTarget, selectProfiles } from '../util/profiles.js';
import { TOOL_VERSION } from '../util/version.js';
import { assembleReport, type Assembled } from './assemble.js';
import { parseFileText } from './facts.js';

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

/** A file handed to the core: its path (relative to the root, with /) and its text. */
export interface SourceText {
  path: string;
  text: string;
  /** Default: from the file name (`languageOf`); files no front end reads are skipped with that reason. */
  language?: Language;
}

let parser: ReturnType<typeof createCudaParser> | undefined;

/** Analyse files given as text: the report a scan of the same files would give. */
export function analyzeFiles(sources: readonly SourceText[], catalog: Catalog, options: AnalyzeOptions = {}): Report {
  const lexicon = lexiconOf(catalog);
  const entries: FileEntry[] = [];
  const facts: FileFacts[] = [];
  for (const s of sources) {
    const language = s.language ?? languageOf(s.path);
    if (!language) {
      entries.push({ path: s.path, language: 'unknown', lines: 0, status: 'skipped', reason: 'no front end reads this kind of file' });
      continue;
    }
    parser ??= createCudaParser();
    const parsed = parseFileText(parser, s.path, language, s.text, lexicon, s.text === '' ? 'empty file' : undefined);
    entries.push(parsed.entry);
    if (parsed.facts) facts.push(parsed.facts);
  }
  return reportFromFacts(catalog, selectProfiles(catalog, options.targets), entries, facts, options).report;
}

/** Analyse one file's text (a snippet in a test, an editor buffer). */
export function analyzeSource(text: string, path: string, catalog: Catalog, options: AnalyzeOptions = {}): Report {
  return analyzeFiles([{ path, text }], catalog, options);
}
