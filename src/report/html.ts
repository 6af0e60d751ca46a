/**
 * HTML report for managers and leads: one self-contained file (inline CSS, SVG and script; a
 * Content-Security-Policy that allows no network access and only the report's own script).
 * Top to bottom: the estimate (or the findings by status) per target, charts, incompatibilities,
 * blockers, most used APIs, and a sortable component table that drills down to files and findings.
 * Every text from scanned files goes through escapeHtml; no scanned text ever reaches the script.
 */
import { createHash } from 'node:crypto';
import type { Finding, Report, Status, StatusCounts, TargetId } from '../model/index.js';
import { DISPLAY_ORDER, replacementOf, STATUS_LABEL, STATUS_MEANING, worstStatus } from '../model/index.js';
import { escapeHtml as h } from './escape.js';
import { CSS, SCRIPT } from './html/assets.js';
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
}

const num = (n: number): string => n.toLocaleString('en-US');
const pct = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

function worst(f: Finding): Status {
  return worstStatus(Object.values(f.targets).map((t) => t.status));
}

function badge(s: Status): string {
  return `<span class="badge s-${s}">${h(STATUS_LABEL[s])}</span>`;
}

function statusBar(counts: StatusCounts, cls = 'sbar'): string {
  const all = total(counts);
  if (!all) return `<div class="${cls}"></div>`;
  return `<div class="${cls}">${DISPLAY_ORDER.filter((s) => counts[s])
    .map((s) => `<i class="s-${s}" style="width:${((counts[s] / all) * 100).toFixed(2)}%" title="${h(`${STATUS_LABEL[s]}: ${num(counts[s])}`)}"></i>`)
    .join('')}</div>`;
}

function legend(counts: StatusCounts): string {
  const all = total(counts);
  return `<ul class="legend">${DISPLAY_ORDER.map(
    (s) => `<li><span class="dot s-${s}"></span>${h(STATUS_LABEL[s])} <b>${num(counts[s])}</b> (${pct(counts[s], all)})</li>`,
  ).join('')}</ul>`;
}

function targetCard(t: TargetView): string {
  const all = total(t.byStatus);
  const blockers = t.byStatus.none + t.byStatus.rewrite;
  let headline: string;
  if (t.estimate) {
    const e = t.estimate;
    headline =
      `<div class="headline">${e.score !== undefined ? scoreRing(e.score, 'portability score') : ''}` +
      `<div class="big" data-test="estimate">${h(fmtEstimate(e))}<small>likely ${h(fmtNum(e.expected))} ${h(e.unit)}${e.hours !== undefined ? ` (${h(fmtNum(e.hours))} hours)` : ''}${e.score !== undefined ? ` · portability ${Math.round(e.score)}/100` : ''}</small></div></div>`;
  } else {
    headline =
      `<div class="headline"><div class="big">${pct(t.byStatus.direct, all)} <small>of ${num(all)} CUDA uses map one-to-one (direct)</small></div></div>`;
  }
  return (
    `<article class="card target" data-target="${h(t.id)}"><h3>${h(t.id)}</h3>` +
    `<div class="prod">${h(t.product)} · ${h(t.sdk)}</div>${headline}${statusBar(t.byStatus)}${legend(t.byStatus)}` +
    `<p class="blockers-note"><b>${num(blockers)}</b> blocking uses (no equivalent or a rewrite), <b>${num(t.byStatus.unknown)}</b> not in the catalog yet.</p></article>`
  );
}

function statusSegments(counts: StatusCounts): BarGroup['bars'][number]['segments'] {
  return DISPLAY_ORDER.map((s) => ({ cls: `s-${s}`, value: counts[s], title: `${STATUS_LABEL[s]}: ${num(counts[s])}` }));
}

function componentChart(v: ReportView, top: number): string {
  const comps = v.components.slice(0, top);
  if (v.effortUnit) {
    const unit = v.effortUnit;
    const groups: BarGroup[] = comps.map((c) => ({
      label: c.name,
      bars: v.targets.map((t, i) => {
        const value = effortOf(c, t) ?? 0;
        return { key: t.id, segments: [{ cls: `t-${i % 4}`, value, title: `${t.id}: ${fmtNum(value)} ${unit}` }], note: `${fmtNum(value)} ${unit}` };
      }),
    }));
    return chartCard('Effort by component', unit, barChart(groups, { title: `Effort by component (${unit})` }), v.components.length - comps.length);
  }
  const groups: BarGroup[] = comps
    .filter((c) => c.findings > 0)
    .map((c) => ({ label: c.name, bars: v.targets.map((t) => ({ key: t.id, segments: statusSegments(c.byTarget[t.id]!) })) }));
  return chartCard('Findings by top-level folder', 'CUDA uses per target, by status', barChart(groups, { title: 'Findings by top-level folder' }), v.components.length - comps.length);
}

