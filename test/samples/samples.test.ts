/**
 * Golden tests on the shipped samples: the uses a migration engineer would point at in each
 * program, with where they are and what each target says. Lines are found from the source text,
 * so editing a sample's comments does not break the test; changing the code it checks does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Finding, Report } from '../../src/model/index.js';

const SAMPLES = join(__dirname, '../../samples');
const catalog = loadCatalog();
let report: Report;
let on950: Report;

beforeAll(() => {
  report = scan({ paths: [SAMPLES], catalog });
  on950 = scan({ paths: [SAMPLES], catalog, targets: ['ascend-950'] });
});

/** 1-based line of the nth line containing `needle` in a sample file. */
function lineOf(file: string, needle: string, nth = 1): number {
  const lines = readFileSync(join(SAMPLES, file), 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`${file}: no line ${nth} containing ${needle}`);
}

function at(r: Report, file: string, needle: string, symbol: string, nth = 1): Finding {
  const line = lineOf(file, needle, nth);
  const f = r.findings.find((x) => x.file === file && x.line === line && x.symbol === symbol);
  if (!f) throw new Error(`Missing: ${symbol} at ${file}:${line}; found there: ${r.findings.filter((x) => x.file === file && x.line === line).map((x) => x.symbol).join(', ') || 'nothing'}`);
  return f;
}

const statuses = (f: Finding): string => `${f.targets['ascend-910b']?.status}/${f.targets['cambricon-mlu590']?.status}`;

describe('vector-add', () => {
  it('finds the runtime calls, also inside the CUDA_CHECK macro, and maps them', () => {
    const malloc = at(report, 'vector-add/cuda_check.h', 'CUDA_CHECK(cudaMalloc(', 'cudaMalloc');
    expect(malloc.targets['ascend-910b']?.replacement).toEqual(['aclrtMalloc']);
    expect(malloc.targets['cambricon-mlu590']?.replacement).toEqual(['cnrtMalloc']);
    expect(at(report, 'vector-add/cuda_check.h', 'cudaError_t err_ = (call);', 'cudaError_t').macro).toBe('CUDA_CHECK');
    expect(statuses(at(report, 'vector-add/vector_add.cu', 'cudaGetDeviceCount(', 'cudaGetDeviceCount'))).toBe('direct/direct');
  });

  it('does not report the project\'s own names, comments or strings', () => {
    const symbols = report.findings.filter((f) => f.file.startsWith('vector-add/')).map((f) => f.symbol);
    expect(symbols).not.toContain('cudaCheckError');
    expect(symbols).not.toContain('cudaBuffer');
    expect(symbols).not.toContain('CUDA_CHECK');
    expect(symbols).not.toContain('cuda_check.h');
    expect(symbols).not.toContain('cudaMallocManaged'); // only in a comment
    const freeLine = lineOf('vector-add/cuda_check.h', '"cudaFree failed');
    expect(report.findings.filter((f) => f.file === 'vector-add/cuda_check.h' && f.line === freeLine)).toEqual([]);
  });

  it('lists the kernel with its size', () => {
    const k = report.kernels.find((x) => x.name === 'vectorAdd');
    expect(k).toMatchObject({ file: 'vector-add/vector_add.cu', qualifier: 'global' });
    expect(k?.lines).toBeGreaterThan(3);
  });
});

describe('reduction', () => {
  it('reports shared memory, warp shuffles, atomics and launch bounds with kernel features', () => {
    at(report, 'reduction/reduce.cu', 'extern __shared__ float warpSums[]', 'extern __shared__');
    at(report, 'reduction/reduce.cu', '__launch_bounds__(kBlockSize', '__launch_bounds__');
    at(report, 'reduction/reduce.cu', 'atomicAdd(result, blockTotal)', 'atomicAdd');
    at(report, 'reduction/reduce.cu', '__constant__ float c_weights', '__constant__');
    at(report, 'reduction/reduce.cu', 'CHECK(cudaMemcpyToSymbol(', 'cudaMemcpyToSymbol');
    const shfl = at(report, 'reduction/reduce.cu', 'v += __shfl_down_sync(', '__shfl_down_sync');
    expect(shfl.device).toBe(true);
    expect(shfl.targets['ascend-910b']?.status).toBe('rewrite');
    const reduceKernel = report.kernels.find((k) => k.file === 'reduction/reduce.cu' && k.qualifier === 'global');
    expect(reduceKernel?.features).toEqual(expect.arrayContaining(['atomics', 'dynamic-shared-memory', 'launch-bounds']));
  });

  it('has a SIMT answer for the warp shuffle on ascend-950', () => {
    const shfl = at(on950, 'reduction/reduce.cu', 'v += __shfl_down_sync(', '__shfl_down_sync');
    expect(Object.keys(shfl.targets)).toEqual(['ascend-950']);
    expect(['direct', 'partial']).toContain(shfl.targets['ascend-950']?.status);
    expect(shfl.targets['ascend-950']?.replacement?.length).toBeGreaterThan(0);
  });
});

