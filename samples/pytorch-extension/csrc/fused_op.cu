// Fused bias add + tanh-approximated GELU over a [rows, cols] tensor, one thread per element.
#include <cuda_runtime.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/extension.h>

namespace {

__device__ __forceinline__ float gelu(float x) {
  const float k = 0.7978845608f;  // sqrt(2 / pi)
  return 0.5f * x * (1.0f + tanhf(k * (x + 0.044715f * x * x * x)));
}

__global__ void bias_gelu_kernel(const float* __restrict__ in, const float* __restrict__ bias,
                                 float* __restrict__ out, int rows, int cols) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx >= rows * cols) return;
  out[idx] = gelu(in[idx] + bias[idx % cols]);
}

}  // namespace

torch::Tensor bias_gelu_cuda(const torch::Tensor& input, const torch::Tensor& bias) {
  auto out = torch::empty_like(input);
  const int rows = static_cast<int>(input.size(0));
  const int cols = static_cast<int>(input.size(1));
  const int threads = 256;
  const int blocks = (rows * cols + threads - 1) / threads;
  cudaStream_t stream = c10::cuda::getCurrentCUDAStream();
  bias_gelu_kernel<<<blocks, threads, 0, stream>>>(input.data_ptr<float>(), bias.data_ptr<float>(),
                                                   out.data_ptr<float>(), rows, cols);
  cudaError_t err = cudaGetLastError();
  TORCH_CHECK(err == cudaSuccess, "bias_gelu_kernel launch failed: ", cudaGetErrorString(err));
  return out;
}
