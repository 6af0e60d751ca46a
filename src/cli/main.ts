/**
 * Command line: `runCli(argv, io)` returns the exit code and never exits by itself.
 * Exit codes: 0 completed; 1 a gate failed (scan --fail-on); 2 usage error or unreadable input;
 * 3 internal error (a bug: please report it).
 */
import { Command, CommanderError } from 'commander';
import { CatalogError } from '../catalog/errors.js';
import { langFromEnv, LANGS, messages, parseLang, type Lang } from '../report/i18n/index.js';
import { escapeControl } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { TOOL_VERSION } from '../util/version.js';
import type { CliIo } from './io.js';
import { addScanOptions, collect, colorOf, runScan } from './scan-options.js';

// Start-up: a command loads only what it runs (dynamic imports below), and only the command named on the
// command line is registered, so `ascendify explain X` never loads the parser, the reports or the effort model.
export const EXIT = { ok: 0, gate: 1, usage: 2, internal: 3 } as const;

/** --lang from the command line (`--lang zh-CN`, `--lang=en`), else the locale; a bad value is a usage error. */
export function langOf(argv: string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined) continue;
    const lang = parseLang(value);
    if (!lang) throw new UsageError(`unknown language "${value}" for --lang`, `use ${LANGS.join(' or ')}`);
    return lang;
  }
  return langFromEnv(env);
}

/** The commands, each registered by a function that imports what the command needs. */
type Registrar = (program: Command, io: CliIo, setExit: (code: number) => void, lang: Lang) => Promise<void>;

/** The command named on the command line: the first word that is not an option (or the value of --lang). */
function commandOf(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
    else return undefined; // -h, -V or an unknown option: register everything
  }
  return undefined;
}

async function buildProgram(io: CliIo, setExit: (code: number) => void, lang: Lang, command: string | undefined): Promise<Command> {
  const program = new Command();
  program
    .name('ascendify')
    .option('--lang <lang>', 'language of the text, HTML and Markdown reports and of messages: en or zh-CN (default: from LC_ALL/LC_MESSAGES/LANG)')
    .description('Find every CUDA dependency in a C++ code base and what it becomes on Huawei Ascend (CANN) and Cambricon (Neuware).')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const registrars: Record<string, Registrar> = {
    scan: registerScan, effort: registerEffort, plan: registerPlan, baseline: registerBaseline, progress: registerProgress, merge: registerMerge,
    rules: registerRules, test: registerTest, diff: registerDiff, init: registerInit, explain: registerExplain, cache: registerCache,
  };
  // Only the command asked for; all of them for help, the version, or a name commander must reject.
  const wanted = command !== undefined && Object.hasOwn(registrars, command) ? [registrars[command]!] : Object.values(registrars);
  for (const register of wanted) await register(program, io, setExit, lang);
  return program;
}

const registerScan: Registrar = async (program, io, setExit, lang) => {
  const { addReportOptions, parseSarifMax, renderSettings, reportFilterOf } = await import('./report-options.js');
  const scanCommand = program
    .command('scan')
    .description('scan files and folders for CUDA uses')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-f, --format <formats>', 'text, json, html, md, sarif, csv, github (comma-separated for several, e.g. html,sarif with --output-dir)', 'text')
    .option('--output-dir <dir>', 'write one report file per format into this folder');
  addScanOptions(scanCommand, { description: 'write the report to a file instead of stdout' })
    .option('--baseline <file>', 'report only findings not in this baseline (see `ascendify baseline`)')
    .option('--fail-on <status>', 'exit 1 when a (new) finding has this status or a worse one on any target: unknown, none, rewrite, partial, direct')
    .option('--update-baseline', 'with --baseline: drop the entries of fixed findings from the baseline file')
    .option('--changed-since <git-ref>', 'scan only files changed since this git ref (committed, uncommitted and untracked)')
    .option('--new-lines-only', 'with --changed-since: keep only findings on changed lines')
    .option('--history <file>', 'append this scan\'s migration progress to a JSON-lines file and chart the points in the report');
  addReportOptions(scanCommand)
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { parseFormats, emitReport } = await import('./output.js');
      const { checkGateOptions, finishScan } = await import('./baseline-command.js');
      const { parseFailOn } = await import('../ci/gate.js');
      const { filterReport } = await import('../report/filter.js');
      const formats = parseFormats(opts.format as string);
      const gate = { failOn: opts.failOn as string | undefined, baseline: opts.baseline as string | undefined, updateBaseline: Boolean(opts.updateBaseline) };
      checkGateOptions(gate);
      const filter = reportFilterOf(opts);
      parseSarifMax(opts.sarifMaxResults); // a bad value fails before the scan
      const { report: scanned, catalog } = await runScan(paths, opts, io, {
        baseline: gate.baseline,
        changedSince: opts.changedSince as string | undefined,
        newLinesOnly: Boolean(opts.newLinesOnly),
      });
      const report = opts.history ? (await import('./history.js')).recordHistory(scanned, opts.history as string, paths[0] ?? '.', catalog.defaultProfile) : scanned;
      // Filters change what is listed; the gate judges the whole scan.
      const render = renderSettings(scanCommand, opts, io, { root: report.root, lang, failOn: gate.failOn ? parseFailOn(gate.failOn) : undefined });
      emitReport(filterReport(report, filter), { formats, output: opts.output as string | undefined, outputDir: opts.outputDir as string | undefined, render }, { ...io, color: colorOf(io, opts) });
      setExit(finishScan(report, gate, io, lang) === 0 ? EXIT.ok : EXIT.gate);
    });
};

