/** Shared set-up for the scale tests: a built worker, a corpus (samples + generated files), a catalog. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from '../../bench/corpus.mjs';

export const ROOT = resolve(__dirname, '../..');

/**
 * The pool runs dist/parallel/parse-worker.js (worker threads cannot load TypeScript), so build
 * dist/ first. `npm test` does it in `pretest`; this covers `npx vitest run test/scale`.
 * A type error elsewhere in the tree makes tsc exit non-zero but still emit, which is enough here.
 */
export function buildDist(): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // emitted anyway; checked below
  }
  if (!existsSync(join(ROOT, 'dist/parallel/parse-worker.js'))) throw new Error('dist/parallel/parse-worker.js was not built');
}

/** A temp folder holding a copy of samples/ and a generated corpus of about 60 files. */
export function makeCorpus(): { dir: string; genFiles: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  cpSync(join(ROOT, 'samples'), join(dir, 'samples'), { recursive: true });
  const { files } = generateCorpus(join(dir, 'generated'), { lines: 40_000, seed: 7 });
  return { dir, genFiles: files };
}
