// Fixture for rules/families/wmma.yaml.
#include <mma.h>
using namespace nvcuda;

__global__ void wmma_gemm_16x16x16(const half* a, const half* b, float* c, int lda, int ldb, int ldc) {
  // ruleid: wmma-fragment *=rewrite, wmma-fragment-tags *=rewrite
  wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major> a_frag;
  // ruleid: wmma-fragment *=rewrite, wmma-fragment-tags *=rewrite
  wmma::fragment<wmma::matrix_b, 16, 16, 16, half, wmma::col_major> b_frag;
  // ruleid: wmma-fragment *=rewrite, wmma-fragment-tags *=rewrite
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
  // ruleid: wmma-fill-fragment *=rewrite
  wmma::fill_fragment(acc, 0.0f);
  // ruleid: wmma-load-matrix *=rewrite
  wmma::load_matrix_sync(a_frag, a, lda);
  // ruleid: wmma-load-matrix *=rewrite
  wmma::load_matrix_sync(b_frag, b, ldb);
  // ruleid: wmma-mma *=rewrite
  wmma::mma_sync(acc, a_frag, b_frag, acc);
  // ruleid: wmma-store-matrix *=rewrite, wmma-layout *=rewrite
  wmma::store_matrix_sync(c, acc, ldc, wmma::mem_row_major);
}

__global__ void wmma_tf32(const float* a, float* c) {
  // ruleid: wmma-fragment *=rewrite, wmma-fragment-tags *=rewrite, wmma-subbyte-precision *=none
  nvcuda::wmma::fragment<nvcuda::wmma::matrix_a, 16, 16, 8, nvcuda::wmma::precision::tf32, nvcuda::wmma::row_major> t;
  // ruleid: wmma-load-matrix *=rewrite
  nvcuda::wmma::load_matrix_sync(t, a, 16);
  for (int i = 0; i < t.num_elements; i++) {
    // ruleid: wmma-subbyte-precision *=none
    t.x[i] = nvcuda::wmma::__float_to_tf32(t.x[i]);
  }
  c[0] = t.x[0];
}

// ok: wmma-mma
// wmma::mma_sync in a comment is not a use
