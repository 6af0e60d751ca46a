/** Matching on a small catalog built for the test: resolution, project names, unknowns, contexts, profiles. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/catalog/lexicon.js';
import { loadCatalog, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { matchFacts } from '../../src/match/match.js';
import { selectProfiles } from '../../src/util/profiles.js';
import { facts } from '../helpers/facts.js';

const dir = mkdtempSync(join(tmpdir(), 'ascendify-match-'));
mkdirSync(join(dir, 'families'));
mkdirSync(join(dir, 'inventory'));
copyFileSync(join(SHIPPED_RULES_DIR, 'profiles.yaml'), join(dir, 'profiles.yaml'));
copyFileSync(join(SHIPPED_RULES_DIR, 'recognition.yaml'), join(dir, 'recognition.yaml'));
const answer = (status: string, replacement?: string, extra = ''): string =>
  replacement ? `{ status: ${status}, replacement: [${replacement}], source: test${extra} }` : `{ status: ${status}, note: test${extra} }`;
writeFileSync(
  join(dir, 'families', 'test.yaml'),
  `family: test
rules:
  - id: t-malloc
    symbols: [cudaMalloc]
    kind: function
    targets:
      ascend: ${answer('direct', 'aclrtMalloc')}
      cambricon: ${answer('direct', 'cnrtMalloc')}
  - id: t-this-grid
    symbols: [cooperative_groups::this_grid]
    kind: function
    feature: grid-sync
    targets:
      ascend: ${answer('rewrite')}
      cambricon: ${answer('none')}
  - id: t-mma
    symbols: [nvcuda::wmma::mma_sync]
    kind: function
    feature: tensor-core
    targets:
      ascend: ${answer('rewrite')}
      cambricon: ${answer('rewrite')}
  - id: t-shfl
    symbols: [__shfl_down_sync]
    kind: function
    feature: warp-shuffle
    targets:
      ascend:
        status: rewrite
        note: tile model has no warps
        profiles:
          ascend-950: { status: direct, replacement: [asc_shfl_down], since: "9.0", source: test }
      cambricon: ${answer('none')}
  - id: t-pool
    symbols: [cudaMallocAsync]
    kind: function
    targets:
      ascend: ${answer('direct', 'aclrtMallocAsync', ', since: "9.0"')}
      cambricon: ${answer('direct', 'cnrtMemAllocAsync')}
  - id: t-launch
    symbols: ["<<<>>>"]
    kind: syntax
    context: host
    targets:
      ascend: ${answer('partial', 'kernel<<<>>>')}
      cambricon: ${answer('partial', 'kernel<<<>>>')}
  - id: t-dynamic-parallelism
    symbols: ["<<<>>>"]
    kind: syntax
    context: device
    feature: dynamic-parallelism
    targets:
      ascend: ${answer('none')}
      cambricon: ${answer('none')}
  - id: t-printf
    symbols: [printf]
    kind: function
    context: device
    targets:
      ascend: ${answer('partial', 'AscendC::printf')}
      cambricon: ${answer('partial', '__bang_printf')}
  - id: t-half
    symbols: [half]
    kind: type
    targets:
      ascend: ${answer('direct', 'half')}
      cambricon: ${answer('direct', 'half')}
`,
);
writeFileSync(join(dir, 'inventory', 'cuda.tsv'), `# test inventory\nsymbol\tkind\tlibrary\theader\tstd_overlap\nmake_float4\tfunction\tvector\tvector_functions.h\tno\nfloat4\ttype\tvector\tvector_types.h\tno\nsqrtf\tfunction\tcuda_math\tmath_functions.h\tyes\n${Array.from({ length: 25 }, (_, i) => `CUshim${i}\ttype\tdriver\tcuda.h\tno\n`).join('')}`);
const catalog = loadCatalog({ rulesDir: dir });
const lexicon = buildLexicon(catalog);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function findings(src: string, targets = ['all'], extraFiles: [string, string][] = []) {
  const files = [facts(src, lexicon, 'main.cu'), ...extraFiles.map(([p, s]) => facts(s, lexicon, p))];
  return matchFacts(files, catalog, selectProfiles(catalog, targets));
}
const brief = (r: ReturnType<typeof findings>): string[] =>
  r.findings.map((f) => `${f.file}:${f.line} ${f.symbol} ${f.ruleId ?? '-'} ${Object.values(f.targets).map((t) => t.status).join('/')}`);

describe('name resolution', () => {
  it('resolves namespace aliases and using-directives to the canonical name', () => {
    const r = findings('namespace cg = cooperative_groups;\nusing namespace nvcuda;\n__global__ void k() { cg::this_grid(); wmma::mma_sync(d, a, b, c); }\n');
    expect(brief(r).filter((l) => !l.includes('__global__'))).toEqual([
      'main.cu:3 cooperative_groups::this_grid t-this-grid rewrite/none',
      'main.cu:3 nvcuda::wmma::mma_sync t-mma rewrite/rewrite',
    ]);
  });

  it('applies an alias declared in a header to the files that use it', () => {
    const r = findings('void f() { cg::this_grid(); }\n', ['all'], [['common.cuh', 'namespace cg = cooperative_groups;\n']]);
    expect(r.findings.map((f) => f.symbol)).toEqual(['cooperative_groups::this_grid']);
  });
});

describe('what gets reported', () => {
  it('reports unknown CUDA-looking names and inventory names as unknown, never drops them', () => {
    const r = findings('void f() { cudaFrobnicate(); float4 v = make_float4(1, 2, 3, 4); myHelper(); }\n');
    expect(brief(r)).toEqual(['main.cu:1 cudaFrobnicate - unknown/unknown', 'main.cu:1 float4 - unknown/unknown', 'main.cu:1 make_float4 - unknown/unknown']);
    expect(r.findings[0]?.family).toBe('runtime');
    expect(r.findings[2]?.family).toBe('kernel'); // inventory library 'vector' maps to family kernel (rules/recognition.yaml)
  });

  it('does not report names the project defines itself', () => {
    const r = findings(
      'struct cudaBuffer { int n; };\nvoid cudaCheckError() {}\nvoid f() { cudaBuffer b; cudaCheckError(); cudaMalloc(0, 1); }\n',
      ['all'],
      [['util.cuh', '#define CUDA_CHECK(x) x\n'], ['use.cu', 'void g() { CUDA_CHECK(cudaMalloc(0, 1)); }\n']],
    );
    expect(brief(r)).toEqual(['main.cu:3 cudaMalloc t-malloc direct/direct', 'use.cu:1 cudaMalloc t-malloc direct/direct']);
  });

  it('a project\'s own unconditional type hides a CUDA name; an overload or a guarded shim does not', () => {
    const own = findings('struct float4 { float x, y, z, w; };\nvoid f() { float4 v; make_float4(1, 2, 3, 4); }\n');
    expect(own.findings.map((f) => f.symbol)).toEqual(['make_float4']);
    const overload = findings('__device__ float4 make_float4(double a) { return {}; }\n__global__ void k() { float4 v = make_float4(1.0); }\n');
    expect(overload.findings.filter((f) => f.symbol === 'make_float4').map((f) => f.line)).toEqual([2]);
    const shim = findings('#if CUDART_VERSION < 11000\nstruct float4 { float x, y, z, w; };\n#endif\nvoid f() { float4 v; }\n');
    expect(shim.findings.filter((f) => f.symbol === 'float4').map((f) => f.line)).toEqual([4]);
  });

  it('a local variable does not hide a CUDA type of the same name', () => {
    const r = findings('void f(int n) { int half = n / 2; }\n__global__ void k(half* x) {}\n');
    expect(r.findings.filter((f) => f.symbol === 'half').map((f) => f.line)).toEqual([2]);
  });

  it('separates host launches from dynamic parallelism, and counts printf/sqrtf only in device code', () => {
    const r = findings('__global__ void child() { printf("x"); sqrtf(2.f); }\n__global__ void parent() { child<<<1, 1>>>(); }\nint main() { printf("y"); sqrtf(2.f); parent<<<1, 1>>>(); }\n');
    expect(brief(r).filter((l) => !l.includes('__global__'))).toEqual([
      'main.cu:1 printf t-printf partial/partial',
      'main.cu:1 sqrtf - unknown/unknown',
      'main.cu:2 <<<>>> t-dynamic-parallelism none/none',
      'main.cu:3 <<<>>> t-launch partial/partial',
    ]);
  });
});

describe('profiles', () => {
  it('answers per profile: a warp shuffle is a rewrite on 910B and direct on 950', () => {
    const src = '__global__ void k(float v) { v = __shfl_down_sync(0xffffffff, v, 1); }\n';
    const on910b = findings(src, ['ascend-910b']).findings.find((f) => f.symbol === '__shfl_down_sync');
    const on950 = findings(src, ['ascend-950']).findings.find((f) => f.symbol === '__shfl_down_sync');
    expect(on910b?.targets['ascend-910b']).toMatchObject({ status: 'rewrite' });
    expect(on950?.targets['ascend-950']).toMatchObject({ status: 'direct', replacement: ['asc_shfl_down'] });
  });

  it('an API that first appears in a later release is none for a profile pinned to an older one', () => {
    const src = 'void f() { cudaMallocAsync(0, 1, 0); }\n';
    const rule = catalog.bySymbol.get('cudaMallocAsync')![0]!;
    const since = rule.answers['ascend-910b']!.since!;
    const older = catalog.pinned.find((p) => p.chip === 'ascend-910b' && p.sdk.version < since)!;
    const r = findings(src, [`${older.id},ascend-910b`]).findings[0]!;
    expect(r.targets[older.id]).toMatchObject({ status: 'none', note: expect.stringContaining(`needs CANN ${since}`) });
    expect(r.targets['ascend-910b']!.status).not.toBe('none');
  });
});

describe('kernels', () => {
  it('lists kernels with the features of the uses inside them', () => {
    const r = findings('namespace cg = cooperative_groups;\n__global__ void k(float v) {\n  v = __shfl_down_sync(0xffffffff, v, 1);\n  cg::this_grid();\n}\n');
    expect(r.kernels).toEqual([{ name: 'k', file: 'main.cu', line: 2, endLine: 5, lines: 4, qualifier: 'global', features: ['grid-sync', 'warp-shuffle'], signature: '(float v)', hash: expect.stringMatching(/^[0-9a-f]{14}$/) }]);
  });
});

describe('includes', () => {
  it('does not report the project\'s own headers, whatever their names', () => {
    const r = findings('#include "cuda_check.h"\n#include <cuda_fp16.h>\n', ['all'], [['include/cuda_check.h', 'int x;\n']]);
    expect(r.findings.map((f) => f.symbol)).toEqual(['cuda_fp16.h']);
  });
});

describe('CUDA header mirrors', () => {
  it('a header that re-declares many CUDA names (a dynamic-loading shim) does not hide them', () => {
    const shim = `${Array.from({ length: 25 }, (_, i) => `typedef int CUshim${i};`).join('\n')}\ntypedef int float4;\n`;
    const r = findings('#include "shim.h"\nvoid f() { float4 v; CUshim3 x; }\n', ['all'], [['shim.h', shim]]);
    expect(r.findings.map((f) => `${f.file}:${f.symbol}`)).toEqual(['main.cu:float4', 'main.cu:CUshim3']);
  });
});

describe('using-directives', () => {
  it('an unqualified variable is not taken for a namespaced API, a call is', () => {
    const r = findings('using namespace cooperative_groups;\n__global__ void k() { int this_grid = 0; this_grid++; }\n__global__ void j() { this_grid(); }\n');
    expect(r.findings.filter((f) => f.symbol.startsWith('cooperative_groups')).map((f) => `${f.line}:${f.column}`)).toEqual(['3:23']); // the call only
  });
});
