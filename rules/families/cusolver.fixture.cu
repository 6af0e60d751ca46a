// Fixture for rules/families/cusolver.yaml: dense factorizations with cuSOLVER.
#include <cstdio>
#include <cuda_runtime.h>
#include <cusolverDn.h>

// ruleid: cusolver-status ascend=none cambricon=partial
static void check(cusolverStatus_t s) {
  // ruleid: cusolver-status ascend=none cambricon=partial
  if (s != CUSOLVER_STATUS_SUCCESS) fprintf(stderr, "cusolver error %d\n", (int)s);
}

// ok: cusolver-getrf
static const char *kName = "cusolverDnSgetrf";

void lu_solve(float *A, float *B, int n, int nrhs, int *ipiv, int *info, cudaStream_t stream) {
  // ruleid: cusolver-handle ascend=none cambricon=partial
  cusolverDnHandle_t h;
  // ruleid: cusolver-handle ascend=none cambricon=partial
  check(cusolverDnCreate(&h));
  // ruleid: cusolver-handle ascend=none cambricon=partial
  check(cusolverDnSetStream(h, stream));
  int lwork = 0;
  // ruleid: cusolver-getrf-buffer-size *=none
  check(cusolverDnSgetrf_bufferSize(h, n, n, A, n, &lwork));
  float *work = nullptr;
  cudaMalloc(&work, lwork * sizeof(float));
  // ruleid: cusolver-getrf *=none
  check(cusolverDnSgetrf(h, n, n, A, n, work, ipiv, info));
  // ruleid: cusolver-getrs *=none
  check(cusolverDnSgetrs(h, CUBLAS_OP_N, n, nrhs, A, n, ipiv, B, n, info));
  // ruleid: cusolver-handle ascend=none cambricon=partial
  check(cusolverDnDestroy(h));
}

// ruleid: cusolver-handle ascend=none cambricon=partial
void cholesky(cusolverDnHandle_t h, float *A, float *B, int n, float *work, int lwork, int *info) {
  // ruleid: cusolver-potrf ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=none
  cusolverDnSpotrf(h, CUBLAS_FILL_MODE_LOWER, n, A, n, work, lwork, info);
  // ruleid: cusolver-potrs ascend=partial cambricon=none
  cusolverDnSpotrs(h, CUBLAS_FILL_MODE_LOWER, n, 1, A, n, B, n, info);
}

// ruleid: cusolver-handle ascend=none cambricon=partial
void qr(cusolverDnHandle_t h, float *A, float *tau, int m, int n, float *work, int lwork, int *info) {
  // ruleid: cusolver-geqrf *=partial
  cusolverDnSgeqrf(h, m, n, A, m, tau, work, lwork, info);
  // ruleid: cusolver-geqrf *=partial
  cusolverDnSorgqr(h, m, n, n, A, m, tau, work, lwork, info);
}

// ruleid: cusolver-handle ascend=none cambricon=partial
void svd(cusolverDnHandle_t h, float *A, float *S, float *U, float *VT, int m, int n, float *work, int lwork, int *info) {
  // ruleid: cusolver-gesvd *=partial
  cusolverDnSgesvd(h, 'A', 'A', m, n, A, m, S, U, m, VT, n, work, lwork, nullptr, info);
}

// ruleid: cusolver-handle ascend=none cambricon=partial
void eig(cusolverDnHandle_t h, float *A, float *W, int n, float *work, int lwork, int *info) {
  // ruleid: cusolver-syevd *=none
  cusolverDnSsyevd(h, CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n, A, n, W, work, lwork, info);
  // ruleid: cusolver-syevd *=none
  syevjInfo_t params;
  // ruleid: cusolver-syevd *=none
  cusolverDnCreateSyevjInfo(&params);
}

// ruleid: cusolver-handle ascend=none cambricon=partial
void generic_api(cusolverDnHandle_t h, double *A, int n, int64_t *ipiv, int *info) {
  // ruleid: cusolver-params *=none
  cusolverDnParams_t p;
  // ruleid: cusolver-params *=none
  cusolverDnCreateParams(&p);
  int lwork = 0;
  // ruleid: cusolver-fp64-complex *=none
  cusolverDnDgetrf_bufferSize(h, n, n, A, n, &lwork);
}

// ruleid: cusolver-sparse-refactor *=none
void sparse_qr(cusolverSpHandle_t sh) {
  // ruleid: cusolver-sparse-refactor *=none
  cusolverSpDestroy(sh);
}