function familyChart(v: ReportView): string {
  const families = [...new Set(v.targets.flatMap((t) => Object.keys(t.byFamily)))].sort();
  const groups: BarGroup[] = families
    .map((fam) => ({
      label: fam,
      bars: v.targets.map((t) => ({ key: t.id, segments: statusSegments(t.byFamily[fam] ?? { direct: 0, partial: 0, rewrite: 0, none: 0, unknown: 0 }) })),
    }))
    .sort((a, b) => sumBars(b) - sumBars(a) || byCodePoint(a.label, b.label));
  return chartCard('Findings by family × status', 'per target', barChart(groups, { title: 'Findings by family and status' }), 0);
}

const sumBars = (g: BarGroup): number => g.bars.reduce((n, b) => n + b.segments.reduce((m, s) => m + s.value, 0), 0);

function symbolChart(title: string, sub: string, rows: ReportView['topApis'], more: number): string {
  const groups: BarGroup[] = rows.map(({ symbol, count, sample }) => {
    const s = worst(sample);
    return { label: symbol, bars: [{ segments: [{ cls: `s-${s}`, value: count, title: `${symbol}: ${num(count)} uses, worst status ${STATUS_LABEL[s]}` }], note: `${num(count)}×` }] };
  });
  return chartCard(title, sub, rows.length ? barChart(groups, { title }) : '<p class="muted">None.</p>', more);
}

function chartCard(title: string, sub: string, body: string, more: number): string {
  return `<figure class="card chart-card" style="margin:0"><h4>${h(title)} <small>${h(sub)}</small></h4>${body}${more > 0 ? `<p class="muted">… and ${num(more)} more</p>` : ''}</figure>`;
}

function effortOf(c: ComponentView, t: TargetView): number | undefined {
  return c.effort?.[t.id];
}

function symbolLink(f: Finding): string {
  const code = `<code>${h(f.symbol)}</code>`;
  return f.ruleId ? `<a href="${h(ruleDocLink(f.family, f.ruleId))}" title="${h(`rule ${f.ruleId}`)}">${code}</a>` : `${code} <span class="muted">(not in catalog)</span>`;
}

function answerCell(f: Finding, target: TargetId): string {
  const a = answerOf(f, target);
  const what = replacementOf(a);
  const repl = what.length ? ` <span class="repl">${what.map((r) => `<code>${h(r)}</code>`).join(' + ')}</span>` : '';
  return `${badge(a.status)}${repl}`;
}

function blockersTable(v: ReportView): string {
  if (!v.blockers.length) return '<p class="muted">No blockers: every CUDA use has a direct or partial counterpart on every target.</p>';
  const rows = v.blockers.map(
    ({ count, sample }) =>
      `<tr><td>${symbolLink(sample)}</td><td class="n">${num(count)}</td>${v.targets.map((t) => `<td>${answerCell(sample, t.id)}</td>`).join('')}` +
      `<td class="mono">${h(`${sample.file}:${sample.line}`)}</td></tr>`,
  );
  return (
    `<div class="tablewrap"><table id="blockers-table"><thead><tr><th>API</th><th class="n">Uses</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}<th>First seen</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>` +
    (v.blockerSymbols > v.blockers.length ? `<p class="muted">… and ${num(v.blockerSymbols - v.blockers.length)} more blocking APIs (see the CSV or SARIF report).</p>` : '')
  );
}

