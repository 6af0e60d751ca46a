// One file, two kernel languages, split by the preprocessor: the __CCE_AICORE__ branch is Ascend C, the other CUDA.
#if defined(__CCE_AICORE__)
#include "kernel_operator.h"
__aicore__ inline half half_of(half v) { return v * (half)0.5; }
#else
#include <cuda_fp16.h>
__device__ inline half half_of(half v) { return __hmul(v, __float2half(0.5f)); }
#endif
