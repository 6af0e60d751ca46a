/** Hand-built reports for the renderer tests: two targets, findings of every status, hostile file names. */
import type { EffortReport, Finding, Report, ReportTarget, Status, TargetAnswer, TargetIncompatibilities } from '../../src/model/index.js';
import { severityOf } from '../../src/model/index.js';
import { summarize } from '../../src/score/summary.js';

export const PROFILES: ReportTarget[] = [
  { id: 'ascend-910b', vendor: 'ascend', product: 'Atlas A2 (Ascend 910B)', sdk: 'CANN 8.5', kernelModel: 'tile' },
  { id: 'cambricon-mlu590', vendor: 'cambricon', product: 'MLU590', sdk: 'CNRT 6.14', kernelModel: 'bang' },
];

export const HOSTILE_FILE = 'evil/<img src=x onerror=alert(1)>.cu';
export const HOSTILE_SNIPPET = 'cudaMalloc(&p, n); // </script><script>alert(2)</script> | =cmd|\' /C calc\'!A0';

function answer(status: Status, replacement?: string[], note?: string): TargetAnswer {
  const a: TargetAnswer = { status };
  if (replacement) a.replacement = replacement;
  if (note) a.note = note;
  return a;
}

interface FindingSpec {
  ruleId: string | null;
  symbol: string;
  family: string;
  file: string;
  line: number;
  column?: number;
  snippet?: string;
  ascend: [Status, string[]?];
  cambricon: [Status, string[]?];
  kind?: string;
}

export function finding(spec: FindingSpec): Finding {
  const column = spec.column ?? 5;
  return {
    ruleId: spec.ruleId,
    symbol: spec.symbol,
    family: spec.family,
    kind: spec.kind ?? 'function',
    file: spec.file,
    line: spec.line,
    column,
    endLine: spec.line,
    endColumn: column + spec.symbol.length,
    snippet: spec.snippet ?? `${spec.symbol}(x);`,
    severity: severityOf([spec.ascend[0], spec.cambricon[0]]),
    message: `${spec.symbol} — test`,
    targets: {
      'ascend-910b': answer(spec.ascend[0], spec.ascend[1], 'Ascend note.'),
      'cambricon-mlu590': answer(spec.cambricon[0], spec.cambricon[1]),
    },
  };
}

export const FINDINGS: Finding[] = [
  finding({ ruleId: 'runtime-malloc', symbol: 'cudaMalloc', family: 'runtime', file: 'src/alloc.cu', line: 10, ascend: ['direct', ['aclrtMalloc']], cambricon: ['direct', ['cnrtMalloc']] }),
  finding({ ruleId: 'runtime-malloc', symbol: 'cudaMalloc', family: 'runtime', file: 'src/alloc.cu', line: 20, ascend: ['direct', ['aclrtMalloc']], cambricon: ['direct', ['cnrtMalloc']] }),
  finding({ ruleId: 'runtime-memcpy-async', symbol: 'cudaMemcpyAsync', family: 'runtime', file: 'src/copy.cu', line: 3, ascend: ['partial', ['aclrtMemcpyAsync']], cambricon: ['direct', ['cnrtMemcpyAsync']] }),
  finding({ ruleId: 'kernel-thread-idx', symbol: 'threadIdx', family: 'kernel', file: 'src/kern.cu', line: 7, kind: 'builtin', ascend: ['rewrite'], cambricon: ['rewrite'] }),
  finding({ ruleId: 'coop-grid-sync', symbol: 'cooperative_groups::this_grid', family: 'cooperative-groups', file: 'lib/grid.cu', line: 12, ascend: ['none'], cambricon: ['partial', ['__sync_all']] }),
  finding({ ruleId: null, symbol: 'cudaFuncSetCacheConfig', family: 'runtime', file: 'main.cu', line: 2, ascend: ['unknown'], cambricon: ['unknown'] }),
  finding({ ruleId: 'runtime-malloc', symbol: 'cudaMalloc', family: 'runtime', file: HOSTILE_FILE, line: 4, snippet: HOSTILE_SNIPPET, ascend: ['direct', ['aclrtMalloc']], cambricon: ['direct', ['cnrtMalloc']] }),
  finding({ ruleId: 'wmma|pipe', symbol: 'nvcuda::wmma::fragment<a|b>', family: 'wmma', file: 'evil/`tick`|pipe.cu', line: 9, snippet: '-x = @sum(a|b) `q`', ascend: ['rewrite', ['AscendC::Matmul']], cambricon: ['none'] }),
];

export function makeReport(findings: Finding[] = FINDINGS, extra: Partial<Report> = {}): Report {
  const paths = [...new Set(findings.map((f) => f.file)), 'src/clean.cpp'].sort();
  const files = paths.map((path) => ({ path, language: 'cuda' as const, lines: 40, status: 'scanned' as const }));
  return {
    schemaVersion: 2,
    tool: { name: 'ascendify', version: '9.9.9', catalogVersion: 'cafe1234' },
    root: 'project',
    targets: PROFILES,
    files,
    findings,
    kernels: [],
    summary: summarize(files, findings, [], PROFILES),
    ...extra,
  };
}

const range = (low: number, likely: number, high: number) => ({ low, likely, high });

/** An effort section with the fields the renderers read (the rest of EffortReport is not shown). */
export function effortSection(): EffortReport {
  const target = (id: string, days: [number, number, number], portability: number) => ({
    target: id,
    kernelModel: 'tile',
    total: range(days[0] * 6, days[1] * 6, days[2] * 6),
    days: range(...days),
    portability,
    breakdown: {},
    kernels: { map: 0, rewrite: 1, adapt: 0 },
    byComponent: [
      { key: 'src', hours: range(1, 2, 3), days: range(days[0] * 0.6, days[1] * 0.6, days[2] * 0.6), uses: 4, kernels: 1, portability: 50 },
      { key: 'evil', hours: range(1, 2, 3), days: range(1, 1.5, 2), uses: 2, kernels: 0, portability: 40 },
      { key: '.', hours: range(0, 0, 0), days: range(0, 0.25, 0.5), uses: 1, kernels: 0, portability: 100 },
    ],
    byFile: [],
    byFamily: [],
    items: [],
  });
  return {
    hoursPerDay: 6,
    groupDepth: 1,
    sources: ['rules/effort.yaml'],
    weights: {},
    targets: [target('ascend-910b', [12, 17.5, 30], 62), target('cambricon-mlu590', [8, 11, 19], 71)],
  } as unknown as EffortReport;
}

export function incompatibilitiesSection(): TargetIncompatibilities[] {
  return [
    {
      target: 'ascend-910b',
      items: [
        {
          category: 'grid-sync',
          title: 'Grid-wide synchronisation <sync>',
          risk: 'high',
          symbols: ['cooperative_groups::this_grid'],
          hours: range(4, 8, 16),
          count: 1,
          locations: [{ file: 'lib/grid.cu', line: 12, symbol: 'cooperative_groups::this_grid' }],
          advice: 'Split the kernel at the sync point.',
        },
      ],
    },
  ];
}