function apisTable(v: ReportView): string {
  const rows = v.topApis.map(
    ({ count, sample }) =>
      `<tr><td>${symbolLink(sample)}</td><td class="n">${num(count)}</td>${v.targets.map((t) => `<td>${answerCell(sample, t.id)}</td>`).join('')}</tr>`,
  );
  return `<div class="tablewrap"><table id="apis-table"><thead><tr><th>API</th><th class="n">Uses</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
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

function fileDetails(fv: ComponentView['files'][number], v: ReportView, budget: Budget): string {
  const shown = fv.findings.slice(0, Math.max(0, Math.min(budget.perFile, budget.left)));
  budget.left -= shown.length;
  const blockersByTarget = v.targets.map((t) => {
    const c = fv.byTarget[t.id]!;
    return c.none + c.rewrite;
  });
  const meta = `${num(fv.findings.length)} CUDA uses · ${num(fv.lines)} lines${
    blockersByTarget.some((b) => b > 0) ? ` · blockers ${v.targets.map((t, i) => `${h(t.id)} ${num(blockersByTarget[i]!)}`).join(', ')}` : ''
  }`;
  const rows = shown.map(
    (f) =>
      `<tr class="finding${blocks(f) ? ' blocking' : ''}"><td class="n mono" rowspan="2">${f.line}:${f.column}</td><td>${symbolLink(f)} <span class="muted">${h(f.family)}</span></td>` +
      `${v.targets.map((t) => `<td>${answerCell(f, t.id)}</td>`).join('')}</tr>` +
      `<tr class="code"><td class="snip" colspan="${1 + v.targets.length}">${snippetHtml(f)}</td></tr>`,
  );
  const more = fv.findings.length - shown.length;
  return (
    `<details class="file"><summary><code>${h(fv.path)}</code><span class="meta">${meta}</span></summary>` +
    (fv.findings.length
      ? (shown.length ? `<table class="findings"><thead><tr><th class="n">Line</th><th>API</th>${v.targets.map((t) => `<th>${h(t.id)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` : '') +
        (more > 0 ? `<p class="muted" style="margin:4px 10px">… ${shown.length ? `and ${num(more)} more` : `${num(more)} CUDA uses`} in this file not listed here (see the CSV or SARIF report).</p>` : '')
      : '<p class="muted" style="margin:4px 10px">No CUDA uses.</p>') +
    `</details>`
  );
}

function componentTable(v: ReportView, budget: Budget): string {
  const unit = v.effortUnit;
  const per = unit ? 3 : 2;
  let col = 4;
  const sub = v.targets
    .map(() => {
      const cells =
        (unit ? `<th class="n" data-sort="num" data-col="${col++}">Effort</th>` : '') +
        `<th class="n" data-sort="num" data-col="${col++}" title="uses with no equivalent or that need a rewrite">Blockers</th>` +
        `<th class="n" data-sort="num" data-col="${col++}" title="share of uses with a direct replacement">Direct</th>`;
      return cells;
    })
    .join('');
  const head =
    `<tr><th rowspan="2" data-sort="text" data-col="0">Component</th><th rowspan="2" class="n" data-sort="num" data-col="1">Files</th>` +
    `<th rowspan="2" class="n" data-sort="num" data-col="2">Lines</th><th rowspan="2" class="n" data-sort="num" data-col="3">CUDA uses</th>` +
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
          `<td class="n" data-v="${share.toFixed(4)}">${pct(counts.direct, all)}${statusBar(counts, 'minibar')}</td>`
        );
      })
      .join('');
    return (
      `<tbody class="component"><tr class="row"><td data-v="${h(c.name)}"><button class="toggle" type="button" aria-expanded="false" aria-controls="${id}"><code>${h(c.name)}</code></button></td>` +
      `<td class="n" data-v="${c.files.length}">${num(c.files.length)}</td><td class="n" data-v="${c.lines}">${num(c.lines)}</td><td class="n" data-v="${c.findings}">${num(c.findings)}</td>${cells}</tr>` +
      `<tr class="detail collapsed" id="${id}"><td colspan="${cols}">${c.files.map((fv) => fileDetails(fv, v, budget)).join('') || '<p class="muted">No scanned files.</p>'}</td></tr></tbody>`
    );
  });
  return (
    `<div class="toolbar"><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>` +
    `<div class="tablewrap"><table id="components-table"><thead>${head}</thead>${bodies.join('')}</table></div>`
  );
}

const RISK_STATUS: Record<string, Status> = { high: 'none', medium: 'rewrite', low: 'partial' };

