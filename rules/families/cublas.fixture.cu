// Fixture for rules/families/cublas.yaml: a dense linear-algebra helper built on cuBLAS.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cuda_fp16.h>
// ruleid: cublas-header *=partial
#include <cublas_v2.h>

// ruleid: cublas-status-t ascend=partial cambricon=direct
static void check(cublasStatus_t s, const char *what) {
  // ruleid: cublas-status-success ascend=partial cambricon=direct
  if (s != CUBLAS_STATUS_SUCCESS) {
    // ruleid: cublas-status-string ascend=partial cambricon=direct
    fprintf(stderr, "%s failed: %s\n", what, cublasGetStatusString(s));
    exit(1);
  }
}

// ok: cublas-sgemm
// cublasSgemm is mentioned in this comment only.
struct Blas {
  // ruleid: cublas-handle ascend=none cambricon=partial
  cublasHandle_t handle;
  void *workspace;
};

void blas_init(Blas &b, cudaStream_t stream) {
  // ruleid: cublas-create ascend=none cambricon=partial
  check(cublasCreate(&b.handle), "create");
  // ruleid: cublas-set-stream ascend=partial cambricon=direct
  check(cublasSetStream(b.handle, stream), "stream");
  cudaStream_t current;
  // ruleid: cublas-get-stream *=none
  check(cublasGetStream(b.handle, &current), "get stream");
  cudaMalloc(&b.workspace, 1 << 22);
  // ruleid: cublas-set-workspace *=none
  check(cublasSetWorkspace(b.handle, b.workspace, 1 << 22), "workspace");
  // ruleid: cublas-math-mode *=partial
  check(cublasSetMathMode(b.handle, CUBLAS_TF32_TENSOR_OP_MATH), "math");
  // ruleid: cublas-pointer-mode *=none
  check(cublasSetPointerMode(b.handle, CUBLAS_POINTER_MODE_HOST), "ptr mode");
  int version = 0;
  // ruleid: cublas-version ascend=none cambricon=partial
  check(cublasGetVersion(b.handle, &version), "version");
}

void blas_shutdown(Blas &b) {
  // ruleid: cublas-destroy ascend=none cambricon=partial
  cublasDestroy(b.handle);
  cudaFree(b.workspace);
}

// ruleid: cublas-status-t ascend=partial cambricon=direct
cublasStatus_t classify(cublasStatus_t s) {
  // ruleid: cublas-status-errors ascend=none cambricon=partial
  if (s == CUBLAS_STATUS_NOT_SUPPORTED || s == CUBLAS_STATUS_EXECUTION_FAILED) return s;
  // ruleid: cublas-status-success ascend=partial cambricon=direct
  return CUBLAS_STATUS_SUCCESS;
}

void gemms(Blas &b, int m, int n, int k, const float *A, const float *B, float *C) {
  const float alpha = 1.0f, beta = 0.0f;
  // ruleid: cublas-sgemm *=partial, cublas-operation *=partial
  cublasSgemm(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, A, m, B, k, &beta, C, m);
  // ruleid: cublas-sgemm *=partial, cublas-operation *=partial
  cublasSgemm_v2(b.handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, k, &alpha, A, k, B, k, &beta, C, m);
}

void half_gemm(Blas &b, int m, int n, int k, const __half *A, const __half *B, __half *C) {
  const __half alpha = __float2half(1.0f), beta = __float2half(0.0f);
  // ruleid: cublas-hgemm *=partial, cublas-operation *=partial
  cublasHgemm(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, A, m, B, k, &beta, C, m);
}

void mixed_gemm(Blas &b, int m, int n, int k, const void *A, const void *B, void *C) {
  const float alpha = 1.0f, beta = 0.0f;
  // ruleid: cublas-gemm-ex *=partial, cublas-operation *=partial
  cublasGemmEx(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha,
               // ruleid: cublas-cuda-r-16f *=direct
               A, CUDA_R_16F, m,
               // ruleid: cublas-cuda-r-16bf *=direct
               B, CUDA_R_16BF, k, &beta,
               // ruleid: cublas-cuda-r-32f *=direct
               C, CUDA_R_32F, m,
               // ruleid: cublas-compute-type *=partial, cublas-gemm-algo ascend=none cambricon=partial
               CUBLAS_COMPUTE_32F_FAST_TF32, CUBLAS_GEMM_DEFAULT_TENSOR_OP);
}

