/**
 * Markdown summary for a pull-request comment or a wiki page: estimate per target, blockers, most used APIs
 * (with the catalog's confidence), where the work is (per folder), notes. Text from scanned files goes into
 * code spans (see escape.ts); with --source-url, locations link to the code.
 */
import type { Finding, Report, TargetId } from '../model/index.js';
import { DISPLAY_ORDER, isBlocker, replacementOf } from '../model/index.js';
import { confidenceMark, confidenceOf } from './confidence.js';
import { mdCode, mdText } from './escape.js';
import { filterText } from './filter.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { sourceUrl, type SourceLinks } from './links.js';
import { noteGroups } from './notes.js';
import { planMarkdown } from './plan-view.js';
import { progressMarkdown } from './progress-view.js';
import type { ReportView, TargetView } from './view.js';
import { answerOf, buildView, fmtEstimate, fmtNum, folderTable, ruleDocLink, statusOf, total } from './view.js';

export interface MarkdownOptions {
  /** Rows in the top-N lists and the folder table. */
  top?: number;
  lang?: Lang;
  links?: SourceLinks;
  /** Depth of the per-folder table (--group-depth); adaptive when not given. */
  groupDepth?: number;
}

const num = (n: number): string => n.toLocaleString('en-US');

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string[] {
  const sep = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function answer(m: Messages, f: Finding, target: TargetId): string {
  const t = answerOf(f, target);
  const what = replacementOf(t);
  return `${what.length ? `${what.map(mdCode).join(' + ')} ` : ''}(${mdText(m.status[t.status])})${mdText(confidenceMark(confidenceOf(t)))}`;
}

/** The confidence column: the word when every target agrees, else each target that is not confirmed. */
function confidenceCell(m: Messages, f: Finding, targets: TargetView[]): string {
  const per = targets.map((t) => ({ id: t.id, c: confidenceOf(f.targets[t.id]) }));
  const known = per.filter((p) => p.c);
  if (!known.length) return '—';
  const words = new Set(known.map((p) => p.c));
  if (words.size === 1) return m.confidence[known[0]!.c!];
  return known.filter((p) => p.c !== 'confirmed').map((p) => `${mdText(p.id)}: ${m.confidence[p.c!]}`).join(', ');
}

function symbolCell(f: Finding): string {
  return f.ruleId ? `[${mdCode(f.symbol)}](${ruleDocLink(f.family, f.ruleId)})` : mdCode(f.symbol);
}

function locationCell(f: Finding, links: SourceLinks | undefined): string {
  const url = sourceUrl(links, f.file, f.line);
  const code = mdCode(`${f.file}:${f.line}`);
  return url ? `[${code}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : code;
}

function estimateTable(v: ReportView, m: Messages): string[] {
  const withEffort = v.targets.some((t) => t.estimate);
  const head = [m.target, m.sdk, ...(withEffort ? [m.estimate, m.portability] : []), ...DISPLAY_ORDER.map((s) => m.status[s]), m.totalCol];
  const rows = v.targets.map((t: TargetView) => [
    `**${mdText(t.id)}** (${mdText(t.product)})`,
    mdText(t.sdk),
    ...(withEffort
      ? [t.estimate ? `${fmtEstimate({ ...t.estimate, unit: m.unitDays })} (${m.likelyDays(fmtNum(t.estimate.expected))})` : '—', t.estimate?.score !== undefined ? `${Math.round(t.estimate.score)}/100` : '—']
      : []),
    ...DISPLAY_ORDER.map((s) => num(t.byStatus[s])),
    num(total(t.byStatus)),
  ]);
  return table(head, rows, ['l', 'l', ...(withEffort ? (['r', 'r'] as const) : []), ...DISPLAY_ORDER.map(() => 'r' as const), 'r']);
}

function folderSection(report: Report, m: Messages, top: number, depth: number | undefined): string[] {
  const t = folderTable(report, depth);
  if (!t.rows.length) return [];
  const withDays = Boolean(report.effort?.targets.length);
  const head = [m.folderCol, m.filesCol, m.usesCol, ...report.targets.flatMap((x) => [...(withDays ? [m.effortOf(mdText(x.id))] : []), m.blockersOf(mdText(x.id))])];
  const rows = t.rows.slice(0, top).map((r) => [
    mdCode(r.folder),
    num(r.files),
    num(r.uses),
    ...report.targets.flatMap((x) => {
      const cell = r.byTarget[x.id]!;
      return [...(withDays ? [cell.days === undefined ? '—' : `${fmtNum(cell.days)} ${m.unitDays}`] : []), num(cell.blockers)];
    }),
  ]);
  const out = [`### ${m.whereWork}`, '', m.whereWorkMd(t.depth, t.adaptive), ''];
  out.push(...table(head, rows, ['l', 'r', 'r', ...report.targets.flatMap(() => (withDays ? (['r', 'r'] as const) : (['r'] as const)))]));
  if (t.rows.length > top) out.push('', m.moreComponents(t.rows.length - top));
  out.push('');
  return out;
}

function notesSection(report: Report, m: Messages): string[] {
  const groups = noteGroups(report);
  if (!groups.length) return [];
  const out = [`### ${m.notes}`, ''];
  for (const g of groups) {
    const n = g.items.length;
    const head = g.kind === 'parse' ? m.noteParse(n) : g.kind === 'skipped' ? m.noteSkipped(n, g.reason) : m.noteRead(n, g.reason);
    const shown = g.items.slice(0, 3).map((i) => mdCode(i.path)).join(', ');
    out.push(`- ${mdText(head)}: ${shown}${n > 3 ? ` … (${m.noteAllInJson})` : ''}`);
  }
  out.push('');
  return out;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const top = options.top ?? 10;
  const m = messages(options.lang);
  const v = buildView(report, top);
  const s = report.summary;
  const out: string[] = [];
  out.push(`## ${m.mdTitle}: ${mdCode(report.root)}`, '');
  out.push(
    `${m.scannedFiles(s.files.scanned)}${s.files.skipped ? ` (${m.skippedCount(s.files.skipped)})` : ''} · ${m.lines(s.lines)} · ` +
      `**${m.uses(s.findings)}** ${m.inFiles(s.files.withFindings)} · ${m.kernels(s.kernels)} · ` +
      `ascendify ${mdText(report.tool.version)}, catalog ${mdText(report.tool.catalogVersion)}`,
    '',
  );
  if (report.filter) out.push(`> **${m.filterBanner(report.filter.listed, report.filter.total, `${m.filtered} (${mdCode(filterText(report.filter.criteria))})`)}**`, '');
  if (!s.findings) {
    out.push(m.noCuda, '');
    return `${out.join('\n')}`;
  }
  out.push(`### ${m.estimatePerTarget}`, '', ...estimateTable(v, m), '');
  out.push(`<sub>${DISPLAY_ORDER.map((st) => `${m.status[st]}: ${m.statusMeaning[st]}`).join(' · ')}</sub>`, '');
  if (v.incompatibilities.length) {
    out.push(`### ${m.incompatibilities}`, '');
    for (const t of v.targets) {
      const list = v.incompatibilities.filter((i) => i.target === t.id);
      if (!list.length) continue;
      out.push(`**${mdText(t.id)}**`, '');
      out.push(
        ...table(
          [m.blocker, m.risk, m.usesCol, m.likelyHours, m.apis, m.whatToDo],
          list.slice(0, top).map((i) => [
            mdText(i.title),
            mdText(i.severity ?? ''),
            i.count !== undefined ? num(i.count) : '',
            i.hours !== undefined ? fmtNum(i.hours) : '',
            (i.symbols ?? []).slice(0, 4).map(mdCode).join(', ') + ((i.symbols?.length ?? 0) > 4 ? ` … +${(i.symbols?.length ?? 0) - 4}` : ''),
            mdText(i.detail ?? ''),
          ]),
          ['l', 'l', 'r', 'r', 'l', 'l'],
        ),
      );
      if (list.length > top) out.push('', m.more(list.length - top));
      out.push('');
    }
  }
  out.push(...planMarkdown(report, top));
  if (v.blockers.length) {
    out.push(`### ${m.blockers}`, '', m.blockersIntro, '');
    const rows = v.blockers.map(({ count, sample }) => [
      symbolCell(sample),
      num(count),
      ...v.targets.map((t) => {
        const st = statusOf(sample, t.id);
        const mark = mdText(confidenceMark(confidenceOf(sample.targets[t.id])));
        return isBlocker(st) ? `**${m.status[st]}**${mark}` : `${m.status[st]}${mark}`;
      }),
      confidenceCell(m, sample, v.targets),
      locationCell(sample, options.links),
    ]);
    out.push(...table([m.api, m.usesCol, ...v.targets.map((t) => mdText(t.id)), m.confidenceCol, m.firstSeen], rows, ['l', 'r', ...v.targets.map(() => 'l' as const), 'l', 'l']));
    if (v.blockerSymbols > v.blockers.length) out.push('', m.moreBlockersMd(v.blockerSymbols - v.blockers.length));
    out.push('');
  }
  if (v.topApis.length) {
    out.push(`### ${m.mostUsed}`, '');
    out.push(
      ...table(
        [m.api, m.usesCol, ...v.targets.map((t) => mdText(t.id)), m.confidenceCol],
        v.topApis.map(({ count, sample }) => [symbolCell(sample), num(count), ...v.targets.map((t) => answer(m, sample, t.id)), confidenceCell(m, sample, v.targets)]),
        ['l', 'r', ...v.targets.map(() => 'l' as const), 'l'],
      ),
      '',
    );
  }
  out.push(...progressMarkdown(report, m));
  out.push(...folderSection(report, m, top, options.groupDepth));
  out.push(...notesSection(report, m));
  return `${out.join('\n')}`;
}
