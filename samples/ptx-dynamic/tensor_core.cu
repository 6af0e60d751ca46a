// tensor_core.cu - half-precision GEMM on tensor cores with the WMMA API.
//
// Each warp owns one 16x16 tile of C and walks the K dimension 16 at a time.
// A is row-major (M x K), B is column-major (K x N), C is row-major float.
// Requires sm_70 or newer: nvcc -arch=sm_80 tensor_core.cu
#include <cmath>
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <mma.h>

using namespace nvcuda;

constexpr int WM = 16, WN = 16, WK = 16;

__global__ void wmmaGemm(const half* A, const half* B, float* C, int M, int N, int K)
{
    // Which 16x16 output tile this warp computes.
    int warpM = (blockIdx.x * blockDim.x + threadIdx.x) / warpSize;
    int warpN = blockIdx.y * blockDim.y + threadIdx.y;
    if (warpM * WM >= M || warpN * WN >= N) return;  // whole warp exits together

    wmma::fragment<wmma::matrix_a, WM, WN, WK, half, wmma::row_major> aFrag;
    wmma::fragment<wmma::matrix_b, WM, WN, WK, half, wmma::col_major> bFrag;
    wmma::fragment<wmma::accumulator, WM, WN, WK, float> acc;
    wmma::fill_fragment(acc, 0.0f);

    for (int k = 0; k < K; k += WK) {
        const half* aTile = A + (size_t)warpM * WM * K + k;   // row-major, ld = K
        const half* bTile = B + (size_t)warpN * WN * K + k;   // col-major, ld = K
        wmma::load_matrix_sync(aFrag, aTile, K);
        wmma::load_matrix_sync(bFrag, bTile, K);
        wmma::mma_sync(acc, aFrag, bFrag, acc);
    }

    float* cTile = C + (size_t)warpM * WM * N + warpN * WN;
    wmma::store_matrix_sync(cTile, acc, N, wmma::mem_row_major);
}

int main()
{
    // Dimensions must be multiples of 16 for this simple kernel.
    const int M = 256, N = 128, K = 512;
    std::vector<half> hA((size_t)M * K), hB((size_t)K * N);
    std::vector<float> fA(hA.size()), fB(hB.size());
    for (size_t i = 0; i < hA.size(); ++i) { fA[i] = ((i % 9) - 4) * 0.125f; hA[i] = __float2half(fA[i]); }
    for (size_t i = 0; i < hB.size(); ++i) { fB[i] = ((i % 5) - 2) * 0.25f;  hB[i] = __float2half(fB[i]); }

    half *dA, *dB;
    float* dC;
    cudaMalloc(&dA, hA.size() * sizeof(half));
    cudaMalloc(&dB, hB.size() * sizeof(half));
    cudaMalloc(&dC, (size_t)M * N * sizeof(float));
    cudaMemcpy(dA, hA.data(), hA.size() * sizeof(half), cudaMemcpyHostToDevice);
    cudaMemcpy(dB, hB.data(), hB.size() * sizeof(half), cudaMemcpyHostToDevice);

    // 4 warps along M and 4 along N per block -> a 64x64 block of C.
    dim3 block(4 * 32, 4);
    dim3 grid((M + WM * 4 - 1) / (WM * 4), (N + WN * 4 - 1) / (WN * 4));
    wmmaGemm<<<grid, block>>>(dA, dB, dC, M, N, K);
    cudaError_t err = cudaDeviceSynchronize();
    if (err != cudaSuccess) {
        std::fprintf(stderr, "wmmaGemm: %s\n", cudaGetErrorString(err));
        return 1;
    }

    std::vector<float> hC((size_t)M * N);
    cudaMemcpy(hC.data(), dC, hC.size() * sizeof(float), cudaMemcpyDeviceToHost);

    // The inputs are exactly representable in half, so a float reference
    // should match to rounding error of the accumulation.
    double maxErr = 0.0;
    for (int r = 0; r < M; ++r)
        for (int c = 0; c < N; ++c) {
            double ref = 0.0;
            for (int k = 0; k < K; ++k) ref += fA[(size_t)r * K + k] * fB[(size_t)c * K + k];
            maxErr = std::fmax(maxErr, std::fabs(ref - hC[(size_t)r * N + c]));
        }
    std::printf("wmma gemm %dx%dx%d max abs error %.3g\n", M, N, K, maxErr);

    cudaFree(dA); cudaFree(dB); cudaFree(dC);
    return 0;
}
