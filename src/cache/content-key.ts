/** The content key of a file (path, language, bytes): what the facts cache and the result key are keyed by. */
import { createHash } from 'node:crypto';
import type { SourceFile } from '../model/index.js';

export function contentKey(file: Pick<SourceFile, 'path' | 'language'>, bytes: Uint8Array): string {
  return createHash('sha1').update(file.path).update('\0').update(file.language).update('\0').update(bytes).digest('hex');
}