// ruleid: cublas-cuda-data-type *=direct, cublas-compute-type *=partial
void typed_gemm(Blas &b, cudaDataType_t t, cublasComputeType_t ct, int n, const void *A, void *C) {
  const float one = 1.0f;
  // ruleid: cublas-gemm-ex *=partial, cublas-operation *=partial, cublas-gemm-algo ascend=none cambricon=partial
  cublasGemmEx(b.handle, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, A, t, n, A, t, n, &one, C, t, n, ct, CUBLAS_GEMM_DEFAULT);
}

void other_types(void) {
  // ruleid: cublas-cuda-r-64f *=direct, cublas-cuda-r-8i *=direct, cublas-cuda-r-32i *=direct
  int sizes[] = {CUDA_R_64F, CUDA_R_8I, CUDA_R_32I};
  // ruleid: cublas-cuda-c-32f *=direct, cublas-cuda-c-64f *=direct, cublas-cuda-r-8f ascend=partial cambricon=none
  int more[] = {CUDA_C_32F, CUDA_C_64F, CUDA_R_8F_E4M3};
  (void)sizes;
  (void)more;
}

void double_and_complex(Blas &b, int n, const double *A, double *C, const cuComplex *X, cuComplex *Y,
                        const cuDoubleComplex *Z, cuDoubleComplex *W) {
  const double one = 1.0;
  // ruleid: cublas-dgemm *=none, cublas-operation *=partial
  cublasDgemm(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, A, n, A, n, &one, C, n);
  const cuComplex c1 = make_cuComplex(1.f, 0.f);
  // ruleid: cublas-cgemm *=none, cublas-operation *=partial
  cublasCgemm(b.handle, CUBLAS_OP_N, CUBLAS_OP_C, n, n, n, &c1, X, n, X, n, &c1, Y, n);
  const cuDoubleComplex z1 = make_cuDoubleComplex(1.0, 0.0);
  // ruleid: cublas-zgemm *=none, cublas-operation *=partial
  cublasZgemm(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &z1, Z, n, Z, n, &z1, W, n);
  // ruleid: cublas-fp64-complex-blas *=none
  cublasDaxpy(b.handle, n, &one, A, 1, C, 1);
  // ruleid: cublas-fp64-complex-blas *=none, cublas-operation *=partial
  cublasDgemv(b.handle, CUBLAS_OP_N, n, n, &one, A, n, A, 1, &one, C, 1);
}

