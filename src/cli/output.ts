/** Writing rendered reports: to stdout, to --output FILE, or one file per format into --output-dir. */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../model/index.js';
import { messages } from '../report/i18n/index.js';
import { REPORTERS, type RenderContext, type Reporter } from '../report/index.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';

export function parseFormats(value: string | undefined, fallback = 'text'): string[] {
  const formats = (value ?? fallback).split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!REPORTERS[f]) throw new UsageError(`unknown format "${f}"`, `use one or more of: ${Object.keys(REPORTERS).join(', ')} (comma-separated)`);
  }
  // `md` and `markdown` are one format (one file): keep the first spelling given.
  const seen = new Set<string>();
  return formats.filter((f) => !seen.has(REPORTERS[f]!.extension) && seen.add(REPORTERS[f]!.extension));
}

/** Write pieces of text to a file, small ones gathered into blocks of up to 1 MB. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  const flush = (text: string): void => {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  };
  try {
    let block = '';
    for (const p of pieces) {
      if (p.length >= 1 << 16) {
        // a large piece goes out as it is (no copy into the block)
        if (block) flush(block);
        flush(p);
        block = '';
        continue;
      }
      block += p;
      if (block.length >= 1 << 20) {
        flush(block);
        block = '';
      }
    }
    if (block) flush(block);
  } finally {
    closeSync(fd);
  }
}

/** Render a report into a file: in pieces when the reporter offers them (large JSON reports), else as one string. */
function write(path: string, reporter: Reporter, report: Report, ctx: RenderContext): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (reporter.chunks) writePieces(path, reporter.chunks(report, ctx));
    else writeFileSync(path, reporter.render(report, ctx));
  } catch (e) {
    if (!(e as NodeJS.ErrnoException).code) throw e; // a bug in a renderer, not the file
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output/--output-dir');
  }
}

export interface OutputOptions {
  formats: string[];
  output?: string;
  outputDir?: string;
  /** Base name of files written into --output-dir. */
  baseName?: string;
  /** Language, links, SARIF limits … for the renderers (see RenderContext). */
  render?: Omit<RenderContext, 'color'>;
}

/** "wrote FILE", in the report's language. */
const wrote = (opts: OutputOptions, path: string): string => `${messages(opts.render?.lang).wrote(path)}\n`;

export function emitReport(report: Report, opts: OutputOptions, io: CliIo): void {
  const { formats, output, outputDir } = opts;
  if (output && formats.length > 1) throw new UsageError('--output takes one format', 'use --output-dir DIR to write several formats');
  if (outputDir) {
    const written: string[] = [];
    for (const f of formats) {
      const reporter = REPORTERS[f]!;
      const path = join(outputDir, `${opts.baseName ?? 'ascendify-report'}.${reporter.extension}`);
      write(path, reporter, report, { ...opts.render, color: false });
      written.push(path);
    }
    for (const p of written) io.stderr(wrote(opts, p));
    return;
  }
  if (output) {
    write(output, REPORTERS[formats[0]!]!, report, { ...opts.render, color: false });
    io.stderr(wrote(opts, output));
    return;
  }
  for (const f of formats) io.stdout(REPORTERS[f]!.render(report, { ...opts.render, color: io.color && f === 'text' }));
}

/** A command's text output: to stdout, or to `output` (a file, named on stderr). */
export function writeText(text: string, output: string | undefined, io: CliIo): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  try {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, text);
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output path');
  }
  io.stderr(`wrote ${output}\n`);
}
