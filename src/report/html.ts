/**
 * HTML report for managers and leads: one self-contained file (inline CSS, SVG and script; a
 * Content-Security-Policy that allows no network access and only the report's own script).
 * Top to bottom: the estimate (or the findings by status) per target, charts, incompatibilities,
 * blockers, most used APIs, and a sortable component table that drills down to files and findings.
 * Every text from scanned files goes through escapeHtml; no scanned text ever reaches the script.
 */
import { createHash } from 'node:crypto';
import type { Finding, Report, Status, StatusCounts, TargetId } from '../model/index.js';
import { DISPLAY_ORDER, replacementOf, worstStatus } from '../model/index.js';
import { confidenceOf } from './confidence.js';
import { escapeHtml as h } from './escape.js';
import { filterText } from './filter.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { sourceUrl, type SourceLinks } from './links.js';
import { noteGroups } from './notes.js';
import { CSS, SCRIPT } from './html/assets.js';
import { planHtml } from './plan-view.js';
import { progressHtml } from './progress-view.js';
import type { BarGroup } from './html/charts.js';
import { barChart, scoreRing } from './html/charts.js';
import type { ComponentView, ReportView, TargetView } from './view.js';
import { answerOf, blocks, buildView, fmtEstimate, fmtNum, ruleDocLink, total } from './view.js';
import { byCodePoint } from '../util/order.js';

export interface HtmlOptions {
  /** Rows in the top-N charts and tables. */
  top?: number;
  /** Findings listed per file in the drill-down before "… N more". */
  maxFindingsPerFile?: number;
  /** Findings listed in the whole drill-down (keeps the page light on huge scans; the CSV and SARIF have them all). */
  maxFindings?: number;
  lang?: Lang;
  /** --source-url: line numbers link to the code. */
  links?: SourceLinks;
}

/** What every part of the page needs: the language, the links, and the anchors of the findings the page lists. */
interface Page {
  m: Messages;
  links?: SourceLinks;
  /** Anchor id of each listed finding, and of each file. */
  findingIds: Map<Finding, string>;
  fileIds: Map<string, string>;
}

const num = (n: number): string => n.toLocaleString('en-US');
const pct = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

function worst(f: Finding): Status {
  return worstStatus(Object.values(f.targets).map((t) => t.status));
}

function badge(m: Messages, s: Status): string {
  return `<span class="badge s-${s}">${h(m.status[s])}</span>`;
}

/** A small pill for answers the catalog is not sure of (nothing for confirmed ones). */
function confidenceBadge(m: Messages, f: Finding, target: TargetId): string {
  const c = confidenceOf(f.targets[target]);
  if (!c || c === 'confirmed') return '';
  return ` <span class="conf c-${c}" title="${h(c === 'likely' ? m.likelyBadgeTitle : m.uncertainBadgeTitle)}">${h(m.confidence[c])}</span>`;
}

function statusBar(m: Messages, counts: StatusCounts, cls = 'sbar'): string {
  const all = total(counts);
  if (!all) return `<div class="${cls}"></div>`;
  return `<div class="${cls}">${DISPLAY_ORDER.filter((s) => counts[s])
    .map((s) => `<i class="s-${s}" style="width:${((counts[s] / all) * 100).toFixed(2)}%" title="${h(`${m.status[s]}: ${num(counts[s])}`)}"></i>`)
    .join('')}</div>`;
}

function legend(m: Messages, counts: StatusCounts): string {
  const all = total(counts);
  return `<ul class="legend">${DISPLAY_ORDER.map(
    (s) => `<li><span class="dot s-${s}"></span>${h(m.status[s])} <b>${num(counts[s])}</b> (${pct(counts[s], all)})</li>`,
  ).join('')}</ul>`;
}

