/**
 * CI verbs: `ascendify baseline` (write the baseline file) and what `scan` does after scanning in CI
 * mode: print diagnostics and the baseline comparison, ratchet the baseline, apply the --fail-on gate.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildBaseline, dropFixed } from '../ci/baseline.js';
import { readBaseline, writeBaseline } from '../ci/baseline-file.js';
import { gateFailures, parseFailOn } from '../ci/gate.js';
import type { Report } from '../model/index.js';
import { messages, type Lang } from '../report/i18n/index.js';
import { escapeControl as esc } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { TOOL_VERSION } from '../util/version.js';
import type { CliIo } from './io.js';
import { addScanOptions, runScan } from './scan-options.js';

/** Register `baseline`: scan and write every current (unsuppressed) finding as accepted. */
export function registerBaselineCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('baseline')
    .description('write a baseline of the current findings, so `scan --baseline FILE --fail-on …` fails only on new ones')
    .argument('[paths...]', 'files or folders to scan', ['.']);
  addScanOptions(cmd, { description: 'baseline file to write', default: '.ascendify-baseline.json' }).action(async (paths: string[], opts: Record<string, unknown>) => {
    const output = opts.output as string;
    const result = await runScan(paths, opts, io);
    const baseline = buildBaseline(result.report.findings, result.fingerprints, TOOL_VERSION);
    writeBaseline(output, baseline, resolve(result.report.root));
    printDiagnostics(result.report, io);
    io.stderr(`${messages(io.lang).baselineWrote(output, baseline.entries.length)}\n`);
    setExit(0);
  });
}

function printDiagnostics(report: Report, io: CliIo): void {
  for (const d of report.diagnostics ?? []) io.stderr(`ascendify: ${d.severity}: ${esc(d.file)}:${d.line}: ${esc(d.message)} [${d.code}]\n`);
}

export interface GateOptions {
  failOn?: string;
  /** The --baseline path as given. */
  baseline?: string;
  updateBaseline?: boolean;
}

/** Check CI options before scanning, so a bad value fails fast. */
export function checkGateOptions(opts: GateOptions): void {
  if (opts.failOn !== undefined) parseFailOn(opts.failOn);
  if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE', 'add --baseline .ascendify-baseline.json');
}

/** After a scan: diagnostics, baseline summary and ratchet, then the gate. Returns the exit code (0 or 1). */
export function finishScan(report: Report, opts: GateOptions, io: CliIo, lang: Lang = 'en'): number {
  const m = messages(lang);
  printDiagnostics(report, io);
  if (report.baseline && opts.baseline) {
    const { counts, fixed } = report.baseline;
    io.stderr(`${m.baselineLine(esc(report.baseline.file), counts.new, counts.unchanged, counts.fixed)}\n`);
    if (opts.updateBaseline) {
      if (fixed.length) {
        const root = resolve(report.root);
        const next = dropFixed(readBaseline(opts.baseline, root), new Set(fixed.map((f) => f.fingerprint)), TOOL_VERSION);
        writeBaseline(opts.baseline, next, root);
        io.stderr(`updated ${opts.baseline}: dropped ${fixed.length} fixed entr${fixed.length === 1 ? 'y' : 'ies'}\n`);
      } else {
        io.stderr(`${opts.baseline} is up to date: nothing fixed\n`);
      }
    } else if (fixed.length) {
      io.stderr(`  ${m.updateBaselineHint}\n`);
    }
  }
  if (opts.failOn === undefined) return 0;
  const threshold = parseFailOn(opts.failOn);
  const failing = gateFailures(report.findings, threshold);
  if (!failing.length) return 0;
  io.stderr(`ascendify: ${m.gateFailed(failing.length, Boolean(report.baseline), threshold)}\n`);
  for (const f of failing.slice(0, 20)) {
    const statuses = Object.entries(f.targets).map(([id, t]) => `${id}: ${t.status}`).join(', ');
    io.stderr(`  ${esc(f.file)}:${f.line}:${f.column} ${esc(f.symbol)} (${statuses})\n`);
  }
  if (failing.length > 20) io.stderr(`  ${m.andMoreLine(failing.length - 20)}\n`);
  return 1;
}
