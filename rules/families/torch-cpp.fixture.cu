// Fixture for rules/families/torch-cpp.yaml: the C++ side of a PyTorch CUDA extension.
// ruleid: torch-cpp-cuda-headers *=partial
#include <c10/cuda/CUDAStream.h>
// ruleid: torch-cpp-cuda-headers *=partial
#include <ATen/cuda/CUDAContext.h>
#include <torch/extension.h>

void launch(const at::Tensor& x) {
  // ruleid: torch-cpp-current-stream *=partial
  auto stream = c10::cuda::getCurrentCUDAStream();
  // ruleid: torch-cpp-current-stream *=partial
  cudaStream_t raw = at::cuda::getCurrentCUDAStream().stream();
  // ruleid: torch-cpp-cuda-namespace *=partial
  const at::cuda::OptionalCUDAGuard guard(x.device());
  // ok: torch-cpp-cuda-namespace
  at::Tensor y = at::zeros_like(x);
  (void)stream; (void)raw; (void)y;

  // ruleid: torch-cpp-is-cuda *=partial
  TORCH_CHECK(x.device().is_cuda(), "x must be a CUDA tensor");
  // ruleid: torch-cpp-cuda-check *=partial
  AT_CUDA_CHECK(cudaGetLastError());
  // ruleid: torch-cpp-kernel-launch-check *=partial
  C10_CUDA_KERNEL_LAUNCH_CHECK();
  // ruleid: torch-cpp-device-type *=partial
  auto opts = at::TensorOptions().device(at::kCUDA);
  // ruleid: torch-cpp-warp-size ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  int lanes = C10_WARP_SIZE;
  // ok: torch-cpp-is-cuda
  bool is_cuda = lanes > 0;
  (void)opts; (void)is_cuda;
}

__global__ void check_kernel(const float* p) {
  // ruleid: torch-cpp-kernel-assert *=partial
  CUDA_KERNEL_ASSERT(p != nullptr);
}

void blas(cublasHandle_t h) {
  // ruleid: torch-cpp-cublas-check *=partial
  TORCH_CUDABLAS_CHECK(cublasSetStream(h, nullptr));
}