function targetCard(m: Messages, t: TargetView): string {
  const all = total(t.byStatus);
  const blockers = t.byStatus.none + t.byStatus.rewrite;
  let headline: string;
  if (t.estimate) {
    const e = { ...t.estimate, unit: m.unitDays };
    headline =
      `<div class="headline">${e.score !== undefined ? scoreRing(e.score, m.portability) : ''}` +
      `<div class="big" data-test="estimate">${h(fmtEstimate(e))}<small>${h(m.likelyUnit(fmtNum(e.expected), e.unit, e.hours !== undefined ? fmtNum(e.hours) : undefined))}${e.score !== undefined ? ` · ${h(m.portabilityOf(Math.round(e.score)))}` : ''}</small></div></div>`;
  } else {
    headline = `<div class="headline"><div class="big">${pct(t.byStatus.direct, all)} <small>${h(m.directShare(all))}</small></div></div>`;
  }
  return (
    `<article class="card target" data-target="${h(t.id)}"><h3>${h(t.id)}</h3>` +
    `<div class="prod">${h(t.product)} · ${h(t.sdk)}</div>${headline}${statusBar(m, t.byStatus)}${legend(m, t.byStatus)}` +
    `<p class="blockers-note">${m.blockingNote(blockers, t.byStatus.unknown)}</p></article>`
  );
}

function statusSegments(m: Messages, counts: StatusCounts): BarGroup['bars'][number]['segments'] {
  return DISPLAY_ORDER.map((s) => ({ cls: `s-${s}`, value: counts[s], title: `${m.status[s]}: ${num(counts[s])}` }));
}

function componentChart(p: Page, v: ReportView, top: number): string {
  const m = p.m;
  const comps = v.components.slice(0, top);
  if (v.effortUnit) {
    const unit = m.unitDays;
    const groups: BarGroup[] = comps.map((c) => ({
      label: c.name,
      bars: v.targets.map((t, i) => {
        const value = effortOf(c, t) ?? 0;
        return { key: t.id, segments: [{ cls: `t-${i % 4}`, value, title: `${t.id}: ${fmtNum(value)} ${unit}` }], note: `${fmtNum(value)} ${unit}` };
      }),
    }));
    return chartCard(m, m.effortByComponent, unit, barChart(groups, { title: `${m.effortByComponent} (${unit})` }), v.components.length - comps.length);
  }
  const groups: BarGroup[] = comps
    .filter((c) => c.findings > 0)
    .map((c) => ({ label: c.name, bars: v.targets.map((t) => ({ key: t.id, segments: statusSegments(m, c.byTarget[t.id]!) })) }));
  return chartCard(m, m.findingsByFolder, m.findingsByFolderHint, barChart(groups, { title: m.findingsByFolder }), v.components.length - comps.length);
}

function familyChart(m: Messages, v: ReportView): string {
  const families = [...new Set(v.targets.flatMap((t) => Object.keys(t.byFamily)))].sort();
  const groups: BarGroup[] = families
    .map((fam) => ({
      label: fam,
      bars: v.targets.map((t) => ({ key: t.id, segments: statusSegments(m, t.byFamily[fam] ?? { direct: 0, partial: 0, rewrite: 0, none: 0, unknown: 0 }) })),
    }))
    .sort((a, b) => sumBars(b) - sumBars(a) || byCodePoint(a.label, b.label));
  return chartCard(m, m.byFamily, m.perTarget, barChart(groups, { title: m.byFamily }), 0);
}

const sumBars = (g: BarGroup): number => g.bars.reduce((n, b) => n + b.segments.reduce((m, s) => m + s.value, 0), 0);

function symbolChart(m: Messages, title: string, sub: string, rows: ReportView['topApis'], more: number): string {
  const groups: BarGroup[] = rows.map(({ symbol, count, sample }) => {
    const s = worst(sample);
    return { label: symbol, bars: [{ segments: [{ cls: `s-${s}`, value: count, title: `${symbol}: ${num(count)} · ${m.status[s]}` }], note: `${num(count)}×` }] };
  });
  return chartCard(m, title, sub, rows.length ? barChart(groups, { title }) : `<p class="muted">${h(m.none)}</p>`, more);
}

function chartCard(m: Messages, title: string, sub: string, body: string, more: number): string {
  return `<figure class="card chart-card" style="margin:0"><h4>${h(title)} <small>${h(sub)}</small></h4>${body}${more > 0 ? `<p class="muted">${h(m.andMore(more))}</p>` : ''}</figure>`;
}

function effortOf(c: ComponentView, t: TargetView): number | undefined {
  return c.effort?.[t.id];
}

