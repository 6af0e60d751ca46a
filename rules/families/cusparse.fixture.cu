// Fixture for rules/families/cusparse.yaml: CSR SpMV/SpMM with the cuSPARSE generic API.
#include <cstdio>
#include <cuda_runtime.h>
#include <cusparse.h>

// ruleid: cusparse-status ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
static void check(cusparseStatus_t s) {
  // ruleid: cusparse-status ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  if (s != CUSPARSE_STATUS_SUCCESS) {
    // ruleid: cusparse-get-error-string *=none
    fprintf(stderr, "cusparse: %s\n", cusparseGetErrorString(s));
  }
}

// ok: cusparse-spmv
static const char *kAlgo = "cusparseSpMV with CSR_ALG2";

void spmv(int rows, int cols, int nnz, int *rowPtr, int *colInd, float *vals, float *x, float *y, cudaStream_t s) {
  // ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseHandle_t h;
  // ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseCreate(&h));
  // ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseSetStream(h, s));
  // ruleid: cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpMatDescr_t A;
  // ruleid: cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseDnVecDescr_t vx, vy;
  // ruleid: cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseCreateCsr(&A, rows, cols, nnz, rowPtr, colInd, vals,
                          // ruleid: cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                          CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F));
  // ruleid: cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseCreateDnVec(&vx, cols, x, CUDA_R_32F));
  // ruleid: cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseCreateDnVec(&vy, rows, y, CUDA_R_32F));
  const float alpha = 1.f, beta = 0.f;
  size_t bytes = 0;
  void *buf = nullptr;
  // ruleid: cusparse-spmv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseSpMV_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, CUDA_R_32F,
                                // ruleid: cusparse-spmv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                                CUSPARSE_SPMV_ALG_DEFAULT, &bytes));
  cudaMalloc(&buf, bytes);
  // ruleid: cusparse-spmv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseSpMV(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, CUDA_R_32F,
                     // ruleid: cusparse-spmv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                     CUSPARSE_SPMV_CSR_ALG2, buf));
  // ruleid: cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseDestroySpMat(A));
  // ruleid: cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseDestroyDnVec(vx));
  // ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  check(cusparseDestroy(h));
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void spmm(cusparseHandle_t h, cusparseSpMatDescr_t A, cusparseDnMatDescr_t B, cusparseDnMatDescr_t C, void *buf) {
  const float one = 1.f;
  size_t bytes = 0;
  // ruleid: cusparse-spmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpMM_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, A, B, &one, C,
                          // ruleid: cusparse-spmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                          CUDA_R_32F, CUSPARSE_SPMM_ALG_DEFAULT, &bytes);
  // ruleid: cusparse-spmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpMM(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_TRANSPOSE, &one, A, B, &one, C, CUDA_R_32F,
               // ruleid: cusparse-spmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
               CUSPARSE_SPMM_CSR_ALG1, buf);
  // ruleid: cusparse-sddmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSDDMM(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, B, B, &one, A, CUDA_R_32F,
                // ruleid: cusparse-sddmm ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                CUSPARSE_SDDMM_ALG_DEFAULT, buf);
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void triangular(cusparseHandle_t h, cusparseSpMatDescr_t L, cusparseDnVecDescr_t x, cusparseDnVecDescr_t y, void *buf) {
  const float one = 1.f;
  // ruleid: cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseFillMode_t fill = CUSPARSE_FILL_MODE_LOWER;
  // ruleid: cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpMatSetAttribute(L, CUSPARSE_SPMAT_FILL_MODE, &fill, sizeof(fill));
  // ruleid: cusparse-spsv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpSVDescr_t sv;
  // ruleid: cusparse-spsv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpSV_createDescr(&sv);
  // ruleid: cusparse-spsv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpSV_analysis(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, L, x, y, CUDA_R_32F, CUSPARSE_SPSV_ALG_DEFAULT, sv, buf);
  // ruleid: cusparse-spsv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpSV_solve(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, L, x, y, CUDA_R_32F, CUSPARSE_SPSV_ALG_DEFAULT, sv);
  // ruleid: cusparse-spsv ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSpSV_destroyDescr(sv);
  // ruleid: cusparse-spsm ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseSpSMDescr_t sm;
  // ruleid: cusparse-spsm ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseSpSM_createDescr(&sm);
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void conversions(cusparseHandle_t h, int m, int n, int nnz, const int *cooRows, int *csrRowPtr, float *vals,
                 int *colInd, float *cscVals, int *cscColPtr, int *cscRowInd, void *buf) {
  // ruleid: cusparse-coo-csr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseXcoo2csr(h, cooRows, nnz, m, csrRowPtr, CUSPARSE_INDEX_BASE_ZERO);
  // ruleid: cusparse-csr2csc ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseCsr2cscEx2(h, m, n, nnz, vals, csrRowPtr, colInd, cscVals, cscColPtr, cscRowInd, CUDA_R_32F,
                     // ruleid: cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-csr2csc ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
                     CUSPARSE_ACTION_NUMERIC, CUSPARSE_INDEX_BASE_ZERO, CUSPARSE_CSR2CSC_ALG1, buf);
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-dense-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void dense_sparse(cusparseHandle_t h, cusparseSpMatDescr_t S, cusparseDnMatDescr_t D, void *buf) {
  size_t bytes = 0;
  // ruleid: cusparse-sparse-to-dense ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSparseToDense_bufferSize(h, S, D, CUSPARSE_SPARSETODENSE_ALG_DEFAULT, &bytes);
  // ruleid: cusparse-sparse-to-dense ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSparseToDense(h, S, D, CUSPARSE_SPARSETODENSE_ALG_DEFAULT, buf);
  // ruleid: cusparse-dense-to-sparse ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseDenseToSparse_analysis(h, D, S, CUSPARSE_DENSETOSPARSE_ALG_DEFAULT, buf);
  // ruleid: cusparse-dense-to-sparse ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseDenseToSparse_convert(h, D, S, CUSPARSE_DENSETOSPARSE_ALG_DEFAULT, buf);
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void legacy(cusparseHandle_t h, int m, int n, int nnz, int *rowPtr, int *colInd, int *perm, void *buf,
            float *dl, float *d, float *du, float *B) {
  // ruleid: cusparse-mat-descr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseMatDescr_t descr;
  // ruleid: cusparse-mat-descr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseCreateMatDescr(&descr);
  // ruleid: cusparse-mat-descr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSetMatType(descr, CUSPARSE_MATRIX_TYPE_GENERAL);
  // ruleid: cusparse-mat-descr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-enums ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseSetMatIndexBase(descr, CUSPARSE_INDEX_BASE_ZERO);
  // ruleid: cusparse-sort ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseCreateIdentityPermutation(h, nnz, perm);
  // ruleid: cusparse-sort ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseXcsrsort(h, m, n, nnz, descr, rowPtr, colInd, perm, buf);
  // ruleid: cusparse-gtsv ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  cusparseSgtsv2(h, m, n, dl, d, du, B, m, buf);
  // ruleid: cusparse-fp64-complex *=none
  cusparseDgtsv2(h, m, n, (double *)dl, (double *)d, (double *)du, (double *)B, m, buf);
  // ruleid: cusparse-mat-descr ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseDestroyMatDescr(descr);
}

// ruleid: cusparse-handle ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none, cusparse-sparse-descriptors ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
void spgemm(cusparseHandle_t h, cusparseSpMatDescr_t A, cusparseSpMatDescr_t B, cusparseSpMatDescr_t C) {
  // ruleid: cusparse-spgemm *=none
  cusparseSpGEMMDescr_t g;
  // ruleid: cusparse-spgemm *=none
  cusparseSpGEMM_createDescr(&g);
  int v = 0;
  // ruleid: cusparse-version ascend-910b=none ascend-910c=none ascend-950=direct cambricon=none
  cusparseGetVersion(h, &v);
}
