// Fixture for rules/families/cusparse.yaml: CSR SpMV/SpMM with the cuSPARSE generic API.
#include <cstdio>
#include <cuda_runtime.h>
#include <cusparse.h>

// ruleid: cusparse-status *=none
static void check(cusparseStatus_t s) {
  // ruleid: cusparse-status *=none
  if (s != CUSPARSE_STATUS_SUCCESS) {
    // ruleid: cusparse-get-error-string *=none
    fprintf(stderr, "cusparse: %s\n", cusparseGetErrorString(s));
  }
}

// ok: cusparse-spmv
static const char *kAlgo = "cusparseSpMV with CSR_ALG2";

void spmv(int rows, int cols, int nnz, int *rowPtr, int *colInd, float *vals, float *x, float *y, cudaStream_t s) {
  // ruleid: cusparse-handle *=none
  cusparseHandle_t h;
  // ruleid: cusparse-handle *=none
  check(cusparseCreate(&h));
  // ruleid: cusparse-handle *=none
  check(cusparseSetStream(h, s));
  // ruleid: cusparse-sparse-descriptors *=none
  cusparseSpMatDescr_t A;
  // ruleid: cusparse-dense-descriptors *=none
  cusparseDnVecDescr_t vx, vy;
  // ruleid: cusparse-sparse-descriptors *=none
  check(cusparseCreateCsr(&A, rows, cols, nnz, rowPtr, colInd, vals,
                          // ruleid: cusparse-enums *=none
                          CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F));
  // ruleid: cusparse-dense-descriptors *=none
  check(cusparseCreateDnVec(&vx, cols, x, CUDA_R_32F));
  // ruleid: cusparse-dense-descriptors *=none
  check(cusparseCreateDnVec(&vy, rows, y, CUDA_R_32F));
  const float alpha = 1.f, beta = 0.f;
  size_t bytes = 0;
  void *buf = nullptr;
  // ruleid: cusparse-spmv *=none, cusparse-enums *=none
  check(cusparseSpMV_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, CUDA_R_32F,
                                // ruleid: cusparse-spmv *=none
                                CUSPARSE_SPMV_ALG_DEFAULT, &bytes));
  cudaMalloc(&buf, bytes);
  // ruleid: cusparse-spmv *=none, cusparse-enums *=none
  check(cusparseSpMV(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, CUDA_R_32F,
                     // ruleid: cusparse-spmv *=none
                     CUSPARSE_SPMV_CSR_ALG2, buf));
  // ruleid: cusparse-sparse-descriptors *=none
  check(cusparseDestroySpMat(A));
  // ruleid: cusparse-dense-descriptors *=none
  check(cusparseDestroyDnVec(vx));
  // ruleid: cusparse-handle *=none
  check(cusparseDestroy(h));
}

// ruleid: cusparse-handle *=none, cusparse-sparse-descriptors *=none, cusparse-dense-descriptors *=none
void spmm(cusparseHandle_t h, cusparseSpMatDescr_t A, cusparseDnMatDescr_t B, cusparseDnMatDescr_t C, void *buf) {
  const float one = 1.f;
  size_t bytes = 0;
  // ruleid: cusparse-spmm *=none, cusparse-enums *=none
  cusparseSpMM_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, A, B, &one, C,
                          // ruleid: cusparse-spmm *=none
                          CUDA_R_32F, CUSPARSE_SPMM_ALG_DEFAULT, &bytes);
  // ruleid: cusparse-spmm *=none, cusparse-enums *=none
  cusparseSpMM(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_TRANSPOSE, &one, A, B, &one, C, CUDA_R_32F,
               // ruleid: cusparse-spmm *=none
               CUSPARSE_SPMM_CSR_ALG1, buf);
  // ruleid: cusparse-sddmm *=none, cusparse-enums *=none
  cusparseSDDMM(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, B, B, &one, A, CUDA_R_32F,
                // ruleid: cusparse-sddmm *=none
                CUSPARSE_SDDMM_ALG_DEFAULT, buf);
}

// ruleid: cusparse-handle *=none, cusparse-sparse-descriptors *=none, cusparse-dense-descriptors *=none
void triangular(cusparseHandle_t h, cusparseSpMatDescr_t L, cusparseDnVecDescr_t x, cusparseDnVecDescr_t y, void *buf) {
  const float one = 1.f;
  // ruleid: cusparse-enums *=none
  cusparseFillMode_t fill = CUSPARSE_FILL_MODE_LOWER;
  // ruleid: cusparse-sparse-descriptors *=none, cusparse-enums *=none
  cusparseSpMatSetAttribute(L, CUSPARSE_SPMAT_FILL_MODE, &fill, sizeof(fill));
  // ruleid: cusparse-spsv *=none
  cusparseSpSVDescr_t sv;
  // ruleid: cusparse-spsv *=none
  cusparseSpSV_createDescr(&sv);
  // ruleid: cusparse-spsv *=none, cusparse-enums *=none
  cusparseSpSV_analysis(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, L, x, y, CUDA_R_32F, CUSPARSE_SPSV_ALG_DEFAULT, sv, buf);
  // ruleid: cusparse-spsv *=none, cusparse-enums *=none
  cusparseSpSV_solve(h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, L, x, y, CUDA_R_32F, CUSPARSE_SPSV_ALG_DEFAULT, sv);
  // ruleid: cusparse-spsv *=none
  cusparseSpSV_destroyDescr(sv);
  // ruleid: cusparse-spsm *=none
  cusparseSpSMDescr_t sm;
  // ruleid: cusparse-spsm *=none
  cusparseSpSM_createDescr(&sm);
}