function symbolLink(m: Messages, f: Finding): string {
  const code = `<code>${h(f.symbol)}</code>`;
  return f.ruleId ? `<a href="${h(ruleDocLink(f.family, f.ruleId))}" title="${h(m.rule(f.ruleId))}">${code}</a>` : `${code} <span class="muted">${h(m.notInCatalog)}</span>`;
}

function answerCell(m: Messages, f: Finding, target: TargetId): string {
  const a = answerOf(f, target);
  const what = replacementOf(a);
  const repl = what.length ? ` <span class="repl">${what.map((r) => `<code>${h(r)}</code>`).join(' + ')}</span>` : '';
  return `${badge(m, a.status)}${confidenceBadge(m, f, target)}${repl}`;
}

/** "file:line", linking to the finding in the component table when the page lists it, plus the code when --source-url. */
function locationCell(p: Page, f: Finding): string {
  const id = p.findingIds.get(f);
  const text = h(`${f.file}:${f.line}`);
  const inPage = id ? `<a class="jump" href="#${id}">${text}</a>` : text;
  const url = sourceUrl(p.links, f.file, f.line);
  return `${inPage}${url ? ` <a class="src" href="${h(url)}" title="${h(p.m.openSource)}" rel="noopener noreferrer">↗</a>` : ''}`;
}

function blockersTable(p: Page, v: ReportView): string {
  const m = p.m;
  if (!v.blockers.length) return `<p class="muted">${h(m.noBlockers)}</p>`;
  const rows = v.blockers.map(
    ({ count, sample }) =>
      `<tr><td>${symbolLink(m, sample)}</td><td class="n">${num(count)}</td>${v.targets.map((t) => `<td>${answerCell(m, sample, t.id)}</td>`).join('')}` +
      `<td class="mono">${locationCell(p, sample)}</td></tr>`,
  );
  return (
    `<div class="tablewrap"><table id="blockers-table"><thead><tr><th>${h(m.api)}</th><th class="n">${h(m.usesCol)}</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}<th>${h(m.firstSeen)}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>` +
    (v.blockerSymbols > v.blockers.length ? `<p class="muted">${h(m.moreBlockingApis(v.blockerSymbols - v.blockers.length))}</p>` : '')
  );
}

