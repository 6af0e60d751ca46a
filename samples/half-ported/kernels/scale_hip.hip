// The AMD build of scale.cu (HIP, a .hip file): reported in the hip family, each hip* name answered through its
// CUDA counterpart (hipMalloc as cudaMalloc).
#include <hip/hip_runtime.h>

__global__ void scale_hip(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}

void run_scale_hip(float *host, int n) {
  float *dev = nullptr;
  hipMalloc(&dev, n * sizeof(float));
  hipMemcpy(dev, host, n * sizeof(float), hipMemcpyHostToDevice);
  hipLaunchKernelGGL(scale_hip, dim3(n / 256), dim3(256), 0, 0, dev, 2.0f, n);
  hipFree(dev);
}
