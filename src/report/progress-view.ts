/** Migration progress as rows the reporters print (text, Markdown, HTML): pure. */
import type { HistoryPoint, ProgressSection, Report, TargetId, TargetProgress } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { messages, type Messages } from './i18n/index.js';

/** Targets with target code found (progress is not worth showing otherwise). */
export function progressTargets(report: Report): TargetProgress[] {
  return report.progress?.byTarget.filter((t) => t.targetUses > 0) ?? [];
}

/** The last `n` history points, when there are at least two. */
export function historyPoints(progress: ProgressSection | undefined, n = 8): HistoryPoint[] {
  const h = progress?.history ?? [];
  return h.length >= 2 ? h.slice(-n) : [];
}

/** The targets a history mentions, in code-point order. */
export function historyTargets(points: HistoryPoint[]): TargetId[] {
  return [...new Set(points.flatMap((p) => Object.keys(p.targets)))].sort(byCodePoint);
}

export const pct = (n: number): string => `${n.toFixed(1)}%`;
export const shortDate = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

// ---- Markdown and HTML sections (one line each in markdown.ts and html.ts) ----

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mdCell = (s: string): string => s.replace(/\|/g, '\\|');

/** Markdown: progress per target and component, and the history table (empty when there is nothing to show). */
export function progressMarkdown(report: Report, m: Messages = messages('en')): string[] {
  const out: string[] = [];
  const targets = progressTargets(report);
  if (targets.length) {
    out.push(`### ${m.progressTitle}`, '', m.progressMdIntro, '');
    out.push(`| ${m.progressMdCols.join(' | ')} |`, '|---|--:|--:|--:|--:|');
    for (const t of targets) {
      out.push(`| **${mdCell(t.target)}** | ${t.targetUses} | ${t.cudaGuarded} | ${t.cudaRemaining} | **${pct(t.percent)}** |`);
      for (const k of t.components) out.push(`| ${mdCell(k.component)} | ${k.targetUses} | ${k.cudaGuarded} | ${k.cudaRemaining} | ${pct(k.percent)} |`);
    }
    out.push('');
  }
  const points = historyPoints(report.progress);
  if (points.length) {
    const targets = historyTargets(points);
    out.push(`### ${m.historyTitle}`, '');
    out.push(`| ${m.dateCol} | ${m.commitCol} | ${targets.map((v) => m.historyMdCols(mdCell(v)).join(' | ')).join(' | ')} |`, `|---|---|${targets.map(() => '--:|--:').join('|')}|`);
    for (const p of points) {
      out.push(`| ${shortDate(p.date)} | ${(p.commit ?? '').slice(0, 7) || '-'} | ${targets.map((v) => (p.targets[v] ? `${pct(p.targets[v]!.percent)} | ${p.targets[v]!.cudaRemaining}` : '- | -')).join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}

const LINE_COLOURS = ['#c7000b', '#1f6feb', '#e36209', '#6f42c1', '#2da44e', '#8250df'];

/** An inline SVG line chart of percent migrated per target over the history points (no scripts, no external assets). */
export function historySvg(points: HistoryPoint[]): string {
  const vendors = historyTargets(points);
  const w = 640;
  const hgt = 220;
  const m = { l: 40, r: 110, t: 12, b: 36 };
  const x = (i: number): number => m.l + (points.length === 1 ? 0 : (i * (w - m.l - m.r)) / (points.length - 1));
  const y = (p: number): number => m.t + ((100 - p) * (hgt - m.t - m.b)) / 100;
  const grid = [0, 25, 50, 75, 100]
    .map((p) => `<line x1="${m.l}" x2="${w - m.r}" y1="${y(p)}" y2="${y(p)}" stroke="#ddd"/><text x="${m.l - 6}" y="${y(p) + 4}" text-anchor="end" font-size="10">${p}%</text>`)
    .join('');
  const labels = points.map((p, i) => `<text x="${x(i)}" y="${hgt - m.b + 14}" text-anchor="middle" font-size="9">${esc(p.date.slice(5, 10))}</text>`).join('');
  const lines = vendors
    .map((v, k) => {
      const pts = points.map((p, i) => (p.targets[v] ? `${x(i).toFixed(1)},${y(p.targets[v]!.percent).toFixed(1)}` : '')).filter(Boolean);
      const last = points[points.length - 1]?.targets[v];
      return (
        `<polyline fill="none" stroke="${LINE_COLOURS[k % LINE_COLOURS.length]}" stroke-width="2" points="${pts.join(' ')}"/>` +
        `<text x="${w - m.r + 8}" y="${m.t + 14 + 16 * k}" font-size="11" fill="${LINE_COLOURS[k % LINE_COLOURS.length]}">${esc(v)}${last ? ` ${pct(last.percent)}` : ''}</text>`
      );
    })
    .join('');
  return `<svg class="history" viewBox="0 0 ${w} ${hgt}" width="100%" role="img" aria-label="Percent migrated over time">${grid}${labels}${lines}</svg>`;
}

/** HTML: the progress section (table per target and component, history chart); '' when there is nothing to show. */
export function progressHtml(report: Report, m: Messages = messages('en')): string {
  const targets = progressTargets(report);
  const points = historyPoints(report.progress);
  if (!targets.length && !points.length) return '';
  const rows = targets
    .flatMap((t) => [
      `<tr><th>${esc(t.target)}</th><td class="num">${t.targetUses}</td><td class="num">${t.cudaGuarded}</td><td class="num">${t.cudaRemaining}</td><td class="num"><b>${pct(t.percent)}</b></td></tr>`,
      ...t.components.map((k) => `<tr><td>${esc(k.component)}</td><td class="num">${k.targetUses}</td><td class="num">${k.cudaGuarded}</td><td class="num">${k.cudaRemaining}</td><td class="num">${pct(k.percent)}</td></tr>`),
    ])
    .join('');
  const table = targets.length
    ? `<table><thead><tr>${m.progressMdCols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
    : '';
  const chart = points.length ? `<h3>${esc(m.historyTitle)}</h3>${historySvg(points)}` : '';
  return `<section id="progress"><h2>${esc(m.progressTitle)}<small>${esc(m.progressHtmlHint)}</small></h2><div class="card">${table}${chart}</div></section>`;
}