function apisTable(p: Page, v: ReportView): string {
  const m = p.m;
  const rows = v.topApis.map(
    ({ count, sample }) =>
      `<tr><td>${symbolLink(m, sample)}</td><td class="n">${num(count)}</td>${v.targets.map((t) => `<td>${answerCell(m, sample, t.id)}</td>`).join('')}<td class="mono">${locationCell(p, sample)}</td></tr>`,
  );
  return `<div class="tablewrap"><table id="apis-table"><thead><tr><th>${h(m.api)}</th><th class="n">${h(m.usesCol)}</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}<th>${h(m.firstSeen)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The snippet, with the first occurrence of the symbol's last name part marked. */
function snippetHtml(f: Finding): string {
  const text = f.snippet;
  const needle = f.symbol.split('::').pop() ?? '';
  const i = needle ? text.indexOf(needle) : -1;
  if (i < 0) return `<code>${h(text)}</code>`;
  return `<code>${h(text.slice(0, i))}<mark>${h(needle)}</mark>${h(text.slice(i + needle.length))}</code>`;
}

interface Budget {
  perFile: number;
  left: number;
}

/** Which findings the drill-down lists (the budget keeps huge pages light), with their anchors. */
function assignAnchors(v: ReportView, budget: Budget): { findingIds: Map<Finding, string>; fileIds: Map<string, string>; shown: Map<string, Finding[]> } {
  const findingIds = new Map<Finding, string>();
  const fileIds = new Map<string, string>();
  const shown = new Map<string, Finding[]>();
  let fileNo = 0;
  for (const c of v.components) {
    for (const fv of c.files) {
      const fid = `f${++fileNo}`;
      fileIds.set(fv.path, fid);
      const list = fv.findings.slice(0, Math.max(0, Math.min(budget.perFile, budget.left)));
      budget.left -= list.length;
      shown.set(fv.path, list);
      list.forEach((f, i) => findingIds.set(f, `${fid}-${i + 1}`));
    }
  }
  return { findingIds, fileIds, shown };
}

function fileDetails(p: Page, fv: ComponentView['files'][number], v: ReportView, shown: Finding[]): string {
  const m = p.m;
  const blockersByTarget = v.targets.map((t) => {
    const c = fv.byTarget[t.id]!;
    return c.none + c.rewrite;
  });
  const meta = `${h(m.fileMeta(fv.findings.length, fv.lines))}${
    blockersByTarget.some((b) => b > 0) ? ` · ${h(m.blockersMeta)} ${v.targets.map((t, i) => `${h(t.id)} ${num(blockersByTarget[i]!)}`).join(', ')}` : ''
  }`;
  const rows = shown.map((f) => {
    const id = p.findingIds.get(f)!;
    const url = sourceUrl(p.links, f.file, f.line);
    const at = `${f.line}:${f.column}`;
    return (
      `<tr class="finding${blocks(f) ? ' blocking' : ''}" id="${id}"><td class="n mono" rowspan="2">${url ? `<a href="${h(url)}" title="${h(m.openSource)}" rel="noopener noreferrer">${at}</a>` : `<a href="#${id}">${at}</a>`}</td><td>${symbolLink(m, f)} <span class="muted">${h(f.family)}</span></td>` +
      `${v.targets.map((t) => `<td>${answerCell(m, f, t.id)}</td>`).join('')}</tr>` +
      `<tr class="code"><td class="snip" colspan="${1 + v.targets.length}">${snippetHtml(f)}</td></tr>`
    );
  });
  const more = fv.findings.length - shown.length;
  const fid = p.fileIds.get(fv.path)!;
  return (
    `<details class="file" id="${fid}"><summary><code>${h(fv.path)}</code><span class="meta">${meta}</span> <a class="anchor" href="#${fid}" aria-label="link">#</a></summary>` +
    (fv.findings.length
      ? (shown.length ? `<table class="findings"><thead><tr><th class="n">${h(m.line)}</th><th>${h(m.api)}</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` : '') +
        (more > 0 ? `<p class="muted" style="margin:4px 10px">${h(m.notListed(more, shown.length > 0))}</p>` : '')
      : `<p class="muted" style="margin:4px 10px">${h(m.noUses)}</p>`) +
    `</details>`
  );
}

function componentTable(p: Page, v: ReportView, shown: Map<string, Finding[]>): string {
  const m = p.m;
  const unit = v.effortUnit ? m.unitDays : undefined;
  const per = unit ? 3 : 2;
  let col = 4;
  const sub = v.targets
    .map(() => {
      const cells =
        (unit ? `<th class="n" data-sort="num" data-col="${col++}">${h(m.effort)}</th>` : '') +
        `<th class="n" data-sort="num" data-col="${col++}" title="${h(m.blockersTitle)}">${h(m.blockersCol)}</th>` +
        `<th class="n" data-sort="num" data-col="${col++}" title="${h(m.directTitle)}">${h(m.direct)}</th>`;
      return cells;
    })
    .join('');
  const head =
    `<tr><th rowspan="2" data-sort="text" data-col="0">${h(m.component)}</th><th rowspan="2" class="n" data-sort="num" data-col="1">${h(m.filesCol)}</th>` +
    `<th rowspan="2" class="n" data-sort="num" data-col="2">${h(m.linesCol)}</th><th rowspan="2" class="n" data-sort="num" data-col="3">${h(m.cudaUses)}</th>` +
    v.targets.map((t) => `<th colspan="${per}" class="group">${h(t.id)}</th>`).join('') +
    `</tr><tr>${sub}</tr>`;
  const cols = 4 + v.targets.length * per;
  const bodies = v.components.map((c, i) => {
    const id = `comp-${i}`;
    const cells = v.targets
      .map((t) => {
        const counts = c.byTarget[t.id]!;
        const all = total(counts);
        const blockers = counts.none + counts.rewrite;
        const eff = effortOf(c, t);
        const share = all ? counts.direct / all : 0;
        return (
          (unit ? `<td class="n" data-v="${eff ?? 0}">${eff === undefined ? '—' : `${h(fmtNum(eff))} ${h(unit)}`}</td>` : '') +
          `<td class="n" data-v="${blockers}">${num(blockers)}</td>` +
          `<td class="n" data-v="${share.toFixed(4)}">${pct(counts.direct, all)}${statusBar(m, counts, 'minibar')}</td>`
        );
      })
      .join('');
    return (
      `<tbody class="component" id="c-${i}"><tr class="row"><td data-v="${h(c.name)}"><button class="toggle" type="button" aria-expanded="false" aria-controls="${id}" title="${h(m.openComponent)}"><code>${h(c.name)}</code></button> <a class="anchor" href="#c-${i}" aria-label="link">#</a></td>` +
      `<td class="n" data-v="${c.files.length}">${num(c.files.length)}</td><td class="n" data-v="${c.lines}">${num(c.lines)}</td><td class="n" data-v="${c.findings}">${num(c.findings)}</td>${cells}</tr>` +
      `<tr class="detail collapsed" id="${id}"><td colspan="${cols}">${c.files.map((fv) => fileDetails(p, fv, v, shown.get(fv.path) ?? [])).join('') || `<p class="muted">${h(m.noScannedFiles)}</p>`}</td></tr></tbody>`
    );
  });
  return (
    `<div class="toolbar"><label class="search"><span>${h(m.search)}</span> <input type="search" id="finding-search" placeholder="${h(m.searchPlaceholder)}" autocomplete="off"></label>` +
    `<span id="search-count" class="muted" aria-live="polite" data-label="${h(m.searchCount)}" data-none="${h(m.searchNone)}"></span>` +
    `<button type="button" id="expand-all">${h(m.expandAll)}</button><button type="button" id="collapse-all">${h(m.collapseAll)}</button></div>` +
    `<div class="tablewrap"><table id="components-table"><thead>${head}</thead>${bodies.join('')}</table></div>`
  );
}

