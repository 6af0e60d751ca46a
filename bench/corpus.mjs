// Deterministic synthetic CUDA corpus for the benchmark and the scale tests.
// A seeded PRNG picks blocks of realistic code: host runtime API use, kernels with shared memory
// and warp operations, cuBLAS/cuDNN/NCCL/Thrust calls, macros, templates, comments and strings
// that mention CUDA names, plain C++ with no CUDA at all, and code the grammar cannot parse.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['scale', 'reduce', 'gather', 'scatter', 'norm', 'softmax', 'gemm', 'conv', 'pool', 'relu', 'embed', 'topk', 'sort',
  'scan', 'hist', 'fft', 'stencil', 'transpose', 'attn', 'layer', 'bias', 'dropout', 'adam', 'quant', 'pack', 'unpack'];
const TYPES = ['float', 'double', 'int', '__half', 'float4', 'half2', '__nv_bfloat16'];

function blocks(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const name = () => `${pick(WORDS)}_${pick(WORDS)}${Math.floor(r() * 1000)}`;
  const host = () => {
    const n = name();
    return `// Host side of ${n}: allocate, copy, launch, copy back.
void run_${n}(const float* h_in, float* h_out, int n, cudaStream_t stream) {
  float* d_in = nullptr;
  float* d_out = nullptr;
  CUDA_CHECK(cudaMalloc(&d_in, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc((void**)&d_out, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpyAsync(d_in, h_in, n * sizeof(float), cudaMemcpyHostToDevice, stream));
  dim3 block(256);
  dim3 grid((n + block.x - 1) / block.x);
  k_${n}<<<grid, block, 0, stream>>>(d_in, d_out, n);
  CUDA_CHECK(cudaGetLastError());
  cudaEvent_t done;
  cudaEventCreateWithFlags(&done, cudaEventDisableTiming);
  cudaEventRecord(done, stream);
  cudaEventSynchronize(done);
  CUDA_CHECK(cudaMemcpy(h_out, d_out, n * sizeof(float), cudaMemcpyDeviceToHost));
  cudaFree(d_in);
  cudaFree(d_out);
  cudaEventDestroy(done);
}
`;
  };
  const kernel = () => {
    const n = name();
    const t = pick(TYPES);
    return `template <typename T, int BLOCK>
__global__ void __launch_bounds__(BLOCK) k_${n}(const T* __restrict__ in, T* __restrict__ out, int n) {
  __shared__ float tile[BLOCK];
  int tid = threadIdx.x;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? static_cast<float>(in[i]) : 0.0f;
  for (int offset = warpSize / 2; offset > 0; offset /= 2) {
    v += __shfl_down_sync(0xffffffff, v, offset);
  }
  if ((tid & 31) == 0) tile[tid / 32] = v;
  __syncthreads();
  if (tid < 32) {
    v = tid < BLOCK / 32 ? tile[tid] : 0.0f;
    unsigned mask = __ballot_sync(0xffffffff, v != 0.0f);
    v = __reduce_add_sync(mask, (int)v);
  }
  if (tid == 0) atomicAdd(reinterpret_cast<float*>(out) + blockIdx.x, v);
  ${t} scratch = ${t === 'int' ? '0' : `(${t})0`};
  (void)scratch;
}
template __global__ void k_${n}<float, 256>(const float*, float*, int);
`;
  };
  const cublas = () => `static void gemm_${name()}(cublasHandle_t handle, int m, int n, int k, const float* A, const float* B, float* C) {
  const float alpha = 1.0f, beta = 0.0f;
  cublasSetMathMode(handle, CUBLAS_TF32_TENSOR_OP_MATH);
  cublasStatus_t st = cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, k, &alpha, A, m, B, n, &beta, C, m);
  if (st != CUBLAS_STATUS_SUCCESS) throw std::runtime_error("cublasSgemm failed");
  cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, A, CUDA_R_16F, m, B, CUDA_R_16F, k, &beta, C, CUDA_R_32F, m,
               CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT_TENSOR_OP);
}
`;
  const nccl = () => `void allreduce_${name()}(float* buf, size_t count, ncclComm_t comm, cudaStream_t s) {
  ncclGroupStart();
  NCCL_CHECK(ncclAllReduce(buf, buf, count, ncclFloat, ncclSum, comm, s));
  ncclBroadcast(buf, buf, count, ncclFloat, 0, comm, s);
  ncclGroupEnd();
  cudaStreamSynchronize(s);
}
`;
  const cudnn = () => `void conv_${name()}(cudnnHandle_t h, cudnnTensorDescriptor_t x, cudnnFilterDescriptor_t w) {
  cudnnConvolutionDescriptor_t conv;
  cudnnCreateConvolutionDescriptor(&conv);
  cudnnSetConvolution2dDescriptor(conv, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT);
  cudnnDestroyConvolutionDescriptor(conv);
}
`;
  const thrust = () => `float sum_${name()}(const std::vector<float>& h) {
  thrust::device_vector<float> d(h.begin(), h.end());
  thrust::sort(thrust::device, d.begin(), d.end());
  return thrust::reduce(d.begin(), d.end(), 0.0f, thrust::plus<float>());
}
`;
  const coop = () => `__device__ float tile_sum_${name()}(float v) {
  namespace cg = cooperative_groups;
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
  for (int i = warp.size() / 2; i > 0; i /= 2) v += warp.shfl_down(v, i);
  __half h = __float2half(v);
  return __half2float(h) + __ldg(&v);
}
`;
  const macros = () => `#define CUDA_CHECK_${Math.floor(r() * 100)}(call) do { cudaError_t e_ = (call); if (e_ != cudaSuccess) { \\
    fprintf(stderr, "%s:%d %s\\n", __FILE__, __LINE__, cudaGetErrorString(e_)); std::abort(); } } while (0)
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
#define USE_ASYNC_COPY 1
#else
#define USE_ASYNC_COPY 0
#endif
#ifdef USE_NVTX
#include <nvToolsExt.h>
#define RANGE(name) nvtxRangePushA(name)
#else
#define RANGE(name)
#endif
`;
  const commentary = () => `/*
 * Notes: this used to call cudaMemcpy2D and cudaMallocPitch directly; see the wiki.
 * TODO(perf): replace cudaDeviceSynchronize() with events; cudaStreamWaitEvent is cheaper.
 */
static const char* kHelp_${name()} = "set CUDA_VISIBLE_DEVICES or call cudaSetDevice first";
// cudaLaunchKernel is not used here on purpose.
`;
  const plain = () => {
    const n = name();
    const lines = [`class ${n[0].toUpperCase()}${n.slice(1)}Config {`, ' public:'];
    const k = 6 + Math.floor(r() * 20);
    for (let i = 0; i < k; i++) lines.push(`  int field_${i} = ${Math.floor(r() * 100)};`);
    lines.push(`  int total() const {`, '    int s = 0;');
    for (let i = 0; i < k; i++) lines.push(`    s += field_${i} * ${i + 1};`);
    lines.push('    return s;', '  }', '};', '');
    lines.push(`static std::vector<int> table_${n}(int n) {`, '  std::vector<int> out;', '  out.reserve(n);');
    lines.push('  for (int i = 0; i < n; ++i) {', '    if (i % 3 == 0) out.push_back(i * i);', '    else out.push_back(i + 7);', '  }', '  return out;', '}', '');
    return lines.join('\n') + '\n';
  };
  const broken = () => `// Vendor macro soup the grammar cannot follow.
DECLARE_KERNEL_BEGIN(k_${name()}, (float* a, int n))
  KERNEL_LOOP(i, n) { a[i] = __expf(a[i]) ; __syncwarp(); }
DECLARE_KERNEL_END(
#pragma unroll 4
  asm volatile("bar.sync 0;" ::: "memory");
  int x = (a ? b : ;
}
`;
  const ptx = () => `__device__ __forceinline__ unsigned lane_id_${name()}() {
  unsigned id;
  asm volatile("mov.u32 %0, %%laneid;" : "=r"(id));
  return id;
}
__constant__ float c_coeffs_${Math.floor(r() * 1e4)}[16];
`;
  const weighted = [
    [host, 2], [kernel, 2], [cublas, 1], [nccl, 1], [cudnn, 1], [thrust, 1], [coop, 1], [macros, 1], [commentary, 1],
    [plain, 30], [broken, 1], [ptx, 1],
  ];
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  return () => {
    let x = r() * total;
    for (const [f, w] of weighted) {
      x -= w;
      if (x < 0) return f();
    }
    return plain();
  };
}

