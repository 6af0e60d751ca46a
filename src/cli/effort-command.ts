/** `ascendify effort`: the estimate table per target and component, or --explain: the line items behind one number. */
import type { Command } from 'commander';
import pc from 'picocolors';
import type { EffortItem, EffortRange, EffortReport, KernelCounts, Report, TargetEffort, TargetIncompatibilities } from '../model/index.js';
import { terminalSafe } from '../report/terminal.js';
import { explainEffort, type EffortExplanation } from '../score/effort-explain.js';
import { UsageError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { renderCalibration, runCalibration } from './calibrate.js';
import type { CliIo } from './io.js';
import { writeText } from './output.js';
import { addScanOptions, colorOf, runScan } from './scan-options.js';

type Colors = ReturnType<typeof pc.createColors>;

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;
const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);
const spread = (r: EffortRange, f: (n: number) => string = f1): string => `${f(r.low)}–${f(r.high)}`;

/** The estimate table: one row per component, targets side by side (likely person-days, range, portability). */
export function renderEffortTable(report: Report, c: Colors, top = 8): string {
  const effort = report.effort as EffortReport;
  const out: string[] = [];
  out.push(
    c.bold('Effort estimate') +
      c.dim(` · ${report.root} · 1 person-day = ${effort.hoursPerDay} h · components at depth ${effort.groupDepth} · weights: ${effort.sources.join(' + ')}`),
  );
  out.push(c.dim('person-days: likely and low–high range (the calibrated error); port = portability 0–100, the share of the work that has a counterpart on the target'));
  const targets = effort.targets;
  if (!targets.length) return `${out.join('\n')}\n`;
  const comps = targets[0]!.byComponent.map((r) => r.key);
  const nameW = Math.max(10, ...comps.map((k) => k.length), 5) + 2;
  const colW = 26;
  const head1 = pad('', nameW + 12) + targets.map((t) => pad(`${t.target} (${t.kernelModel})`, colW)).join('');
  const head2 = pad('component', nameW) + lpad('uses', 6) + lpad('kern', 6) + targets.map(() => lpad('days', 7) + lpad('range', 13) + lpad('port', 6)).join('');
  out.push('', c.bold(head1), c.dim(head2));
  const cells = (d: EffortRange, port: number): string => lpad(f1(d.likely), 7) + lpad(spread(d), 13) + lpad(String(port), 6);
  for (const key of comps) {
    const rows = targets.map((t) => t.byComponent.find((r) => r.key === key)!);
    const first = rows[0]!;
    out.push(pad(key, nameW) + lpad(String(first.uses), 6) + lpad(String(first.kernels), 6) + rows.map((r) => cells(r.days, r.portability)).join(''));
  }
  const uses = report.findings.filter((f) => !f.suppressed).length;
  out.push(c.bold(pad('total', nameW) + lpad(String(uses), 6) + lpad(String(report.summary.kernels), 6) + targets.map((t) => cells(t.days, t.portability)).join('')));
  const k = effort.kernels;
  if (k) out.push(c.dim(kernelCountsText(k)));
  out.push('');
  for (const t of targets) {
    const b = t.breakdown;
    out.push(
      `${c.cyan(t.target)}: ${f1(t.total.likely)} h (${spread(t.total)}) = ` +
        c.bold(`${f1(t.days.likely)} person-days`) + ` (${spread(t.days)})` +
        c.dim(
          ` · kernels: ${t.kernels.map} mapped onto operators (${f1(b.adapters.likely)} h), ${t.kernels.rewrite} rewritten, ${t.kernels.adapt} adapted (${f1(b.kernels.likely)} h)` +
            ` · uses ${f1(b.uses.likely)} h, APIs ${f1(b.apis.likely)} h, learning ${f1(b.learning.likely)} h, setup ${f1(b.setup.likely)} h, build ${f1(b.build.likely)} h, validation ${f1(b.validation.likely)} h`,
        ),
    );
  }
  for (const t of targets) out.push(...renderChoices(t, c, top));
  for (const inc of report.incompatibilities ?? []) out.push(...renderBlockers(inc, c, top));
  out.push('', c.dim('Where a number comes from: ascendify effort <paths> --explain <component|folder|file>'));
  return `${out.join('\n')}\n`;
}

