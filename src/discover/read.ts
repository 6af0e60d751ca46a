/** Reading a discovered file: size limit, binary detection, UTF-8 with a Latin-1 fallback. */
import type { SourceFile } from '../model/index.js';
import { readRegularFile, RefusedFile } from '../util/read-file.js';

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; note?: string }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readSource(file: SourceFile, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  if (file.size > maxFileSize) {
    return { ok: false, reason: `larger than the size limit (${file.size} > ${maxFileSize} bytes; raise it with --max-file-size)` };
  }
  let buf: Buffer;
  try {
    buf = sourceBytes(file, maxFileSize);
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    return { ok: false, reason: refusedReason(e) };
  }
  return decodeSource(buf);
}

/**
 * A discovered file's bytes, as every reader of sources (parsing, content keys) must get them: a regular file only,
 * never blocking, never more than the limit (the file may have changed since discovery). Throws a RefusedFile.
 */
export function sourceBytes(file: SourceFile, maxFileSize: number): Buffer {
  return readRegularFile(file.absPath, { maxBytes: maxFileSize, limitHint: 'raise it with --max-file-size' });
}

/** Why a source could not be read, as the report lists it. */
export function refusedReason(e: RefusedFile): string {
  if (e.code) return `not readable (${e.code})`;
  return e.reason.replace(/^is an? (.*), not a regular file$/, 'not a regular file: a $1');
}

/** A file's bytes as text: binary files refused, UTF-8 (BOM dropped) with a Latin-1 fallback. Pure. */
export function decodeSource(buf: Uint8Array): ReadResult {
  if (buf.length === 0) return { ok: true, text: '', note: 'empty file' };
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    const text = utf8.decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    // GBK/Latin-1 comments are common; identifiers are ASCII, so scanning the Latin-1 reading loses nothing.
    return { ok: true, text: Buffer.from(buf).toString('latin1'), note: 'not valid UTF-8: read as Latin-1 (identifiers are unaffected)' };
  }
}
