/**
 * Terminal report: totals, family x status per target, most used APIs, blockers, where the work is (per
 * folder), busiest files, progress, and the notes summarised. Columns are aligned by terminal width, so
 * Chinese text (--lang zh-CN) lines up too. Answers the catalog is not sure of carry a mark (~ likely,
 * ? uncertain).
 */
import pc from 'picocolors';
import type { Finding, Report, Status, StatusCounts } from '../model/index.js';
import { DISPLAY_ORDER, replacementOf, STATUS_COLOR } from '../model/index.js';
import { topSymbols, totalOf } from '../score/summary.js';
import { byCodePoint } from '../util/order.js';
import { displayWidth, padEndW as pad, padStartW as lpad } from '../util/width.js';
import { confidenceMark, confidenceOf } from './confidence.js';
import { filterText } from './filter.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { noteGroups } from './notes.js';
import { sgrMark, terminalLines } from './terminal.js';
import { historyPoints, historyTargets, pct, progressTargets, shortDate } from './progress-view.js';
import { blocks, folderTable, statusOf } from './view.js';

export interface TextOptions {
  color: boolean;
  /** How many rows the top-N lists show. */
  top?: number;
  lang?: Lang;
  /** Folder depth of the per-folder table (--group-depth); adaptive when not given. */
  groupDepth?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours as marks (`sgrMark`), so that the whole rendered text can be escaped for the terminal and the colours put
 * back after (`terminalLines`): escaping the report's strings one by one cost more than rendering it.
 */
function markedColors(enabled: boolean): Colors {
  const plain = pc.createColors(false);
  if (!enabled) return plain;
  const fmt = (open: number, close: number, reopen = open) => (input: unknown): string => {
    const o = sgrMark(open);
    const c = sgrMark(close);
    return `${o}${String(input).split(c).join(c + sgrMark(reopen))}${c}`;
  };
  return {
    ...plain,
    isColorSupported: true,
    bold: fmt(1, 22),
    dim: fmt(2, 22),
    red: fmt(31, 39),
    green: fmt(32, 39),
    yellow: fmt(33, 39),
    magenta: fmt(35, 39),
    cyan: fmt(36, 39),
    gray: fmt(90, 39),
  };
}

function paint(c: Colors, status: Status, text: string): string {
  return c[STATUS_COLOR[status]](text);
}

// Whole numbers grouped by hand: the first toLocaleString call loads ICU data, tens of ms at start-up.
const num = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US'));

function statusTable(c: Colors, m: Messages, byFamily: Record<string, StatusCounts>, total: StatusCounts): string[] {
  const famWidth = Math.max(8, ...Object.keys(byFamily).map((f) => displayWidth(f))) + 2;
  const col = Math.max(9, ...DISPLAY_ORDER.map((s) => displayWidth(m.status[s]) + 2));
  const head = pad(m.family, famWidth) + DISPLAY_ORDER.map((s) => lpad(m.status[s], col)).join('') + lpad(m.total, 8);
  const row = (name: string, counts: StatusCounts): string =>
    pad(name, famWidth) +
    DISPLAY_ORDER.map((s) => (counts[s] ? paint(c, s, lpad(num(counts[s]), col)) : c.dim(lpad('·', col)))).join('') +
    lpad(num(totalOf(counts)), 8);
  return [c.dim(head), ...Object.entries(byFamily).map(([f, counts]) => row(f, counts)), c.bold(row(m.total, total))];
}

/** "aclrtMalloc (direct)", "aclrtMalloc (direct)?" when uncertain. */
function answerMarked(m: Messages, f: Finding, target: string): string {
  const a = f.targets[target];
  if (!a) return `(${m.status.unknown})`;
  const what = replacementOf(a);
  return `${what.length ? `${what.join(' + ')} ` : ''}(${m.status[a.status]})${confidenceMark(confidenceOf(a))}`;
}

/** One finding's answers, target by target in the report's order. */
function answersText(report: Report, m: Messages, f: Finding): string {
  return report.targets.map((t) => answerMarked(m, f, t.id)).join(' | ');
}

/** The estimate per target, first thing in the report: likely person-days with the low–high range (docs/effort-model.md). */
function effortLead(report: Report, c: Colors, m: Messages): string[] {
  const e = report.effort;
  if (!e?.targets.length || (!report.summary.findings && !report.kernels.length)) return [];
  const d = (n: number): string => n.toFixed(1);
  const out = ['', c.bold(m.effortTitle) + c.dim(m.effortHint(e.hoursPerDay))];
  for (const t of e.targets) {
    out.push(`  ${pad(t.target, 18)} ${c.bold(lpad(d(t.days.likely), 7))}  ${c.dim(`${d(t.days.low)}–${d(t.days.high)}`)}` + c.dim(m.effortRow(t.portability, t.kernels.map, t.kernels.rewrite, t.kernels.adapt)));
  }
  return out;
}

/** Migration progress per target and component, and the last history points (docs/progress.md). */
export function progressText(report: Report, c: Colors, m: Messages = messages('en')): string[] {
  const out: string[] = [];
  const targets = progressTargets(report);
  const [h0, h1, h2, h3, h4] = m.progressCols as [string, string, string, string, string];
  if (targets.length) {
    out.push('', c.bold(m.progressTitle) + c.dim(m.progressHint));
    out.push(c.dim(`  ${pad(h0, 28)} ${lpad(h1, 7)} ${lpad(h2, 8)} ${lpad(h3, 10)} ${lpad(h4, 9)}`));
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
    const [d0, d1, d2, d3] = m.historyCols as [string, string, string, string];
    out.push('', c.bold(m.historyTitle) + c.dim(m.historyHint(points.length)));
    out.push(c.dim(`  ${pad(d0, 17)} ${pad(d1, 8)} ${targets.map((v) => `${lpad(v, 16)} ${lpad(d2, 6)} ${lpad(d3, 7)}`).join(' ')}`));
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

/** Uses, blockers and likely days per folder, at an adaptive depth (or --group-depth). */
function whereTheWorkIs(report: Report, c: Colors, m: Messages, top: number, depth: number | undefined): string[] {
  const table = folderTable(report, depth);
  if (table.rows.length < 2 && !depth) return [];
  const shown = table.rows.slice(0, top);
  const nameW = Math.max(10, ...shown.map((r) => displayWidth(r.folder))) + 2;
  const withDays = Boolean(report.effort?.targets.length);
  const cellW = (t: string): number => Math.max(displayWidth(t) + 1, withDays ? 14 : 8);
  const d1 = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cell = (blk: number, days?: number): string => (withDays ? `${lpad(num(blk), 5)} ${lpad(days === undefined ? '-' : d1(days), 7)}` : lpad(num(blk), 6));
  const out = ['', c.bold(m.whereWork) + c.dim(m.whereWorkHint(table.depth, table.adaptive))];
  out.push(c.dim(`  ${pad(m.folder, nameW)}${lpad(m.usesHead, 8)}  ${report.targets.map((t) => lpad(t.id, cellW(t.id))).join('')}`));
  out.push(c.dim(`  ${pad('', nameW)}${lpad('', 8)}  ${report.targets.map((t) => lpad(withDays ? `${lpad(m.blk, 5)} ${lpad(m.days, 7)}` : lpad(m.blk, 6), cellW(t.id))).join('')}`));
  for (const r of shown) {
    out.push(`  ${pad(r.folder, nameW)}${lpad(num(r.uses), 8)}  ${report.targets.map((t) => lpad(cell(r.byTarget[t.id]!.blockers, r.byTarget[t.id]!.days), cellW(t.id))).join('')}`);
  }
  if (table.rows.length > shown.length) out.push(c.dim(`  ${m.moreFolders(table.rows.length - shown.length)}`));
  return out;
}

/** What a note's detail adds to its reason: `reason: more` or `reason (more)` gives `more`. */
function detailOf(detail: string, reason: string): string {
  const rest = detail.slice(reason.length).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) return rest.slice(1, -1).trim();
  return rest.replace(/^:\s*/, '');
}

function notesText(report: Report, c: Colors, m: Messages): string[] {
  const groups = noteGroups(report);
  if (!groups.length) return [];
  const out = ['', c.bold(m.notes)];
  for (const g of groups) {
    const n = g.items.length;
    if (g.kind === 'parse') {
      const worst = g.items.slice(0, 3).map((i) => `${i.path} (${m.noteLines(i.weight)})`).join(', ');
      out.push(`  ${m.noteParse(n)}: ${worst}${n > 3 ? ', …' : ''}${n > 1 ? c.dim(` — ${m.noteAllInJson}`) : ''}`);
      continue;
    }
    const line = g.kind === 'skipped' ? m.noteSkipped(n, g.reason) : m.noteRead(n, g.reason);
    const examples = n === 1 ? `${g.items[0]!.path}${g.items[0]!.detail !== g.reason ? ` (${detailOf(g.items[0]!.detail, g.reason)})` : ''}` : `${g.items.slice(0, 3).map((i) => i.path).join(', ')}${n > 3 ? ', …' : ''}`;
    out.push(`  ${line}: ${examples}${n > 3 ? c.dim(` — ${m.noteAllInJson}`) : ''}`);
  }
  return out;
}

/**
 * The text report. Everything it prints is escaped for the terminal (`terminalLines`): names from the scanned
 * tree cannot move the cursor, retitle the terminal or reorder a line.
 */
export function renderText(report: Report, options: TextOptions): string {
  const c = markedColors(Boolean(options.color));
  const m = messages(options.lang);
  const top = options.top ?? 10;
  const s = report.summary;
  const out: string[] = [];
  out.push(c.bold(`ascendify ${report.tool.version}`) + c.dim(` · catalog ${report.tool.catalogVersion} · ${report.root}`));
  out.push(
    `${m.scannedFiles(s.files.scanned)}${s.files.skipped ? `, ${m.skippedCount(s.files.skipped)}` : ''} · ${m.lines(s.lines)} · ` +
      `${c.bold(m.uses(s.findings))} ${m.inFiles(s.files.withFindings)} · ${m.kernels(s.kernels)}`,
  );
  if (report.filter) {
    out.push(c.yellow(m.filterBanner(report.filter.listed, report.filter.total, `${m.filtered} (${filterText(report.filter.criteria)})`)));
  }
  out.push(...effortLead(report, c, m));
  if (!s.findings) out.push('', c.green(m.noCuda));
  for (const t of report.targets) {
    const ts = s.byTarget[t.id];
    if (!ts || !s.findings) continue;
    out.push('', c.bold(c.cyan(t.id)) + c.dim(` — ${t.product}, ${t.sdk}`));
    out.push(...statusTable(c, m, ts.byFamily, ts.byStatus).map((l) => `  ${l}`));
  }
  let marked = false;
  if (report.findings.length) {
    out.push('', c.bold(m.mostUsed));
    for (const { symbol, count, sample } of topSymbols(report.findings, top)) {
      const answers = answersText(report, m, sample);
      marked ||= /[~?]( \||$)/.test(answers);
      out.push(`  ${pad(symbol, 40)} ${lpad(`${num(count)}×`, 6)}  ${answers}`);
    }
    const blockers = report.findings.filter(blocks);
    if (blockers.length) {
      out.push('', c.bold(c.red(m.blockers)) + c.dim(m.blockersHint));
      for (const { symbol, count, sample } of topSymbols(blockers, top)) {
        const why = report.targets
          .map((t) => {
            const st = statusOf(sample, t.id);
            const mark = confidenceMark(confidenceOf(sample.targets[t.id]));
            marked ||= mark !== '';
            return `${t.id} ${paint(c, st, m.status[st])}${mark}`;
          })
          .join(', ');
        out.push(`  ${pad(symbol, 40)} ${lpad(`${num(count)}×`, 6)}  ${why}  ${c.dim(`${sample.file}:${sample.line}`)}`);
      }
      const symbols = new Set(blockers.map((b) => b.symbol)).size;
      if (symbols > top) out.push(c.dim(`  ${m.moreBlockers(symbols - top)}`));
    }
    out.push(...whereTheWorkIs(report, c, m, top, options.groupDepth));
    const perFile = new Map<string, number>();
    for (const f of report.findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    out.push('', c.bold(m.busiestFiles));
    for (const [file, n] of [...perFile].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).slice(0, top)) {
      out.push(`  ${lpad(num(n), 6)}  ${file}`);
    }
    if (marked) out.push('', c.dim(m.confidenceLegend));
  }
  out.push(...progressText(report, c, m));
  out.push(...notesText(report, c, m));
  return `${terminalLines(out).join('\n')}\n`;
}
