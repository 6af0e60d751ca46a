/**
 * The migration plan and the kernel strategies (vendor operator or rewrite) as report sections: text, Markdown,
 * HTML and CSV. Pure; the data is the estimate's `plan` and `choices` per target (docs/effort-model.md).
 */
import type { KernelChoice, Report, TargetEffort, WorkPackage } from '../model/index.js';
import { csvField, escapeHtml as h, mdCode, mdText } from './escape.js';

const d1 = (n: number): string => n.toFixed(1);
const days = (w: Pick<WorkPackage, 'days'>): string => `${d1(w.days.likely)} (${d1(w.days.low)}–${d1(w.days.high)})`;
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;

/** Targets with a plan (reports written before plans existed have none). */
const targetsOf = (report: Report): TargetEffort[] => (report.effort?.targets ?? []).filter((t) => Array.isArray(t.plan) && Array.isArray(t.choices));

/** Kernels with an operator candidate first (the ones the reader can act on), then by hours. */
function kernelRows(t: TargetEffort): KernelChoice[] {
  return [...t.choices].sort((a, b) => Number(!a.candidate) - Number(!b.candidate) || b.hours.likely - a.hours.likely || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function strategyText(k: KernelChoice): string {
  if (k.strategy === 'map') return `map onto ${k.candidate!.operators.join(', ')}`;
  return k.strategy;
}

/** The plan of one target as text (the `ascendify plan` output). */
export function planText(t: TargetEffort, hoursPerDay: number): string[] {
  const out: string[] = [];
  const total = t.plan.reduce((s, w) => s + w.days.likely, 0);
  out.push(`Migration plan for ${t.target} (${t.kernelModel}): ${t.plan.length} work packages, ${d1(total)} person-days likely (${hoursPerDay} h/day); range = calibrated error`);
  for (const w of t.plan) {
    out.push('');
    out.push(`${w.id}  ${w.title}  ${days(w)} person-days${w.dependsOn.length ? `  after ${w.dependsOn.join(', ')}` : ''}`);
    const facts = [w.kernels ? `${w.kernels} kernel${w.kernels === 1 ? '' : 's'}` : '', w.uses ? `${w.uses} CUDA use${w.uses === 1 ? '' : 's'}` : ''].filter(Boolean);
    if (facts.length) out.push(`      ${facts.join(', ')}`);
    if (w.operators.length) out.push(`      use: ${w.operators.slice(0, 12).join(', ')}${w.operators.length > 12 ? `, … ${w.operators.length - 12} more` : ''}`);
    if (w.blockers.length) out.push(`      blockers: ${w.blockers.slice(0, 4).join('; ')}${w.blockers.length > 4 ? `; … ${w.blockers.length - 4} more` : ''}`);
    if (w.files.length) out.push(`      start with: ${w.files.join(', ')}`);
    if (w.note) out.push(`      note: ${w.note}`);
  }
  return out;
}

/** Kernel strategies of one target as text: candidates first. */
export function choicesText(t: TargetEffort, top: number): string[] {
  if (!t.choices.length) return [];
  const out = [`Kernels on ${t.target}: ${t.kernels.map} mapped onto vendor operators, ${t.kernels.rewrite} rewritten, ${t.kernels.adapt} adapted (likely hours: chosen; rewrite / map)`];
  for (const k of kernelRows(t).slice(0, top)) {
    const c = k.candidate;
    out.push(`  ${pad(k.strategy, 7)} ${lpad(d1(k.hours.likely), 6)} h  ${k.kernel}  ${k.file}:${k.line}`);
    const alt = `rewrite ${d1(k.rewrite)} h${k.map !== undefined ? ` / map ${d1(k.map)} h` : ''}`;
    out.push(`          ${c ? `${c.title}: ${c.operators.length ? c.operators.join(', ') : 'no operator'} (${c.confidence}, by ${c.match})` : 'no operator pattern matches'} · ${alt}${k.why ? ` · ${k.why}` : ''}`);
  }
  if (t.choices.length > top) out.push(`  … and ${t.choices.length - top} more (--format json)`);
  return out;
}

/** Markdown: plan and kernel strategies per target. */
export function planMarkdown(report: Report, top = 10): string[] {
  const targets = targetsOf(report).filter((t) => t.plan.length);
  if (!targets.length) return [];
  const out: string[] = ['### Migration plan', '', 'Work packages in order (build and runtime first, then libraries, then operators and kernels by component); person-days likely (low–high).', ''];
  for (const t of targets) {
    out.push(`**${mdText(t.target)}**`, '');
    out.push('| # | Work package | Person-days | Use | Blockers | Start with |', '|---|---|--:|---|---|---|');
    for (const w of t.plan) {
      out.push(
        `| ${w.id} | ${mdText(w.title)}${w.dependsOn.length ? ` <sub>after ${w.dependsOn.join(', ')}</sub>` : ''} | ${days(w)} | ` +
          `${w.operators.slice(0, 6).map(mdCode).join(', ')}${w.operators.length > 6 ? ` … +${w.operators.length - 6}` : ''} | ` +
          `${w.blockers.slice(0, 2).map(mdText).join('; ')}${w.blockers.length > 2 ? ` … +${w.blockers.length - 2}` : ''} | ${w.files.slice(0, 3).map(mdCode).join(', ')} |`,
      );
    }
    out.push('');
    const kernels = kernelRows(t).filter((k) => k.candidate).slice(0, top);
    if (kernels.length) {
      out.push(`Kernels and vendor operators on ${mdText(t.target)} (${t.kernels.map} mapped, ${t.kernels.rewrite} rewritten, ${t.kernels.adapt} adapted):`, '');
      out.push('| Kernel | Strategy | Operator pattern | Likely h: rewrite / map | Confidence |', '|---|---|---|--:|---|');
      for (const k of kernels) {
        out.push(`| ${mdCode(k.kernel)} <sub>${mdCode(`${k.file}:${k.line}`)}</sub> | ${mdText(strategyText(k))} | ${mdText(k.candidate!.title)} | ${d1(k.rewrite)} / ${k.map !== undefined ? d1(k.map) : '—'} | ${k.candidate!.confidence} |`);
      }
      const more = t.choices.filter((k) => k.candidate).length - kernels.length;
      if (more > 0) out.push('', `… and ${more} more kernels with an operator candidate (see the JSON report).`);
      out.push('');
    }
  }
  return out;
}

/** HTML: a plan card and a kernel-strategy card per target; '' without a plan. */
export function planHtml(report: Report, top = 10): string {
  const targets = targetsOf(report).filter((t) => t.plan.length);
  if (!targets.length) return '';
  const cards = targets.map((t) => {
    const rows = t.plan.map((w) =>
      `<tr><td class="mono">${h(w.id)}</td><td><b>${h(w.title)}</b>${w.dependsOn.length ? `<div class="muted">after ${h(w.dependsOn.join(', '))}</div>` : ''}${w.note ? `<div class="muted">${h(w.note)}</div>` : ''}</td>` +
      `<td class="n">${h(days(w))}</td>` +
      `<td>${w.operators.slice(0, 8).map((o) => `<code>${h(o)}</code>`).join(', ')}${w.operators.length > 8 ? ` … +${w.operators.length - 8}` : ''}</td>` +
      `<td>${w.blockers.slice(0, 3).map(h).join('<br>')}${w.blockers.length > 3 ? `<br>… +${w.blockers.length - 3}` : ''}</td>` +
      `<td class="mono">${w.files.slice(0, 3).map(h).join('<br>')}</td></tr>`);
    const kernels = kernelRows(t).slice(0, top).map((k) => {
      const c = k.candidate;
      return `<tr><td><code>${h(k.kernel)}</code><div class="muted mono">${h(`${k.file}:${k.line}`)}</div></td><td><b>${h(k.strategy)}</b>${k.why ? `<div class="muted">${h(k.why)}</div>` : ''}</td>` +
        `<td>${c ? `${h(c.title)}<div>${c.operators.map((o) => `<code>${h(o)}</code>`).join(', ') || 'no operator'}</div><div class="muted">${h(c.confidence)}, by ${h(c.match)}${c.source?.length ? ` · ${h(c.source[0]!)}` : ''}</div>` : '<span class="muted">no pattern matches</span>'}</td>` +
        `<td class="n">${h(d1(k.rewrite))}</td><td class="n">${k.map !== undefined ? h(d1(k.map)) : ''}</td></tr>`;
    });
    const withCandidates = t.choices.filter((k) => k.candidate).length;
    return `<div class="card"><h4>${h(t.target)} <small>${t.plan.length} work packages</small></h4>` +
      `<table class="plan"><thead><tr><th>#</th><th>Work package</th><th class="n">Person-days</th><th>Use</th><th>Blockers</th><th>Start with</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
      (kernels.length
        ? `<h4>Kernels <small>${t.kernels.map} mapped onto vendor operators, ${t.kernels.rewrite} rewritten, ${t.kernels.adapt} adapted; ${withCandidates} with an operator candidate</small></h4>` +
          `<table class="kernels"><thead><tr><th>Kernel</th><th>Strategy</th><th>Operator candidate</th><th class="n">Rewrite h</th><th class="n">Map h</th></tr></thead><tbody>${kernels.join('')}</tbody></table>` +
          (t.choices.length > top ? `<p class="muted">… and ${t.choices.length - top} more kernels (see the JSON report).</p>` : '')
        : '') +
      '</div>';
  });
  return `<section id="plan"><h2>Migration plan<small>ordered work packages, and each kernel's strategy: vendor operator or rewrite</small></h2><div class="stack">${cards.join('')}</div></section>`;
}

/** CSV for a tracker: one row per work package and target. */
export function planCsv(report: Report): string {
  const head = ['target', 'order', 'id', 'phase', 'title', 'component', 'days_likely', 'days_low', 'days_high', 'hours_likely', 'kernels', 'uses', 'depends_on', 'operators', 'blockers', 'files', 'note'];
  const rows = [head.join(',')];
  for (const t of targetsOf(report)) {
    for (const w of t.plan) {
      rows.push([
        t.target, w.order, w.id, w.phase, w.title, w.component ?? '', w.days.likely, w.days.low, w.days.high, w.hours.likely, w.kernels, w.uses,
        w.dependsOn.join(' '), w.operators.join(' '), w.blockers.join('; '), w.files.join(' '), w.note ?? '',
      ].map((v) => csvField(v)).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