void batched(Blas &b, int n, int batch, const float **Aarr, const float **Barr, float **Carr,
             const float *A, const float *B, float *C) {
  const float one = 1.0f, zero = 0.0f;
  // ruleid: cublas-gemm-batched *=partial, cublas-operation *=partial
  cublasSgemmBatched(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, Aarr, n, Barr, n, &zero, Carr, n, batch);
  // ruleid: cublas-gemm-strided-batched *=partial, cublas-operation *=partial
  cublasSgemmStridedBatched(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, A, n, (long long)n * n,
                            B, n, (long long)n * n, &zero, C, n, (long long)n * n, batch);
  // ruleid: cublas-gemm-strided-batched *=partial, cublas-operation *=partial, cublas-cuda-r-32f *=direct
  cublasGemmStridedBatchedEx(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, A, CUDA_R_32F, n, n * n,
                             // ruleid: cublas-cuda-r-32f *=direct
                             B, CUDA_R_32F, n, n * n, &zero, C, CUDA_R_32F, n, n * n, batch,
                             // ruleid: cublas-compute-type *=partial, cublas-gemm-algo ascend=none cambricon=partial
                             CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  // ruleid: cublas-gemm-batched *=partial, cublas-operation *=partial, cublas-cuda-r-32f *=direct
  cublasGemmBatchedEx(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, (const void **)Aarr, CUDA_R_32F, n,
                      // ruleid: cublas-cuda-r-32f *=direct
                      (const void **)Barr, CUDA_R_32F, n, &zero, (void **)Carr, CUDA_R_32F, n, batch,
                      // ruleid: cublas-compute-type *=partial, cublas-gemm-algo ascend=none cambricon=partial
                      CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
}

void complex_batched(Blas &b, int n, int batch, const cuComplex **A, cuComplex **C) {
  const cuComplex one = make_cuComplex(1.f, 0.f);
  // ruleid: cublas-cgemm-batched *=none, cublas-operation *=partial
  cublasCgemmBatched(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, A, n, A, n, &one, C, n, batch);
}

// ruleid: cublas-operation *=partial
void grouped(Blas &b, cublasOperation_t *ta, cublasOperation_t *tb, int *m, int *n, int *k, const float *alpha,
             const float **A, int *lda, const float **B, int *ldb, const float *beta, float **C, int *ldc,
             int groups, int *sizes) {
  // ruleid: cublas-gemm-grouped ascend=partial cambricon=none
  cublasSgemmGroupedBatched(b.handle, ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, groups, sizes);
}

void level3_misc(Blas &b, int n, const float *A, float *B, float *C) {
  const float one = 1.0f, zero = 0.0f;
  // ruleid: cublas-syrk *=partial, cublas-fill-diag-side ascend=partial cambricon=none, cublas-operation *=partial
  cublasSsyrk(b.handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, n, n, &one, A, n, &zero, C, n);
  // ruleid: cublas-geam *=partial, cublas-operation *=partial
  cublasSgeam(b.handle, CUBLAS_OP_N, CUBLAS_OP_T, n, n, &one, A, n, &one, A, n, C, n);
  // ruleid: cublas-strsm ascend=partial cambricon=none, cublas-fill-diag-side ascend=partial cambricon=none, cublas-operation *=partial
  cublasStrsm(b.handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_UPPER, CUBLAS_OP_N, CUBLAS_DIAG_NON_UNIT,
              n, n, &one, A, n, B, n);
  // ruleid: cublas-strmm ascend=partial cambricon=none, cublas-fill-diag-side ascend=partial cambricon=none, cublas-operation *=partial
  cublasStrmm(b.handle, CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_T, CUBLAS_DIAG_UNIT,
              n, n, &one, A, n, B, n, C, n);
  // ruleid: cublas-ssymm *=partial, cublas-fill-diag-side ascend=partial cambricon=none
  cublasSsymm(b.handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_UPPER, n, n, &one, A, n, B, n, &zero, C, n);
  // ruleid: cublas-sdgmm *=partial, cublas-fill-diag-side ascend=partial cambricon=none
  cublasSdgmm(b.handle, CUBLAS_SIDE_LEFT, n, n, A, n, B, 1, C, n);
}

void level2(Blas &b, int m, int n, const float *A, const float *x, float *y, float *Amut) {
  const float one = 1.0f, zero = 0.0f;
  // ruleid: cublas-sgemv *=partial, cublas-operation *=partial
  cublasSgemv(b.handle, CUBLAS_OP_N, m, n, &one, A, m, x, 1, &zero, y, 1);
  // ruleid: cublas-gemv-batched *=partial, cublas-operation *=partial
  cublasSgemvStridedBatched(b.handle, CUBLAS_OP_N, m, n, &one, A, m, m * n, x, 1, n, &zero, y, 1, m, 4);
  // ruleid: cublas-sger ascend=partial cambricon=none
  cublasSger(b.handle, m, n, &one, x, 1, y, 1, Amut, m);
  // ruleid: cublas-level2-structured *=none, cublas-fill-diag-side ascend=partial cambricon=none
  cublasSsymv(b.handle, CUBLAS_FILL_MODE_LOWER, n, &one, A, n, x, 1, &zero, y, 1);
  // ruleid: cublas-level2-structured *=none, cublas-fill-diag-side ascend=partial cambricon=none, cublas-operation *=partial
  cublasStrsv(b.handle, CUBLAS_FILL_MODE_UPPER, CUBLAS_OP_N, CUBLAS_DIAG_NON_UNIT, n, A, n, y, 1);
}

void complex_level2(Blas &b, int n, const cuComplex *A, const cuComplex *x, cuComplex *y, cuComplex *Am) {
  const cuComplex one = make_cuComplex(1.f, 0.f);
  // ruleid: cublas-cgemv *=none, cublas-operation *=partial
  cublasCgemv(b.handle, CUBLAS_OP_N, n, n, &one, A, n, x, 1, &one, y, 1);
  // ruleid: cublas-cgerc *=none
  cublasCgerc(b.handle, n, n, &one, x, 1, y, 1, Am, n);
}

float level1(Blas &b, int n, float *x, float *y) {
  const float alpha = 2.0f;
  float result = 0.f, nrm = 0.f, asum = 0.f;
  int idx = 0;
  // ruleid: cublas-saxpy *=partial
  cublasSaxpy(b.handle, n, &alpha, x, 1, y, 1);
  // ruleid: cublas-sdot ascend=partial cambricon=none
  cublasSdot(b.handle, n, x, 1, y, 1, &result);
  // ruleid: cublas-snrm2 ascend=partial cambricon=none
  cublasSnrm2(b.handle, n, x, 1, &nrm);
  // ruleid: cublas-sscal *=partial
  cublasSscal(b.handle, n, &alpha, x, 1);
  // ruleid: cublas-sasum *=partial
  cublasSasum(b.handle, n, x, 1, &asum);
  // ruleid: cublas-isamax *=partial
  cublasIsamax(b.handle, n, x, 1, &idx);
  // ruleid: cublas-scopy *=partial
  cublasScopy(b.handle, n, x, 1, y, 1);
  // ruleid: cublas-sswap *=none
  cublasSswap(b.handle, n, x, 1, y, 1);
  float c = 0.5f, s = 0.5f;
  // ruleid: cublas-srot *=none
  cublasSrot(b.handle, n, x, 1, y, 1, &c, &s);
  return result + nrm + asum + idx;
}

void level1_ex(Blas &b, int n, const void *x, void *y, cuComplex *cx, cuComplex *cy) {
  const float alpha = 1.0f;
  // ruleid: cublas-axpy-ex *=none, cublas-cuda-r-16f *=direct, cublas-cuda-r-32f *=direct
  cublasAxpyEx(b.handle, n, &alpha, CUDA_R_32F, x, CUDA_R_16F, 1, y, CUDA_R_16F, 1, CUDA_R_32F);
  cuComplex dot;
  // ruleid: cublas-dot-ex *=none
  cublasCdotc(b.handle, n, cx, 1, cy, 1, &dot);
}

void lapack_like(Blas &b, int n, int batch, float **A, float **Ainv, int *piv, int *info) {
  // ruleid: cublas-getrf-batched *=none
  cublasSgetrfBatched(b.handle, n, A, n, piv, info, batch);
  // ruleid: cublas-getri-batched *=partial
  cublasSgetriBatched(b.handle, n, (const float **)A, n, piv, Ainv, n, info, batch);
  // ruleid: cublas-getri-batched *=partial
  cublasSmatinvBatched(b.handle, n, (const float **)A, n, Ainv, n, info, batch);
  float *tau[1];
  // ruleid: cublas-geqrf-batched *=partial
  cublasSgeqrfBatched(b.handle, n, n, A, n, tau, info, batch);
  // ruleid: cublas-gels-batched *=none, cublas-operation *=partial
  cublasSgelsBatched(b.handle, CUBLAS_OP_N, n, n, 1, A, n, Ainv, n, info, nullptr, batch);
  // ruleid: cublas-packed-convert *=none, cublas-fill-diag-side ascend=partial cambricon=none
  cublasStrttp(b.handle, CUBLAS_FILL_MODE_LOWER, n, A[0], n, Ainv[0]);
}

void transfers(const float *h, float *d, int n, int rows, int cols, cudaStream_t s) {
  // ruleid: cublas-set-get-vector-matrix *=partial
  cublasSetVector(n, sizeof(float), h, 1, d, 1);
  // ruleid: cublas-set-get-vector-matrix *=partial
  cublasGetMatrixAsync(rows, cols, sizeof(float), d, rows, (float *)h, rows, s);
  // ruleid: cublas-legacy-api *=rewrite
  cublasInit();
}

void multi_gpu(int n, const float *A, float *C) {
  // ruleid: cublas-xt *=none
  cublasXtHandle_t xt;
  // ruleid: cublas-xt *=none
  cublasXtCreate(&xt);
}

void big_gemm(Blas &b, int64_t n, const float *A, float *C) {
  const float one = 1.0f;
  // ruleid: cublas-sgemm *=partial, cublas-operation *=partial
  cublasSgemm_64(b.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, A, n, A, n, &one, C, n);
}

// ruleid: cublas-version-macros *=none
#if CUBLAS_VER_MAJOR >= 12
static const int kNewCublas = 1;
#endif
