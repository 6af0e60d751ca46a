// vector_add.cu - the "hello world" of CUDA: c[i] = a[i] + b[i].
//
// Deliberately uses plain cudaMalloc/cudaMemcpy (we avoid cudaMallocManaged
// here so the host<->device traffic stays explicit and easy to profile).
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#include "cuda_check.h"

// One thread per element. The grid may be larger than n (we round up to a
// whole number of blocks), hence the bounds check.
__global__ void vectorAdd(const float* a, const float* b, float* c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        c[i] = a[i] + b[i];
    }
}

static int pickDevice()
{
    int count = 0;
    CUDA_CHECK(cudaGetDeviceCount(&count));
    if (count == 0) {
        std::fprintf(stderr, "no CUDA-capable device found\n");
        std::exit(EXIT_FAILURE);
    }
    // Allow overriding the device from the environment, e.g. VADD_DEVICE=1.
    const char* env = std::getenv("VADD_DEVICE");
    int dev = env ? std::atoi(env) : 0;
    if (dev < 0 || dev >= count) {
        dev = 0;
    }
    CUDA_CHECK(cudaSetDevice(dev));
    return dev;
}

int main(int argc, char** argv)
{
    const int n = (argc > 1) ? std::atoi(argv[1]) : (1 << 20);
    const int dev = pickDevice();
    std::printf("vector_add: n=%d on device %d\n", n, dev);

    std::vector<float> hA(n), hB(n), hC(n, 0.0f);
    for (int i = 0; i < n; ++i) {
        hA[i] = static_cast<float>(i);
        hB[i] = 2.0f * static_cast<float>(i);
    }

    // Device buffers are freed automatically when they go out of scope.
    cudaBuffer dA(n), dB(n), dC(n);

    CUDA_CHECK(cudaMemcpy(dA.ptr, hA.data(), dA.bytes(), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(dB.ptr, hB.data(), dB.bytes(), cudaMemcpyHostToDevice));

    const int threads = 256;
    const int blocks = (n + threads - 1) / threads;
    vectorAdd<<<blocks, threads>>>(dA.ptr, dB.ptr, dC.ptr, n);
    cudaCheckError("vectorAdd");

    CUDA_CHECK(cudaMemcpy(hC.data(), dC.ptr, dC.bytes(), cudaMemcpyDeviceToHost));

    // Verify on the host; the values are exact small integers in float.
    int errors = 0;
    for (int i = 0; i < n; ++i) {
        if (hC[i] != 3.0f * static_cast<float>(i)) {
            if (++errors <= 5) {
                std::fprintf(stderr, "mismatch at %d: %f\n", i, hC[i]);
            }
        }
    }
    std::printf("%s (%d errors)\n", errors == 0 ? "PASSED" : "FAILED", errors);
    return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
