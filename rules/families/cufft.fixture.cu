// Fixture for rules/families/cufft.yaml: 1-D/2-D spectral filtering with cuFFT.
#include <cstdio>
#include <cuda_runtime.h>
#include <cufft.h>

// ruleid: cufft-result ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
static void check(cufftResult r, const char *what) {
  // ruleid: cufft-success ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  if (r != CUFFT_SUCCESS) {
    fprintf(stderr, "%s failed (%d)\n", what, (int)r);
  }
}

// ruleid: cufft-result ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
bool bad_plan(cufftResult r) {
  // ruleid: cufft-errors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  return r == CUFFT_INVALID_PLAN || r == CUFFT_ALLOC_FAILED;
}

// ok: cufft-exec
// cufftExecR2C in a comment does not count.
// ruleid: cufft-complex-types ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
void spectrum(cufftReal *signal, cufftComplex *freq, int n, int batch, cudaStream_t stream) {
  // ruleid: cufft-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftHandle plan;
  // ruleid: cufft-plan-1d ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial, cufft-type ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftPlan1d(&plan, n, CUFFT_R2C, batch), "plan1d");
  // ruleid: cufft-set-stream ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftSetStream(plan, stream), "stream");
  // ruleid: cufft-exec ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftExecR2C(plan, signal, freq), "r2c");
  // ruleid: cufft-destroy ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
void roundtrip_2d(cufftComplex *data, int nx, int ny) {
  // ruleid: cufft-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftHandle plan;
  // ruleid: cufft-plan-2d-3d ascend-910b=none ascend-910c=none ascend-950=partial cambricon=partial, cufft-type ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftPlan2d(&plan, nx, ny, CUFFT_C2C), "plan2d");
  // ruleid: cufft-exec ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial, cufft-direction ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftExecC2C(plan, data, data, CUFFT_FORWARD), "fwd");
  // ruleid: cufft-exec ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial, cufft-direction ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftExecC2C(plan, data, data, CUFFT_INVERSE), "inv");
  // ruleid: cufft-destroy ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
void batched_many(cufftComplex *in, cufftReal *out, int n, int batch, void *work) {
  // ruleid: cufft-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftHandle plan;
  size_t ws = 0;
  int dims[1] = {n};
  // ruleid: cufft-create ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftCreate(&plan), "create");
  // ruleid: cufft-set-auto-allocation ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cufftSetAutoAllocation(plan, 0), "auto");
  // ruleid: cufft-plan-many ascend-910b=none ascend-910c=none ascend-950=partial cambricon=partial, cufft-type ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftMakePlanMany(plan, 1, dims, nullptr, 1, n / 2 + 1, nullptr, 1, n, CUFFT_C2R, batch, &ws), "many");
  // ruleid: cufft-get-size ascend-910b=none ascend-910c=none ascend-950=partial cambricon=partial
  check(cufftGetSize(plan, &ws), "size");
  // ruleid: cufft-set-work-area ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftSetWorkArea(plan, work), "work");
  // ruleid: cufft-exec ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  check(cufftExecC2R(plan, in, out), "c2r");
  // ruleid: cufft-destroy ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
void double_precision(cufftDoubleComplex *z, cufftDoubleReal *d, int n) {
  // ruleid: cufft-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftHandle plan;
  size_t ws = 0;
  // ruleid: cufft-create ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftCreate(&plan);
  // ruleid: cufft-make-plan ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial, cufft-type-double ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cufftMakePlan1d(plan, n, CUFFT_D2Z, 1, &ws);
  // ruleid: cufft-exec-double ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cufftExecD2Z(plan, d, z);
  // ruleid: cufft-plan-2d-3d ascend-910b=none ascend-910c=none ascend-950=partial cambricon=partial, cufft-type-double ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cufftPlan3d(&plan, n, n, n, CUFFT_Z2Z);
  // ruleid: cufft-exec-double ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cufft-direction ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  cufftExecZ2Z(plan, z, z, CUFFT_FORWARD);
}

int fft_version() {
  int v = 0;
  // ruleid: cufft-version ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cufftGetVersion(&v);
  // ruleid: cufft-version-macros ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
#if CUFFT_VERSION >= 11000
  v += 1;
#endif
  return v;
}

// ruleid: cufft-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
void multi_gpu(cufftHandle plan, int *gpus) {
  // ruleid: cufft-xt *=none
  cufftXtSetGPUs(plan, 2, gpus);
}
