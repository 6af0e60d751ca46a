/** Inline SVG charts for the HTML report: horizontal (stacked) bars and a score ring. No scripts, no fonts, printable. */
import { escapeHtml } from '../escape.js';

export interface Segment {
  /** CSS class giving the fill (s-direct, s-none, t-0, ...). */
  cls: string;
  value: number;
  title: string;
}

export interface Bar {
  /** Small label before the bar (e.g. the target profile), optional. */
  key?: string;
  segments: Segment[];
  /** Text after the bar; defaults to the total. */
  note?: string;
}

export interface BarGroup {
  label: string;
  /** Rendered after the label in the tooltip. */
  title?: string;
  bars: Bar[];
}

const LABEL_W = 196;
const KEY_W = 100;
const NOTE_W = 96;
const WIDTH = 580;
const BAR_H = 12;
const BAR_GAP = 3;
const GROUP_GAP = 10;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Horizontal bar chart, one group per row label, one or more stacked bars per group, one scale for all. */
export function barChart(groups: BarGroup[], opts: { title: string; formatValue?: (n: number) => string }): string {
  const fmt = opts.formatValue ?? ((n: number) => n.toLocaleString('en-US'));
  const hasKeys = groups.some((g) => g.bars.some((b) => b.key));
  const x0 = LABEL_W + (hasKeys ? KEY_W : 0);
  const span = WIDTH - x0 - NOTE_W;
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.segments.reduce((n, s) => n + s.value, 0))));
  let y = 4;
  const parts: string[] = [];
  for (const g of groups) {
    const h = g.bars.length * (BAR_H + BAR_GAP) - BAR_GAP;
    parts.push(
      `<text class="lbl" x="${LABEL_W - 8}" y="${y + h / 2 + 4}" text-anchor="end"><title>${escapeHtml(g.title ?? g.label)}</title>${escapeHtml(truncate(g.label, 26))}</text>`,
    );
    for (const b of g.bars) {
      if (b.key) parts.push(`<text class="key" x="${x0 - 6}" y="${y + BAR_H - 2}" text-anchor="end">${escapeHtml(truncate(b.key, 16))}</text>`);
      let x = x0;
      const sum = b.segments.reduce((n, s) => n + s.value, 0);
      parts.push(`<rect class="track" x="${x0}" y="${y}" width="${span}" height="${BAR_H}" rx="2"/>`);
      for (const s of b.segments) {
        if (s.value <= 0) continue;
        const w = (s.value / max) * span;
        parts.push(`<rect class="${s.cls}" x="${x.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${BAR_H}"><title>${escapeHtml(s.title)}</title></rect>`);
        x += w;
      }
      parts.push(`<text class="val" x="${(x + 6).toFixed(1)}" y="${y + BAR_H - 2}">${escapeHtml(b.note ?? fmt(sum))}</text>`);
      y += BAR_H + BAR_GAP;
    }
    y += GROUP_GAP - BAR_GAP;
  }
  const height = Math.max(y, 20);
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(opts.title)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** A ring gauge for a 0-100 score. */
export function scoreRing(score: number, label: string): string {
  const r = 30;
  const c = 2 * Math.PI * r;
  const v = Math.max(0, Math.min(100, score));
  const cls = v >= 70 ? 's-direct' : v >= 40 ? 's-partial' : 's-none';
  return (
    `<svg class="ring" viewBox="0 0 80 80" width="80" height="80" role="img" aria-label="${escapeHtml(label)} ${Math.round(v)} of 100" xmlns="http://www.w3.org/2000/svg">` +
    `<circle cx="40" cy="40" r="${r}" class="ring-track"/>` +
    `<circle cx="40" cy="40" r="${r}" class="ring-val ${cls}" stroke-dasharray="${((v / 100) * c).toFixed(1)} ${c.toFixed(1)}" transform="rotate(-90 40 40)"/>` +
    `<text x="40" y="45" text-anchor="middle" class="ring-num">${Math.round(v)}</text></svg>`
  );
}
