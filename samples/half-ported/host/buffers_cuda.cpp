// Device buffers through the CUDA runtime (not ported yet).
#include <cuda_runtime.h>

float *make_buffer(const float *host, size_t n) {
  float *dev = nullptr;
  cudaMalloc(&dev, n * sizeof(float));
  cudaMemcpy(dev, host, n * sizeof(float), cudaMemcpyHostToDevice);
  return dev;
}

void drop_buffer(float *dev) {
  cudaFree(dev);
}
