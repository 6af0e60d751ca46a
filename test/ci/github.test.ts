import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model/index.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { REPORTERS } from '../../src/report/index.js';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'runtime-malloc-managed',
    symbol: 'cudaMallocManaged',
    family: 'runtime',
    kind: 'function',
    file: 'src/a,b.cu',
    line: 5,
    column: 3,
    endLine: 5,
    endColumn: 20,
    snippet: 'cudaMallocManaged(&p, n);',
    severity: 'error',
    message: 'cudaMallocManaged — ascend-910b: none',
    targets: { 'ascend-910b': { status: 'none', note: '100% host:\nno managed memory' } },
    ...over,
  };
}

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'ascendify', version: '0.1.0', catalogVersion: 'x' },
    root: 'cuda',
    targets: [],
    files: [],
    findings,
    kernels: [],
    summary: { files: { scanned: 0, skipped: 0, withFindings: 0 }, lines: 0, findings: 0, kernels: 0, byTarget: {} },
    ...extra,
  };
}

describe('github annotations', () => {
  it('escapes data and properties the way workflow commands require', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\nb: c, d')).toBe('50%25 a%0Ab%3A c%2C d');
  });

  it('prints one command per finding with repository-relative file, position and title; skips suppressed ones', () => {
    const out = renderGithub(
      report([
        finding({}),
        finding({ line: 9, severity: 'info', suppressed: { kind: 'inline', reason: 'ok' } }),
        finding({ line: 12, severity: 'warning', endLine: 14, ruleId: null, symbol: 'cudaFooBar', targets: { 'ascend-910b': { status: 'unknown' } }, message: 'cudaFooBar is not in the catalog' }),
      ], {
        diagnostics: [{ code: 'ascendify-ignore-without-reason', severity: 'warning', file: 'src/x.cu', line: 3, message: 'add a reason' }],
        baseline: { file: 'b.json', counts: { new: 2, unchanged: 7, fixed: 1 }, fixed: [] },
      }),
    );
    expect(out.split('\n')).toEqual([
      '::error file=cuda/src/a%2Cb.cu,line=5,col=3,endColumn=20,title=ascendify%3A cudaMallocManaged (none) [runtime-malloc-managed]::cudaMallocManaged — ascend-910b: none%0Aascend-910b: 100%25 host:%0Ano managed memory',
      '::warning file=cuda/src/a%2Cb.cu,line=12,col=3,endLine=14,title=ascendify%3A cudaFooBar (unknown)::cudaFooBar is not in the catalog',
      '::warning file=cuda/src/x.cu,line=3,title=ascendify%3A ascendify-ignore-without-reason::add a reason',
      '::notice title=ascendify baseline::b.json: 2 new, 7 unchanged, 1 fixed (run with --update-baseline to drop the fixed entries)',
      '',
    ]);
  });

  it('is registered as the github format and prints nothing for a clean report', () => {
    expect(REPORTERS.github?.render(report([]), { color: false })).toBe('');
  });
});
