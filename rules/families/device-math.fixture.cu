// Fixture for rules/families/device-math.yaml: math functions count in device code only.
#include <cuda_runtime.h>

__device__ float device_math_float(float x, float y) {
  float r = 0.0f;
  // ruleid: device-math-expf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  r += expf(x);
  // ruleid: device-math-sqrtf ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  r += sqrtf(x);
  // ruleid: device-math-fminf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=partial
  r += fminf(x, y);
  // ruleid: device-math-fmaxf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=direct
  r += fmaxf(x, y);
  // ruleid: device-math-tanhf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  r += tanhf(x);
  // ruleid: device-math-logf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=direct
  r += logf(x);
  // ruleid: device-math-powf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=direct
  r += powf(x, y);
  // ruleid: device-math-floorf ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=direct
  r += floorf(x);
  // ruleid: device-math-fabsf ascend-910b=none ascend-910c=none ascend-950=direct cambricon=partial
  r += fabsf(x);
  // ruleid: device-math-erff ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  r += erff(x);
  return r;
}

__global__ void device_math_double(double* out, double v) {
  // ruleid: device-math-other *=rewrite
  out[0] = exp2(v);
  // ruleid: device-math-other *=rewrite
  out[1] = fmax(v, 1.0);
}

float host_math(float x) {
  // ok: device-math-expf
  return expf(x) + sqrtf(x);
}
