/**
 * The pure core: text in, report out, with no file system. Most behaviour can be tested through it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { analyzeFiles, analyzeSource } from '../../src/core/analyze.js';

const catalog = loadCatalog();

describe('analyzeSource / analyzeFiles', () => {
  it('give a whole report for text, for any number of profiles of one vendor', () => {
    const r = analyzeSource('__global__ void k(float *x) { x[threadIdx.x] = __shfl_down_sync(0xffffffff, x[0], 1); }\n', 'k.cu', catalog, {
      targets: ['ascend-910b,ascend-950'],
    });
    expect(r.schemaVersion).toBe(2);
    expect(r.targets.map((t) => t.id)).toEqual(['ascend-910b', 'ascend-950']);
    const shfl = r.findings.find((f) => f.symbol === '__shfl_down_sync')!;
    expect(Object.keys(shfl.targets)).toEqual(['ascend-910b', 'ascend-950']);
    expect(shfl.targets['ascend-910b']!.status).toBe('rewrite');
    expect(shfl.targets['ascend-950']!.status).not.toBe('rewrite');
    expect(Object.keys(r.summary.byTarget)).toEqual(['ascend-910b', 'ascend-950']);
    expect(r.effort!.targets.map((t) => t.target)).toEqual(['ascend-910b', 'ascend-950']);
  });

  it('a suppressed use counts nowhere: not in the summary, not as CUDA left in progress, not in the estimate', () => {
    const files = [
      { path: 'a/port.cpp', text: '#include <acl/acl.h>\nvoid f(void **p) { aclrtMalloc(p, 4, ACL_MEM_MALLOC_HUGE_FIRST); }\n' },
      { path: 'a/old.cu', text: 'void g(void **p) {\n  cudaMalloc(p, 4); // ascendify-ignore cudaMalloc -- kept for the CUDA build\n  cudaFree(*p);\n}\n' },
    ];
    const r = analyzeFiles(files, catalog, { targets: ['ascend-910b'] });
    const malloc = r.findings.find((f) => f.symbol === 'cudaMalloc')!;
    expect(malloc.suppressed?.kind).toBe('inline');
    expect(r.summary.findings).toBe(r.findings.filter((f) => !f.suppressed).length);
    expect(r.progress!.byTarget[0]!.cudaRemaining).toBe(r.findings.filter((f) => !f.suppressed).length);
    const covered = r.effort!.targets[0]!.items.filter((i) => i.subject === 'cudaMalloc');
    expect(covered).toEqual([]);
  });

  it('skips a file no front end reads, with the reason', () => {
    const r = analyzeFiles([{ path: 'notes.txt', text: 'cudaMalloc' }], catalog);
    expect(r.files).toEqual([{ path: 'notes.txt', language: 'unknown', lines: 0, status: 'skipped', reason: 'no front end reads this kind of file' }]);
  });
});

describe('one status vocabulary', () => {
  it('no file outside src/model/status.ts spells an order of statuses or the blocker rule', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.ts') && !p.endsWith(join('model', 'status.ts')) && !p.includes(join('model', 'generated'))) {
          const text = readFileSync(p, 'utf8');
          // three or more status literals in one list, or the blocker test written out
          if (/\[\s*'(direct|partial|rewrite|none|unknown)'\s*,\s*'(direct|partial|rewrite|none|unknown)'\s*,\s*'(direct|partial|rewrite|none|unknown)'/.test(text)) offenders.push(`${p}: a status order`);
          if (/===\s*'none'\s*\|\|\s*\w+(\.\w+)*\s*===\s*'rewrite'|===\s*'rewrite'\s*\|\|\s*\w+(\.\w+)*\s*===\s*'none'/.test(text)) offenders.push(`${p}: the blocker rule`);
        }
      }
    };
    walk(join(__dirname, '../../src'));
    expect(offenders).toEqual([]);
  });
});