/** "12 entry kernels (3 duplicates, 1 excluded not counted; 2 flagged experimental) · 40 device helpers costed with them". */
export function kernelCountsText(k: KernelCounts): string {
  const skipped = [k.duplicates ? `${k.duplicates} duplicate${k.duplicates === 1 ? '' : 's'}` : '', k.excluded ? `${k.excluded} excluded` : ''].filter(Boolean);
  return `kernels: ${k.entry} entry kernel${k.entry === 1 ? '' : 's'} counted (one per distinct body${skipped.length ? `; ${skipped.join(', ')} not counted` : ''}` +
    `${k.flagged ? `; ${k.flagged} flagged as experimental variants` : ''}) · ${k.helpers} device helper${k.helpers === 1 ? '' : 's'} costed with the kernels that call them`;
}

/** The strategy per kernel: mapped onto an operator (which), or rewritten, and what the other strategy would cost. */
function renderChoices(t: TargetEffort, c: Colors, top: number): string[] {
  const withCandidate = t.choices.filter((k) => k.candidate);
  if (!t.choices.length) return [];
  const out = ['', c.bold(`Kernels on ${t.target}`) + c.dim(` (${t.kernels.map} mapped, ${t.kernels.rewrite} rewritten, ${t.kernels.adapt} adapted; hours likely: chosen, rewrite vs map)`)];
  const shown = [...t.choices].sort((a, b) => b.hours.likely - a.hours.likely || byCodePoint(a.file, b.file) || a.line - b.line).slice(0, top);
  for (const k of shown) {
    const alt = k.map !== undefined ? `rewrite ${f1(k.rewrite)} h / map ${f1(k.map)} h` : `rewrite ${f1(k.rewrite)} h, no operator`;
    const cand = k.candidate ? ` → ${k.candidate.operators.length ? k.candidate.operators.join(', ') : 'none'} (${k.candidate.title}; ${k.candidate.confidence}${k.candidate.match === 'file' ? ', by file name' : ''})` : '';
    out.push(`  ${pad(k.strategy, 7)} ${lpad(f1(k.hours.likely), 6)} h  ${k.kernel} ${c.dim(`${k.file}:${k.line}`)}${cand}`);
    out.push(c.dim(`          ${alt}${k.why ? ` · ${k.why}` : ''}`));
  }
  if (t.choices.length > top) out.push(c.dim(`  … and ${t.choices.length - top} more (${withCandidate.length} with an operator candidate; see --format json)`));
  return out;
}

function renderBlockers(inc: TargetIncompatibilities, c: Colors, top: number): string[] {
  if (!inc.items.length) return [];
  const out = ['', c.bold(c.red(`Blockers on ${inc.target}`)) + c.dim(' (most estimated hours first; hours are part of the estimate, not added to it)')];
  for (const i of inc.items.slice(0, top)) {
    const where = i.locations.slice(0, 3).map((l) => `${l.file}:${l.line}`).join(', ') + (i.locations.length > 3 ? `, … ${i.locations.length - 3} more` : '');
    const risk = i.risk === 'high' ? c.red(pad(i.risk, 6)) : i.risk === 'medium' ? c.yellow(pad(i.risk, 6)) : pad(i.risk, 6);
    out.push(`  ${risk} ${lpad(f1(i.hours.likely), 6)} h  ${i.title} ${c.dim(`(${i.count} use${i.count === 1 ? '' : 's'}) ${where}`)}`);
    out.push(c.dim(`         → ${i.advice}`));
  }
  if (inc.items.length > top) out.push(c.dim(`  … and ${inc.items.length - top} more (see --format json)`));
  return out;
}

function itemLabel(i: EffortItem): string {
  const where = i.file ? ` ${i.file}${i.line ? `:${i.line}` : ''}` : '';
  switch (i.kind) {
    case 'kernel': return `kernel ${i.subject} ${i.mode} ${i.part}${where}`;
    case 'adapter': return `adapter ${i.subject} ${i.part}${where}`;
    case 'setup': return `setup: ${i.subject}${i.component ? ` (${i.component})` : ''}`;
    case 'learning': return `learning the ${i.subject}${where}`;
    case 'use': return `use ${i.subject} (${i.status})${where}`;
    case 'api': return `API ${i.subject} (${i.status})${where}`;
    case 'covered': return `use ${i.subject} (${i.status}) covered by kernel rewrite${where}`;
    default: return i.subject;
  }
}

