/**
 * The pipeline, and the only place its stages are chained:
 * discover files -> parse to facts -> match facts against the catalog -> findings -> score -> report.
 * Library entry point; the CLI is a thin layer over `scan`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildLexicon } from './catalog/lexicon.js';
import { loadCatalog, PACKAGE_ROOT } from './catalog/load.js';
import { discover, MissingPathError } from './discover/walk.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './discover/read.js';
import { matchFacts } from './match/match.js';
import type { Catalog, FileEntry, FileFacts, Lexicon, Profile, Report, SourceFile } from './model/index.js';
import { createCudaParser } from './parse/cuda-parser.js';
import { extractFacts } from './parse/extract.js';
import { summarize } from './score/summary.js';
import { UsageError } from './util/errors.js';
import { selectProfiles } from './util/profiles.js';

export interface ScanOptions {
  paths: string[];
  targets?: string[];
  exclude?: string[];
  maxFileSize?: number;
  gitignore?: boolean;
  /** Extra rule files or folders (--rules). */
  rules?: string[];
  /** A catalog already loaded (tests, repeated scans). */
  catalog?: Catalog;
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Parse stage over many files: read each, extract facts, drop the text. */
export function parseFiles(files: SourceFile[], lexicon: Lexicon, maxFileSize: number): { facts: FileFacts[]; entries: FileEntry[] } {
  const parser = createCudaParser();
  const facts: FileFacts[] = [];
  const entries: FileEntry[] = [];
  for (const file of files) {
    const read = readSource(file, maxFileSize);
    if (!read.ok) {
      entries.push({ path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.reason });
      continue;
    }
    try {
      const f = extractFacts(parser, file.path, file.language, read.text, lexicon);
      facts.push(f);
      const entry: FileEntry = { path: file.path, language: file.language, lines: f.lines, status: 'scanned' };
      if (read.note) entry.reason = read.note;
      if (f.parseErrorLines.length) entry.parseErrorLines = f.parseErrorLines;
      entries.push(entry);
    } catch (e) {
      entries.push({ path: file.path, language: file.language, lines: 0, status: 'skipped', reason: `parser failed: ${(e as Error).message}` });
    }
  }
  return { facts, entries };
}

export function buildReport(root: string, catalog: Catalog, profiles: Profile[], entries: FileEntry[], facts: FileFacts[]): Report {
  const { findings, kernels } = matchFacts(facts, catalog, profiles);
  const files = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    schemaVersion: 1,
    tool: { name: 'ascendify', version: toolVersion(), catalogVersion: catalog.version },
    root,
    targets: profiles.map((p) => ({ vendor: p.vendor, profile: p.id, product: p.product, sdk: `${p.sdk.name} ${p.sdk.version}` })),
    files,
    findings,
    kernels,
    summary: summarize(files, findings, kernels, profiles),
  };
}

/** The root as the user would write it: relative to the working folder when inside it. */
function displayRoot(root: string): string {
  const rel = relative(process.cwd(), root).split('\\').join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? root : rel;
}

export function scan(options: ScanOptions): Report {
  const catalog = options.catalog ?? loadCatalog({ userRules: options.rules });
  const profiles = selectProfiles(catalog, options.targets);
  let discovery;
  try {
    discovery = discover(options.paths, { exclude: options.exclude, gitignore: options.gitignore });
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(`path not found: ${e.path}`, 'check the path, or run from the folder that holds it');
    throw e;
  }
  const { facts, entries } = parseFiles(discovery.files, buildLexicon(catalog), options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const skipped: FileEntry[] = discovery.skipped.map((s) => ({ path: s.path, language: 'unknown', lines: 0, status: 'skipped', reason: s.reason }));
  return buildReport(displayRoot(discovery.root), catalog, profiles, [...entries, ...skipped], facts);
}
