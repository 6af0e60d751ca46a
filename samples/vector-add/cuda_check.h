// cuda_check.h - error-handling helpers shared by the vector-add sample.
//
// CUDA_CHECK wraps every runtime call so that a failure is reported with the
// file and line where it happened instead of silently propagating a sticky
// error to some later, unrelated call.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                     \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            std::fprintf(stderr, "CUDA error at %s:%d: %s (%s)\n", __FILE__, \
                         __LINE__, cudaGetErrorString(err_), #call);         \
            std::exit(EXIT_FAILURE);                                         \
        }                                                                    \
    } while (0)

// Project helper (not part of the CUDA API despite the name): call it right
// after a kernel launch. Launches don't return an error code, so we pick up
// configuration errors via cudaGetLastError and execution errors by
// synchronizing. Only meant for debug builds / samples, since the sync
// serializes the host with the device.
inline void cudaCheckError(const char* what)
{
    cudaError_t err = cudaGetLastError();
    if (err == cudaSuccess) {
        err = cudaDeviceSynchronize();
    }
    if (err != cudaSuccess) {
        std::fprintf(stderr, "kernel '%s' failed: %s\n", what,
                     cudaGetErrorString(err));
        std::exit(EXIT_FAILURE);
    }
}

// Project-defined RAII owner for a device allocation. The name mirrors our
// coding convention ("cuda" prefix for anything that lives on the GPU), it is
// not a CUDA type.
struct cudaBuffer {
    float* ptr = nullptr;
    size_t count = 0;

    explicit cudaBuffer(size_t n) : count(n)
    {
        CUDA_CHECK(cudaMalloc(reinterpret_cast<void**>(&ptr), n * sizeof(float)));
    }
    ~cudaBuffer()
    {
        // Don't use CUDA_CHECK in a destructor: exiting here would hide the
        // original error if we are unwinding because of one.
        if (ptr != nullptr && cudaFree(ptr) != cudaSuccess) {
            std::fprintf(stderr, "cudaFree failed in ~cudaBuffer\n");
        }
    }
    cudaBuffer(const cudaBuffer&) = delete;
    cudaBuffer& operator=(const cudaBuffer&) = delete;

    size_t bytes() const { return count * sizeof(float); }
};
