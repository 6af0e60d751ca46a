/** Reading and writing baseline files; a missing or malformed baseline is a UsageError naming the file, never "empty". */
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../util/errors.js';
import { loadValidated } from '../util/validated.js';
import { serializeBaseline, type Baseline } from './baseline.js';

const HINT = 'create it with `ascendify baseline` (its format is schemas/baseline.schema.json)';

/** Validate a baseline text. `file` is only used in messages. */
export function parseBaseline(text: string, file: string): Baseline {
  return loadValidated<Baseline>('baseline', text, `baseline ${file}`, 'json');
}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `baseline file not found: ${path}` : `cannot read baseline ${path}: ${code ?? (e as Error).message}`, HINT);
  }
  return parseBaseline(text, path);
}

export function writeBaseline(path: string, baseline: Baseline): void {
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (e) {
    throw new UsageError(`cannot write baseline ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output path');
  }
}
