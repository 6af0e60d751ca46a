// Fixture for rules/families/headers.yaml (CUDA headers).
// ruleid: headers-cuda-runtime *=direct
#include <cuda_runtime.h>
// ruleid: headers-cuda-runtime *=direct
#include "cuda_runtime_api.h"
// ruleid: headers-cuda-driver ascend=partial cambricon=direct
#include <cuda.h>
// ruleid: headers-device-launch-parameters ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
#include <device_launch_parameters.h>
// ruleid: headers-cuda-fp16 *=partial
#include <cuda_fp16.h>
// ruleid: headers-cuda-bf16 ascend=partial cambricon-mlu370=none cambricon-mlu590=partial
#include <cuda_bf16.h>
// ruleid: headers-cuda-fp8 ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
#include <cuda_fp8.h>
// ruleid: headers-cooperative-groups ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
#include <cooperative_groups.h>
// ruleid: headers-cooperative-groups ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
#include <cooperative_groups/reduce.h>
// ruleid: headers-mma *=rewrite
#include <mma.h>
// ruleid: headers-pipeline-barrier *=rewrite
#include <cuda_pipeline.h>
// ruleid: headers-pipeline-barrier *=rewrite
#include <cuda/pipeline>
// ruleid: headers-pipeline-barrier *=rewrite
#include <cuda/barrier>
// ruleid: headers-cuda-atomic *=rewrite
#include <cuda/atomic>
// ruleid: headers-libcudacxx *=none
#include <cuda/std/complex>
// ruleid: headers-cub *=none
#include <cub/cub.cuh>
// ruleid: headers-cub *=none
#include <cub/block/block_reduce.cuh>
// ruleid: headers-thrust *=none
#include <thrust/device_vector.h>
// ruleid: headers-thrust *=none
#include <thrust/sort.h>
// ruleid: headers-cufft *=partial
#include <cufft.h>
// ruleid: headers-curand ascend=none cambricon=partial
#include <curand.h>
// ruleid: headers-curand-kernel *=none
#include <curand_kernel.h>
// ruleid: headers-cusparse ascend=partial cambricon=none
#include <cusparse.h>
// ruleid: headers-cusolver *=partial
#include <cusolverDn.h>
// ruleid: headers-nvrtc ascend=partial cambricon=none
#include <nvrtc.h>
// ruleid: headers-nvrtc ascend=partial cambricon=none
#include <nvJitLink.h>
// ruleid: headers-nvtx *=partial
#include <nvtx3/nvToolsExt.h>
// ruleid: headers-nvtx *=partial
#include "nvToolsExt.h"
// ruleid: headers-profiler-api ascend=partial cambricon=direct
#include <cuda_profiler_api.h>
// ruleid: headers-math-constants ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
#include <math_constants.h>
// ruleid: headers-vector-types ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
#include <vector_types.h>
// ruleid: headers-texture-surface *=none
#include <texture_types.h>
// ruleid: headers-interop *=none
#include <cuda_gl_interop.h>
// ruleid: headers-cuda-occupancy *=none
#include <cuda_occupancy.h>
// ruleid: headers-cutlass-cute ascend=partial cambricon=none
#include <cutlass/gemm/device/gemm.h>
// ruleid: headers-cutlass-cute ascend=partial cambricon=none
#include "cute/tensor.hpp"
// ok: headers-thrust
#include "mythrust/sort.h"
// ok: headers-cuda-runtime
#include <cuda_runtime_wrapper_local.h>
#include <vector>

// ok: headers-cub
// The project used to include <cub/cub.cuh> here.
int main() { return 0; }
// ruleid: headers-cudnn *=partial
#include <cudnn.h>
// ruleid: headers-cudnn *=partial
#include <cudnn_ops.h>
