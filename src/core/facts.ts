/**
 * One file through the front end: its text -> its report entry and its facts. Shared by the pure core, the
 * in-process parse stage and the worker threads, so every path gives the same answer.
 */
import type Parser from 'tree-sitter';
import type { FileEntry, FileFacts, Language, Lexicon } from '../model/index.js';
import { extractFactsFor } from '../parse/languages.js';

/** What the parse stage produced for one file: its report entry, and its facts when it was scanned. */
export interface ParsedFile {
  entry: FileEntry;
  facts?: FileFacts;
  /** False when the outcome may not repeat on the same bytes (a parser exception): never cached. */
  cacheable: boolean;
}

/** Parse one file's text. `note` says how the text was read (a Latin-1 fallback, an empty file). */
export function parseFileText(parser: Parser, path: string, language: Language, text: string, lexicon: Lexicon, note?: string): ParsedFile {
  try {
    const facts = extractFactsFor(parser, path, language, text, lexicon);
    const entry: FileEntry = { path, language, lines: facts.lines, status: 'scanned' };
    if (note) entry.reason = note;
    if (facts.parseErrorLines.length) entry.parseErrorLines = facts.parseErrorLines;
    return { entry, facts, cacheable: true };
  } catch (e) {
    return { entry: { path, language, lines: 0, status: 'skipped', reason: `parser failed: ${(e as Error).message}` }, cacheable: false };
  }
}
