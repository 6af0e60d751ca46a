/**
 * One file through the parse stage: read it, extract its facts, drop the text.
 * Shared by the in-process path and the worker threads, so both give the same answer.
 */
import type Parser from 'tree-sitter';
import { readSource } from '../discover/read.js';
import type { FileEntry, FileFacts, Lexicon, SourceFile } from '../model/index.js';
import { extractFactsFor } from '../parse/languages.js';

/** What the parse stage produced for one file: its report entry, and its facts when it was scanned. */
export interface ParsedFile {
  entry: FileEntry;
  facts?: FileFacts;
  /** False when the outcome may not repeat on the same bytes (a parser exception): never cached. */
  cacheable: boolean;
}

export function parseSourceFile(parser: Parser, file: SourceFile, lexicon: Lexicon, maxFileSize: number): ParsedFile {
  const read = readSource(file, maxFileSize);
  if (!read.ok) {
    // Size and read errors depend on more than the bytes (the limit, permissions): not cached.
    const cacheable = read.reason.startsWith('binary');
    return { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.reason }, cacheable };
  }
  try {
    const facts = extractFactsFor(parser, file.path, file.language, read.text, lexicon);
    const entry: FileEntry = { path: file.path, language: file.language, lines: facts.lines, status: 'scanned' };
    if (read.note) entry.reason = read.note;
    if (facts.parseErrorLines.length) entry.parseErrorLines = facts.parseErrorLines;
    return { entry, facts, cacheable: true };
  } catch (e) {
    return {
      entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: `parser failed: ${(e as Error).message}` },
      cacheable: false,
    };
  }
}
