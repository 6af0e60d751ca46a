import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { effortSection, incompatibilitiesSection, makeReport } from './helpers.js';

/** The rows of the table under a heading, split into cells on unescaped pipes. */
function tableUnder(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l === heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('#')) break;
    if (!l.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    rows.push(l.slice(2, -2).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return rows;
}

describe('renderMarkdown', () => {
  it('without an effort model: the status table per target, blockers, top APIs and components', () => {
    const md = renderMarkdown(makeReport());
    const est = tableUnder(md, '### Estimate per target');
    expect(est[0]).toEqual(['Target', 'SDK', 'direct', 'partial', 'rewrite', 'no equivalent', 'unknown', 'Total']);
    expect(est[2]).toEqual(['**ascend-910b** (Atlas A2 (Ascend 910B))', 'CANN 8.5', '3', '1', '2', '1', '1', '8']);
    const blockers = tableUnder(md, '### Blockers');
    expect(blockers.slice(2).map((r) => r[0])).toEqual([
      '[`cooperative_groups::this_grid`](docs/rules/cooperative-groups.md#coop-grid-sync)',
      '[`nvcuda::wmma::fragment<a\\|b>`](docs/rules/wmma.md#wmma%7Cpipe)',
      '[`threadIdx`](docs/rules/kernel.md#kernel-thread-idx)',
    ]);
    const apis = tableUnder(md, '### Most used CUDA APIs');
    expect(apis[2]).toEqual(['[`cudaMalloc`](docs/rules/runtime.md#runtime-malloc)', '3', '`aclrtMalloc` (direct)', '`cnrtMalloc` (direct)', 'confirmed']);
    expect(md).not.toContain('### Incompatibilities');
  });

  it('keeps every table row as wide as its header, whatever the scanned names hold', () => {
    const md = renderMarkdown(makeReport());
    for (const h of ['### Estimate per target', '### Blockers', '### Most used CUDA APIs', '### Where the work is']) {
      const rows = tableUnder(md, h);
      for (const r of rows) expect(r, h).toHaveLength(rows[0]!.length);
    }
    // Folders with listed uses, most uses first (no estimate here); the clean file's folder has none.
    const comps = tableUnder(md, '### Where the work is').slice(2).map((r) => r[0]);
    expect(comps).toEqual(['`src`', '`evil`', '`.`', '`lib`']);
    expect(md).not.toMatch(/<img/);
  });

  it('with an effort model: the range, likely value and portability per target, effort per component, incompatibilities', () => {
    const md = renderMarkdown(makeReport(undefined, { effort: effortSection(), incompatibilities: incompatibilitiesSection() }));
    const est = tableUnder(md, '### Estimate per target');
    expect(est[0]!.slice(0, 4)).toEqual(['Target', 'SDK', 'Estimate', 'Portability']);
    expect(est[2]!.slice(2, 4)).toEqual(['12–30 person-days (likely 18)', '62/100']);
    const comps = tableUnder(md, '### Where the work is');
    expect(comps[0]).toEqual(['Folder', 'Files', 'Uses', 'ascend-910b effort', 'ascend-910b blockers', 'cambricon-mlu590 effort', 'cambricon-mlu590 blockers']);
    // Effort per folder sums the estimate's per-file rows (none in this hand-built section).
    expect(comps[2]!.slice(0, 3)).toEqual(['`src`', '3', '4']);
    const inc = tableUnder(md, '### Incompatibilities');
    expect(inc[2]).toEqual(['Grid-wide synchronisation \\<sync\\>', 'high', '1', '8', '`cooperative_groups::this_grid`', 'Split the kernel at the sync point.']);
  });

  it('says so when nothing was found', () => {
    const md = renderMarkdown(makeReport([]));
    expect(md).toContain('No CUDA dependencies found.');
    expect(md).not.toContain('### Blockers');
  });
});
