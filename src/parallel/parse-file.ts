/**
 * One file through the parse stage: read it, extract its facts (src/core/facts.ts), drop the text.
 * Shared by the in-process path and the worker threads, so both give the same answer.
 */
import type Parser from 'tree-sitter';
import { parseFileText, type ParsedFile } from '../core/facts.js';
import { readSource } from '../discover/read.js';
import type { Lexicon, SourceFile } from '../model/index.js';

export type { ParsedFile };

export function parseSourceFile(parser: Parser, file: SourceFile, lexicon: Lexicon, maxFileSize: number): ParsedFile {
  const read = readSource(file, maxFileSize);
  if (!read.ok) {
    // Size and read errors depend on more than the bytes (the limit, permissions): not cached.
    const cacheable = read.reason.startsWith('binary');
    return { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.reason }, cacheable };
  }
  return parseFileText(parser, file.path, file.language, read.text, lexicon, read.note);
}
