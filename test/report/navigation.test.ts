/**
 * Reports people can navigate (issue 19): filters the same in every format, notes that summarise, the per-folder
 * table, links to code, SARIF within code scanning's limits, confidence shown everywhere, and Chinese reports.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry, Finding, Report } from '../../src/model/index.js';
import { validated } from '../../src/util/validated.js';
import { atLeast, leastConfidence } from '../../src/report/confidence.js';
import { renderCsv } from '../../src/report/csv.js';
import { filterReport, findingMatcher } from '../../src/report/filter.js';
import { renderHtml } from '../../src/report/html.js';
import { langFromEnv, messages, parseLang } from '../../src/report/i18n/index.js';
import { en } from '../../src/report/i18n/en.js';
import { zhCN } from '../../src/report/i18n/zh-CN.js';
import { sourceUrl, templateProblem } from '../../src/report/links.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { noteGroups } from '../../src/report/notes.js';
import { CODE_SCANNING, renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { adaptiveDepth, folderTable } from '../../src/report/view.js';
import { summarize } from '../../src/score/summary.js';
import { displayWidth, padEndW } from '../../src/util/width.js';
import { parseCsv } from './csv-parse.js';
import { effortSection, FINDINGS, finding, makeReport, PROFILES } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

/** FINDINGS with confidences: the wmma answer is uncertain on Ascend, the memcpy one likely on Cambricon. */
function withConfidence(): Finding[] {
  return FINDINGS.map((f) => {
    const copy: Finding = JSON.parse(JSON.stringify(f));
    for (const a of Object.values(copy.targets)) if (a.status !== 'unknown') a.confidence = 'confirmed';
    if (copy.family === 'wmma') copy.targets['ascend-910b']!.confidence = 'uncertain';
    if (copy.symbol === 'cudaMemcpyAsync') copy.targets['cambricon-mlu590']!.confidence = 'likely';
    return copy;
  });
}

