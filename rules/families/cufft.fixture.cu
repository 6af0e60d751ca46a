// Fixture for rules/families/cufft.yaml: 1-D/2-D spectral filtering with cuFFT.
#include <cstdio>
#include <cuda_runtime.h>
#include <cufft.h>

// ruleid: cufft-result
static void check(cufftResult r, const char *what) {
  // ruleid: cufft-success
  if (r != CUFFT_SUCCESS) {
    fprintf(stderr, "%s failed (%d)\n", what, (int)r);
  }
}

// ruleid: cufft-result
bool bad_plan(cufftResult r) {
  // ruleid: cufft-errors
  return r == CUFFT_INVALID_PLAN || r == CUFFT_ALLOC_FAILED;
}

// ok: cufft-exec
// cufftExecR2C in a comment does not count.
// ruleid: cufft-complex-types
void spectrum(cufftReal *signal, cufftComplex *freq, int n, int batch, cudaStream_t stream) {
  // ruleid: cufft-handle
  cufftHandle plan;
  // ruleid: cufft-plan-1d, cufft-type
  check(cufftPlan1d(&plan, n, CUFFT_R2C, batch), "plan1d");
  // ruleid: cufft-set-stream
  check(cufftSetStream(plan, stream), "stream");
  // ruleid: cufft-exec
  check(cufftExecR2C(plan, signal, freq), "r2c");
  // ruleid: cufft-destroy
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types
void roundtrip_2d(cufftComplex *data, int nx, int ny) {
  // ruleid: cufft-handle
  cufftHandle plan;
  // ruleid: cufft-plan-2d-3d, cufft-type
  check(cufftPlan2d(&plan, nx, ny, CUFFT_C2C), "plan2d");
  // ruleid: cufft-exec, cufft-direction
  check(cufftExecC2C(plan, data, data, CUFFT_FORWARD), "fwd");
  // ruleid: cufft-exec, cufft-direction
  check(cufftExecC2C(plan, data, data, CUFFT_INVERSE), "inv");
  // ruleid: cufft-destroy
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types
void batched_many(cufftComplex *in, cufftReal *out, int n, int batch, void *work) {
  // ruleid: cufft-handle
  cufftHandle plan;
  size_t ws = 0;
  int dims[1] = {n};
  // ruleid: cufft-create
  check(cufftCreate(&plan), "create");
  // ruleid: cufft-set-auto-allocation
  check(cufftSetAutoAllocation(plan, 0), "auto");
  // ruleid: cufft-plan-many, cufft-type
  check(cufftMakePlanMany(plan, 1, dims, nullptr, 1, n / 2 + 1, nullptr, 1, n, CUFFT_C2R, batch, &ws), "many");
  // ruleid: cufft-get-size
  check(cufftGetSize(plan, &ws), "size");
  // ruleid: cufft-set-work-area
  check(cufftSetWorkArea(plan, work), "work");
  // ruleid: cufft-exec
  check(cufftExecC2R(plan, in, out), "c2r");
  // ruleid: cufft-destroy
  cufftDestroy(plan);
}

// ruleid: cufft-complex-types
void double_precision(cufftDoubleComplex *z, cufftDoubleReal *d, int n) {
  // ruleid: cufft-handle
  cufftHandle plan;
  size_t ws = 0;
  // ruleid: cufft-create
  cufftCreate(&plan);
  // ruleid: cufft-make-plan, cufft-type-double
  cufftMakePlan1d(plan, n, CUFFT_D2Z, 1, &ws);
  // ruleid: cufft-exec-double
  cufftExecD2Z(plan, d, z);
  // ruleid: cufft-plan-2d-3d, cufft-type-double
  cufftPlan3d(&plan, n, n, n, CUFFT_Z2Z);
  // ruleid: cufft-exec-double, cufft-direction
  cufftExecZ2Z(plan, z, z, CUFFT_FORWARD);
}

int fft_version() {
  int v = 0;
  // ruleid: cufft-version
  cufftGetVersion(&v);
  // ruleid: cufft-version-macros
#if CUFFT_VERSION >= 11000
  v += 1;
#endif
  return v;
}

// ruleid: cufft-handle
void multi_gpu(cufftHandle plan, int *gpus) {
  // ruleid: cufft-xt
  cufftXtSetGPUs(plan, 2, gpus);
}
