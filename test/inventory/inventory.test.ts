/**
 * The committed CUDA identifier inventory (rules/inventory/cuda.tsv) and the script that makes it
 * (scripts/extract-cuda-inventory.mjs). See docs/inventory.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const inventoryPath = join(root, 'rules/inventory/cuda.tsv');
const script = join(root, 'scripts/extract-cuda-inventory.mjs');
const fixtures = join(root, 'test/inventory/fixtures/include');

const COLUMNS = ['symbol', 'kind', 'library', 'header', 'std_overlap'];
const KINDS = new Set(['function', 'type', 'enum', 'enumerator', 'macro', 'namespace']);

interface Row {
  symbol: string;
  kind: string;
  library: string;
  header: string;
  std_overlap: string;
}

function parse(text: string): { comments: string[]; header: string[]; rows: Row[]; raw: string[][] } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const comments: string[] = [];
  let k = 0;
  while (k < lines.length && (lines[k] as string).startsWith('#')) comments.push(lines[k++] as string);
  const header = (lines[k++] ?? '').split('\t');
  const raw = lines.slice(k).map((l) => l.split('\t'));
  const rows = raw.map(([symbol = '', kind = '', library = '', hdr = '', std_overlap = '']) => ({
    symbol,
    kind,
    library,
    header: hdr,
    std_overlap,
  }));
  return { comments, header, rows, raw };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('rules/inventory/cuda.tsv', () => {
  const text = readFileSync(inventoryPath, 'utf8');
  const { comments, header, rows, raw } = parse(text);
  const byPair = new Map(rows.map((r) => [`${r.symbol}\t${r.library}`, r]));
  const bySymbol = new Map<string, Row[]>();
  for (const r of rows) bySymbol.set(r.symbol, [...(bySymbol.get(r.symbol) ?? []), r]);

  it('opens with a provenance comment block', () => {
    const block = comments.join('\n');
    expect(comments.length).toBeGreaterThan(5);
    expect(block).toMatch(/^# date: \d{4}-\d{2}-\d{2}$/m);
    expect(block).toMatch(/^# cuda-version: 13\.0$/m);
    expect(block).toMatch(/^# command: node scripts\/extract-cuda-inventory\.mjs .*--include /m);
    expect(block).toMatch(/^# include: \/usr\/local\/cuda-13\.0\/include /m);
    expect(block).toMatch(/^# source: .*NVIDIA\/nccl/m);
    expect(block).toMatch(/^# version macros: driver: CUDA_VERSION=13000$/m);
  });

  it('has exactly the columns symbol, kind, library, header, std_overlap', () => {
    expect(header).toEqual(COLUMNS);
    const bad = raw.filter((cols) => cols.length !== COLUMNS.length || cols.some((c) => c === ''));
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('uses only the allowed kinds and yes/no for std_overlap', () => {
    expect(rows.filter((r) => !KINDS.has(r.kind)).slice(0, 5)).toEqual([]);
    expect(rows.filter((r) => r.std_overlap !== 'yes' && r.std_overlap !== 'no').slice(0, 5)).toEqual([]);
    expect(new Set(rows.map((r) => r.kind))).toEqual(KINDS);
  });

  it('holds C/C++ identifiers, optionally namespace-qualified', () => {
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$/;
    expect(rows.filter((r) => !ident.test(r.symbol)).slice(0, 5)).toEqual([]);
  });

  it('is sorted by symbol then library, with one row per (symbol, library)', () => {
    const unsorted: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1] as Row;
      const b = rows[i] as Row;
      const order = cmp(a.symbol, b.symbol) || cmp(a.library, b.library);
      if (order >= 0) unsorted.push(`${a.symbol}/${a.library} then ${b.symbol}/${b.library}`);
    }
    expect(unsorted.slice(0, 5)).toEqual([]);
    expect(byPair.size).toBe(rows.length);
  });

  it('is of the expected size', () => {
    expect(rows.length).toBeGreaterThan(15_000);
    expect(rows.length).toBeLessThan(40_000);
    expect(statSync(inventoryPath).size).toBeLessThan(3 * 1024 * 1024);
  });

  // [symbol, kind, library]
  const representative: [string, string, string][] = [
    // vector types and constructors
    ['dim3', 'type', 'vector'],
    ['float4', 'type', 'vector'],
    ['make_float4', 'function', 'vector'],
    // low precision
    ['half2', 'type', 'cuda_lowprec'],
    ['__half2float', 'function', 'cuda_lowprec'],
    ['__nv_bfloat16', 'type', 'cuda_lowprec'],
    // device intrinsics and math
    ['__fdividef', 'function', 'cuda_device'],
    ['__shfl_down_sync', 'function', 'cuda_device'],
    ['atomicAdd', 'function', 'cuda_device'],
    ['__syncthreads', 'function', 'cuda_device'],
    ['rsqrtf', 'function', 'cuda_math'],
    ['sqrtf', 'function', 'cuda_math'],
    ['tex2D', 'function', 'cuda_texture'],
    // version / feature macros
    ['CUDART_VERSION', 'macro', 'runtime'],
    ['CUDA_VERSION', 'macro', 'driver'],
    ['__CUDA_ARCH__', 'macro', 'nvcc'],
    ['NCCL_VERSION_CODE', 'macro', 'nccl'],
    ['__global__', 'macro', 'runtime'],
    // host runtime and driver
    ['cudaMalloc', 'function', 'runtime'],
    ['cudaError_t', 'type', 'runtime'],
    ['cudaSuccess', 'enumerator', 'runtime'],
    ['cuMemAlloc', 'function', 'driver'],
    ['cuMemAlloc_v2', 'function', 'driver'],
    ['CUresult', 'type', 'driver'],
    // libraries: enums, types, functions
    ['ncclDataType_t', 'enum', 'nccl'],
    ['ncclAllReduce', 'function', 'nccl'],
    ['cufftComplex', 'type', 'cufft'],
    ['CUBLAS_OP_N', 'enumerator', 'cublas'],
    ['cublasSgemm', 'function', 'cublas'],
    ['cublasLtMatmul', 'function', 'cublasLt'],
    ['cudnnConvolutionForward', 'function', 'cudnn'],
    ['curandCreateGenerator', 'function', 'curand'],
    ['cusparseCreate', 'function', 'cusparse'],
    ['cusolverDnCreate', 'function', 'cusolver'],
    ['nvrtcCompileProgram', 'function', 'nvrtc'],
    ['nvJitLinkCreate', 'function', 'nvjitlink'],
    ['nvtxRangePushA', 'function', 'nvtx'],
    // namespaced APIs
    ['cooperative_groups', 'namespace', 'cooperative_groups'],
    ['cooperative_groups::sync', 'function', 'cooperative_groups'],
    ['cooperative_groups::thread_block', 'type', 'cooperative_groups'],
    ['cub::BlockReduce', 'type', 'cub'],
    ['thrust::device_ptr', 'type', 'thrust'],
    ['thrust::sort', 'function', 'thrust'],
    ['nvcuda::wmma', 'namespace', 'wmma'],
    ['nvcuda::wmma::mma_sync', 'function', 'wmma'],
    ['nvcuda::wmma::fragment', 'type', 'wmma'],
    ['cuda::memcpy_async', 'function', 'libcudacxx'],
    ['cuda::barrier', 'type', 'libcudacxx'],
    ['cuda::ptx::mbarrier_arrive', 'function', 'libcudacxx'],
  ];

  it.each(representative)('lists %s as a %s of %s', (symbol, kind, library) => {
    const row = byPair.get(`${symbol}\t${library}`);
    expect(row, `${symbol} (${library}); rows for it: ${JSON.stringify(bySymbol.get(symbol) ?? [])}`).toBeDefined();
    expect(row?.kind).toBe(kind);
  });

  it('flags names the C standard library also declares as std_overlap', () => {
    expect(byPair.get('sqrtf\tcuda_math')?.std_overlap).toBe('yes');
    expect(byPair.get('printf\truntime')?.std_overlap).toBe('yes');
    expect(bySymbol.get('min')?.every((r) => r.std_overlap === 'yes')).toBe(true);
    expect(byPair.get('rsqrtf\tcuda_math')?.std_overlap).toBe('no');
    expect(byPair.get('cudaMalloc\truntime')?.std_overlap).toBe('no');
    // a qualified name never overlaps
    expect(rows.filter((r) => r.symbol.includes('::') && r.std_overlap === 'yes')).toEqual([]);
  });

  it('leaves out include guards, internal names and private namespaces', () => {
    for (const name of ['__CUDA_RUNTIME_API_H__', '__cuda_cuda_h__', 'NCCL_H_', '_CG_QUALIFIER', '__cudaRegisterFunction']) {
      expect(bySymbol.has(name), name).toBe(false);
    }
    const privateNs = rows.filter((r) =>
      r.symbol.split('::').slice(0, -1).some((part) => ['detail', 'details', 'impl', 'internal'].includes(part)),
    );
    expect(privateNs.slice(0, 5)).toEqual([]);
    const cccl = rows.filter((r) => ['thrust', 'cub', 'libcudacxx'].includes(r.library) && /::_/.test(r.symbol));
    expect(cccl.slice(0, 5)).toEqual([]);
  });
});

describe('scripts/extract-cuda-inventory.mjs on fixture headers', () => {
  const out = mkdtempSync(join(tmpdir(), 'ascendify-inventory-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('extracts exactly the expected rows', () => {
    const file = join(out, 'cuda.tsv');
    execFileSync(process.execPath, [script, '--include', fixtures, '--out', file, '--date', '2000-01-01', '--cuda-version', '0.0', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { comments, header, raw } = parse(readFileSync(file, 'utf8'));
    expect(comments).toContain('# date: 2000-01-01');
    expect(comments).toContain('# cuda-version: 0.0');
    expect(header).toEqual(COLUMNS);
    expect(raw.map((cols) => cols.join('\t'))).toEqual([
      'CUDARTAPI\tmacro\truntime\tcuda_runtime_api.h\tno',
      'CUDART_VERSION\tmacro\truntime\tcuda_runtime_api.h\tno',
      'CUstream_st\ttype\truntime\tcuda_runtime_api.h\tno',
      '__fdividef\tfunction\tcuda_math\tcrt/math_functions.h\tno',
      '__host__\tmacro\truntime\tcuda_runtime_api.h\tno',
      'cooperative_groups\tnamespace\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::experimental\tnamespace\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::experimental::block_tile_memory\ttype\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::scope\tenum\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::scope::block\tenumerator\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::scope::grid\tenumerator\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::sync\tfunction\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::thread_group\ttype\tcooperative_groups\tcooperative_groups.h\tno',
      'cooperative_groups::tiled_partition\tfunction\tcooperative_groups\tcooperative_groups.h\tno',
      'cudaDeviceProp\ttype\truntime\tcuda_runtime_api.h\tno',
      'cudaError\tenum\truntime\tcuda_runtime_api.h\tno',
      'cudaErrorInvalidValue\tenumerator\truntime\tcuda_runtime_api.h\tno',
      'cudaErrorMemoryAllocation\tenumerator\truntime\tcuda_runtime_api.h\tno',
      'cudaError_t\ttype\truntime\tcuda_runtime_api.h\tno',
      'cudaFree\tfunction\truntime\tcuda_runtime_api.h\tno',
      'cudaHostFn_t\ttype\truntime\tcuda_runtime_api.h\tno',
      'cudaMalloc\tfunction\truntime\tcuda_runtime_api.h\tno',
      'cudaMemcpy2D\tmacro\truntime\tcuda_runtime_api.h\tno',
      'cudaStream_t\ttype\truntime\tcuda_runtime_api.h\tno',
      'cudaSuccess\tenumerator\truntime\tcuda_runtime_api.h\tno',
      'rsqrtf\tfunction\tcuda_math\tcrt/math_functions.h\tno',
      'sqrtf\tfunction\tcuda_math\tcrt/math_functions.h\tyes',
    ]);
  });
});
