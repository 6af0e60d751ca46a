/** Terminal report: totals, family x status per target, most used APIs, blockers, busiest files. */
import pc from 'picocolors';
import type { Finding, Report, Status, StatusCounts } from '../model/index.js';
import { answerText, DISPLAY_ORDER, STATUS_COLOR } from '../model/index.js';
import { topSymbols, totalOf } from '../score/summary.js';
import { byCodePoint } from '../util/order.js';
import { historyPoints, historyTargets, pct, progressTargets, shortDate } from './progress-view.js';
import { blocks, statusOf } from './view.js';

export interface TextOptions {
  color: boolean;
  /** How many rows the top-N lists show. */
  top?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

function paint(c: Colors, status: Status, text: string): string {
  return c[STATUS_COLOR[status]](text);
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;
// Whole numbers grouped by hand: the first toLocaleString call loads ICU data, tens of ms at start-up.
const num = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US'));
/** "1 kernel", "2 kernels". */
const count = (n: number, noun: string): string => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

function ranges(lines: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as number) === (lines[j] as number) + 1) j++;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

function statusTable(c: Colors, byFamily: Record<string, StatusCounts>, total: StatusCounts): string[] {
  const famWidth = Math.max(8, ...Object.keys(byFamily).map((f) => f.length)) + 2;
  const head = pad('family', famWidth) + DISPLAY_ORDER.map((s) => lpad(s, 9)).join('') + lpad('total', 8);
  const row = (name: string, counts: StatusCounts): string =>
    pad(name, famWidth) +
    DISPLAY_ORDER.map((s) => (counts[s] ? paint(c, s, lpad(num(counts[s]), 9)) : c.dim(lpad('·', 9)))).join('') +
    lpad(num(totalOf(counts)), 8);
  return [c.dim(head), ...Object.entries(byFamily).map(([f, counts]) => row(f, counts)), c.bold(row('total', total))];
}

/** One finding's answers, target by target in the report's order. */
function answersText(report: Report, f: Finding): string {
  return report.targets.map((t) => answerText(f.targets[t.id])).join(' | ');
}

/** The estimate per target, first thing in the report: likely person-days with the low–high range (docs/effort-model.md). */
function effortLead(report: Report, c: Colors): string[] {
  const e = report.effort;
  if (!e?.targets.length || (!report.findings.length && !report.kernels.length)) return [];
  const d = (n: number): string => n.toFixed(1);
  const out = ['', c.bold('Estimated effort') + c.dim(` (person-days of ${e.hoursPerDay} h; likely, low–high; \`ascendify effort --explain\` shows where it comes from)`)];
  for (const t of e.targets) {
    out.push(
      `  ${pad(t.target, 18)} ${c.bold(lpad(d(t.days.likely), 7))}  ${c.dim(`${d(t.days.low)}–${d(t.days.high)}`)}` +
        c.dim(`  · portability ${t.portability}/100 · ${count(t.kernels.rewrite, 'kernel')} rewritten, ${t.kernels.adapt} adapted`),
    );
  }
  return out;
}

/** Migration progress per target and component, and the last history points (docs/progress.md). */
export function progressText(report: Report, c: Colors): string[] {
  const out: string[] = [];
  const targets = progressTargets(report);
  if (targets.length) {
    out.push('', c.bold('Migration progress') + c.dim(' (target uses + guarded CUDA uses, of all uses)'));
    out.push(c.dim(`  ${pad('target / component', 28)} ${lpad('target', 7)} ${lpad('guarded', 8)} ${lpad('CUDA left', 10)} ${lpad('migrated', 9)}`));
    for (const t of targets) {
      out.push(c.bold(`  ${pad(t.target, 28)} ${lpad(num(t.targetUses), 7)} ${lpad(num(t.cudaGuarded), 8)} ${lpad(num(t.cudaRemaining), 10)} ${lpad(pct(t.percent), 9)}`));
      for (const k of t.components) {
        out.push(`    ${pad(k.component, 26)} ${lpad(num(k.targetUses), 7)} ${lpad(num(k.cudaGuarded), 8)} ${lpad(num(k.cudaRemaining), 10)} ${lpad(pct(k.percent), 9)}`);
      }
    }
  }
  const points = historyPoints(report.progress);
  if (points.length) {
    const targets = historyTargets(points);
    out.push('', c.bold('Progress over time') + c.dim(` (last ${points.length} scans of --history)`));
    out.push(c.dim(`  ${pad('date', 17)} ${pad('commit', 8)} ${targets.map((v) => `${lpad(v, 16)} ${lpad('left', 6)} ${lpad('hours', 7)}`).join(' ')}`));
    for (const p of points) {
      const cols = targets.map((v) => {
        const t = p.targets[v];
        return `${lpad(t ? pct(t.percent) : '-', 16)} ${lpad(t ? num(t.cudaRemaining) : '-', 6)} ${lpad(t?.effortHours !== undefined ? num(Math.round(t.effortHours)) : '-', 7)}`;
      });
      out.push(`  ${pad(shortDate(p.date), 17)} ${pad((p.commit ?? '').slice(0, 7) || '-', 8)} ${cols.join(' ')}`);
    }
  }
  return out;
}

export function renderText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const top = options.top ?? 10;
  const s = report.summary;
  const out: string[] = [];
  out.push(c.bold(`ascendify ${report.tool.version}`) + c.dim(` · catalog ${report.tool.catalogVersion} · ${report.root}`));
  out.push(
    `${count(s.files.scanned, 'file')} scanned${s.files.skipped ? `, ${num(s.files.skipped)} skipped` : ''} · ${count(s.lines, 'line')} · ` +
      `${c.bold(count(s.findings, 'CUDA use'))} in ${count(s.files.withFindings, 'file')} · ${count(s.kernels, 'kernel')}`,
  );
  out.push(...effortLead(report, c));
  if (!report.findings.length) {
    out.push('', c.green('No CUDA dependencies found.'));
  }
  for (const t of report.targets) {
    const ts = s.byTarget[t.id];
    if (!ts || !report.findings.length) continue;
    out.push('', c.bold(c.cyan(t.id)) + c.dim(` — ${t.product}, ${t.sdk}`));
    out.push(...statusTable(c, ts.byFamily, ts.byStatus).map((l) => `  ${l}`));
  }
  if (report.findings.length) {
    out.push('', c.bold('Most used CUDA APIs'));
    for (const { symbol, count, sample } of topSymbols(report.findings, top)) {
      out.push(`  ${pad(symbol, 40)} ${lpad(`${num(count)}×`, 6)}  ${answersText(report, sample)}`);
    }
    const blockers = report.findings.filter(blocks);
    if (blockers.length) {
      out.push('', c.bold(c.red('Blockers')) + c.dim(' (no equivalent or a rewrite on some target)'));
      for (const { symbol, count, sample } of topSymbols(blockers, top)) {
        const why = report.targets.map((t) => `${t.id} ${paint(c, statusOf(sample, t.id), statusOf(sample, t.id))}`).join(', ');
        out.push(`  ${pad(symbol, 40)} ${lpad(`${num(count)}×`, 6)}  ${why}  ${c.dim(`${sample.file}:${sample.line}`)}`);
      }
      const more = new Set(blockers.map((b) => b.symbol)).size - Math.min(top, new Set(blockers.map((b) => b.symbol)).size);
      if (more > 0) out.push(c.dim(`  … and ${more} more (see --format json)`));
    }
    const perFile = new Map<string, number>();
    for (const f of report.findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    out.push('', c.bold('Files with the most CUDA uses'));
    for (const [file, n] of [...perFile].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).slice(0, top)) {
      out.push(`  ${lpad(num(n), 6)}  ${file}`);
    }
  }
  out.push(...progressText(report, c));
  const skipped = report.files.filter((f) => f.status === 'skipped');
  if (skipped.length) {
    out.push('', c.bold(c.yellow('Skipped files')));
    for (const f of skipped) out.push(`  ${f.path}: ${f.reason}`);
  }
  const noted = report.files.filter((f) => f.status === 'scanned' && f.reason);
  const broken = report.files.filter((f) => f.parseErrorLines?.length);
  if (noted.length || broken.length) {
    out.push('', c.bold('Notes'));
    for (const f of noted) out.push(`  ${f.path}: ${f.reason}`);
    for (const f of broken) {
      out.push(`  ${f.path}: lines ${ranges(f.parseErrorLines ?? [])} did not parse; CUDA names there were still read from the tokens`);
    }
  }
  return `${out.join('\n')}\n`;
}
