/**
 * `ascendify diff old.json new.json`: what changed between two scans: new, fixed and changed CUDA uses
 * (matched by the baseline's fingerprints: symbol, file, normalised line, occurrence; line numbers do not
 * matter), and per target the uses, blockers, effort and progress before and after. Text, Markdown (a
 * pull-request comment) or JSON. Suppressed uses are left out on both sides.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { fingerprints } from '../ci/fingerprint.js';
import { asReport } from '../core/merge.js';
import type { Finding, Report, TargetAnswer } from '../model/index.js';
import { isBlocker, replacementOf, STATUS_COLOR } from '../model/index.js';
import { mdCode, mdText } from '../report/escape.js';
import { messages, type Lang, type Messages } from '../report/i18n/index.js';
import { UsageError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { padEndW as pad, padStartW as lpad } from '../util/width.js';
import type { CliIo } from './io.js';
import { writeText } from './output.js';

/** A finding as a diff lists it. */
export interface DiffFinding {
  file: string;
  line: number;
  column: number;
  symbol: string;
  ruleId: string | null;
  family: string;
  /** Status per target id (with the replacement, e.g. "direct aclrtMalloc"). */
  answers: Record<string, string>;
}

export interface TargetDelta {
  target: string;
  uses: [number, number];
  blockers: [number, number];
  /** Likely person-days, when both reports have an estimate for the target. */
  days?: [number, number];
  /** Percent migrated, when both reports have progress for the target. */
  migrated?: [number, number];
}

export interface ScanDiff {
  diff: 1;
  before: { root: string; version: string; catalog: string };
  after: { root: string; version: string; catalog: string };
  /** Targets in both reports (the others are listed in onlyBefore/onlyAfter). */
  targets: TargetDelta[];
  onlyBefore: string[];
  onlyAfter: string[];
  counts: { new: number; fixed: number; changed: number; unchanged: number };
  new: DiffFinding[];
  fixed: DiffFinding[];
  changed: { before: DiffFinding; after: DiffFinding }[];
}

const answerWord = (a: TargetAnswer | undefined): string => {
  if (!a) return 'unknown';
  const r = replacementOf(a);
  return `${a.status}${r.length ? ` ${r.join(' + ')}` : ''}${a.confidence && a.confidence !== 'confirmed' ? ` (${a.confidence})` : ''}`;
};

function brief(f: Finding, targets: string[]): DiffFinding {
  return {
    file: f.file, line: f.line, column: f.column, symbol: f.symbol, ruleId: f.ruleId, family: f.family,
    answers: Object.fromEntries(targets.map((t) => [t, answerWord(f.targets[t])])),
  };
}

const byPlace = (a: DiffFinding, b: DiffFinding): number => byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.symbol, b.symbol);

/** Compare two reports (pure). */
export function diffReports(before: Report, after: Report): ScanDiff {
  const ids = (r: Report): string[] => r.targets.map((t) => t.id);
  const common = ids(after).filter((t) => ids(before).includes(t));
  const counted = (r: Report): Finding[] => r.findings.filter((f) => !f.suppressed);
  const a = counted(before);
  const b = counted(after);
  const fa = fingerprints(a);
  const fb = fingerprints(b);
  const old = new Map<string, Finding>();
  fa.forEach((fp, i) => old.set(fp, a[i]!));
  const out: ScanDiff = {
    diff: 1,
    before: { root: before.root, version: before.tool.version, catalog: before.tool.catalogVersion },
    after: { root: after.root, version: after.tool.version, catalog: after.tool.catalogVersion },
    targets: [],
    onlyBefore: ids(before).filter((t) => !common.includes(t)),
    onlyAfter: ids(after).filter((t) => !common.includes(t)),
    counts: { new: 0, fixed: 0, changed: 0, unchanged: 0 },
    new: [],
    fixed: [],
    changed: [],
  };
  const seen = new Set<string>();
  fb.forEach((fp, i) => {
    const now = b[i]!;
    const then = old.get(fp);
    if (!then) {
      out.new.push(brief(now, common));
      return;
    }
    seen.add(fp);
    const x = brief(then, common);
    const y = brief(now, common);
    if (common.some((t) => x.answers[t] !== y.answers[t])) out.changed.push({ before: x, after: y });
    else out.counts.unchanged++;
  });
  fa.forEach((fp, i) => {
    if (!seen.has(fp)) out.fixed.push(brief(a[i]!, common));
  });
  out.new.sort(byPlace);
  out.fixed.sort(byPlace);
  out.changed.sort((p, q) => byPlace(p.after, q.after));
  out.counts.new = out.new.length;
  out.counts.fixed = out.fixed.length;
  out.counts.changed = out.changed.length;
  for (const t of common) {
    const blockers = (fs: Finding[]): number => fs.filter((f) => isBlocker(f.targets[t]?.status ?? 'unknown')).length;
    const row: TargetDelta = { target: t, uses: [a.length, b.length], blockers: [blockers(a), blockers(b)] };
    const d0 = before.effort?.targets.find((e) => e.target === t)?.days.likely;
    const d1 = after.effort?.targets.find((e) => e.target === t)?.days.likely;
    if (d0 !== undefined && d1 !== undefined) row.days = [d0, d1];
    const p0 = before.progress?.byTarget.find((p) => p.target === t)?.percent;
    const p1 = after.progress?.byTarget.find((p) => p.target === t)?.percent;
    if (p0 !== undefined && p1 !== undefined) row.migrated = [p0, p1];
    out.targets.push(row);
  }
  return out;
}

