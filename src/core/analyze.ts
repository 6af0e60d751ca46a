/**
 * The pure core, as ESLint's `Linter.verify` is to its CLI: source text in, a report out, with no file system,
 * no package.json, no workers and no caches. The CLI, the worker-backed scan (src/analyze.ts) and most tests
 * all end here: `reportFromFacts` is the one place matching and report assembly are chained.
 */
import type { Catalog, FileEntry, FileFacts, Language, Report } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { languageOf } from '../util/language.js';
import { selectProfiles } from '../util/profiles.js';
import { parseFileText } from './facts.js';
import { lexiconOf, reportFromFacts, type AnalyzeOptions } from './from-facts.js';

export { defaultEffort, lexiconOf, reportFromFacts, type AnalyzeOptions } from './from-facts.js';

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
