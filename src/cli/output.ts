/** Writing rendered reports: to stdout, to --output FILE, or one file per format into --output-dir. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../model/index.js';
import { REPORTERS } from '../report/index.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';

export function parseFormats(value: string | undefined, fallback = 'text'): string[] {
  const formats = (value ?? fallback).split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!REPORTERS[f]) throw new UsageError(`unknown format "${f}"`, `use one or more of: ${Object.keys(REPORTERS).join(', ')} (comma-separated)`);
  }
  return [...new Set(formats)];
}

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output/--output-dir');
  }
}

export interface OutputOptions {
  formats: string[];
  output?: string;
  outputDir?: string;
  /** Base name of files written into --output-dir. */
  baseName?: string;
}

export function emitReport(report: Report, opts: OutputOptions, io: CliIo): void {
  const { formats, output, outputDir } = opts;
  if (output && formats.length > 1) throw new UsageError('--output takes one format', 'use --output-dir DIR to write several formats');
  if (outputDir) {
    const written: string[] = [];
    for (const f of formats) {
      const reporter = REPORTERS[f]!;
      const path = join(outputDir, `${opts.baseName ?? 'ascendify-report'}.${reporter.extension}`);
      write(path, reporter.render(report, { color: false }));
      written.push(path);
    }
    for (const p of written) io.stderr(`wrote ${p}\n`);
    return;
  }
  if (output) {
    write(output, REPORTERS[formats[0]!]!.render(report, { color: false }));
    io.stderr(`wrote ${output}\n`);
    return;
  }
  for (const f of formats) io.stdout(REPORTERS[f]!.render(report, { color: io.color && f === 'text' }));
}