const HEADER = `#include <cuda_runtime.h>
#include <cublas_v2.h>
#include <nccl.h>
#include <cudnn.h>
#include <cooperative_groups.h>
#include <cuda_fp16.h>
#include <thrust/device_vector.h>
#include <thrust/sort.h>
#include <vector>
#include <stdexcept>
#include "common/check.cuh"
`;

/**
 * Writes about `lines` lines of CUDA C++ under `dir` (emptied first) and returns the counts.
 * Same (lines, seed) -> byte-identical files.
 */
export function generateCorpus(dir, { lines = 1_000_000, seed = 42 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  const next = blocks(r);
  const exts = ['.cu', '.cu', '.cu', '.cuh', '.cpp', '.h'];
  let written = 0;
  let files = 0;
  while (written < lines) {
    const target = Math.min(lines - written, 150 + Math.floor(r() * 1200));
    let text = HEADER;
    let n = HEADER.split('\n').length - 1;
    while (n < target) {
      const b = next();
      text += `${b}\n`;
      n += b.split('\n').length;
    }
    const ext = exts[Math.floor(r() * exts.length)];
    const sub = join(dir, `module${String(files % 37).padStart(2, '0')}`, `part${files % 5}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `unit${String(files).padStart(5, '0')}${ext}`), text);
    written += n;
    files++;
  }
  return { files, lines: written };
}
