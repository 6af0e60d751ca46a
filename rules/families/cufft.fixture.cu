// Fixture for rules/families/cufft.yaml: 1-D/2-D spectral filtering with cuFFT.
#include <cstdio>
#include <cuda_runtime.h>
#include <cufft.h>

// ruleid: cufft-result ascend=none cambricon=partial
static void check(cufftResult r, const char *what) {
  // ruleid: cufft-success ascend=none cambricon=partial
  if (r != CUFFT_SUCCESS) {
    fprintf(stderr, "%s failed (%d)\n", what, (int)r);
  }
}

// ruleid: cufft-result ascend=none cambricon=partial
bool bad_plan(cufftResult r) {
  // ruleid: cufft-errors *=none
  return r == CUFFT_INVALID_PLAN || r == CUFFT_ALLOC_FAILED;
}

// ok: cufft-exec
// cufftExecR2C in a comment does not count.
// ruleid: cufft-complex-types ascend=none cambricon=partial
void spectrum(cufftReal *signal, cufftComplex *freq, int n, int batch, cudaStream_t stream) {
  // ruleid: cufft-handle ascend=none cambricon=partial
  cufftHandle plan;
  // ruleid: cufft-plan-1d ascend=none cambricon=partial, cufft-type ascend=none cambricon=partial
  check(cufftPlan1d(&plan, n, CUFFT_R2C, batch), "plan1d");
  // ruleid: cufft-set-stream ascend=none cambricon=partial
  check(cufftSetStream(plan, stream), "stream");
  // ruleid: cufft-exec ascend=none cambricon=partial
  check(cufftExecR2C(plan, signal, freq), "r2c");
  // ruleid: cufft-destroy ascend=none cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend=none cambricon=partial
void roundtrip_2d(cufftComplex *data, int nx, int ny) {
  // ruleid: cufft-handle ascend=none cambricon=partial
  cufftHandle plan;
  // ruleid: cufft-plan-2d-3d ascend=none cambricon=partial, cufft-type ascend=none cambricon=partial
  check(cufftPlan2d(&plan, nx, ny, CUFFT_C2C), "plan2d");
  // ruleid: cufft-exec ascend=none cambricon=partial, cufft-direction ascend=none cambricon=partial
  check(cufftExecC2C(plan, data, data, CUFFT_FORWARD), "fwd");
  // ruleid: cufft-exec ascend=none cambricon=partial, cufft-direction ascend=none cambricon=partial
  check(cufftExecC2C(plan, data, data, CUFFT_INVERSE), "inv");
  // ruleid: cufft-destroy ascend=none cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend=none cambricon=partial
void batched_many(cufftComplex *in, cufftReal *out, int n, int batch, void *work) {
  // ruleid: cufft-handle ascend=none cambricon=partial
  cufftHandle plan;
  size_t ws = 0;
  int dims[1] = {n};
  // ruleid: cufft-create ascend=none cambricon=partial
  check(cufftCreate(&plan), "create");
  // ruleid: cufft-set-auto-allocation *=none
  check(cufftSetAutoAllocation(plan, 0), "auto");
  // ruleid: cufft-plan-many ascend=none cambricon=partial, cufft-type ascend=none cambricon=partial
  check(cufftMakePlanMany(plan, 1, dims, nullptr, 1, n / 2 + 1, nullptr, 1, n, CUFFT_C2R, batch, &ws), "many");
  // ruleid: cufft-get-size ascend=none cambricon=partial
  check(cufftGetSize(plan, &ws), "size");
  // ruleid: cufft-set-work-area ascend=none cambricon=partial
  check(cufftSetWorkArea(plan, work), "work");
  // ruleid: cufft-exec ascend=none cambricon=partial
  check(cufftExecC2R(plan, in, out), "c2r");
  // ruleid: cufft-destroy ascend=none cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend=none cambricon=partial
void double_precision(cufftDoubleComplex *z, cufftDoubleReal *d, int n) {
  // ruleid: cufft-handle ascend=none cambricon=partial
  cufftHandle plan;
  size_t ws = 0;
  // ruleid: cufft-create ascend=none cambricon=partial
  cufftCreate(&plan);
  // ruleid: cufft-make-plan ascend=none cambricon=partial, cufft-type-double *=none
  cufftMakePlan1d(plan, n, CUFFT_D2Z, 1, &ws);
  // ruleid: cufft-exec-double *=none
  cufftExecD2Z(plan, d, z);
  // ruleid: cufft-plan-2d-3d ascend=none cambricon=partial, cufft-type-double *=none
  cufftPlan3d(&plan, n, n, n, CUFFT_Z2Z);
  // ruleid: cufft-exec-double *=none, cufft-direction ascend=none cambricon=partial
  cufftExecZ2Z(plan, z, z, CUFFT_FORWARD);
}

int fft_version() {
  int v = 0;
  // ruleid: cufft-version *=none
  cufftGetVersion(&v);
  // ruleid: cufft-version-macros *=none
#if CUFFT_VERSION >= 11000
  v += 1;
#endif
  return v;
}

// ruleid: cufft-handle ascend=none cambricon=partial
void multi_gpu(cufftHandle plan, int *gpus) {
  // ruleid: cufft-xt *=none
  cufftXtSetGPUs(plan, 2, gpus);
}
