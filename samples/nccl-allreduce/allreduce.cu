// allreduce.cu - single-process, multi-GPU NCCL: one communicator per device.
//
// Simulates a data-parallel training step: every GPU holds its own "gradient"
// buffer, we sum them with ncclAllReduce, then rank 0 broadcasts an updated
// "parameter" buffer to everybody with ncclBroadcast.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <nccl.h>

#define CUDA_CHECK(x)                                                       \
    do {                                                                    \
        cudaError_t e_ = (x);                                               \
        if (e_ != cudaSuccess) {                                            \
            std::printf("CUDA failure %s:%d '%s'\n", __FILE__, __LINE__,    \
                        cudaGetErrorString(e_));                            \
            std::exit(EXIT_FAILURE);                                        \
        }                                                                   \
    } while (0)

#define NCCL_CHECK(x)                                                       \
    do {                                                                    \
        ncclResult_t r_ = (x);                                              \
        if (r_ != ncclSuccess) {                                            \
            std::printf("NCCL failure %s:%d '%s'\n", __FILE__, __LINE__,    \
                        ncclGetErrorString(r_));                            \
            std::exit(EXIT_FAILURE);                                        \
        }                                                                   \
    } while (0)

// Fill the local gradient with (rank + 1) so the expected sum is easy to check.
__global__ void fillKernel(float* buf, size_t n, float value)
{
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) buf[i] = value;
}

int main()
{
    int nDev = 0;
    CUDA_CHECK(cudaGetDeviceCount(&nDev));
    if (nDev < 1) {
        std::printf("need at least one GPU (cudaGetDeviceCount returned %d)\n", nDev);
        return EXIT_FAILURE;
    }
    const size_t count = 32 * 1024 * 1024;  // 128 MiB of floats per GPU

    std::vector<int> devs(nDev);
    std::vector<float*> grad(nDev), params(nDev);
    std::vector<cudaStream_t> streams(nDev);
    for (int i = 0; i < nDev; ++i) {
        devs[i] = i;
        CUDA_CHECK(cudaSetDevice(i));
        CUDA_CHECK(cudaMalloc(&grad[i], count * sizeof(float)));
        CUDA_CHECK(cudaMalloc(&params[i], count * sizeof(float)));
        CUDA_CHECK(cudaStreamCreate(&streams[i]));
        fillKernel<<<(unsigned)((count + 255) / 256), 256, 0, streams[i]>>>(grad[i], count, float(i + 1));
        CUDA_CHECK(cudaGetLastError());
    }

    // One call creates the whole clique; comms[i] is bound to devs[i].
    std::vector<ncclComm_t> comms(nDev);
    NCCL_CHECK(ncclCommInitAll(comms.data(), nDev, devs.data()));

    // From a single thread, collectives on several devices must be grouped,
    // otherwise the first call would block waiting for the other ranks.
    NCCL_CHECK(ncclGroupStart());
    for (int i = 0; i < nDev; ++i) {
        // In place: send and receive buffers are the same.
        NCCL_CHECK(ncclAllReduce(grad[i], grad[i], count, ncclFloat, ncclSum, comms[i], streams[i]));
    }
    NCCL_CHECK(ncclGroupEnd());

    // Rank 0 "applies the update" and shares the new parameters.
    CUDA_CHECK(cudaSetDevice(0));
    fillKernel<<<(unsigned)((count + 255) / 256), 256, 0, streams[0]>>>(params[0], count, 0.5f);
    CUDA_CHECK(cudaGetLastError());

    NCCL_CHECK(ncclGroupStart());
    for (int i = 0; i < nDev; ++i) {
        NCCL_CHECK(ncclBroadcast(params[i], params[i], count, ncclFloat, /*root=*/0, comms[i], streams[i]));
    }
    NCCL_CHECK(ncclGroupEnd());

    for (int i = 0; i < nDev; ++i) {
        CUDA_CHECK(cudaSetDevice(i));
        CUDA_CHECK(cudaStreamSynchronize(streams[i]));
    }

    // Spot-check the last device: sum of 1..nDev, and the broadcast value.
    float g = 0.0f, p = 0.0f;
    CUDA_CHECK(cudaSetDevice(nDev - 1));
    CUDA_CHECK(cudaMemcpy(&g, grad[nDev - 1], sizeof(float), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(&p, params[nDev - 1], sizeof(float), cudaMemcpyDeviceToHost));
    std::printf("%d GPUs: grad[0]=%.1f (expected %.1f), param[0]=%.2f\n", nDev, g,
                nDev * (nDev + 1) / 2.0f, p);

    for (int i = 0; i < nDev; ++i) {
        CUDA_CHECK(cudaSetDevice(i));
        CUDA_CHECK(cudaFree(grad[i]));
        CUDA_CHECK(cudaFree(params[i]));
        CUDA_CHECK(cudaStreamDestroy(streams[i]));
        NCCL_CHECK(ncclCommDestroy(comms[i]));
    }
    std::printf("done\n");
    return 0;
}