const RISK_STATUS: Record<string, Status> = { high: 'none', medium: 'rewrite', low: 'partial' };

function incompatibilities(p: Page, v: ReportView, top: number): string {
  const m = p.m;
  if (!v.incompatibilities.length) return '';
  const cards = v.targets
    .map((t) => {
      const list = v.incompatibilities.filter((i) => i.target === t.id);
      if (!list.length) return '';
      const rows = list.slice(0, top).map(
        (i) =>
          `<tr><td><b>${h(i.title)}</b>${i.severity ? ` <span class="badge s-${RISK_STATUS[i.severity] ?? 'unknown'}">${h(m.riskOf(i.severity))}</span>` : ''}` +
          `${i.symbols?.length ? `<div class="muted">${i.symbols.slice(0, 6).map((x) => `<code>${h(x)}</code>`).join(', ')}${i.symbols.length > 6 ? ` … +${num(i.symbols.length - 6)}` : ''}</div>` : ''}</td>` +
          `<td class="n">${i.count !== undefined ? num(i.count) : ''}</td><td class="n">${i.hours !== undefined ? `${h(fmtNum(i.hours))} h` : ''}</td>` +
          `<td>${i.detail ? h(i.detail) : ''}${i.location ? `<div class="muted mono">${h(i.location)}</div>` : ''}</td></tr>`,
      );
      return (
        `<div class="card"><h4>${h(t.id)} <small>${h(m.blockersCount(list.length))}</small></h4><table class="incompat"><thead><tr><th>${h(m.blocker)}</th><th class="n">${h(m.usesCol)}</th><th class="n">${h(m.likelyHours)}</th><th>${h(m.whatToDo)}</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>${list.length > top ? `<p class="muted">${h(m.moreJson(list.length - top))}</p>` : ''}</div>`
      );
    })
    .join('');
  return `<section id="incompatibilities"><h2>${h(m.incompatibilities)}<small>${h(m.incompatibilitiesHint)}</small></h2><div class="stack">${cards}</div></section>`;
}