const registerEffort: Registrar = async (program, io, setExit) => (await import('./effort-command.js')).registerEffortCommand(program, io, setExit);
const registerPlan: Registrar = async (program, io, setExit) => (await import('./plan-command.js')).registerPlanCommand(program, io, setExit);
const registerBaseline: Registrar = async (program, io, setExit) => (await import('./baseline-command.js')).registerBaselineCommand(program, io, setExit);
const registerTest: Registrar = async (program, io, setExit) => (await import('./test-command.js')).registerTestCommand(program, io, setExit);
const registerDiff: Registrar = async (program, io, setExit, lang) => (await import('./diff-command.js')).registerDiffCommand(program, io, setExit, lang);
const registerInit: Registrar = async (program, io, setExit, lang) => (await import('./init-command.js')).registerInitCommand(program, io, setExit, lang);
const registerCache: Registrar = async (program, io, setExit) => (await import('./cache-command.js')).registerCacheCommand(program, io, setExit);

const registerProgress: Registrar = async (program, io, setExit, lang) => {
  const progressCommand = program
    .command('progress')
    .description('migration progress: target code already written (Ascend, Cambricon) against the CUDA uses left, per target and component')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-f, --format <format>', 'text, json or md', 'text')
    .option('--history <file>', 'append this scan to a JSON-lines history file and show the last points');
  addScanOptions(progressCommand, { description: 'write the progress to a file instead of stdout' }).action(async (paths: string[], opts: Record<string, unknown>) => {
    const format = String(opts.format);
    if (!['text', 'json', 'md'].includes(format)) throw new UsageError(`unknown format "${format}" for progress`, 'use text, json or md');
    const { report: scanned, catalog } = await runScan(paths, opts, io);
    const report = opts.history ? (await import('./history.js')).recordHistory(scanned, opts.history as string, paths[0] ?? '.', catalog.defaultProfile) : scanned;
    const output = opts.output as string | undefined;
    const { writeText } = await import('./output.js');
    const m = messages(lang);
    let text: string;
    if (format === 'json') text = `${JSON.stringify(report.progress ?? null, null, 2)}\n`;
    else if (format === 'md') text = `${(await import('../report/progress-view.js')).progressMarkdown(report, m).join('\n') || `${m.noProgress}\n`}`;
    else {
      const pc = (await import('picocolors')).default;
      const { terminalSafe } = await import('../report/terminal.js');
      const lines = (await import('../report/text.js')).progressText(terminalSafe(report), pc.createColors(!output && colorOf(io, opts)), m);
      text = `${lines.length ? lines.join('\n').replace(/^\n/, '') : m.noProgress}\n`;
    }
    writeText(text, output, io);
    setExit(EXIT.ok);
  });
};

