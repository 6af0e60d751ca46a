// gemm.cu - C = A * B^T in FP32 (cublasSgemm) and again with FP16 inputs on
// tensor cores (cublasGemmEx), then report how far the two results drift.
//
// cuBLAS is column-major: an m x k matrix has leading dimension m. B is kept
// as an n x k matrix (one row per output feature, like a linear layer's
// weight) so we pass CUBLAS_OP_T for it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cublas_v2.h>

#define CUDA_OK(x)                                                          \
    do {                                                                    \
        cudaError_t e_ = (x);                                               \
        if (e_ != cudaSuccess) {                                            \
            std::fprintf(stderr, "%s failed: %s\n", #x, cudaGetErrorString(e_)); \
            std::exit(1);                                                   \
        }                                                                   \
    } while (0)

// cublasStatus_t has no string helper in older toolkits, so print the code.
#define CUBLAS_OK(x)                                                        \
    do {                                                                    \
        cublasStatus_t s_ = (x);                                            \
        if (s_ != CUBLAS_STATUS_SUCCESS) {                                  \
            std::fprintf(stderr, "%s failed with status %d\n", #x, (int)s_); \
            std::exit(1);                                                   \
        }                                                                   \
    } while (0)

// Narrow an FP32 buffer to FP16 on the device (cheaper than doing it on the
// host and copying twice).
__global__ void toHalf(const float* in, __half* out, size_t n)
{
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) out[i] = __float2half(in[i]);
}

int main()
{
    const int m = 512, n = 256, k = 1024;
    std::vector<float> hA((size_t)m * k), hB((size_t)n * k);
    for (size_t i = 0; i < hA.size(); ++i) hA[i] = (float)((i * 7) % 13) / 13.0f - 0.5f;
    for (size_t i = 0; i < hB.size(); ++i) hB[i] = (float)((i * 5) % 11) / 11.0f - 0.5f;

    float *dA, *dB, *dC32, *dC16;
    __half *dA16, *dB16;
    CUDA_OK(cudaMalloc(&dA, hA.size() * sizeof(float)));
    CUDA_OK(cudaMalloc(&dB, hB.size() * sizeof(float)));
    CUDA_OK(cudaMalloc(&dC32, (size_t)m * n * sizeof(float)));
    CUDA_OK(cudaMalloc(&dC16, (size_t)m * n * sizeof(float)));
    CUDA_OK(cudaMalloc(&dA16, hA.size() * sizeof(__half)));
    CUDA_OK(cudaMalloc(&dB16, hB.size() * sizeof(__half)));

    // All work goes to one non-default stream; the handle is bound to it.
    cudaStream_t stream;
    CUDA_OK(cudaStreamCreate(&stream));
    cublasHandle_t handle;
    CUBLAS_OK(cublasCreate(&handle));
    CUBLAS_OK(cublasSetStream(handle, stream));

    CUDA_OK(cudaMemcpyAsync(dA, hA.data(), hA.size() * sizeof(float), cudaMemcpyHostToDevice, stream));
    CUDA_OK(cudaMemcpyAsync(dB, hB.data(), hB.size() * sizeof(float), cudaMemcpyHostToDevice, stream));
    toHalf<<<(unsigned)((hA.size() + 255) / 256), 256, 0, stream>>>(dA, dA16, hA.size());
    toHalf<<<(unsigned)((hB.size() + 255) / 256), 256, 0, stream>>>(dB, dB16, hB.size());
    CUDA_OK(cudaGetLastError());

    const float alpha = 1.0f, beta = 0.0f;

    // Reference: plain single precision.
    CUBLAS_OK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, k,
                          &alpha, dA, m, dB, n, &beta, dC32, m));

    // Mixed precision: FP16 inputs, FP32 accumulation and FP32 output.
    // alpha/beta must match the compute type (float for COMPUTE_32F).
    CUBLAS_OK(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, k,
                           &alpha, dA16, CUDA_R_16F, m, dB16, CUDA_R_16F, n,
                           &beta, dC16, CUDA_R_32F, m,
                           CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));

    std::vector<float> c32((size_t)m * n), c16((size_t)m * n);
    CUDA_OK(cudaMemcpyAsync(c32.data(), dC32, c32.size() * sizeof(float), cudaMemcpyDeviceToHost, stream));
    CUDA_OK(cudaMemcpyAsync(c16.data(), dC16, c16.size() * sizeof(float), cudaMemcpyDeviceToHost, stream));
    CUDA_OK(cudaStreamSynchronize(stream));

    double maxDiff = 0.0;
    for (size_t i = 0; i < c32.size(); ++i)
        maxDiff = std::fmax(maxDiff, std::fabs((double)c32[i] - c16[i]));
    std::printf("gemm %dx%dx%d: max |fp32 - fp16| = %.4g\n", m, n, k, maxDiff);

    CUBLAS_OK(cublasDestroy(handle));
    CUDA_OK(cudaStreamDestroy(stream));
    for (void* p : {(void*)dA, (void*)dB, (void*)dC32, (void*)dC16, (void*)dA16, (void*)dB16})
        CUDA_OK(cudaFree(p));
    return 0;
}