describe('filters', () => {
  const report = makeReport(withConfidence());

  it('list only what matches and keep the totals of the whole scan, saying what was filtered', () => {
    const blockers = filterReport(report, { blockers: true });
    expect(blockers.findings.map((f) => f.symbol).sort()).toEqual(['cooperative_groups::this_grid', 'nvcuda::wmma::fragment<a|b>', 'threadIdx']);
    expect(blockers.summary).toEqual(report.summary);
    expect(blockers.filter).toEqual({ criteria: { blockers: true }, listed: 3, total: FINDINGS.length });
    expect(validated<Report>('report', JSON.parse(JSON.stringify(blockers)), 'filtered')).toBeTruthy();

    expect(filterReport(report, { status: ['unknown'] }).findings.map((f) => f.symbol)).toEqual(['cudaFuncSetCacheConfig']);
    expect(filterReport(report, { family: ['Runtime'] }).findings.every((f) => f.family === 'runtime')).toBe(true);
    expect(filterReport(report, { path: ['src/**'] }).findings.map((f) => f.file)).toEqual(['src/alloc.cu', 'src/alloc.cu', 'src/copy.cu', 'src/kern.cu']);
    expect(filterReport(report, undefined)).toBe(report);
    expect(filterReport(report, {})).toBe(report);
  });

  it('hold answer criteria together on one profile', () => {
    // wmma: rewrite on Ascend (uncertain), none on Cambricon (confirmed).
    const wmma = report.findings.find((f) => f.family === 'wmma')!;
    expect(findingMatcher({ status: ['rewrite'], minConfidence: 'likely' })(wmma)).toBe(false);
    expect(findingMatcher({ status: ['none'], minConfidence: 'confirmed' })(wmma)).toBe(true);
    expect(findingMatcher({ minConfidence: 'confirmed' })(wmma)).toBe(true);
    // An unknown use has no confidence: uncertain.
    const unknown = report.findings.find((f) => f.ruleId === null)!;
    expect(findingMatcher({ minConfidence: 'uncertain' })(unknown)).toBe(true);
    expect(findingMatcher({ minConfidence: 'likely' })(unknown)).toBe(false);
    expect(atLeast({ status: 'direct', confidence: 'likely' }, 'confirmed')).toBe(false);
    expect(leastConfidence(wmma)).toBe('uncertain');
  });

  it('show the same selection in every format', () => {
    const f = filterReport(report, { blockers: true, minConfidence: 'confirmed' });
    const symbols = f.findings.map((x) => x.symbol).sort();
    expect(symbols).toEqual(['cooperative_groups::this_grid', 'nvcuda::wmma::fragment<a|b>', 'threadIdx']);
    const csv = parseCsv(renderCsv(f)).slice(1).map((r) => r[4]).sort();
    expect(csv).toEqual(symbols);
    const sarif = JSON.parse(renderSarif(f)) as { runs: { results: { properties: { symbol: string } }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.properties.symbol).sort()).toEqual(symbols);
    const text = renderText(f, { color: false });
    expect(text).toContain('Filtered (--blockers --min-confidence confirmed): 3 of 8 CUDA uses listed; the totals and the estimate describe the whole scan');
    expect(text).not.toContain('cudaMalloc    ');
    const md = renderMarkdown(f);
    expect(md).toContain('Filtered (`--blockers --min-confidence confirmed`): 3 of 8 CUDA uses listed');
    const html = renderHtml(f);
    expect(html).toContain('id="filter-note"');
    expect(html.match(/<tr class="finding/g)).toHaveLength(3);
  });
});

describe('notes', () => {
  const files: FileEntry[] = [
    { path: 'a.cu', language: 'cuda', lines: 10, status: 'scanned' },
    ...Array.from({ length: 130 }, (_, i) => ({ path: `pkg/m${i}/__init__.py`, language: 'python' as const, lines: 0, status: 'scanned' as const, reason: 'empty file' })),
    ...Array.from({ length: 12 }, (_, i) => ({ path: `t/bad${String(i).padStart(2, '0')}.cu`, language: 'cuda' as const, lines: 50, status: 'scanned' as const, parseErrorLines: Array.from({ length: i + 1 }, (_, k) => k + 1) })),
    { path: 'x.bin.cu', language: 'unknown', lines: 0, status: 'skipped', reason: 'binary file (contains NUL bytes)' },
    { path: 'y.bin.cu', language: 'unknown', lines: 0, status: 'skipped', reason: 'binary file (contains NUL bytes)' },
    { path: 'big.cu', language: 'unknown', lines: 0, status: 'skipped', reason: 'larger than the size limit (9 > 4 bytes; raise it with --max-file-size)' },
  ];
  const report: Report = { ...makeReport(), files, summary: summarize(files, FINDINGS, [], PROFILES) };

  it('are grouped by reason, worst parse errors first, and empty files are not notes', () => {
    const groups = noteGroups(report);
    expect(groups.map((g) => [g.kind, g.reason, g.items.length])).toEqual([
      ['skipped', 'binary file', 2],
      ['skipped', 'larger than the size limit', 1],
      ['parse', 'did not parse', 12],
    ]);
    expect(groups[2]!.items[0]).toMatchObject({ path: 't/bad11.cu', weight: 12, detail: '1-12' });
  });

  it('take one line per group in text, a list item in Markdown, a collapsible group in HTML', () => {
    const text = renderText(report, { color: false });
    const notes = text.slice(text.indexOf('\nNotes\n') + 7).trimEnd().split('\n');
    expect(notes).toEqual([
      '  2 files skipped: binary file: x.bin.cu, y.bin.cu',
      '  1 file skipped: larger than the size limit: big.cu (9 > 4 bytes; raise it with --max-file-size)',
      '  12 files with lines that did not parse (CUDA names there were still read from the tokens): t/bad11.cu (12 lines), t/bad10.cu (11 lines), t/bad09.cu (10 lines), … — all in the JSON report',
    ]);
    expect(text).not.toContain('__init__');
    const md = renderMarkdown(report);
    expect(md).toContain('- 12 files with lines that did not parse');
    const html = renderHtml(report);
    expect(html.match(/<details class="note"/g)).toHaveLength(3);
    expect(html.slice(html.indexOf('<section id="notes">'))).not.toContain('__init__.py');
  });
});

describe('where the work is', () => {
  it('descends while one folder holds every use', () => {
    expect(adaptiveDepth(['src/a/x.cu', 'src/b/y.cu'])).toBe(2);
    expect(adaptiveDepth(['src/core/a/x.cu', 'src/core/b/y.cu'])).toBe(3);
    expect(adaptiveDepth(['src/x.cu', 'src/y.cu'])).toBe(1);
    expect(adaptiveDepth(['x.cu', 'src/y.cu'])).toBe(1);
    expect(adaptiveDepth(['a/x.cu', 'b/y.cu'])).toBe(1);
  });

  it('counts uses, blockers per target and effort per folder, at the adaptive depth or --group-depth', () => {
    const moved = FINDINGS.map((f) => ({ ...f, file: `repo/${f.file}` }));
    const effort = effortSection();
    effort.targets = [{ ...effort.targets[0]!, byFile: [{ key: 'repo/src/kern.cu', days: { low: 1, likely: 2, high: 3 } }, { key: 'repo/src/alloc.cu', days: { low: 0, likely: 0.5, high: 1 } }] as never }];
    const report = makeReport(moved, { effort });
    const t = folderTable(report);
    expect(t.depth).toBe(2);
    expect(t.adaptive).toBe(true);
    const src = t.rows.find((r) => r.folder === 'repo/src')!;
    expect(src).toMatchObject({ files: 3, uses: 4, byTarget: { 'ascend-910b': { blockers: 1, days: 2.5 }, 'cambricon-mlu590': { blockers: 1 } } });
    expect(t.rows[0]!.folder).toBe('repo/src'); // most effort first
    expect(folderTable(report, 1).rows.map((r) => r.folder)).toEqual(['repo']);
    const text = renderText(report, { color: false });
    expect(text).toContain('Where the work is (folders at depth 2, chosen to spread the work');
    expect(text).toMatch(/\n {2}repo\/src +4 +1 +2\.5 +1 +-\n/);
  });
});

describe('links to code (--source-url)', () => {
  const links = { template: 'https://git.example/org/repo/blob/{commit}/{path}#L{line}', commit: 'abc123', prefix: 'sub/' };

  it('fills the template, percent-encoding each path segment', () => {
    expect(sourceUrl(links, 'evil/a b#1.cu', 7)).toBe('https://git.example/org/repo/blob/abc123/sub/evil/a%20b%231.cu#L7');
    expect(templateProblem('javascript:alert(1)//{path}', true)).toMatch(/https/);
    expect(templateProblem('https://x/{path}/{branch}', true)).toMatch(/\{branch\}/);
    expect(templateProblem('https://x/{commit}/{path}', false)).toMatch(/git repository/);
    expect(templateProblem('https://x/blob/main/{path}#L{line}', false)).toBeUndefined();
  });

  it('turns locations into links in HTML, Markdown and SARIF', () => {
    const report = makeReport();
    const md = renderMarkdown(report, { links });
    expect(md).toContain('[`lib/grid.cu:12`](https://git.example/org/repo/blob/abc123/sub/lib/grid.cu#L12)');
    const html = renderHtml(report, { links });
    expect(html).toContain('href="https://git.example/org/repo/blob/abc123/sub/lib/grid.cu#L12"');
    expect(html).toContain('href="https://git.example/org/repo/blob/abc123/sub/evil/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.cu#L4"');
    const log = JSON.parse(renderSarif(report, { links }));
    const grid = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'coop-grid-sync');
    expect(grid.properties.sourceUrl).toBe('https://git.example/org/repo/blob/abc123/sub/lib/grid.cu#L12');
    expect(grid.message.markdown).toContain('](https://git.example/org/repo/blob/abc123/sub/lib/grid.cu#L12)');
    expect(log.runs[0].versionControlProvenance).toEqual([{ repositoryUri: 'https://git.example/org/repo', revisionId: 'abc123' }]);
    expect(sarifValidator()(log)).toEqual([]);
  });
});

describe('SARIF within code scanning limits', () => {
  const many = Array.from({ length: 40 }, (_, i) =>
    finding({ ruleId: `r-${i % 7}`, symbol: `api${i % 7}`, family: 'runtime', file: `f${String(i).padStart(2, '0')}.cu`, line: 1 + i, ascend: [i % 5 === 0 ? 'none' : 'direct'], cambricon: ['direct'] }),
  );

  it('keeps the most severe results, says in a notification and a notice what was left out, and stays valid', () => {
    const notices: string[] = [];
    const log = JSON.parse(renderSarif(makeReport(many), { maxResults: 10, failOn: 'none', notice: (m) => notices.push(m) }));
    const run = log.runs[0];
    expect(run.results).toHaveLength(10);
    // The 8 gate failures (none on Ascend) first, then 2 renames.
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(8);
    const note = run.invocations[0].toolExecutionNotifications[0];
    expect(note.message.text).toContain('30 of 40 results left out (at most 10 results per run)');
    expect(note.message.text).toContain('--sarif-max-results');
    expect(notices).toEqual([expect.stringContaining('SARIF: 30 of 40 results left out')]);
    expect(sarifValidator()(log)).toEqual([]);
    // Results stay in file order; rules only for what is kept.
    const files = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(files).toEqual([...files].sort());
    expect(run.tool.driver.rules.length).toBeLessThanOrEqual(7);
  });

  it('defaults to the 5,000 results code scanning keeps, never more than 25,000, and 0 lifts the limit', () => {
    expect(CODE_SCANNING).toMatchObject({ maxResults: 25_000, shownResults: 5_000, maxGzipBytes: 10 * 1024 * 1024 });
    const all = JSON.parse(renderSarif(makeReport(many), { maxResults: 0 }));
    expect(all.runs[0].results).toHaveLength(40);
    expect(all.runs[0].invocations[0].toolExecutionNotifications).toBeUndefined();
  });

  it('shrinks the run until it fits the compressed size limit', () => {
    const notices: string[] = [];
    const log = JSON.parse(renderSarif(makeReport(many), { maxGzipBytes: 2500, notice: (m) => notices.push(m) }));
    expect(log.runs[0].results.length).toBeLessThan(40);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(notices[0]).toMatch(/under 0 MB gzip-compressed|gzip-compressed/);
  });
});

describe('confidence everywhere', () => {
  const report = makeReport(withConfidence());

  it('is a mark in text, a column in Markdown and CSV, a badge in HTML, a SARIF property', () => {
    const text = renderText(report, { color: false });
    expect(text).toMatch(/nvcuda::wmma::fragment<a\|b> +1× +ascend-910b rewrite\?, cambricon-mlu590 no equivalent/);
    expect(text).toContain('~ likely, ? uncertain');
    const md = renderMarkdown(report);
    expect(md).toMatch(/\| \[`nvcuda::wmma::fragment<a\\\|b>`\][^\n]*\| ascend-910b: uncertain \|/);
    expect(md).toMatch(/\| `cnrtMemcpyAsync` \(direct\)\\~ \| cambricon-mlu590: likely \|/);
    const csv = parseCsv(renderCsv(report));
    const wmma = csv.find((r) => r[3] === 'wmma')!;
    expect([wmma[9], wmma[12]]).toEqual(['uncertain', 'confirmed']);
    const html = renderHtml(report);
    expect(html).toContain('<span class="conf c-uncertain"');
    expect(html).toContain('<span class="conf c-likely"');
    const log = JSON.parse(renderSarif(report));
    const r = log.runs[0].results.find((x: { properties: { family: string } }) => x.properties.family === 'wmma');
    expect(r.properties.targets['ascend-910b'].confidence).toBe('uncertain');
  });
});

describe('Chinese reports (--lang zh-CN)', () => {
  it('reads the language from --lang or the locale', () => {
    expect(parseLang('zh_CN.UTF-8')).toBe('zh-CN');
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANGUAGE: 'zh_CN:en' })).toBe('zh-CN');
    expect(langFromEnv({})).toBe('en');
  });

  it('translates every message (no Chinese message is the English one)', () => {
    const same: string[] = [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const a = en[key];
      const b = zhCN[key];
      const sample = (v: unknown): string => (typeof v === 'function' ? String((v as (...x: unknown[]) => unknown)(3, 4, 5, 6)) : JSON.stringify(v));
      if (key !== 'sdk' && key !== 'api' && key !== 'apis' && sample(a) === sample(b)) same.push(key);
    }
    expect(same).toEqual([]);
  });

  it('switches the text, Markdown and HTML reports; machine formats stay the same', () => {
    const report = makeReport();
    const text = renderText(report, { color: false, lang: 'zh-CN' });
    expect(text).toContain('已扫描 8 个文件');
    expect(text).toContain('最常用的 CUDA API');
    expect(text).toContain('阻塞项');
    const md = renderMarkdown(report, { lang: 'zh-CN' });
    expect(md).toContain('## CUDA 迁移报告');
    expect(md).toContain('| 目标 | SDK |');
    const html = renderHtml(report, { lang: 'zh-CN' });
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('全部展开');
    expect(renderCsv(report)).toBe(renderCsv(report)); // no language parameter at all
    expect(renderSarif(report, { lang: 'zh-CN' })).toBe(renderSarif(report));
  });

  it('aligns terminal tables by display width, CJK characters taking two columns', () => {
    expect(displayWidth('中文ab')).toBe(6);
    expect(displayWidth('\u001b[31m无对应\u001b[39m')).toBe(6);
    expect(padEndW('直接', 6)).toBe('直接  ');
    const text = renderText(makeReport(), { color: false, lang: 'zh-CN' });
    const table = text.split('\n').filter((l) => /^ {2}(类别|runtime|kernel|合计) /.test(l));
    expect(table.length).toBeGreaterThanOrEqual(4);
    // Every row of a status table is as wide as its header, counted in terminal columns.
    const widths = new Set(table.map(displayWidth));
    expect(widths.size).toBe(1);
    // And each number ends under the end of its heading.
    const head = table[0]!;
    const ends = (line: string): number[] => {
      const out: number[] = [];
      let col = 0;
      for (const ch of line) {
        const w = displayWidth(ch);
        if (ch !== ' ' && (line[line.indexOf(ch) + 1] ?? ' ') === ' ') out.push(col + w);
        col += w;
      }
      return out;
    };
    expect(ends(table[table.length - 1]!).slice(-3)).toEqual(ends(head).slice(-3));
    expect(messages('zh-CN').status.none).toBe('无对应');
  });
});
