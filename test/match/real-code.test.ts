/**
 * Right on real code (issue 14): one block per defect class found on public CUDA, Ascend C, BANG C, HIP and Python
 * code bases (docs/precision.md). Each snippet is a small copy of the shape seen there; each test goes through the
 * pure core with the shipped catalog.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { analyzeFiles, analyzeSource } from '../../src/core/analyze.js';
import type { Finding, Report } from '../../src/model/index.js';

const catalog = loadCatalog();
const scan = (text: string, path = 'k.cu'): Report => analyzeSource(text, path, catalog);
const found = (r: Report): string[] => r.findings.map((f) => `${f.line}:${f.symbol}`);
const kinds = (r: Report): string[] => r.findings.map((f) => `${f.symbol}:${f.kind}`);
const bySymbol = (r: Report, symbol: string): Finding[] => r.findings.filter((f) => f.symbol === symbol);

describe('1. names that are not calls', () => {
  it('a variable, parameter or member named like a device function is not a call', () => {
    const r = scan(
      [
        '__device__ float clampf(float x, float min, float max) { return fminf(fmaxf(x, min), max); }', // 1: parameters
        '__device__ float g(float x) { float max = -1e4f; return x == max ? 0 : max(x, 1.f); }', // 2: a local
        '__device__ void h(half2 (&y1)[2], float& norm) { y1[0] = y1[1] * norm; }', // 3: reference parameters
        'template <int norm> __global__ void k() { int a = norm; }', // 4: a template parameter
        'struct S { float max; __device__ int f() { return max > 0; } };', // 5: a member
        '__device__ float m(float a, float b) { return max(a, b); }', // 6: a call
      ].join('\n'),
    );
    expect(r.findings.filter((f) => f.kind === 'function').map((f) => `${f.line}:${f.symbol}`)).toEqual(['1:fminf', '1:fmaxf', '6:max']);
  });

  it('a local named like a CUDA type is not a type use; a function handed on is a use', () => {
    const r = scan(
      [
        'void f() { cudaError_t cudaError = cudaMalloc(0, 4); if (cudaError != cudaSuccess) {} }',
        'template <typename extents> void g(mdspan<extents> x) {}',
        'void h(void* p) { std::unique_ptr<void, decltype(&cudaFree)> q(p, &cudaFree); call_later(cudaFree, p); }',
      ].join('\n'),
      'k.cpp',
    );
    expect(found(r)).toEqual(['1:cudaError_t', '1:cudaMalloc', '1:cudaSuccess', '3:cudaFree', '3:cudaFree', '3:cudaFree']);
  });
});

describe('1b. what is still a use', () => {
  it('a call in a macro without a semicolon, a template default, a qualifier after an attribute', () => {
    const r = scan(
      [
        'int main() {',
        '  CHECK_CUDA( cudaFree(p) )', // 2: reads as a declaration `T (f(x))` to the grammar
        '  return 0;',
        '}',
        'template <typename T, typename Packed = float4> void f();', // 5
        '#define MY_INLINE inline __attribute__((always_inline)) __device__', // 6
      ].join('\n'),
    );
    expect(found(r)).toEqual(['2:cudaFree', '5:float4', '6:__device__']);
  });

  it('a pointer to an API loaded at run time is still the API; a dynamic-loading shim keeps its CUDA names', () => {
    const r = scan('aclTensor* f() { static const auto aclCreateTensor = GET_OP_API_FUNC(aclCreateTensor); return aclCreateTensor(1); }\n', 'npu_util.cpp');
    expect(r.files[0]!.targetCode?.ascend?.uses).toBe(2); // aclTensor and the call through the loaded pointer
    const names = Array.from({ length: 20 }, (_, i) => `cuMemcpyHtoD_v${i}`);
    const shim = `${names.map((n) => `static void *${n};`).join('\n')}\nvoid g() { cuInit(0); }\nstatic void *cuInit;\n`;
    expect(found(scan(shim, 'dynlink.c')).filter((f) => f.endsWith('cuInit'))).toEqual([`21:cuInit`]);
  });
});

describe('2. kinds follow what the code does with the name', () => {
  it('handles and tiles are types, enumerators enums, called macros functions, library objects values', () => {
    const r = scan(
      [
        'cublasLtHandle_t lt; cooperative_groups::thread_block_tile<32> *tile;',
        'void f(cublasHandle_t h) { cublasCreate(&h); cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);',
        '  int n; cudaDeviceGetAttribute(&n, cudaDevAttrMultiProcessorCount, 0);',
        '  thrust::sort(thrust::cuda::par, p, p + 4); }',
        '__device__ void g(float* p) { auto t = cute::make_tensor(p, cute::make_shape(8)); }',
      ].join('\n'),
    );
    expect(kinds(r)).toEqual(expect.arrayContaining([
      'cublasLtHandle_t:type', 'cooperative_groups::thread_block_tile:type', 'cublasHandle_t:type', 'cublasCreate:function',
      'CUBLAS_DEFAULT_MATH:enum', 'cudaDevAttrMultiProcessorCount:enum', 'thrust::sort:function', 'thrust::cuda::par:enum',
      'cute::make_tensor:function', 'cute::make_shape:function',
    ]));
  });
});

describe('3. names the project defines', () => {
  it('a wrapper declared in a header and defined in a .cu, members, and classes inside namespace cutlass are the project\'s', () => {
    const r = analyzeFiles(
      [
        { path: 'include/cublas_wrappers.h', text: 'int cublas_gemm_ex(cublasHandle_t h, int m);\n' },
        { path: 'src/cublas_wrappers.cu', text: '#include "cublas_wrappers.h"\nint cublas_gemm_ex(cublasHandle_t h, int m) { return m; }\n' },
        {
          path: 'src/layer.cu',
          text: [
            '#include "cublas_wrappers.h"',
            'namespace cutlass { namespace epilogue { template <typename T> class MyEpilogue : public Base {}; } }',
            'struct Layer { uint32_t* cuda_q_weight; cublasHandle_t h;',
            '  void f() { cublas_gemm_ex(h, 4); cudaFree(cuda_q_weight); cutlass::epilogue::MyEpilogue<float> e; } };',
          ].join('\n'),
        },
      ],
      catalog,
    );
    expect(r.findings.map((f) => `${f.file}:${f.symbol}`)).toEqual([
      'include/cublas_wrappers.h:cublasHandle_t',
      'src/cublas_wrappers.cu:cublasHandle_t',
      'src/layer.cu:cublasHandle_t',
      'src/layer.cu:cudaFree',
    ]);
  });
});

describe('4. device code marked through macros', () => {
  it('a project macro for __device__, CUTLASS_DEVICE and C10_HOST_DEVICE mark device code; RAFT_KERNEL a kernel', () => {
    const r = scan(
      [
        '#define MY_DEVICE __device__ __forceinline__',
        'MY_DEVICE float f(float x) { return exp2f(x); }',
        'CUTLASS_DEVICE float g(float x) { return sqrtf(x); }',
        'inline C10_HOST_DEVICE float h(float x) { return expf(x); }',
        'RAFT_KERNEL scatter(float* x) { x[threadIdx.x] = 0; }',
        'float host_only(float x) { return sqrtf(x); }',
      ].join('\n'),
    );
    expect(r.findings.filter((f) => f.device && f.kind === 'function').map((f) => `${f.line}:${f.symbol}`)).toEqual(['2:exp2f', '3:sqrtf', '4:expf']);
    expect(r.kernels.map((k) => `${k.name}:${k.qualifier}`)).toEqual(['f:device', 'g:device', 'h:device', 'scatter:global']);
    expect(bySymbol(r, 'CUTLASS_DEVICE')).toHaveLength(1); // CUTLASS's own macro is a dependency too
  });
});

describe('5. a symbol is an identifier path', () => {
  it('template arguments holding `>`, parentheses and comments never end up in a symbol', () => {
    const r = scan(
      [
        'using Mma = typename cutlass::gemm::kernel::DefaultGemm<',
        '    float, (kBlockM > 64) ? cutlass::const_min(2, Stages) : Stages,  // Stages',
        '    false>::GemmKernel;',
        'constexpr int bits = 128 / cutlass::sizeof_bits<T>::value;',
      ].join('\n'),
    );
    for (const f of r.findings) expect(f.symbol).toMatch(/^[A-Za-z_]\w*(::[A-Za-z_]\w*)*$/);
    expect(r.findings.map((f) => f.symbol)).toEqual(expect.arrayContaining(['cutlass::gemm::kernel::DefaultGemm::GemmKernel', 'cutlass::const_min', 'cutlass::sizeof_bits']));
  });
});

describe('6. misses a reader sees at once', () => {
  it('finds extern templates, PyTorch checks, cuFile, conversion and address-space intrinsics', () => {
    const r = scan(
      [
        'extern template void run_mha<cutlass::half_t, 96>(Params &params, cudaStream_t stream);',
        'void f(at::Tensor x) { AT_CUDA_CHECK(cudaGetLastError()); C10_CUDA_KERNEL_LAUNCH_CHECK(); TORCH_CHECK(x.is_cuda()); auto d = at::kCUDA; }',
        'void g(CUfileHandle_t fh) { CUfileError_t s = cuFileRead(fh, 0, 0, 0, 0); }',
        '__device__ double h(int i, float* p) { unsigned a = __cvta_generic_to_shared(p); return __int2double_rn(i) + a; }',
        'DS_D_INLINE __nv_bfloat16 init() { return 0; }',
      ].join('\n'),
    );
    const symbols = r.findings.map((f) => `${f.line}:${f.symbol}:${f.ruleId ?? 'unknown'}`);
    expect(symbols).toEqual(expect.arrayContaining([
      '1:cudaStream_t:runtime-stream-type', '2:AT_CUDA_CHECK:torch-cpp-cuda-check', '2:C10_CUDA_KERNEL_LAUNCH_CHECK:torch-cpp-kernel-launch-check',
      '2:.is_cuda():torch-cpp-is-cuda', '2:at::kCUDA:torch-cpp-device-type', '3:CUfileHandle_t:cufile-api', '3:cuFileRead:cufile-api',
      '4:__cvta_generic_to_shared:kernel-address-space-convert', '4:__int2double_rn:kernel-double-convert', '5:__nv_bfloat16:lowprec-bfloat16',
    ]));
  });
});

describe('7. code that is already target code', () => {
  it('an Ascend C file reports no CUDA, and its names count as target uses', () => {
    const r = scan(
      [
        '#include "kernel_operator.h"',
        'extern "C" __global__ __aicore__ void k(GM_ADDR x) {',
        '  AscendC::GlobalTensor<half> g; int64_t blockIdx = AscendC::GetBlockIdx();',
        '  g.SetGlobalBuffer((__gm__ half *)x + blockIdx * 8, 8); asm volatile("" ::: "memory");',
        '}',
        'void launch(uint32_t blockDim, void* stream, uint8_t* x) { k<<<blockDim, nullptr, stream>>>(x); }',
      ].join('\n'),
      'op_kernel/add.cpp',
    );
    expect(r.findings).toEqual([]);
    expect(r.kernels).toEqual([]);
    expect(r.progress?.byTarget.find((t) => t.target === 'ascend-910b')).toMatchObject({ cudaRemaining: 0, percent: 100 });
  });

  it('a BANG C .mlu file is scanned, and its half and asm are BANG C\'s', () => {
    const r = scan('__nram__ half buf[64];\n__mlu_global__ void k(half* x) { __memcpy(buf, x, 128, GDRAM2NRAM); __asm__ volatile("sync;"); }\n', 'relu.mlu');
    expect(r.files[0]).toMatchObject({ status: 'scanned' });
    expect(r.findings).toEqual([]);
    expect(r.files[0]!.targetCode?.cambricon?.uses).toBeGreaterThan(3);
  });

  it('a mixed file is split by its #if: the Ascend branch is target code, the CUDA branch CUDA', () => {
    const r = scan(
      [
        '#if defined(__CCE_AICORE__)',
        '__aicore__ inline half twice(half v) { return v + v; }',
        '#else',
        '__device__ inline half twice(half v) { return __hadd(v, v); }',
        '#endif',
      ].join('\n'),
      'twice.h',
    );
    expect(found(r)).toEqual(['4:__device__', '4:half', '4:half', '4:__hadd']);
    expect(r.files[0]!.targetCode?.ascend).toMatchObject({ uses: 3, conditions: ['defined(__CCE_AICORE__)'] });
  });

  it('HIP is its own family, each hip* name answered through its CUDA counterpart; MUSA likewise', () => {
    const r = scan('#include <hip/hip_runtime.h>\nvoid f(float* d) { hipMalloc(&d, 4); hipLaunchKernelGGL(k, dim3(1), dim3(1), 0, 0, d); }\n', 'k.hip');
    expect(r.findings.map((f) => `${f.symbol}:${f.family}:${f.ruleId}`)).toEqual([
      'hip/hip_runtime.h:hip:headers-cuda-runtime', 'hipMalloc:hip:runtime-malloc', 'hipLaunchKernelGGL:hip:kernel-launch', 'dim3:hip:kernel-dim3', 'dim3:hip:kernel-dim3',
    ]);
    const m = scan('void f(float* d) { musaMalloc(&d, 4); }\n', 'k.mu');
    expect(m.findings.map((f) => `${f.symbol}:${f.family}:${f.ruleId}`)).toEqual(['musaMalloc:musa:runtime-malloc']);
  });

  it('a HIP-only #if branch of a CUDA file is HIP', () => {
    const r = scan('#ifdef __HIP_PLATFORM_AMD__\n__device__ void f() { __syncthreads(); }\n#else\n__device__ void g() { __syncthreads(); }\n#endif\n');
    expect(bySymbol(r, '__syncthreads').map((f) => `${f.line}:${f.family}`)).toEqual(['2:hip', '4:kernel']);
  });
});

describe('8. a compiler barrier is not PTX', () => {
  it('an empty asm is a barrier, PTX text is inline PTX, host CPU assembly is nothing', () => {
    const r = scan(
      [
        '__device__ void f(unsigned* l) { asm volatile("" ::: "memory"); asm("mov.u32 %0, %%laneid;" : "=r"(*l)); }',
        'void host(unsigned short m) { __asm__ __volatile__("fldcw %0" : : "m"(m)); }',
      ].join('\n'),
    );
    expect(r.findings.filter((f) => f.kind === 'syntax').map((f) => `${f.line}:${f.symbol}:${f.ruleId}`)).toEqual(['1:asm(""):kernel-asm-barrier', '1:asm:kernel-inline-asm']);
  });
});

describe('9. Python as real migrations meet it', () => {
  const py = (text: string): Report => analyzeSource(text, 'train.py', catalog);
  it('device strings in any position, backends in variables, attention calls, float64 on the device, torch.compile', () => {
    const r = py(
      [
        'import torch',
        'from flash_attn import flash_attn_func',
        'mesh = init_device_mesh("cuda", (2,))', // 3
        'dev = torch.device("cuda", 0)', // 4
        'backend = "nccl"', // 5
        'torch.distributed.init_process_group(backend=backend)', // 6
        'out = flash_attn_func(q, k, v, causal=True)', // 7
        'x = torch.zeros(4, dtype=torch.float64, device="cuda")', // 8
        'model = torch.compile(model)', // 9
        'if x.device.type == "cuda": pass', // 10
      ].join('\n'),
    );
    expect(found(r)).toEqual([
      '2:import flash_attn', '3:device="cuda"', '4:torch.device("cuda")', '5:backend="nccl"', '7:flash_attn.flash_attn_func',
      '8:torch.float64 on cuda', '8:device="cuda"', '9:torch.compile', '10:device="cuda"',
    ]);
    expect(bySymbol(r, 'flash_attn.flash_attn_func')[0]!.targets['ascend-910b']).toMatchObject({ replacement: ['torch_npu.npu_fusion_attention'] });
    expect(bySymbol(r, 'flash_attn.flash_attn_func')[0]!.targets['ascend-910b']!.note).toMatch(/BSND/);
  });

  it('lists each @triton.jit kernel with the tl.* features it uses, answered for triton-ascend', () => {
    const r = py(
      [
        'import triton',
        'import triton.language as tl',
        '@triton.jit',
        'def mm(a, b, c):',
        '    acc = tl.dot(tl.load(a), tl.load(b))',
        '    tl.atomic_add(c, acc)',
      ].join('\n'),
    );
    expect(r.kernels).toHaveLength(1);
    const { candidates, ...kernel } = r.kernels[0]!;
    expect(kernel).toEqual({ name: 'mm', file: 'train.py', line: 3, endLine: 6, lines: 4, qualifier: 'global', features: ['atomics', 'tensor-core'] });
    // A Triton kernel is costed like a CUDA kernel: a GEMM-shaped one may become a library call instead.
    expect(candidates?.ascend?.pattern).toBe('gemm');
    expect(bySymbol(r, 'triton.language.dot')[0]!.targets['ascend-910b']).toMatchObject({ status: 'partial', replacement: ['triton-ascend'] });
  });

  it('torch_npu code is target code, and a line redirecting CUDA to the NPU is migration', () => {
    const r = py(
      [
        'import torch, torch_npu',
        'torch.cuda.Event = torch.npu.Event',
        'torch.npu.set_device(0)',
        'x = torch.ones(2).to("npu:0")',
        'torch.distributed.init_process_group(backend="hccl")',
        'torch.cuda.synchronize()',
        'y = torch.compile(model, backend="npu")',
      ].join('\n'),
    );
    expect(found(r)).toEqual(['6:torch.cuda.synchronize']);
    expect(r.files[0]!.targetCode?.ascend?.uses).toBe(6);
  });
});

describe('bad input', () => {
  it('16,000 nested #if lines keep a bounded condition and are scanned', () => {
    const depth = 16_000;
    const text = `${Array.from({ length: depth }, (_, i) => `#if defined(LEVEL_${i})`).join('\n')}\nvoid f() { cudaFree(0); }\n${'#endif\n'.repeat(depth)}`;
    const r = scan(text, 'deep.cu');
    const f = bySymbol(r, 'cudaFree')[0]!;
    expect(f.line).toBe(depth + 1);
    expect(f.conditional!.length).toBeLessThanOrEqual(240);
    expect(f.conditional).toMatch(/^…\(\+15996\) && defined\(LEVEL_15996\) && defined\(LEVEL_15997\) && defined\(LEVEL_15998\) && defined\(LEVEL_15999\)$/);
  });

  it('CR-only line endings put each finding on its own line', () => {
    const r = scan('#include <cuda_runtime.h>\rvoid f() {\r  cudaFree(0);\r}\r', 'mac.cu');
    expect(found(r)).toEqual(['1:cuda_runtime.h', '3:cudaFree']);
    expect(bySymbol(r, 'cudaFree')[0]!.snippet).toBe('cudaFree(0);');
  });

  it('a file in an unknown dialect is still read token by token', () => {
    const r = scan('@@ weird dialect {{ cudaMalloc(&p, 4); ]] __shfl_sync(0, v, 1) %%\n', 'odd.cu');
    expect(r.findings.map((f) => f.symbol)).toEqual(expect.arrayContaining(['cudaMalloc']));
    expect(r.files[0]).toMatchObject({ status: 'scanned' });
  });
});
