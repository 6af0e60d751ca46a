// legacy_texture.cu - gather through the texture cache.
//
// The original code used a texture *reference*. Texture references were
// removed in CUDA 12, so that path is only compiled by old toolkits; newer
// toolkits take the texture *object* path below. Both expose the same
// host function, gatherThroughTexture().
#include <cstdio>
#include <cuda_runtime.h>

#if CUDART_VERSION < 12000

// File-scope texture reference: bound to linear memory with cudaBindTexture.
texture<float, 1, cudaReadModeElementType> g_srcTex;

__global__ void gatherKernel(const int* indices, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = tex1Dfetch(g_srcTex, indices[i]);
}

cudaError_t gatherThroughTexture(const float* dSrc, size_t srcCount,
                                 const int* dIdx, float* dOut, int n)
{
    cudaError_t err = cudaBindTexture(nullptr, g_srcTex, dSrc, srcCount * sizeof(float));
    if (err != cudaSuccess) return err;
    gatherKernel<<<(n + 127) / 128, 128>>>(dIdx, dOut, n);
    err = cudaDeviceSynchronize();
    cudaUnbindTexture(g_srcTex);
    return err;
}

#else  // CUDA 12+: texture objects

__global__ void gatherKernel(cudaTextureObject_t src, const int* indices, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = tex1Dfetch<float>(src, indices[i]);
}

cudaError_t gatherThroughTexture(const float* dSrc, size_t srcCount,
                                 const int* dIdx, float* dOut, int n)
{
    cudaResourceDesc res{};
    res.resType = cudaResourceTypeLinear;
    res.res.linear.devPtr = const_cast<float*>(dSrc);
    res.res.linear.desc = cudaCreateChannelDesc<float>();
    res.res.linear.sizeInBytes = srcCount * sizeof(float);

    cudaTextureDesc tex{};
    tex.readMode = cudaReadModeElementType;  // return raw floats, no normalisation

    cudaTextureObject_t obj = 0;
    cudaError_t err = cudaCreateTextureObject(&obj, &res, &tex, nullptr);
    if (err != cudaSuccess) return err;
    gatherKernel<<<(n + 127) / 128, 128>>>(obj, dIdx, dOut, n);
    err = cudaDeviceSynchronize();
    cudaDestroyTextureObject(obj);
    return err;
}

#endif  // CUDART_VERSION < 12000

int main()
{
    const int srcCount = 4096, n = 1024;
    float* hSrc = new float[srcCount];
    int* hIdx = new int[n];
    for (int i = 0; i < srcCount; ++i) hSrc[i] = 0.5f * i;
    for (int i = 0; i < n; ++i) hIdx[i] = (i * 37) % srcCount;  // scattered reads

    float *dSrc, *dOut;
    int* dIdx;
    cudaMalloc(&dSrc, srcCount * sizeof(float));
    cudaMalloc(&dOut, n * sizeof(float));
    cudaMalloc(&dIdx, n * sizeof(int));
    cudaMemcpy(dSrc, hSrc, srcCount * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(dIdx, hIdx, n * sizeof(int), cudaMemcpyHostToDevice);

    cudaError_t err = gatherThroughTexture(dSrc, srcCount, dIdx, dOut, n);
    float last = 0.0f;
    cudaMemcpy(&last, dOut + n - 1, sizeof(float), cudaMemcpyDeviceToHost);
    std::printf("gather: %s, out[%d]=%.1f (expected %.1f)\n", cudaGetErrorString(err), n - 1,
                last, 0.5f * hIdx[n - 1]);

    cudaFree(dSrc); cudaFree(dOut); cudaFree(dIdx);
    delete[] hSrc;
    delete[] hIdx;
    return 0;
}
