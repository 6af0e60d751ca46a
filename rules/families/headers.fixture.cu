// Fixture for rules/families/headers.yaml (CUDA headers).
// ruleid: headers-cuda-runtime
#include <cuda_runtime.h>
// ruleid: headers-cuda-runtime
#include "cuda_runtime_api.h"
// ruleid: headers-cuda-driver
#include <cuda.h>
// ruleid: headers-device-launch-parameters
#include <device_launch_parameters.h>
// ruleid: headers-cuda-fp16
#include <cuda_fp16.h>
// ruleid: headers-cuda-bf16
#include <cuda_bf16.h>
// ruleid: headers-cuda-fp8
#include <cuda_fp8.h>
// ruleid: headers-cooperative-groups
#include <cooperative_groups.h>
// ruleid: headers-cooperative-groups
#include <cooperative_groups/reduce.h>
// ruleid: headers-mma
#include <mma.h>
// ruleid: headers-pipeline-barrier
#include <cuda_pipeline.h>
// ruleid: headers-pipeline-barrier
#include <cuda/pipeline>
// ruleid: headers-pipeline-barrier
#include <cuda/barrier>
// ruleid: headers-cuda-atomic
#include <cuda/atomic>
// ruleid: headers-libcudacxx
#include <cuda/std/complex>
// ruleid: headers-cub
#include <cub/cub.cuh>
// ruleid: headers-cub
#include <cub/block/block_reduce.cuh>
// ruleid: headers-thrust
#include <thrust/device_vector.h>
// ruleid: headers-thrust
#include <thrust/sort.h>
// ruleid: headers-cufft
#include <cufft.h>
// ruleid: headers-curand
#include <curand.h>
// ruleid: headers-curand-kernel
#include <curand_kernel.h>
// ruleid: headers-cusparse
#include <cusparse.h>
// ruleid: headers-cusolver
#include <cusolverDn.h>
// ruleid: headers-nvrtc
#include <nvrtc.h>
// ruleid: headers-nvrtc
#include <nvJitLink.h>
// ruleid: headers-nvtx
#include <nvtx3/nvToolsExt.h>
// ruleid: headers-nvtx
#include "nvToolsExt.h"
// ruleid: headers-profiler-api
#include <cuda_profiler_api.h>
// ruleid: headers-math-constants
#include <math_constants.h>
// ruleid: headers-vector-types
#include <vector_types.h>
// ruleid: headers-texture-surface
#include <texture_types.h>
// ruleid: headers-interop
#include <cuda_gl_interop.h>
// ruleid: headers-cuda-occupancy
#include <cuda_occupancy.h>
// ruleid: headers-cutlass-cute
#include <cutlass/gemm/device/gemm.h>
// ruleid: headers-cutlass-cute
#include "cute/tensor.hpp"
// ok: headers-thrust
#include "mythrust/sort.h"
// ok: headers-cuda-runtime
#include <cuda_runtime_wrapper_local.h>
#include <vector>

// ok: headers-cub
// The project used to include <cub/cub.cuh> here.
int main() { return 0; }
// ruleid: headers-cudnn
#include <cudnn.h>
// ruleid: headers-cudnn
#include <cudnn_ops.h>