/** Notes, one collapsible group each (the worst 200 items of a group listed; all of them in the JSON report). */
function notes(m: Messages, report: Report): string {
  const groups = noteGroups(report);
  if (!groups.length) return '';
  const LIMIT = 200;
  const items = groups.map((g) => {
    const n = g.items.length;
    const title = g.kind === 'parse' ? m.noteParse(n) : g.kind === 'skipped' ? m.noteSkipped(n, g.reason) : m.noteRead(n, g.reason);
    const list = g.items
      .slice(0, LIMIT)
      .map((i) => `<li><code>${h(i.path)}</code>${g.kind === 'parse' ? ` <span class="muted">${h(m.noteLines(i.weight))}: ${h(i.detail)}</span>` : i.detail !== g.reason ? ` <span class="muted">${h(i.detail)}</span>` : ''}</li>`)
      .join('');
    return `<details class="note" data-kind="${g.kind}"><summary>${h(title)}</summary><ul class="plain">${list}</ul>${n > LIMIT ? `<p class="muted">${h(m.noteAllInJson)}</p>` : ''}</details>`;
  });
  return `<section id="notes"><h2>${h(m.notesTitle)}</h2><div class="card">${items.join('')}</div></section>`;
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const top = options.top ?? 10;
  const m = messages(options.lang);
  const v = buildView(report, top);
  const s = report.summary;
  const anchors = assignAnchors(v, { perFile: options.maxFindingsPerFile ?? 500, left: options.maxFindings ?? 20_000 });
  const p: Page = { m, links: options.links, findingIds: anchors.findingIds, fileIds: anchors.fileIds };
  const withEffort = v.targets.some((t) => t.estimate);
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const values = [s.files.scanned, s.lines, s.findings, s.files.withFindings, s.kernels];
  const kpis = values.map((n, i) => `<div class="kpi"><b>${num(n)}</b><span>${h(m.kpis[i] ?? '')}</span></div>`).join('');
  const body: string[] = [];
  if (report.filter) {
    body.push(`<p class="filtered" id="filter-note"><b>${h(m.filtered)}</b> <code>${h(filterText(report.filter.criteria))}</code>: ${h(m.filterBanner(report.filter.listed, report.filter.total, '').replace(/^[:：]\s*/, ''))}</p>`);
  }
  body.push(
    `<section id="targets"><h2>${h(withEffort ? m.estimatePerTarget : m.findingsPerTarget)}<small>${h(withEffort ? m.estimateHint : m.findingsPerTargetHint)}</small></h2>` +
      `<div class="cards">${v.targets.map((t) => targetCard(m, t)).join('')}</div></section>`,
  );
  if (!report.findings.length) {
    body.push(`<section><p class="big" style="font-size:18px">${h(m.noCuda)}</p></section>`);
  } else {
    body.push(
      `<section id="charts"><h2>${h(m.overview)}</h2><div class="grid2">${componentChart(p, v, top)}${familyChart(m, v)}` +
        `${symbolChart(m, m.topBlockers, m.topBlockersHint, v.blockers, v.blockerSymbols - v.blockers.length)}` +
        `${symbolChart(m, m.mostUsed, m.mostUsedHint, v.topApis, 0)}</div></section>`,
    );
    body.push(incompatibilities(p, v, top));
    body.push(planHtml(report, top));
    body.push(`<section id="blockers"><h2>${h(m.blockers)}<small>${h(m.blockersSectionHint)}</small></h2>${blockersTable(p, v)}</section>`);
    body.push(`<section id="apis"><h2>${h(m.mostUsed)}<small>${h(m.andBecome)}</small></h2>${apisTable(p, v)}</section>`);
  }
  body.push(progressHtml(report, m));
  body.push(`<section id="components"><h2>${h(m.components)}<small>${h(m.componentsHint)}</small></h2>${componentTable(p, v, anchors.shown)}</section>`);
  body.push(notes(m, report));
  return `<!doctype html>
<html lang="${m.lang === 'zh-CN' ? 'zh-CN' : 'en'}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="ascendify ${h(report.tool.version)}">
<title>${h(m.htmlTitle)}: ${h(report.root)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${h(m.htmlTitle)}</h1>
<div class="sub"><code>${h(report.root)}</code> · ${h(m.targetsWord)} ${v.targets.map((t) => h(t.id)).join(', ')} · ascendify ${h(report.tool.version)}, catalog ${h(report.tool.catalogVersion)}</div>
<div class="kpis">${kpis}</div></header>
<main>
${body.filter(Boolean).join('\n')}
<footer>${h(m.footerStatus)}: ${DISPLAY_ORDER.map((st) => `<b>${h(m.status[st])}</b> ${h(m.statusMeaning[st])}`).join(' · ')}. ${m.footerLinks} ${h(m.generatedBy(report.tool.version))}</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
