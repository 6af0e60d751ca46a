// Fixture for rules/families/cutlass.yaml: a CUTLASS 2.x device GEMM and a small CuTe kernel.
#include <cuda_runtime.h>
#include <cutlass/cutlass.h>
#include <cutlass/gemm/device/gemm.h>
#include <cute/tensor.hpp>

// ok: cutlass-device-gemm
static const char *kDoc = "cutlass::gemm::device::Gemm wrapper";

// ruleid: cutlass-device-gemm *=partial
using GemmOp = cutlass::gemm::device::Gemm<
    // ruleid: cutlass-types *=rewrite, cutlass-layouts *=rewrite
    cutlass::half_t, cutlass::layout::RowMajor,
    // ruleid: cutlass-types *=rewrite, cutlass-layouts *=rewrite
    cutlass::half_t, cutlass::layout::ColumnMajor,
    // ruleid: cutlass-layouts *=rewrite
    float, cutlass::layout::RowMajor, float,
    // ruleid: cutlass-arch-tags *=rewrite
    cutlass::arch::OpClassTensorOp, cutlass::arch::Sm80>;

// ruleid: cutlass-status *=rewrite
cutlass::Status run_gemm(int m, int n, int k, const void *A, const void *B, float *C, cudaStream_t s) {
  GemmOp op;
  // ruleid: cutlass-types *=rewrite
  GemmOp::Arguments args({m, n, k}, {(const cutlass::half_t *)A, k}, {(const cutlass::half_t *)B, k}, {C, n}, {C, n},
                       {1.0f, 0.0f});
  // ruleid: cutlass-status *=rewrite
  cutlass::Status st = op(args, nullptr, s);
  return st;
}

// ruleid: cutlass-coord ascend=partial cambricon=rewrite
cutlass::gemm::GemmCoord problem_size(int m, int n, int k) { return {m, n, k}; }

template <class T>
__device__ float sum4(T x) {
  // ruleid: cutlass-array *=rewrite
  cutlass::Array<float, 4> frag;
  frag[0] = x;
  return frag[0];
}

// ruleid: cutlass-gemm-kernel-parts *=rewrite
using Swizzle = cutlass::gemm::threadblock::GemmIdentityThreadblockSwizzle<>;

template <class T>
__global__ void cute_copy(const T *src, T *dst, int n) {
  namespace ct = cute;
  // ruleid: cute-tensor *=rewrite, cute-layout *=rewrite
  ct::Tensor gS = ct::make_tensor(ct::make_gmem_ptr(src), ct::make_layout(ct::make_shape(n)));
  // ruleid: cute-tensor *=rewrite, cute-layout *=rewrite
  auto gD = ct::make_tensor(ct::make_gmem_ptr(dst), ct::make_layout(ct::make_shape(n)));
  // ruleid: cute-tensor *=rewrite, cute-layout *=rewrite
  auto tile = ct::local_tile(gS, ct::make_shape(ct::Int<128>{}), blockIdx.x);
  // ruleid: cute-copy-mma *=rewrite
  ct::copy(tile, gD);
}

__global__ void cute_qualified(float *p) {
  // ruleid: cute-layout *=rewrite
  auto layout = cute::make_layout(cute::make_shape(8, 8));
  // ruleid: cute-tensor *=rewrite
  auto t = cute::make_tensor(p, layout);
  // ruleid: cutlass-cute-namespace *=rewrite
  cute::clear(t);
}

// Device functions marked through CUTLASS's macros are device code.
// ruleid: cutlass-device-macros ascend=partial cambricon=rewrite
CUTLASS_DEVICE float warp_max(float v) {
  return v;
}
// ruleid: cutlass-device-macros ascend=partial cambricon=rewrite
CUTLASS_HOST_DEVICE int ceil_div(int a, int b) { return (a + b - 1) / b; }
