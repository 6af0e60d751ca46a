// saxpy.h - public interface of the saxpy library.
//
// Deliberately free of CUDA types so plain C++ translation units (main.cpp)
// can include it without cuda_runtime.h on the include path.
#pragma once

#include <cstddef>

struct SaxpyReport {
    float maxAbsDiff = 0.0f;   // custom kernel vs. cuBLAS, element-wise
    float kernelMs = 0.0f;     // time of our kernel
    float cublasMs = 0.0f;     // time of cublasSaxpy
};

// Computes y = a * x + y twice on the GPU (hand-written kernel and cuBLAS)
// for n elements and fills `report`. `x` and `y` are host arrays; `y` is
// overwritten with the kernel's result. Returns false on any CUDA or cuBLAS
// error (the message is printed to stderr).
bool runSaxpy(std::size_t n, float a, const float* x, float* y, SaxpyReport* report);
