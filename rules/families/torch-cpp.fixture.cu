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
}
