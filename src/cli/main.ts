/**
 * Command line: `runCli(argv, io)` returns the exit code and never exits by itself.
 * Exit codes: 0 completed; 1 a gate failed (scan --fail-on); 2 usage error or unreadable input;
 * 3 internal error (a bug: please report it).
 */
import { Command, CommanderError, Option } from 'commander';
import { scanAsync, toolVersion } from '../analyze.js';
import { CatalogError } from '../catalog/errors.js';
import { loadCatalog, loadVendorInventories } from '../catalog/load.js';
import { verifyCatalog } from '../catalog/verify.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';
import { mergeFiles } from './merge-command.js';
import { emitReport, parseFormats } from './output.js';
import { createProgress } from './progress.js';
import { recordHistory } from './history.js';
import { explainSymbol, listRules, ruleStats } from './rules-command.js';
import { registerEffortCommand } from './effort-command.js';
import { addInputOptions, collect, inputOptions, parseGroupDepth } from './input-options.js';
import { checkGateOptions, finishScan, runBaseline } from './baseline-command.js';

export const EXIT = { ok: 0, gate: 1, usage: 2, internal: 3 } as const;

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`invalid --jobs "${value}"`, 'use a whole number of worker threads, 1 or more (1 parses in-process)');
  return n;
}


function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('ascendify')
    .description('Find every CUDA dependency in a C++ code base and what it becomes on Huawei Ascend (CANN) and Cambricon (Neuware).')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const scanCommand = program
    .command('scan')
    .description('scan files and folders for CUDA uses')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-f, --format <formats>', 'text, json, html, md, sarif, csv, github (comma-separated for several, e.g. html,sarif with --output-dir)', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--output-dir <dir>', 'write one report file per format into this folder');
  addInputOptions(scanCommand)
    .addOption(new Option('--no-color', 'no colour in the text report'))
    .option('--baseline <file>', 'report only findings not in this baseline (see `ascendify baseline`)')
    .option('--fail-on <status>', 'exit 1 when a (new) finding has this status or a worse one on any target: unknown, none, rewrite, partial, direct')
    .option('--update-baseline', 'with --baseline: drop the entries of fixed findings from the baseline file')
    .option('--changed-since <git-ref>', 'scan only files changed since this git ref (committed, uncommitted and untracked)')
    .option('--new-lines-only', 'with --changed-since: keep only findings on changed lines')
    .option('-j, --jobs <n>', 'parser worker threads (default: the number of cores; 1 parses in-process)')
    .option('--cache-dir <dir>', 'incremental cache folder (default: <root>/node_modules/.cache/ascendify, else $XDG_CACHE_HOME/ascendify or ~/.cache/ascendify)')
    .option('--no-cache', 'parse every file; do not read or write the incremental cache')
    .option('-q, --quiet', 'no progress output on stderr')
    .option('--group-depth <n>', 'folder depth of an effort component (1 = first folder under the root)', '1')
    .option('--history <file>', 'append this scan\'s migration progress to a JSON-lines file and chart the points in the report')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const formats = parseFormats(opts.format as string);
      const gate = { failOn: opts.failOn as string | undefined, baseline: opts.baseline as string | undefined, updateBaseline: Boolean(opts.updateBaseline) };
      checkGateOptions(gate);
      const progress = createProgress(io, { quiet: Boolean(opts.quiet) });
      const { report: scanned } = await scanAsync({
        onProgress: progress.enabled ? progress.update : undefined,
        ...inputOptions(paths, opts),
        jobs: opts.jobs === undefined ? undefined : parseJobs(opts.jobs as string),
        cache: opts.cache !== false,
        results: opts.cache !== false,
        cacheDir: opts.cacheDir as string | undefined,
        baseline: gate.baseline,
        changedSince: opts.changedSince as string | undefined,
        newLinesOnly: Boolean(opts.newLinesOnly),
        groupDepth: parseGroupDepth(String(opts.groupDepth)),
      }).finally(() => progress.end());
      const report = opts.history ? recordHistory(scanned, opts.history as string, paths[0] ?? '.') : scanned;
      const color = io.color && opts.color !== false;
      emitReport(report, { formats, output: opts.output as string | undefined, outputDir: opts.outputDir as string | undefined }, { ...io, color });
      setExit(finishScan(report, gate, io) === 0 ? EXIT.ok : EXIT.gate);
    });

  registerEffortCommand(program, io, setExit);

  const baselineCommand = program
    .command('baseline')
    .description('write a baseline of the current findings, so `scan --baseline FILE --fail-on …` fails only on new ones')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-o, --output <file>', 'baseline file to write', '.ascendify-baseline.json');
  addInputOptions(baselineCommand).action((paths: string[], opts: Record<string, unknown>) => {
    runBaseline(inputOptions(paths, opts), opts.output as string, io);
    setExit(EXIT.ok);
  });

  program
    .command('merge')
    .description('merge the JSON reports of sharded scans into one report (paths get each shard\'s root as a prefix)')
    .argument('<reports...>', 'JSON reports of `ascendify scan --format json`; write file=prefix to choose a shard\'s path prefix')
    .option('-f, --format <formats>', 'text or json (comma-separated for several)', 'json')
    .option('-o, --output <file>', 'write the merged report to a file instead of stdout')
    .option('--output-dir <dir>', 'write one report file per format into this folder')
    .option('--rules <dir>', 'the extra rule files or folders the shards were scanned with (repeatable)', collect, [])
    .action((reports: string[], opts: Record<string, unknown>) => {
      const formats = parseFormats(opts.format as string);
      const report = mergeFiles(reports, opts.rules as string[]);
      emitReport(report, { formats, output: opts.output as string | undefined, outputDir: opts.outputDir as string | undefined }, io);
      setExit(EXIT.ok);
    });
  const rules = program
    .command('rules')
    .description('list the catalog rules, or `rules stats` for counts per family and target profile')
    .argument('[action]', '"stats" for counts per family and profile')
    .option('--family <family>', 'only this family')
    .option('--json', 'JSON output')
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .action((action: string | undefined, opts: { family?: string; json?: boolean; rules: string[] }) => {
      const catalog = loadCatalog({ userRules: opts.rules });
      if (action === 'stats') io.stdout(ruleStats(catalog, verifyCatalog(catalog, loadVendorInventories(catalog.profiles))));
      else if (action === undefined) io.stdout(listRules(catalog, opts.family, Boolean(opts.json)));
      else throw new UsageError(`unknown rules action "${action}"`, 'use `ascendify rules` or `ascendify rules stats`');
      setExit(EXIT.ok);
    });
  rules.addHelpText('after', '\nExamples:\n  ascendify rules --family nccl\n  ascendify rules stats');

  program
    .command('explain')
    .description('show what the catalog says about a CUDA symbol (or rule id): targets, status, note, source')
    .argument('<symbol>', 'a CUDA symbol such as cudaMalloc, __shfl_down_sync or cooperative_groups::this_grid')
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .action((symbol: string, opts: { rules: string[] }) => {
      io.stdout(explainSymbol(loadCatalog({ userRules: opts.rules }), symbol));
      setExit(EXIT.ok);
    });
  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (!argv.length) {
      io.stdout(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`ascendify: error: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      return e.exitCode;
    }
    if (e instanceof CatalogError) {
      io.stderr(`ascendify: error in rules: ${e.message}\n  hint: fix the file (format: docs/rules-format.md, schema: schemas/rules.schema.json)\n`);
      return EXIT.usage;
    }
    io.stderr(`ascendify: internal error: ${(e as Error).stack ?? String(e)}\n  please report this with the command you ran\n`);
    return EXIT.internal;
  }
}
