// Fixture for rules/families/cublaslt.yaml: a fused GEMM + bias + GELU layer on cuBLASLt.
#include <cstdint>
#include <cuda_runtime.h>
// ruleid: cublaslt-header ascend=none cambricon=partial
#include <cublasLt.h>

struct LtGemm {
  // ruleid: cublaslt-handle ascend=none cambricon=partial
  cublasLtHandle_t lt;
  // ruleid: cublaslt-matmul-desc ascend=none cambricon=partial
  cublasLtMatmulDesc_t op;
  // ruleid: cublaslt-matrix-layout *=partial
  cublasLtMatrixLayout_t a, b, c;
  // ruleid: cublaslt-preference ascend=none cambricon=partial
  cublasLtMatmulPreference_t pref;
  // ruleid: cublaslt-heuristic ascend=none cambricon=partial
  cublasLtMatmulHeuristicResult_t heur;
};

void lt_setup(LtGemm &g, int m, int n, int k, const float *bias, size_t wsBytes) {
  // ruleid: cublaslt-handle ascend=none cambricon=partial
  cublasLtCreate(&g.lt);
  // ruleid: cublaslt-matmul-desc ascend=none cambricon=partial
  cublasLtMatmulDescCreate(&g.op, CUBLAS_COMPUTE_32F, CUDA_R_32F);
  // ruleid: cublaslt-epilogue ascend=none cambricon=partial
  cublasLtEpilogue_t epi = CUBLASLT_EPILOGUE_GELU_BIAS;
  // ruleid: cublaslt-matmul-desc ascend=none cambricon=partial, cublaslt-desc-attributes ascend=none cambricon=partial
  cublasLtMatmulDescSetAttribute(g.op, CUBLASLT_MATMUL_DESC_EPILOGUE, &epi, sizeof(epi));
  // ruleid: cublaslt-matmul-desc ascend=none cambricon=partial, cublaslt-desc-attributes ascend=none cambricon=partial
  cublasLtMatmulDescSetAttribute(g.op, CUBLASLT_MATMUL_DESC_BIAS_POINTER, &bias, sizeof(bias));
  // ruleid: cublaslt-matrix-layout *=partial
  cublasLtMatrixLayoutCreate(&g.a, CUDA_R_16F, m, k, m);
  // ruleid: cublaslt-matrix-layout *=partial
  cublasLtMatrixLayoutCreate(&g.b, CUDA_R_16F, k, n, k);
  // ruleid: cublaslt-matrix-layout *=partial
  cublasLtMatrixLayoutCreate(&g.c, CUDA_R_16F, m, n, m);
  // ruleid: cublaslt-layout-attributes ascend=none cambricon=partial
  cublasLtOrder_t order = CUBLASLT_ORDER_COL;
  // ruleid: cublaslt-matrix-layout *=partial, cublaslt-layout-attributes ascend=none cambricon=partial
  cublasLtMatrixLayoutSetAttribute(g.a, CUBLASLT_MATRIX_LAYOUT_ORDER, &order, sizeof(order));
  // ruleid: cublaslt-preference ascend=none cambricon=partial
  cublasLtMatmulPreferenceCreate(&g.pref);
  // ruleid: cublaslt-preference ascend=none cambricon=partial
  cublasLtMatmulPreferenceSetAttribute(g.pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &wsBytes, sizeof(wsBytes));
  int found = 0;
  // ruleid: cublaslt-heuristic ascend=none cambricon=partial
  cublasLtMatmulAlgoGetHeuristic(g.lt, g.op, g.a, g.b, g.c, g.c, g.pref, 1, &g.heur, &found);
}

void lt_run(LtGemm &g, const void *A, const void *B, void *C, void *ws, size_t wsBytes, cudaStream_t s) {
  const float alpha = 1.0f, beta = 0.0f;
  // ruleid: cublaslt-matmul *=partial
  cublasLtMatmul(g.lt, g.op, &alpha, A, g.a, B, g.b, &beta, C, g.c, C, g.c, &g.heur.algo, ws, wsBytes, s);
}

// ruleid: cublaslt-matrix-transform *=partial
void lt_transpose(LtGemm &g, cublasLtMatrixTransformDesc_t t, const float *A, float *C, cudaStream_t s) {
  const float one = 1.0f, zero = 0.0f;
  // ruleid: cublaslt-matrix-transform *=partial
  cublasLtMatrixTransform(g.lt, t, &one, A, g.a, &zero, nullptr, nullptr, C, g.c, s);
}

void lt_config(LtGemm &g) {
  uint32_t splitk = 4;
  // ruleid: cublaslt-heuristic ascend=none cambricon=partial, cublaslt-algo-config *=none
  cublasLtMatmulAlgoConfigSetAttribute(&g.heur.algo, CUBLASLT_ALGO_CONFIG_SPLITK_NUM, &splitk, sizeof(splitk));
}

void lt_teardown(LtGemm &g) {
  // ruleid: cublaslt-preference ascend=none cambricon=partial
  cublasLtMatmulPreferenceDestroy(g.pref);
  // ruleid: cublaslt-matrix-layout *=partial
  cublasLtMatrixLayoutDestroy(g.a);
  // ruleid: cublaslt-matmul-desc ascend=none cambricon=partial
  cublasLtMatmulDescDestroy(g.op);
  // ruleid: cublaslt-handle ascend=none cambricon=partial
  cublasLtDestroy(g.lt);
  // ruleid: cublaslt-status *=none
  size_t v = cublasLtGetVersion();
  (void)v;
}

void in_place(void) {
  // ruleid: cublaslt-init-in-place ascend=none cambricon=partial
  cublasLtMatmulPreferenceOpaque_t storage;
  // ruleid: cublaslt-init-in-place ascend=none cambricon=partial
  cublasLtMatmulPreferenceInit(&storage);
}
