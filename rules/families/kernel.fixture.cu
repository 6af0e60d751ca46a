// Fixture for rules/families/kernel.yaml (CUDA kernel language).
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cuda/pipeline>
#include <cuda/barrier>

// ruleid: kernel-constant-memory *=none
__constant__ float c_coeffs[16];
// ruleid: kernel-managed-variable *=none
__managed__ int g_counter;
// ruleid: kernel-device-qualifier *=partial
__device__ unsigned int g_blocks_done;
// ruleid: kernel-texture-reference *=none
texture<float, 1, cudaReadModeElementType> g_tex;
// ruleid: kernel-surface-reference *=none
surface<void, 2> g_surf;

// ruleid: kernel-host-qualifier *=partial, kernel-device-qualifier *=partial, kernel-forceinline *=partial
__host__ __device__ __forceinline__ float squaref(float v) { return v * v; }

// ruleid: kernel-device-qualifier *=partial, kernel-noinline *=partial
__device__ __noinline__ float slow_path(float v) {
  // ruleid: kernel-rsqrt ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
  return rsqrtf(v) + c_coeffs[0];
}

struct Params { int n; float scale; };

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-launch-bounds ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
__global__ void __launch_bounds__(256) saxpy(int n, float a, const float* x, float* y) {
  // ruleid: kernel-blockidx ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-blockdim ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite, kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  // ruleid: kernel-griddim ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-blockdim ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int stride = gridDim.x * blockDim.x;
  for (; i < n; i += stride) {
    // ruleid: kernel-ldg ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
    y[i] = a * __ldg(&x[i]) + y[i];
  }
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-grid-constant *=none
__global__ void with_params(const __grid_constant__ Params p, float* out) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  if (threadIdx.x == 0) out[0] = p.scale * p.n;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void block_sum(const float* in, float* out, int n) {
  // ruleid: kernel-shared-memory ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  __shared__ float tile[256];
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  unsigned tid = threadIdx.x;
  // ruleid: kernel-blockidx ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-blockdim ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  unsigned gid = blockIdx.x * blockDim.x + tid;
  tile[tid] = gid < n ? in[gid] : 0.0f;
  // ruleid: kernel-syncthreads ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=partial
  __syncthreads();
  float v = tile[tid];
  // ruleid: kernel-warpsize ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  for (int off = warpSize / 2; off > 0; off /= 2) {
    // ruleid: kernel-shfl-down-sync ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
    v += __shfl_down_sync(0xffffffff, v, off);
  }
  // ruleid: kernel-shfl-sync ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float first = __shfl_sync(0xffffffff, v, 0);
  // ruleid: kernel-shfl-up-sync ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float prev = __shfl_up_sync(0xffffffff, v, 1);
  // ruleid: kernel-shfl-xor-sync ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float mate = __shfl_xor_sync(0xffffffff, v, 1);
  // ruleid: kernel-shfl-legacy ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  float old_style = __shfl_down(v, 1);
  // ruleid: kernel-syncwarp ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  __syncwarp();
  if ((tid & 31) == 0) {
    // ruleid: kernel-atomic-add ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
    atomicAdd(out, v + first + prev + mate + old_style);
  }
  // ruleid: kernel-threadfence ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  __threadfence();
  // ruleid: kernel-syncthreads-predicate ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  int any_big = __syncthreads_or(v > 1.0f);
  if (tid == 0 && any_big) {
    // ruleid: kernel-atomic-inc-dec ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
    atomicInc(&g_blocks_done, 1u << 30);
  }
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void dyn_smem(float* data) {
  // ruleid: kernel-dynamic-shared-memory ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  extern __shared__ float buf[];
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  buf[threadIdx.x] = data[threadIdx.x];
  // ruleid: kernel-threadfence-block ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  __threadfence_block();
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  data[threadIdx.x] = buf[threadIdx.x] * 2.0f;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void votes(const int* flags, unsigned* masks, int* hist) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int f = flags[threadIdx.x];
  // ruleid: kernel-ballot ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  unsigned b = __ballot_sync(0xffffffff, f);
  // ruleid: kernel-any-all ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  int any = __any_sync(0xffffffff, f);
  // ruleid: kernel-activemask ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  unsigned act = __activemask();
  // ruleid: kernel-match ascend-910b=rewrite ascend-910c=rewrite ascend-950=none cambricon=none
  unsigned same = __match_any_sync(act, f);
  // ruleid: kernel-warp-reduce ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  int total = __reduce_add_sync(0xffffffff, f);
  // ruleid: kernel-warp-reduce-bitwise ascend-910b=rewrite ascend-910c=rewrite ascend-950=none cambricon=none
  unsigned ors = __reduce_or_sync(0xffffffff, (unsigned)f);
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  masks[threadIdx.x] = b ^ same ^ ors;
  // ruleid: kernel-atomic-minmax ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  atomicMax(&hist[0], total + any);
  // ruleid: kernel-atomic-sub ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  atomicSub(&hist[1], 1);
  // ruleid: kernel-atomic-exch-cas ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  int prev = atomicCAS(&hist[2], 0, 1);
  // ruleid: kernel-atomic-bitwise ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  atomicOr(&hist[3], prev);
  // ruleid: kernel-atomic-block-scope ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  atomicAdd_block(&hist[4], 1);
  // ruleid: kernel-atomic-system-scope *=none
  atomicAdd_system(&hist[5], 1);
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void math_bits(const float* x, float* y, unsigned* bits) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int i = threadIdx.x;
  // ruleid: kernel-fast-exp-log ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
  float e = __expf(x[i]) + __logf(x[i]);
  // ruleid: kernel-fast-trig ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
  float s = __sinf(x[i]) * __cosf(x[i]);
  // ruleid: kernel-fdividef ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite, kernel-saturatef ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
  float q = __saturatef(__fdividef(e, s));
  // ruleid: kernel-rounding-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float r = __fmaf_rn(q, 2.0f, 1.0f);
  // ruleid: kernel-float-int-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  int k = __float2int_rn(r);
  // ruleid: kernel-bitcast ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  unsigned u = (unsigned)__float_as_int(r);
  // ruleid: kernel-bit-intrinsics ascend=partial cambricon=rewrite
  bits[i] = __popc(u) + __clz(u) + __brev(u);
  // ruleid: kernel-int-intrinsics ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  bits[i] += __umulhi(u, 3u) + __mul24(k, 2);
  // ruleid: kernel-load-cache-hints ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float cached = __ldcg(&x[i]);
  // ruleid: kernel-store-cache-hints ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  __stcg(&y[i], cached);
  // ruleid: kernel-clock64 *=partial
  long long t0 = clock64();
  // ruleid: kernel-clock-device ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  long long t1 = clock();
  // ruleid: kernel-nanosleep *=none
  __nanosleep(100);
  if (t1 < t0) {
    // ruleid: kernel-trap ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=none
    __trap();
  }
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-vector-types ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void vectors(const float4* in, float2* out) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int i = threadIdx.x;
  // ruleid: kernel-vector-types ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  float4 v = in[i];
  // ruleid: kernel-vector-types ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial, kernel-make-vector ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  float2 w = make_float2(v.x + v.y, v.z + v.w);
  // ruleid: kernel-vector-types-3 *=partial, kernel-make-vector ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  float3 p = make_float3(w.x, w.y, 0.0f);
  // ruleid: kernel-vector-types-other *=partial
  double2 d;
  d.x = p.x;
  d.y = p.y;
  out[i] = w;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void textures(float* out, cudaTextureObject_t tex, cudaSurfaceObject_t surf) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  int i = threadIdx.x;
  // ruleid: kernel-texture-fetch *=none
  float a = tex1Dfetch<float>(tex, i);
  // ruleid: kernel-texture-fetch *=none
  float b = tex2D<float>(tex, 0.5f, 0.5f);
  // ruleid: kernel-surface-access *=none
  surf2Dwrite(a + b, surf, i * 4, 0);
  out[i] = a + b;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void child(int* p) {
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  p[threadIdx.x] = 0;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void parent(int* p) {
  // ruleid: kernel-device-launch *=none
  child<<<1, 32>>>(p);
  // ruleid: kernel-device-printf *=partial
  printf("parent done %d\n", p[0]);
  // ruleid: kernel-device-malloc *=none
  int* scratch = (int*)malloc(64);
  // ruleid: kernel-device-malloc *=none
  free(scratch);
  unsigned lane;
  // ruleid: kernel-inline-asm *=rewrite
  asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
  // ruleid: kernel-brkpt-prof *=none
  __prof_trigger(0);
  // ruleid: kernel-threadfence-system *=none
  __threadfence_system();
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void pipelined(const float* in, float* out) {
  // ruleid: kernel-shared-memory ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  __shared__ float stage[2][128];
  // ruleid: kernel-cuda-memcpy-async *=rewrite
  cuda::pipeline<cuda::thread_scope_thread> pipe = cuda::make_pipeline();
  pipe.producer_acquire();
  // ruleid: kernel-cuda-memcpy-async *=rewrite, kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  cuda::memcpy_async(&stage[0][threadIdx.x], &in[threadIdx.x], sizeof(float), pipe);
  pipe.producer_commit();
  // ruleid: kernel-pipeline-primitives *=rewrite, kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  __pipeline_memcpy_async(&stage[1][threadIdx.x], &in[128 + threadIdx.x], sizeof(float));
  // ruleid: kernel-pipeline-primitives *=rewrite
  __pipeline_commit();
  // ruleid: kernel-pipeline-primitives *=rewrite
  __pipeline_wait_prior(0);
  // ruleid: kernel-shared-memory ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite, kernel-cuda-barrier *=rewrite
  __shared__ cuda::barrier<cuda::thread_scope_block> bar;
  // ruleid: kernel-threadidx ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  out[threadIdx.x] = stage[0][threadIdx.x] + stage[1][threadIdx.x];
}

// ruleid: kernel-device-qualifier *=partial
__device__ int arch_value() {
// ruleid: kernel-cuda-arch *=partial
#if __CUDA_ARCH__ >= 800
  return 80;
#else
  return 0;
#endif
}

void launch(float* dx, float* dy, int n, cudaStream_t stream) {
  // ruleid: kernel-dim3 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=partial
  dim3 block(256);
  // ruleid: kernel-dim3 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=partial
  dim3 grid((n + 255) / 256);
  // ruleid: kernel-launch *=partial
  saxpy<<<grid, block, 0, stream>>>(n, 2.0f, dx, dy);
  // ruleid: kernel-launch *=partial
  dyn_smem<<<1, 128, 128 * sizeof(float), stream>>>(dy);
  // ok: kernel-device-printf
  printf("launched %d elements\n", n);
  // ok: kernel-device-malloc
  float* host = (float*)malloc(n * sizeof(float));
  // ok: kernel-device-malloc
  free(host);
  // ok: kernel-syncthreads
  const char* msg = "__syncthreads() is not called on the host";
  (void)msg;
}

// ruleid: kernel-global-qualifier ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
__global__ void restrict_kernel(const float* __restrict__ in, float* out) { out[0] = in[0]; }

// cuComplex.h
void complex_host(float re, float im) {
  // ruleid: kernel-cucomplex *=none
  cuComplex z = make_cuComplex(re, im);
  // ruleid: kernel-cucomplex *=none
  float a = cuCabsf(cuCmulf(z, z));
  (void)a;
}

// ruleid: kernel-compiler-macros *=partial
#if defined(__CUDACC__)
// ruleid: kernel-align *=partial
struct __align__(16) Pair { float a, b, c, d; };
#endif

// Inline asm: an empty template is a compiler barrier, not PTX; host CPU assembly is no CUDA use.
// ruleid: kernel-device-qualifier *=partial
__device__ void barrier_and_ptx(unsigned *lane) {
  // ruleid: kernel-asm-barrier *=partial
  asm volatile("" ::: "memory");
  // ruleid: kernel-inline-asm *=rewrite
  asm volatile("mov.u32 %0, %%laneid;" : "=r"(*lane));
}
void host_rounding(unsigned short mode) {
  // ok: kernel-inline-asm
  __asm__ __volatile__("fldcw %0" : : "m"(mode));
}

// ruleid: kernel-device-qualifier *=partial
__device__ double conversions(int i, long long bits, unsigned hi, unsigned lo, int a, int b) {
  // ruleid: kernel-double-convert *=none
  double d = __int2double_rn(i);
  // ruleid: kernel-double-bitcast *=none
  double e = __longlong_as_double(bits);
  // ruleid: kernel-funnel-shift *=none
  unsigned f = __funnelshift_l(lo, hi, 3);
  // ruleid: kernel-simd-video ascend=none cambricon=rewrite
  int g = __dp4a(a, b, 0);
  return d + e + f + g;
}

// ruleid: kernel-device-qualifier *=partial
__device__ unsigned smem_address(float *tile) {
  // ruleid: kernel-address-space-convert *=rewrite
  return static_cast<unsigned>(__cvta_generic_to_shared(tile));
}