const registerMerge: Registrar = async (program, io, setExit, lang) => {
  const { addReportOptions, renderSettings, reportFilterOf } = await import('./report-options.js');
  const mergeCommand = program
    .command('merge')
    .description('merge the JSON reports of sharded scans into one report (paths get each shard\'s root as a prefix)')
    .argument('<reports...>', 'JSON reports of `ascendify scan --format json`; write file=prefix to choose a shard\'s path prefix')
    .option('-f, --format <formats>', 'any scan format (comma-separated for several with --output-dir)', 'json')
    .option('-o, --output <file>', 'write the merged report to a file instead of stdout')
    .option('--output-dir <dir>', 'write one report file per format into this folder');
  addReportOptions(mergeCommand).action(async (reports: string[], opts: Record<string, unknown>) => {
    const { parseFormats, emitReport } = await import('./output.js');
    const { filterReport } = await import('../report/filter.js');
    const formats = parseFormats(opts.format as string);
    const filter = reportFilterOf(opts);
    const report = (await import('./merge-command.js')).mergeFiles(reports);
    const render = renderSettings(mergeCommand, opts, io, { root: report.root, lang });
    emitReport(filterReport(report, filter), { formats, output: opts.output as string | undefined, outputDir: opts.outputDir as string | undefined, render }, io);
    setExit(EXIT.ok);
  });
};

const registerRules: Registrar = async (program, io, setExit) => {
  const rules = program
    .command('rules')
    .description('list the catalog rules; `rules stats` for counts per family and profile; `rules audit` for how sure each answer is')
    .argument('[action]', '"stats", or "audit" (confidence per family and profile, from the vendor data)')
    .option('--family <family>', 'only this family')
    .option('--json', 'JSON output')
    .option('--details', 'audit: list every answer that is not confirmed, with why')
    .option('-t, --target <targets>', 'audit: the profiles to audit (default: every chip on its newest release)')
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .action(async (action: string | undefined, opts: { family?: string; json?: boolean; details?: boolean; target?: string; rules: string[] }) => {
      const { loadCatalog, loadVendorInventories } = await import('../catalog/load.js');
      const { verifyCatalog } = await import('../catalog/verify.js');
      const { auditText, listRules, ruleStats } = await import('./rules-command.js');
      const catalog = loadCatalog({ userRules: opts.rules });
      if (action === 'stats') io.stdout(ruleStats(catalog, verifyCatalog(catalog, loadVendorInventories(catalog.profiles))));
      else if (action === 'audit') io.stdout(auditText(catalog, opts));
      else if (action === undefined) io.stdout(listRules(catalog, opts.family, Boolean(opts.json)));
      else throw new UsageError(`unknown rules action "${action}"`, 'use `ascendify rules`, `ascendify rules stats` or `ascendify rules audit`');
      setExit(EXIT.ok);
    });
  rules.addHelpText('after', '\nExamples:\n  ascendify rules --family nccl\n  ascendify rules stats\n  ascendify rules audit --target ascend-910b@8.5,ascend-910b --details');
};

const registerExplain: Registrar = async (program, io, setExit, lang) => {
  program
    .command('explain')
    .description('show what the catalog says about a CUDA symbol (or rule id): targets, status, note, source')
    .argument('<symbol>', 'a CUDA symbol such as cudaMalloc, __shfl_down_sync or cooperative_groups::this_grid')
    .option('--rules <dir>', 'extra rule files or folders (repeatable)', collect, [])
    .action(async (symbol: string, opts: { rules: string[] }) => {
      const { loadCatalog } = await import('../catalog/load.js');
      const { explainSymbol } = await import('./rules-command.js');
      io.stdout(explainSymbol(loadCatalog({ userRules: opts.rules }), symbol, lang));
      setExit(EXIT.ok);
    });
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  let lang: Lang = 'en';
  try {
    lang = langOf(argv, io.env);
  } catch (e) {
    io.stderr(`ascendify: error: ${(e as UsageError).message}\n  hint: ${(e as UsageError).hint ?? ''}\n`);
    return EXIT.usage;
  }
  const m = messages(lang);
  try {
    const program = await buildProgram({ ...io, lang }, (c) => (code = c), lang, commandOf(argv));
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
      io.stderr(`ascendify: ${m.error}: ${escapeControl(e.message)}\n${e.hint ? `  ${m.hint}: ${escapeControl(e.hint)}\n` : ''}`);
      return e.exitCode;
    }
    if (e instanceof CatalogError) {
      io.stderr(`ascendify: error in rules: ${escapeControl(e.message)}\n  hint: fix the file (format: docs/rules-format.md, schema: schemas/rules.schema.json)\n`);
      return EXIT.usage;
    }
    io.stderr(`ascendify: internal error: ${(e as Error).stack ?? String(e)}\n  please report this with the command you ran\n`);
    return EXIT.internal;
  }
}
