/**
 * One file through the parse stage: read it, extract its facts (src/core/facts.ts), drop the text.
 * Shared by the in-process path and the worker threads, so both give the same answer.
 */
import { readFileSync } from 'node:fs';
import type Parser from 'tree-sitter';
import { contentKey } from '../cache/content-key.js';
import { parseFileText, type ParsedFile } from '../core/facts.js';
import { decodeSource, readSource } from '../discover/read.js';
import type { Lexicon, SourceFile } from '../model/index.js';

export type { ParsedFile };

/** A file's outcome, and the content key of the bytes it was made from (when asked for and the file was read). */
export interface ParseOutcome {
  parsed: ParsedFile;
  key?: string;
}

export function parseSourceFile(parser: Parser, file: SourceFile, lexicon: Lexicon, maxFileSize: number, withKey = false): ParseOutcome {
  if (file.size > maxFileSize) {
    // Size and read errors depend on more than the bytes (the limit, permissions): not cached.
    const read = readSource(file, maxFileSize);
    return { parsed: { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.ok ? 'unreadable' : read.reason }, cacheable: false } };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absPath);
  } catch (e) {
    const reason = `not readable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    return { parsed: { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason }, cacheable: false } };
  }
  const key = withKey ? contentKey(file, bytes) : undefined;
  const read = decodeSource(bytes);
  if (!read.ok) {
    return { parsed: { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.reason }, cacheable: read.reason.startsWith('binary') }, key };
  }
  return { parsed: parseFileText(parser, file.path, file.language, read.text, lexicon, read.note), key };
}