/** The explanation as text: every contributing item (item, count, weight, hours), then the overheads and the total. */
export function renderExplanation(e: EffortExplanation, kernelModel: string, hoursPerDay: number, c: Colors): string {
  const out: string[] = [];
  out.push(c.bold(c.cyan(`${e.target} (${kernelModel})`)) + ` — ${e.matched} ${e.selector}`);
  const rows = e.items.map((i) => ({
    label: itemLabel(i),
    count: Number.isInteger(i.count) ? String(i.count) : i.count.toFixed(3),
    rate: `${f2(i.rate.likely)} (${spread(i.rate, f2)})`,
    hours: `${f2(i.hours.likely)} (${spread(i.hours, f2)})`,
    weight: i.weight + (i.note ? c.dim(` — ${i.note}`) : ''),
  }));
  const lw = Math.min(90, Math.max(20, ...rows.map((r) => r.label.length))) + 2;
  const rw = Math.max(18, ...rows.map((r) => r.rate.length)) + 2;
  const hw = Math.max(20, ...rows.map((r) => r.hours.length)) + 2;
  out.push(c.dim('  ' + pad('item', lw) + lpad('count', 7) + '  ' + pad('weight h (low–high)', rw) + pad('hours (low–high)', hw) + 'from'));
  for (const r of rows) out.push('  ' + pad(r.label, lw) + lpad(r.count, 7) + '  ' + pad(r.rate, rw) + pad(r.hours, hw) + r.weight);
  const line = (label: string, h: EffortRange, from = ''): string => '  ' + pad(label, lw + 9 + rw) + pad(`${f2(h.likely)} (${spread(h, f2)})`, hw) + from;
  out.push(c.bold(line('code work (sum of the items)', e.code)));
  out.push(line('build system (fraction of code work)', e.build, 'build.fraction'));
  out.push(line('testing and validation (fraction of code work)', e.validation, 'validation.fraction'));
  out.push(c.bold(line('total hours', e.total)) + c.bold(`= ${f1(e.days.likely)} person-days (${spread(e.days)}) at ${hoursPerDay} h/day`));
  return out.join('\n');
}

/** Register `effort` on the program. */
export function registerEffortCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('effort')
    .description('estimate the porting effort in hours and person-days per target and component; --explain shows where a number comes from')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('--explain <what>', 'a component, folder or file (or "all"): list every item, weight and hour behind its estimate')
    .option('--calibrate <ports.yaml>', 'fit the weights to finished ports (their CUDA originals and measured effort) and report the leave-one-out error')
    .option('-f, --format <format>', 'text or json', 'text');
  addScanOptions(cmd, { description: 'write the estimate to a file instead of stdout' }).action(async (paths: string[], opts: Record<string, unknown>) => {
    const format = String(opts.format);
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" for effort`, 'use text or json (for html, md or sarif reports use `ascendify scan`)');
    const output = opts.output as string | undefined;
    if (opts.calibrate !== undefined) {
      if (opts.explain !== undefined) throw new UsageError('--calibrate and --explain cannot be combined', 'run them separately');
      const r = await runCalibration(String(opts.calibrate), opts, io);
      writeText(format === 'json' ? `${JSON.stringify(r, null, 2)}\n` : renderCalibration(r), output, io);
      setExit(0);
      return;
    }
    const { report } = await runScan(paths, opts, io);
    const c = pc.createColors(!output && colorOf(io, opts));
    const effort = report.effort as EffortReport;
    const explain = opts.explain as string | undefined;
    let text: string;
    if (explain === undefined) {
      text = format === 'json' ? `${JSON.stringify({ effort, incompatibilities: report.incompatibilities ?? [] }, null, 2)}\n` : renderEffortTable(terminalSafe(report), c);
    } else {
      const explanations = effort.targets.map((t) => ({ target: t, e: explainEffort(t, effort.weights, explain) }));
      if (explanations.some((x) => x.e === undefined)) {
        const comps = effort.targets[0]?.byComponent.map((r) => r.key).join(', ') ?? '';
        throw new UsageError(`nothing to explain for "${explain}": no file, folder or component of that name has effort`, `use a component (${comps}), a folder, a file path relative to ${report.root}, or "all"`);
      }
      text = format === 'json'
        ? `${JSON.stringify({ explain: explanations.map((x) => x.e) }, null, 2)}\n`
        : `${explanations.map((x) => renderExplanation(terminalSafe(x.e!), x.target.kernelModel, effort.hoursPerDay, c)).join('\n\n')}\n`;
    }
    writeText(text, output, io);
    setExit(0);
  });
}
