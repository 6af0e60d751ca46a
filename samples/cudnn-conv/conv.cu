// conv.cu - one conv + ReLU layer with the cuDNN legacy (descriptor) API.
//
// Input  x: N=1, C=3,  H=W=32   (NCHW, float)
// Filter w: K=16, C=3, 3x3      (pad 1, stride 1 -> "same" output size)
// Output y: N=1, K=16, H=W=32, followed by an in-place ReLU.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cudnn.h>

#define CUDA_CALL(x)                                                        \
    do {                                                                    \
        cudaError_t e_ = (x);                                               \
        if (e_ != cudaSuccess) {                                            \
            std::fprintf(stderr, "%s:%d CUDA: %s\n", __FILE__, __LINE__,    \
                         cudaGetErrorString(e_));                           \
            std::exit(1);                                                   \
        }                                                                   \
    } while (0)

#define CUDNN_CALL(x)                                                       \
    do {                                                                    \
        cudnnStatus_t s_ = (x);                                             \
        if (s_ != CUDNN_STATUS_SUCCESS) {                                   \
            std::fprintf(stderr, "%s:%d cuDNN: %s\n", __FILE__, __LINE__,   \
                         cudnnGetErrorString(s_));                          \
            std::exit(1);                                                   \
        }                                                                   \
    } while (0)

int main()
{
    const int N = 1, C = 3, H = 32, W = 32;
    const int K = 16, R = 3, S = 3;

    cudnnHandle_t cudnn;
    CUDNN_CALL(cudnnCreate(&cudnn));

    // Describe the input tensor.
    cudnnTensorDescriptor_t xDesc;
    CUDNN_CALL(cudnnCreateTensorDescriptor(&xDesc));
    CUDNN_CALL(cudnnSetTensor4dDescriptor(xDesc, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, N, C, H, W));

    // Filter: note the argument order differs from the tensor call
    // (data type first, then layout).
    cudnnFilterDescriptor_t wDesc;
    CUDNN_CALL(cudnnCreateFilterDescriptor(&wDesc));
    CUDNN_CALL(cudnnSetFilter4dDescriptor(wDesc, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, K, C, R, S));

    // CROSS_CORRELATION is what deep-learning frameworks call "convolution"
    // (no kernel flip).
    cudnnConvolutionDescriptor_t convDesc;
    CUDNN_CALL(cudnnCreateConvolutionDescriptor(&convDesc));
    CUDNN_CALL(cudnnSetConvolution2dDescriptor(convDesc, /*pad*/ 1, 1, /*stride*/ 1, 1,
                                               /*dilation*/ 1, 1, CUDNN_CROSS_CORRELATION,
                                               CUDNN_DATA_FLOAT));

    // Let cuDNN tell us the output shape rather than computing it by hand.
    int outN, outC, outH, outW;
    CUDNN_CALL(cudnnGetConvolution2dForwardOutputDim(convDesc, xDesc, wDesc, &outN, &outC, &outH, &outW));
    cudnnTensorDescriptor_t yDesc;
    CUDNN_CALL(cudnnCreateTensorDescriptor(&yDesc));
    CUDNN_CALL(cudnnSetTensor4dDescriptor(yDesc, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, outN, outC, outH, outW));
    std::printf("conv output: %d x %d x %d x %d\n", outN, outC, outH, outW);

    // Implicit GEMM needs little or no workspace, but always ask.
    const cudnnConvolutionFwdAlgo_t algo = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    size_t wsBytes = 0;
    CUDNN_CALL(cudnnGetConvolutionForwardWorkspaceSize(cudnn, xDesc, wDesc, convDesc, yDesc, algo, &wsBytes));

    const size_t xCount = (size_t)N * C * H * W;
    const size_t wCount = (size_t)K * C * R * S;
    const size_t yCount = (size_t)outN * outC * outH * outW;
    std::vector<float> hx(xCount), hw(wCount);
    for (size_t i = 0; i < xCount; ++i) hx[i] = (float)(i % 17) / 17.0f - 0.5f;
    for (size_t i = 0; i < wCount; ++i) hw[i] = (i % 2 == 0) ? 0.1f : -0.1f;

    float *dx, *dw, *dy;
    void* dWorkspace = nullptr;
    CUDA_CALL(cudaMalloc(&dx, xCount * sizeof(float)));
    CUDA_CALL(cudaMalloc(&dw, wCount * sizeof(float)));
    CUDA_CALL(cudaMalloc(&dy, yCount * sizeof(float)));
    if (wsBytes > 0) CUDA_CALL(cudaMalloc(&dWorkspace, wsBytes));
    CUDA_CALL(cudaMemcpy(dx, hx.data(), xCount * sizeof(float), cudaMemcpyHostToDevice));
    CUDA_CALL(cudaMemcpy(dw, hw.data(), wCount * sizeof(float), cudaMemcpyHostToDevice));

    // y = 1 * conv(x, w) + 0 * y
    const float one = 1.0f, zero = 0.0f;
    CUDNN_CALL(cudnnConvolutionForward(cudnn, &one, xDesc, dx, wDesc, dw, convDesc, algo,
                                       dWorkspace, wsBytes, &zero, yDesc, dy));

    // ReLU in place (x and y may alias for activations).
    cudnnActivationDescriptor_t actDesc;
    CUDNN_CALL(cudnnCreateActivationDescriptor(&actDesc));
    CUDNN_CALL(cudnnSetActivationDescriptor(actDesc, CUDNN_ACTIVATION_RELU, CUDNN_NOT_PROPAGATE_NAN, 0.0));
    CUDNN_CALL(cudnnActivationForward(cudnn, actDesc, &one, yDesc, dy, &zero, yDesc, dy));

    std::vector<float> hy(yCount);
    CUDA_CALL(cudaMemcpy(hy.data(), dy, yCount * sizeof(float), cudaMemcpyDeviceToHost));
    double sum = 0.0;
    for (float v : hy) sum += v;
    std::printf("checksum after ReLU: %.6f (workspace %zu bytes)\n", sum, wsBytes);

    // Tear down in reverse order of creation.
    CUDNN_CALL(cudnnDestroyActivationDescriptor(actDesc));
    CUDNN_CALL(cudnnDestroyTensorDescriptor(yDesc));
    CUDNN_CALL(cudnnDestroyConvolutionDescriptor(convDesc));
    CUDNN_CALL(cudnnDestroyFilterDescriptor(wDesc));
    CUDNN_CALL(cudnnDestroyTensorDescriptor(xDesc));
    CUDNN_CALL(cudnnDestroy(cudnn));
    CUDA_CALL(cudaFree(dWorkspace));  // cudaFree(nullptr) is a no-op
    CUDA_CALL(cudaFree(dy));
    CUDA_CALL(cudaFree(dw));
    CUDA_CALL(cudaFree(dx));
    return 0;
}