const num = (n: number): string => n.toLocaleString('en-US');
const signed = (n: number, digits = 0): string => (n > 0 ? '+' : n < 0 ? '−' : '±') + Math.abs(n).toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function targetCells(t: TargetDelta): string[] {
  return [
    t.target,
    num(t.uses[1]), signed(t.uses[1] - t.uses[0]),
    num(t.blockers[1]), signed(t.blockers[1] - t.blockers[0]),
    t.days ? t.days[1].toFixed(1) : '-', t.days ? signed(t.days[1] - t.days[0], 1) : '-',
    t.migrated ? `${t.migrated[1].toFixed(1)}%` : '-', t.migrated ? signed(t.migrated[1] - t.migrated[0], 1) : '-',
  ];
}

const where = (f: DiffFinding): string => `${f.file}:${f.line}`;
const answersOf = (f: DiffFinding): string => Object.entries(f.answers).map(([t, a]) => `${t}: ${a}`).join('; ');

export function renderDiffText(d: ScanDiff, m: Messages, color: boolean, top = 20): string {
  const c = pc.createColors(color);
  const out: string[] = [c.bold(m.diffTitle) + c.dim(` · ${m.diffOld} ${d.before.root} (${d.before.version}, catalog ${d.before.catalog}) → ${m.diffNew} ${d.after.root} (${d.after.version}, catalog ${d.after.catalog})`)];
  out.push(m.diffCounts(d.counts.new, d.counts.fixed, d.counts.changed, d.counts.unchanged));
  if (d.before.root !== d.after.root) out.push(c.yellow(m.diffRoots(d.before.root, d.after.root)));
  if (d.onlyBefore.length) out.push(c.dim(m.diffOnlyIn(m.diffOld, d.onlyBefore.join(', '))));
  if (d.onlyAfter.length) out.push(c.dim(m.diffOnlyIn(m.diffNew, d.onlyAfter.join(', '))));
  const widths = [18, 8, 7, 9, 7, 8, 8, 9, 8];
  out.push('', c.dim(m.diffTargetCols.map((h, i) => (i ? lpad(h, widths[i]!) : pad(h, widths[i]!))).join('')));
  for (const t of d.targets) out.push(targetCells(t).map((v, i) => (i ? lpad(v, widths[i]!) : pad(v, widths[i]!))).join(''));
  const list = (title: string, items: DiffFinding[], paint: (s: string) => string): void => {
    if (!items.length) return;
    out.push('', c.bold(paint(`${title} (${num(items.length)})`)));
    for (const f of items.slice(0, top)) out.push(`  ${pad(f.symbol, 36)} ${c.dim(where(f))}  ${answersOf(f)}`);
    if (items.length > top) out.push(c.dim(`  ${m.diffMore(items.length - top)}`));
  };
  list(m.diffNewTitle, d.new, c[STATUS_COLOR.none]);
  list(m.diffFixedTitle, d.fixed, c[STATUS_COLOR.direct]);
  if (d.changed.length) {
    out.push('', c.bold(`${m.diffChangedTitle} (${num(d.changed.length)})`) + c.dim(` — ${m.diffChangedHint}`));
    for (const { before, after } of d.changed.slice(0, top)) {
      const what = Object.keys(after.answers).filter((t) => after.answers[t] !== before.answers[t]).map((t) => `${t}: ${before.answers[t]} → ${after.answers[t]}`).join('; ');
      out.push(`  ${pad(after.symbol, 36)} ${c.dim(where(after))}  ${what}`);
    }
    if (d.changed.length > top) out.push(c.dim(`  ${m.diffMore(d.changed.length - top)}`));
  }
  if (!d.counts.new && !d.counts.fixed && !d.counts.changed) out.push('', m.diffNone);
  return `${out.join('\n')}\n`;
}

