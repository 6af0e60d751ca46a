/**
 * The library entry point: `scanAsync` (worker threads, the per-file budget, the caches; src/pipeline.ts, what the
 * CLI runs) and `scan`, the same pipeline in-process and synchronous, for callers that cannot await.
 */
import { parseStageSync } from './parallel/parse-stage.js';
import { parseSourceFile } from './parallel/parse-file.js';
import { createCudaParser } from './parse/cuda-parser.js';
import type { Report } from './model/index.js';
import { fileKeys, scanSteps, type ScanOptions } from './pipeline.js';

export * from './pipeline.js';

/** Scan in-process (synchronous; `jobs` and the per-file budget do not apply). Library callers and tests; the CLI uses `scanAsync`. */
export function scan(options: ScanOptions): Report {
  const steps = scanSteps(options);
  const k = fileKeys(steps);
  const key = steps.results && k ? steps.scan!.resultKey(steps.files, k.keys) : undefined;
  const hit = key ? steps.scan!.getResult(key) : undefined;
  if (hit) return hit;
  let parser: ReturnType<typeof createCudaParser> | undefined;
  const parsed = parseStageSync(steps.files, { lexicon: steps.lexicon, maxFileSize: steps.maxFileSize, cache: steps.facts, keys: k?.keys.keys }, (file) => {
    parser ??= createCudaParser();
    return parseSourceFile(parser, file, steps.lexicon(), steps.maxFileSize).parsed;
  });
  const { report } = steps.finish(parsed);
  if (k) steps.scan?.finish(steps.files, k.keys, steps.results && !parsed.stats.crashes ? key : undefined, report);
  steps.store?.close();
  return report;
}

