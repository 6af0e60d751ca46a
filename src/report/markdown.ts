/**
 * Markdown summary for a pull-request comment or a wiki page: estimate per target, blockers, most
 * used APIs, components. Text from scanned files goes into code spans (see escape.ts).
 */
import type { Finding, Report, TargetId } from '../model/index.js';
import { DISPLAY_ORDER, isBlocker, replacementOf, STATUS_LABEL, STATUS_MEANING } from '../model/index.js';
import { mdCode, mdText } from './escape.js';
import { planMarkdown } from './plan-view.js';
import { progressMarkdown } from './progress-view.js';
import type { ComponentView, ReportView, TargetView } from './view.js';
import { answerOf, buildView, fmtEstimate, fmtNum, ruleDocLink, statusOf, total } from './view.js';

export interface MarkdownOptions {
  /** Rows in the top-N lists and the components table. */
  top?: number;
}

const num = (n: number): string => n.toLocaleString('en-US');
const count = (n: number, noun: string): string => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string[] {
  const sep = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function answer(f: Finding, target: TargetId): string {
  const t = answerOf(f, target);
  const what = replacementOf(t);
  return `${what.length ? `${what.map(mdCode).join(' + ')} ` : ''}(${t.status})`;
}

function symbolCell(f: Finding): string {
  return f.ruleId ? `[${mdCode(f.symbol)}](${ruleDocLink(f.family, f.ruleId)})` : mdCode(f.symbol);
}

function estimateTable(v: ReportView): string[] {
  const withEffort = v.targets.some((t) => t.estimate);
  const head = ['Target', 'SDK', ...(withEffort ? ['Estimate', 'Portability'] : []), ...DISPLAY_ORDER.map((s) => STATUS_LABEL[s]), 'Total'];
  const rows = v.targets.map((t: TargetView) => [
    `**${mdText(t.id)}** (${mdText(t.product)})`,
    mdText(t.sdk),
    ...(withEffort
      ? [t.estimate ? `${fmtEstimate(t.estimate)} (likely ${fmtNum(t.estimate.expected)})` : '—', t.estimate?.score !== undefined ? `${Math.round(t.estimate.score)}/100` : '—']
      : []),
    ...DISPLAY_ORDER.map((s) => num(t.byStatus[s])),
    num(total(t.byStatus)),
  ]);
  return table(head, rows, ['l', 'l', ...(withEffort ? (['r', 'r'] as const) : []), ...DISPLAY_ORDER.map(() => 'r' as const), 'r']);
}

function componentTable(v: ReportView, top: number): string[] {
  const unit = v.effortUnit;
  const head = ['Component', 'Files', 'Findings', ...v.targets.flatMap((t) => [...(unit ? [`${mdText(t.id)} effort`] : []), `${mdText(t.id)} blockers`])];
  const rows = v.components.slice(0, top).map((c: ComponentView) => [
    mdCode(c.name),
    num(c.files.length),
    num(c.findings),
    ...v.targets.flatMap((t) => {
      const counts = c.byTarget[t.id];
      const blockers = counts ? counts.none + counts.rewrite : 0;
      const eff = c.effort?.[t.id];
      return [...(unit ? [eff === undefined ? '—' : `${fmtNum(eff)} ${unit}`] : []), num(blockers)];
    }),
  ]);
  return table(head, rows, ['l', 'r', 'r', ...v.targets.flatMap(() => (unit ? (['r', 'r'] as const) : (['r'] as const)))]);
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const top = options.top ?? 10;
  const v = buildView(report, top);
  const s = report.summary;
  const out: string[] = [];
  out.push(`## CUDA migration report: ${mdCode(report.root)}`, '');
  out.push(
    `${count(s.files.scanned, 'file')} scanned${s.files.skipped ? ` (${num(s.files.skipped)} skipped)` : ''} · ${count(s.lines, 'line')} · ` +
      `**${num(s.findings)}** CUDA ${s.findings === 1 ? 'use' : 'uses'} in ${count(s.files.withFindings, 'file')} · ${count(s.kernels, 'kernel')} · ` +
      `ascendify ${mdText(report.tool.version)}, catalog ${mdText(report.tool.catalogVersion)}`,
    '',
  );
  if (!report.findings.length) {
    out.push('No CUDA dependencies found.', '');
    return `${out.join('\n')}`;
  }
  out.push('### Estimate per target', '', ...estimateTable(v), '');
  out.push(
    `<sub>${DISPLAY_ORDER.map((st) => `${STATUS_LABEL[st]}: ${STATUS_MEANING[st]}`).join(' · ')}</sub>`,
    '',
  );
  if (v.incompatibilities.length) {
    out.push('### Incompatibilities', '');
    for (const t of v.targets) {
      const list = v.incompatibilities.filter((i) => i.target === t.id);
      if (!list.length) continue;
      out.push(`**${mdText(t.id)}**`, '');
      out.push(
        ...table(
          ['Blocker', 'Risk', 'Uses', 'Likely hours', 'APIs', 'What to do'],
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
      if (list.length > top) out.push('', `… and ${num(list.length - top)} more.`);
      out.push('');
    }
  }
  out.push(...planMarkdown(report, top));
  if (v.blockers.length) {
    out.push('### Blockers', '', 'APIs with no equivalent or that need a rewrite on at least one target.', '');
    const rows = v.blockers.map(({ symbol: _s, count, sample }) => [
      symbolCell(sample),
      num(count),
      ...v.targets.map((t) => {
        const st = statusOf(sample, t.id);
        return isBlocker(st) ? `**${STATUS_LABEL[st]}**` : STATUS_LABEL[st];
      }),
      mdCode(`${sample.file}:${sample.line}`),
    ]);
    out.push(...table(['API', 'Uses', ...v.targets.map((t) => mdText(t.id)), 'First seen'], rows, ['l', 'r', ...v.targets.map(() => 'l' as const), 'l']));
    if (v.blockerSymbols > v.blockers.length) out.push('', `… and ${num(v.blockerSymbols - v.blockers.length)} more (see the HTML, CSV or SARIF report).`);
    out.push('');
  }
  out.push('### Most used CUDA APIs', '');
  out.push(
    ...table(
      ['API', 'Uses', ...v.targets.map((t) => mdText(t.id))],
      v.topApis.map(({ count, sample }) => [symbolCell(sample), num(count), ...v.targets.map((t) => answer(sample, t.id))]),
      ['l', 'r', ...v.targets.map(() => 'l' as const)],
    ),
    '',
  );
  out.push(...progressMarkdown(report));
  out.push('### Components', '');
  out.push(...componentTable(v, top));
  if (v.components.length > top) out.push('', `… and ${num(v.components.length - top)} more components.`);
  out.push('');
  return `${out.join('\n')}`;
}
