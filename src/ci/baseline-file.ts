/** Reading and writing baseline files; a missing or malformed baseline is a UsageError naming the file, never "empty". */
import { lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { readRegularText, RefusedFile, writeOutOfRoot } from '../util/read-file.js';
import { loadValidated } from '../util/validated.js';
import { serializeBaseline, type Baseline } from './baseline.js';

const HINT = 'create it with `ascendify baseline` (its format is schemas/baseline.schema.json)';

/** A baseline larger than this is refused (a million findings take about 300 MB). */
export const MAX_BASELINE_SIZE = 512 * 1024 * 1024;

/** Validate a baseline text. `file` is only used in messages. */
export function parseBaseline(text: string, file: string): Baseline {
  return loadValidated<Baseline>('baseline', text, `baseline ${file}`, 'json');
}

/**
 * Read a baseline file: a regular file only, and when it lies inside the scanned `root`, never through a
 * symbolic link out of it (a committed link to /dev/zero or a secret is refused, not read).
 */
export function readBaseline(path: string, root?: string): Baseline {
  let text: string;
  try {
    text = readRegularText(path, { maxBytes: MAX_BASELINE_SIZE, root });
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    throw new UsageError(e.code === 'ENOENT' || e.code === 'ENOTDIR' ? `baseline file not found: ${path}` : `cannot read baseline ${path}: it ${e.reason}`, HINT);
  }
  return parseBaseline(text, path);
}

/**
 * Write a baseline file. Inside the scanned `root`, a path that is a symbolic link leading out of the root (or
 * nowhere), or that sits in a folder linked out of it, is refused: writing through it would write elsewhere.
 */
export function writeBaseline(path: string, baseline: Baseline, root?: string): void {
  const out = root === undefined ? undefined : writeOutOfRoot(path, root);
  if (out) throw new UsageError(`cannot write baseline ${path}: it ${out}`, 'remove the link, or write the baseline elsewhere with --output');
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (e) {
    throw new UsageError(`cannot write baseline ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output path');
  }
}


/**
 * The files a baseline names that no longer exist: under one of the scanned paths (`scope`, relative to `root`
 * with /; '' is the whole root) and gone from the disk. Their entries count as fixed: deleting a file removes its
 * CUDA uses. Files outside the scope are left alone (a partial scan says nothing about them).
 */
export function deletedBaselineFiles(baseline: Baseline, root: string, scope: readonly string[]): Set<string> {
  const inScope = (file: string): boolean => scope.some((s) => s === '' || file === s || file.startsWith(`${s}/`));
  const out = new Set<string>();
  const checked = new Set<string>();
  for (const e of baseline.entries) {
    if (checked.has(e.file)) continue;
    checked.add(e.file);
    if (!inScope(e.file) || e.file.split('/').includes('..')) continue;
    try {
      lstatSync(join(root, e.file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') out.add(e.file);
    }
  }
  return out;
}

/** The baseline a scan compares with: its data, and the files it names that were deleted (their entries are fixed). */
export function baselineForScan(file: string, root: string, scope: readonly string[]): { file: string; data: Baseline; deleted: Set<string> } {
  const data = readBaseline(file, root);
  return { file, data, deleted: deletedBaselineFiles(data, root, scope) };
}
