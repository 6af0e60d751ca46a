/**
 * One file through the parse stage: read it, extract its facts (src/core/facts.ts), drop the text.
 * Shared by the in-process path and the worker threads, so both give the same answer.
 */
import type Parser from 'tree-sitter';
import { contentKey } from '../cache/content-key.js';
import { parseFileText, type ParsedFile } from '../core/facts.js';
import { decodeSource, readSource, refusedReason, sourceBytes } from '../discover/read.js';
import { RefusedFile } from '../util/read-file.js';
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
    bytes = sourceBytes(file, maxFileSize);
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    return { parsed: { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: refusedReason(e) }, cacheable: false } };
  }
  const key = withKey ? contentKey(file, bytes) : undefined;
  const read = decodeSource(bytes);
  if (!read.ok) {
    return { parsed: { entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: read.reason }, cacheable: read.reason.startsWith('binary') }, key };
  }
  return { parsed: parseFileText(parser, file.path, file.language, read.text, lexicon, read.note), key };
}
