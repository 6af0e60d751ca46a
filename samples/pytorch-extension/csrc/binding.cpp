// Python binding of the fused operator: checks the inputs, then calls the CUDA implementation.
#include <torch/extension.h>

torch::Tensor bias_gelu_cuda(const torch::Tensor& input, const torch::Tensor& bias);

torch::Tensor bias_gelu(const torch::Tensor& input, const torch::Tensor& bias) {
  TORCH_CHECK(input.is_cuda() && bias.is_cuda(), "bias_gelu expects CUDA tensors");
  TORCH_CHECK(input.dim() == 2 && bias.dim() == 1 && input.size(1) == bias.size(0), "shape mismatch");
  return bias_gelu_cuda(input.contiguous(), bias.contiguous());
}

PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {
  m.def("bias_gelu", &bias_gelu, "Fused bias add + GELU (CUDA)");
}