// ruleid: cusparse-handle *=none
void conversions(cusparseHandle_t h, int m, int n, int nnz, const int *cooRows, int *csrRowPtr, float *vals,
                 int *colInd, float *cscVals, int *cscColPtr, int *cscRowInd, void *buf) {
  // ruleid: cusparse-coo-csr *=none, cusparse-enums *=none
  cusparseXcoo2csr(h, cooRows, nnz, m, csrRowPtr, CUSPARSE_INDEX_BASE_ZERO);
  // ruleid: cusparse-csr2csc *=none
  cusparseCsr2cscEx2(h, m, n, nnz, vals, csrRowPtr, colInd, cscVals, cscColPtr, cscRowInd, CUDA_R_32F,
                     // ruleid: cusparse-enums *=none, cusparse-csr2csc *=none
                     CUSPARSE_ACTION_NUMERIC, CUSPARSE_INDEX_BASE_ZERO, CUSPARSE_CSR2CSC_ALG1, buf);
}

// ruleid: cusparse-handle *=none, cusparse-sparse-descriptors *=none, cusparse-dense-descriptors *=none
void dense_sparse(cusparseHandle_t h, cusparseSpMatDescr_t S, cusparseDnMatDescr_t D, void *buf) {
  size_t bytes = 0;
  // ruleid: cusparse-sparse-to-dense *=none
  cusparseSparseToDense_bufferSize(h, S, D, CUSPARSE_SPARSETODENSE_ALG_DEFAULT, &bytes);
  // ruleid: cusparse-sparse-to-dense *=none
  cusparseSparseToDense(h, S, D, CUSPARSE_SPARSETODENSE_ALG_DEFAULT, buf);
  // ruleid: cusparse-dense-to-sparse *=none
  cusparseDenseToSparse_analysis(h, D, S, CUSPARSE_DENSETOSPARSE_ALG_DEFAULT, buf);
  // ruleid: cusparse-dense-to-sparse *=none
  cusparseDenseToSparse_convert(h, D, S, CUSPARSE_DENSETOSPARSE_ALG_DEFAULT, buf);
}

// ruleid: cusparse-handle *=none
void legacy(cusparseHandle_t h, int m, int n, int nnz, int *rowPtr, int *colInd, int *perm, void *buf,
            float *dl, float *d, float *du, float *B) {
  // ruleid: cusparse-mat-descr *=none
  cusparseMatDescr_t descr;
  // ruleid: cusparse-mat-descr *=none
  cusparseCreateMatDescr(&descr);
  // ruleid: cusparse-mat-descr *=none, cusparse-enums *=none
  cusparseSetMatType(descr, CUSPARSE_MATRIX_TYPE_GENERAL);
  // ruleid: cusparse-mat-descr *=none, cusparse-enums *=none
  cusparseSetMatIndexBase(descr, CUSPARSE_INDEX_BASE_ZERO);
  // ruleid: cusparse-sort *=none
  cusparseCreateIdentityPermutation(h, nnz, perm);
  // ruleid: cusparse-sort *=none
  cusparseXcsrsort(h, m, n, nnz, descr, rowPtr, colInd, perm, buf);
  // ruleid: cusparse-gtsv *=none
  cusparseSgtsv2(h, m, n, dl, d, du, B, m, buf);
  // ruleid: cusparse-fp64-complex *=none
  cusparseDgtsv2(h, m, n, (double *)dl, (double *)d, (double *)du, (double *)B, m, buf);
  // ruleid: cusparse-mat-descr *=none
  cusparseDestroyMatDescr(descr);
}

// ruleid: cusparse-handle *=none, cusparse-sparse-descriptors *=none
void spgemm(cusparseHandle_t h, cusparseSpMatDescr_t A, cusparseSpMatDescr_t B, cusparseSpMatDescr_t C) {
  // ruleid: cusparse-spgemm *=none
  cusparseSpGEMMDescr_t g;
  // ruleid: cusparse-spgemm *=none
  cusparseSpGEMM_createDescr(&g);
  int v = 0;
  // ruleid: cusparse-version *=none
  cusparseGetVersion(h, &v);
}