function incompatibilities(v: ReportView, top: number): string {
  if (!v.incompatibilities.length) return '';
  const cards = v.targets
    .map((t) => {
      const list = v.incompatibilities.filter((i) => i.target === t.id);
      if (!list.length) return '';
      const rows = list.slice(0, top).map(
        (i) =>
          `<tr><td><b>${h(i.title)}</b>${i.severity ? ` <span class="badge s-${RISK_STATUS[i.severity] ?? 'unknown'}">${h(i.severity)} risk</span>` : ''}` +
          `${i.symbols?.length ? `<div class="muted">${i.symbols.slice(0, 6).map((x) => `<code>${h(x)}</code>`).join(', ')}${i.symbols.length > 6 ? ` … +${num(i.symbols.length - 6)}` : ''}</div>` : ''}</td>` +
          `<td class="n">${i.count !== undefined ? num(i.count) : ''}</td><td class="n">${i.hours !== undefined ? `${h(fmtNum(i.hours))} h` : ''}</td>` +
          `<td>${i.detail ? h(i.detail) : ''}${i.location ? `<div class="muted mono">${h(i.location)}</div>` : ''}</td></tr>`,
      );
      return (
        `<div class="card"><h4>${h(t.id)} <small>${num(list.length)} blockers</small></h4><table class="incompat"><thead><tr><th>Blocker</th><th class="n">Uses</th><th class="n">Likely hours</th><th>What to do</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>${list.length > top ? `<p class="muted">… and ${num(list.length - top)} more (see the JSON report).</p>` : ''}</div>`
      );
    })
    .join('');
  return `<section id="incompatibilities"><h2>Incompatibilities<small>the blockers of each target, most estimated hours first</small></h2><div class="stack">${cards}</div></section>`;
}

function notes(report: Report): string {
  const skipped = report.files.filter((f) => f.status === 'skipped');
  const broken = report.files.filter((f) => f.parseErrorLines?.length);
  if (!skipped.length && !broken.length) return '';
  const items = [
    ...skipped.map((f) => `<li><code>${h(f.path)}</code>: skipped, ${h(f.reason ?? '')}</li>`),
    ...broken.map((f) => `<li><code>${h(f.path)}</code>: ${num(f.parseErrorLines!.length)} lines did not parse; CUDA names there were still read from the tokens</li>`),
  ];
  return `<section id="notes"><h2>Notes</h2><div class="card"><ul class="plain">${items.join('')}</ul></div></section>`;
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const top = options.top ?? 10;
  const v = buildView(report, top);
  const s = report.summary;
  const withEffort = v.targets.some((t) => t.estimate);
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const kpis = [
    [num(s.files.scanned), 'files scanned'],
    [num(s.lines), 'lines'],
    [num(s.findings), 'CUDA uses'],
    [num(s.files.withFindings), 'files with CUDA'],
    [num(s.kernels), 'kernels'],
  ]
    .map(([n, l]) => `<div class="kpi"><b>${n}</b><span>${l}</span></div>`)
    .join('');
  const body: string[] = [];
  body.push(
    `<section id="targets"><h2>${withEffort ? 'Estimate per target' : 'Findings per target'}<small>${withEffort ? 'effort range and portability score' : 'how each CUDA use maps, by status'}</small></h2>` +
      `<div class="cards">${v.targets.map(targetCard).join('')}</div></section>`,
  );
  if (!report.findings.length) {
    body.push('<section><p class="big" style="font-size:18px">No CUDA dependencies found.</p></section>');
  } else {
    body.push(
      `<section id="charts"><h2>Overview</h2><div class="grid2">${componentChart(v, top)}${familyChart(v)}` +
        `${symbolChart('Top blockers', 'no equivalent or rewrite on some target', v.blockers, v.blockerSymbols - v.blockers.length)}` +
        `${symbolChart('Most used CUDA APIs', 'uses, coloured by worst status', v.topApis, 0)}</div></section>`,
    );
    body.push(incompatibilities(v, top));
    body.push(`<section id="blockers"><h2>Blockers<small>APIs with no equivalent or that need a rewrite on at least one target</small></h2>${blockersTable(v)}</section>`);
    body.push(`<section id="apis"><h2>Most used CUDA APIs<small>and what they become</small></h2>${apisTable(v)}</section>`);
  }
  body.push(progressHtml(report));
  body.push(
    `<section id="components"><h2>Components<small>top-level folders; click one for its files and findings, click a heading to sort</small></h2>${componentTable(v, { perFile: options.maxFindingsPerFile ?? 500, left: options.maxFindings ?? 20_000 })}</section>`,
  );
  body.push(notes(report));
  return `<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="ascendify ${h(report.tool.version)}">
<title>CUDA migration report: ${h(report.root)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>CUDA migration report</h1>
<div class="sub"><code>${h(report.root)}</code> · targets ${v.targets.map((t) => h(t.id)).join(', ')} · ascendify ${h(report.tool.version)}, catalog ${h(report.tool.catalogVersion)}</div>
<div class="kpis">${kpis}</div></header>
<main>
${body.filter(Boolean).join('\n')}
<footer>Status: ${DISPLAY_ORDER.map((st) => `<b>${h(STATUS_LABEL[st])}</b> ${h(STATUS_MEANING[st])}`).join(' · ')}. API names link to the rule's entry in <code>docs/rules/</code>. Generated by ascendify ${h(report.tool.version)}.</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
