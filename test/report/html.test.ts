import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { effortSection, incompatibilitiesSection, makeReport } from './helpers.js';

const scripts = (html: string): string[] => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('renderHtml', () => {
  const html = renderHtml(makeReport());

  it('is self-contained: no external resource, a CSP that allows no network and only its own script', () => {
    expect(html).not.toMatch(/<link|<[a-z][^>]*\ssrc=|url\(|@import/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    const [script] = scripts(html);
    const hash = createHash('sha256').update(script!).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });

  it('escapes scanned file names and source text: one script block, no injected tags', () => {
    expect(scripts(html)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<script>alert/);
    expect(html).toContain('evil/&lt;img src=x onerror=alert(1)&gt;.cu');
    expect(html).toContain('// &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('without an effort model, leads with the findings per target by status and charts findings by folder', () => {
    expect(html).toContain('<h2>Findings per target');
    expect(html).toContain('Findings by top-level folder');
    expect(html).not.toContain('id="incompatibilities"');
    expect(html).toMatch(/<article class="card target" data-target="ascend-910b">[\s\S]*?38%/);
  });

  it('with an effort model, leads with the estimate range and portability score and charts effort by component', () => {
    const withEffort = renderHtml(makeReport(undefined, { effort: effortSection(), incompatibilities: incompatibilitiesSection() }));
    expect(withEffort).toContain('<h2>Estimate per target');
    expect(withEffort).toMatch(/data-test="estimate">12–30 person-days<small>likely 18 person-days \(105 hours\) · portability 62\/100/);
    expect(withEffort).toContain('Effort by component');
    expect(withEffort).toContain('id="incompatibilities"');
    expect(withEffort).toContain('Grid-wide synchronisation &lt;sync&gt;');
  });

  it('links each rule-backed API to its entry in docs/rules/<family>.md', () => {
    expect(html).toContain('href="docs/rules/runtime.md#runtime-malloc"');
    expect(html).toContain('href="docs/rules/wmma.md#wmma%7Cpipe"');
    expect(html).not.toContain('docs/rules/runtime.md#null');
  });

  it('lists every scanned component in the table, with a drill-down row each', () => {
    const names = [...html.matchAll(/aria-controls="comp-\d+"[^>]*><code>([^<]*)<\/code>/g)].map((m) => m[1]);
    expect(names).toEqual(['src', 'evil', '.', 'lib']);
    expect(html.match(/<tr class="detail collapsed"/g)).toHaveLength(4);
  });
});

describe('renderHtml on large scans', () => {
  it('caps the findings listed per file and in total, and says where the rest are', () => {
    const html = renderHtml(makeReport(), { maxFindingsPerFile: 1, maxFindings: 3 });
    expect(html.match(/<tr class="finding/g)).toHaveLength(3);
    expect(html).toContain('… and 1 more in this file not listed here (see the CSV or SARIF report).');
    expect(html).toMatch(/… 1 CUDA use in this file not listed here/);
  });
});
