// Fixture for rules/families/device-math.yaml: math functions count in device code only.
#include <cuda_runtime.h>

__device__ float device_math_float(float x, float y) {
  float r = 0.0f;
  // ruleid: device-math-expf
  r += expf(x);
  // ruleid: device-math-sqrtf
  r += sqrtf(x);
  // ruleid: device-math-fminf
  r += fminf(x, y);
  // ruleid: device-math-fmaxf
  r += fmaxf(x, y);
  // ruleid: device-math-tanhf
  r += tanhf(x);
  // ruleid: device-math-logf
  r += logf(x);
  // ruleid: device-math-powf
  r += powf(x, y);
  // ruleid: device-math-floorf
  r += floorf(x);
  // ruleid: device-math-fabsf
  r += fabsf(x);
  // ruleid: device-math-erff
  r += erff(x);
  return r;
}

__global__ void device_math_double(double* out, double v) {
  // ruleid: device-math-other
  out[0] = exp2(v);
  // ruleid: device-math-other
  out[1] = fmax(v, 1.0);
}

float host_math(float x) {
  // ok: device-math-expf
  return expf(x) + sqrtf(x);
}