describe('nccl-allreduce', () => {
  it('maps collectives to HCCL and CNCL', () => {
    const f = at(report, 'nccl-allreduce/allreduce.cu', 'ncclAllReduce(', 'ncclAllReduce');
    expect(f.targets['ascend-910b']?.replacement).toContain('HcclAllReduce');
    expect(f.targets['cambricon-mlu590']?.replacement).toContain('cnclAllReduce');
  });
});

describe('streams-graph', () => {
  it('records the #if condition a use sits under', () => {
    const f = at(report, 'streams-graph/pipeline.cu', 'CK(cudaGraphInstantiate(&graphExec, graph, 0));', 'cudaGraphInstantiate');
    expect(f.conditional).toBe('CUDART_VERSION >= 12000');
    const other = at(report, 'streams-graph/pipeline.cu', 'CK(cudaGraphInstantiate(&graphExec, graph, nullptr', 'cudaGraphInstantiate');
    expect(other.conditional).toBe('!(CUDART_VERSION >= 12000)');
  });

  it('managed memory has no equivalent on 910B or MLU', () => {
    expect(statuses(at(report, 'streams-graph/pipeline.cu', 'CK(cudaMallocManaged(', 'cudaMallocManaged'))).toBe('none/none');
  });
});

describe('ptx-dynamic', () => {
  it('tells a device-side launch (dynamic parallelism) from a host launch', () => {
    const dp = at(report, 'ptx-dynamic/dynamic.cu', 'child<<<1, 32>>>', '<<<>>>');
    expect(dp.device).toBe(true);
    expect(statuses(dp)).toBe('none/none');
    const host = at(report, 'ptx-dynamic/dynamic.cu', 'parent<<<', '<<<>>>');
    expect(host.device).toBeUndefined();
    expect(host.ruleId).not.toBe(dp.ruleId);
  });

  it('reports inline PTX, device printf/malloc, __managed__ and legacy textures', () => {
    expect(at(report, 'ptx-dynamic/dynamic.cu', 'asm volatile("mov.u32', 'asm').ruleId).toBeTruthy();
    at(report, 'ptx-dynamic/dynamic.cu', 'asm("add.s32', 'asm');
    at(report, 'ptx-dynamic/dynamic.cu', 'printf("child: first segment', 'printf');
    at(report, 'ptx-dynamic/dynamic.cu', 'malloc(len * sizeof(int))', 'malloc');
    at(report, 'ptx-dynamic/dynamic.cu', '__managed__ int g_childLaunches', '__managed__');
    const tex = at(report, 'ptx-dynamic/legacy_texture.cu', 'texture<float, 1, cudaReadModeElementType>', 'texture');
    expect(tex.conditional).toBe('CUDART_VERSION < 12000');
    // Host printf is plain C: not reported.
    const hostPrintf = lineOf('ptx-dynamic/dynamic.cu', 'std::printf("total=');
    expect(report.findings.filter((f) => f.line === hostPrintf && f.file === 'ptx-dynamic/dynamic.cu' && f.symbol === 'printf')).toEqual([]);
  });

  it('resolves the cg alias and `using namespace nvcuda`', () => {
    at(report, 'ptx-dynamic/dynamic.cu', 'cg::sync(block)', 'cooperative_groups::sync');
    at(report, 'ptx-dynamic/dynamic.cu', 'cg::thread_block block = cg::this_thread_block();', 'cooperative_groups::this_thread_block');
    at(report, 'ptx-dynamic/tensor_core.cu', 'wmma::mma_sync(acc, aFrag', 'nvcuda::wmma::mma_sync');
    const wmmaKernel = report.kernels.find((k) => k.file === 'ptx-dynamic/tensor_core.cu' && k.qualifier === 'global');
    expect(wmmaKernel?.features).toContain('tensor-core');
  });
});

describe('cublas-gemm and cudnn-conv', () => {
  it('maps the library calls', () => {
    expect(at(report, 'cublas-gemm/gemm.cu', 'cublasSgemm(', 'cublasSgemm').ruleId).toBeTruthy();
    expect(at(report, 'cudnn-conv/conv.cu', 'cudnnConvolutionForward(', 'cudnnConvolutionForward').ruleId).toBeTruthy();
  });
});

describe('compiler keywords', () => {
  it('__restrict__ and other keywords the CUDA headers define are not CUDA uses', () => {
    expect(report.findings.filter((f) => ['__restrict__', '__inline__', '__func__'].includes(f.symbol))).toEqual([]);
    expect(readFileSync(join(SAMPLES, 'cmake-project/src/saxpy.cu'), 'utf8')).toContain('__restrict__');
  });
});

describe('every sample', () => {
  it('is scanned without skips and without unparsed lines', () => {
    expect(report.files.filter((f) => f.status !== 'scanned' || f.parseErrorLines)).toEqual([]);
  });
});