export function renderDiffMarkdown(d: ScanDiff, m: Messages, top = 20): string {
  const out: string[] = [`## ${m.diffTitle}`, ''];
  out.push(`${mdText(m.diffCounts(d.counts.new, d.counts.fixed, d.counts.changed, d.counts.unchanged))} · ${m.diffOld} ${mdCode(`${d.before.root} ${d.before.version}`)} → ${m.diffNew} ${mdCode(`${d.after.root} ${d.after.version}`)}`, '');
  out.push(`| ${m.diffTargetCols.join(' | ')} |`, `| --- |${' ---: |'.repeat(m.diffTargetCols.length - 1)}`);
  for (const t of d.targets) {
    const cells = targetCells(t);
    out.push(`| ${mdText(cells[0]!)} | ${cells.slice(1).map((x, i) => (i % 2 === 1 && x !== '-' && x[0] !== '±' ? `**${x}**` : x)).join(' | ')} |`);
  }
  out.push('');
  const list = (title: string, items: DiffFinding[]): void => {
    if (!items.length) return;
    out.push(`### ${title} (${num(items.length)})`, '');
    for (const f of items.slice(0, top)) out.push(`- ${mdCode(f.symbol)} at ${mdCode(where(f))}: ${mdText(answersOf(f))}`);
    if (items.length > top) out.push(`- ${mdText(m.diffMore(items.length - top))}`);
    out.push('');
  };
  list(m.diffNewTitle, d.new);
  list(m.diffFixedTitle, d.fixed);
  if (d.changed.length) {
    out.push(`### ${m.diffChangedTitle} (${num(d.changed.length)})`, '', mdText(m.diffChangedHint), '');
    for (const { before, after } of d.changed.slice(0, top)) {
      const what = Object.keys(after.answers).filter((t) => after.answers[t] !== before.answers[t]).map((t) => `${t}: ${before.answers[t]} → ${after.answers[t]}`).join('; ');
      out.push(`- ${mdCode(after.symbol)} at ${mdCode(where(after))}: ${mdText(what)}`);
    }
    if (d.changed.length > top) out.push(`- ${mdText(m.diffMore(d.changed.length - top))}`);
    out.push('');
  }
  if (!d.counts.new && !d.counts.fixed && !d.counts.changed) out.push(m.diffNone, '');
  return out.join('\n');
}

function readReport(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'pass two JSON reports of `ascendify scan --format json`');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON (${(e as Error).message})`, 'pass two JSON reports of `ascendify scan --format json`');
  }
  const report = asReport(value, file);
  if (report.filter) throw new UsageError(`${file} is a filtered report (${Object.keys(report.filter.criteria).join(', ')})`, 'compare unfiltered JSON reports: filters hide uses that would show as fixed');
  return report;
}

export function registerDiffCommand(program: Command, io: CliIo, setExit: (code: number) => void, lang: Lang): void {
  program
    .command('diff')
    .description('compare two scans (JSON reports): new, fixed and changed CUDA uses, and per target the uses, blockers, effort and progress')
    .argument('<old>', 'the earlier JSON report (ascendify scan --format json)')
    .argument('<new>', 'the later JSON report')
    .option('-f, --format <format>', 'text, md (a pull-request comment) or json', 'text')
    .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
    .option('--top <n>', 'findings listed per section in text and md', '20')
    .option('--no-color', 'no colour in text output')
    .action((oldFile: string, newFile: string, opts: Record<string, unknown>) => {
      const format = String(opts.format);
      if (!['text', 'md', 'markdown', 'json'].includes(format)) throw new UsageError(`unknown format "${format}" for diff`, 'use text, md or json');
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 0) throw new UsageError(`invalid --top "${String(opts.top)}"`, 'use a whole number');
      const d = diffReports(readReport(oldFile), readReport(newFile));
      const m = messages(lang);
      const output = opts.output as string | undefined;
      const text = format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : format === 'text' ? renderDiffText(d, m, !output && io.color && opts.color !== false, top) : renderDiffMarkdown(d, m, top);
      writeText(text, output, io);
      setExit(0);
    });
}
