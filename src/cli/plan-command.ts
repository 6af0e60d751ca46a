/** `ascendify plan`: the migration plan, ordered work packages per target (text, JSON, Markdown or CSV for a tracker). */
import type { Command } from 'commander';
import type { EffortReport } from '../model/index.js';
import { choicesText, planCsv, planMarkdown, planText } from '../report/plan-view.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';
import { writeText } from './output.js';
import { addScanOptions, runScan } from './scan-options.js';

const FORMATS = ['text', 'json', 'md', 'csv'];

/** Register `plan` on the program. */
export function registerPlanCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('plan')
    .description('the migration plan: ordered work packages per target with effort range, blockers, operators to use and first files (CSV for a tracker)')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-f, --format <format>', FORMATS.join(', '), 'text')
    .option('--top <n>', 'kernels listed per target in text and Markdown', '10');
  addScanOptions(cmd, { description: 'write the plan to a file instead of stdout' }).action(async (paths: string[], opts: Record<string, unknown>) => {
    const format = String(opts.format);
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" for plan`, `use ${FORMATS.join(', ')}`);
    const top = Number(opts.top);
    if (!Number.isInteger(top) || top < 0) throw new UsageError(`invalid --top ${String(opts.top)}`, 'use a whole number, 0 or more');
    const { report } = await runScan(paths, opts, io);
    const effort = report.effort as EffortReport;
    let text: string;
    if (format === 'json') {
      text = `${JSON.stringify({ root: report.root, hoursPerDay: effort.hoursPerDay, targets: effort.targets.map((t) => ({ target: t.target, kernelModel: t.kernelModel, days: t.days, plan: t.plan })) }, null, 2)}\n`;
    } else if (format === 'csv') {
      text = planCsv(report);
    } else if (format === 'md') {
      text = `${planMarkdown(report, top).join('\n')}\n`;
    } else {
      text = `${effort.targets.map((t) => [...planText(t, effort.hoursPerDay), '', ...choicesText(t, top)].join('\n')).join('\n\n')}\n`;
    }
    writeText(text, opts.output as string | undefined, io);
    setExit(0);
  });
}
