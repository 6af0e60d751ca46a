// reduce.cu - weighted sum of a large array: sum_i w[i % K] * x[i].
//
// Classic two-level reduction: each warp reduces with register shuffles, the
// per-warp partials meet in shared memory, and one atomicAdd per block
// accumulates into the global result. The K weights live in __constant__
// memory because every thread reads the same few values (broadcast-friendly).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                        \
    do {                                                                   \
        cudaError_t e = (call);                                            \
        if (e != cudaSuccess) {                                            \
            std::fprintf(stderr, "%s:%d %s\n", __FILE__, __LINE__,         \
                         cudaGetErrorString(e));                           \
            std::exit(1);                                                  \
        }                                                                  \
    } while (0)

constexpr int kNumWeights = 8;
constexpr int kBlockSize = 256;
constexpr unsigned kFullMask = 0xffffffff;

__constant__ float c_weights[kNumWeights];

// Sum a value across the 32 lanes of a warp. After the loop lane 0 holds the
// total; other lanes hold partial garbage, which the caller ignores.
__device__ __forceinline__ float warpReduceSum(float v)
{
    for (int offset = warpSize / 2; offset > 0; offset /= 2) {
        v += __shfl_down_sync(kFullMask, v, offset);
    }
    return v;
}

// __launch_bounds__ lets the compiler budget registers for exactly 256
// threads and at least 4 resident blocks per SM.
__global__ void __launch_bounds__(kBlockSize, 4)
weightedSumKernel(const float* __restrict__ x, size_t n, float* result)
{
    // Dynamic shared memory: one slot per warp, sized by the launch.
    extern __shared__ float warpSums[];
    // Static shared memory: the block total, written by warp 0.
    __shared__ float blockTotal;

    const int lane = threadIdx.x % warpSize;
    const int warp = threadIdx.x / warpSize;

    // Grid-stride loop so any grid size covers any n.
    float acc = 0.0f;
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n;
         i += (size_t)gridDim.x * blockDim.x) {
        acc += c_weights[i % kNumWeights] * x[i];
    }

    acc = warpReduceSum(acc);
    if (lane == 0) {
        warpSums[warp] = acc;
    }
    __syncthreads();

    // First warp reduces the per-warp partials.
    if (warp == 0) {
        const int numWarps = blockDim.x / warpSize;
        float v = (lane < numWarps) ? warpSums[lane] : 0.0f;
        v = warpReduceSum(v);
        if (lane == 0) {
            blockTotal = v;
        }
    }
    __syncthreads();

    if (threadIdx.x == 0) {
        atomicAdd(result, blockTotal);
    }
}

int main()
{
    const size_t n = 1 << 24;
    std::vector<float> hx(n, 1.0f);
    const float hw[kNumWeights] = {1, 2, 3, 4, 4, 3, 2, 1};

    // Copy the weights to the __constant__ bank by symbol, not by address.
    CHECK(cudaMemcpyToSymbol(c_weights, hw, sizeof(hw)));

    float *dx = nullptr, *dResult = nullptr;
    CHECK(cudaMalloc(&dx, n * sizeof(float)));
    CHECK(cudaMalloc(&dResult, sizeof(float)));
    CHECK(cudaMemcpy(dx, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice));
    CHECK(cudaMemset(dResult, 0, sizeof(float)));

    int device = 0, numSMs = 0;
    CHECK(cudaGetDevice(&device));
    CHECK(cudaDeviceGetAttribute(&numSMs, cudaDevAttrMultiProcessorCount, device));

    // A few blocks per SM is enough with a grid-stride loop.
    const int blocks = numSMs * 4;
    // One float per warp (warpSize is device-only; it is 32 on every NVIDIA GPU).
    const size_t shmem = (kBlockSize / 32) * sizeof(float);
    weightedSumKernel<<<blocks, kBlockSize, shmem>>>(dx, n, dResult);
    CHECK(cudaGetLastError());

    // No cudaDeviceSynchronize needed: the blocking cudaMemcpy below waits
    // for the kernel on the legacy default stream.
    float gpu = 0.0f;
    CHECK(cudaMemcpy(&gpu, dResult, sizeof(float), cudaMemcpyDeviceToHost));

    // With x == 1 the answer is (n / K) * sum(w); n is a multiple of K.
    // Float atomics accumulate in arbitrary order, so compare relatively.
    const double expected = double(n / kNumWeights) * 20.0;
    const double relErr = std::fabs(gpu - expected) / expected;
    std::printf("gpu=%.1f expected=%.1f rel.err=%.2e %s\n", gpu, expected,
                relErr, relErr < 1e-5 ? "PASSED" : "FAILED");

    CHECK(cudaFree(dx));
    CHECK(cudaFree(dResult));
    return 0;
}
