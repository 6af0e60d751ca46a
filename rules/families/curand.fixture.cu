// Fixture for rules/families/curand.yaml: host-API noise generation plus a Monte Carlo kernel.
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>
#include <curand_kernel.h>

// ruleid: curand-status *=partial
static void check(curandStatus_t s) {
  // ruleid: curand-status *=partial
  if (s != CURAND_STATUS_SUCCESS) fprintf(stderr, "curand error %d\n", (int)s);
}

// ok: curand-generate-normal
static const char *kDoc = "uses curandGenerateNormal for weight init";

void host_api(float *buf, double *dbuf, unsigned int *bits, size_t n, cudaStream_t stream) {
  // ruleid: curand-generator *=none
  curandGenerator_t gen;
  // ruleid: curand-generator *=none, curand-rng-type ascend=none cambricon=partial
  check(curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10));
  // ruleid: curand-seed *=partial
  check(curandSetPseudoRandomGeneratorSeed(gen, 1234ULL));
  // ruleid: curand-seed *=partial
  check(curandSetGeneratorOffset(gen, 0ULL));
  // ruleid: curand-set-stream *=partial
  check(curandSetStream(gen, stream));
  // ruleid: curand-generate-uniform *=partial
  check(curandGenerateUniform(gen, buf, n));
  // ruleid: curand-generate-normal *=partial
  check(curandGenerateNormal(gen, buf, n, 0.0f, 0.02f));
  // ruleid: curand-generate-normal *=partial
  check(curandGenerateNormalDouble(gen, dbuf, n, 0.0, 1.0));
  // ruleid: curand-generate-log-normal *=partial
  check(curandGenerateLogNormal(gen, buf, n, 0.0f, 1.0f));
  // ruleid: curand-generate-bits *=partial
  check(curandGenerate(gen, bits, n));
  // ruleid: curand-generate-poisson *=none
  check(curandGeneratePoisson(gen, bits, n, 4.0));
  // ruleid: curand-destroy-generator *=none
  check(curandDestroyGenerator(gen));
}

void quasi(float *buf, size_t n) {
  // ruleid: curand-generator *=none
  curandGenerator_t q;
  // ruleid: curand-generator *=none, curand-quasi *=none
  curandCreateGenerator(&q, CURAND_RNG_QUASI_SOBOL32);
  // ruleid: curand-seed *=partial
  curandSetQuasiRandomGeneratorDimensions(q, 2);
  int v = 0;
  // ruleid: curand-version ascend=none cambricon=partial
  curandGetVersion(&v);
}

// ruleid: curand-device-state *=none
__global__ void setup_states(curandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  // ruleid: curand-device-init *=none
  curand_init(seed, id, 0, &states[id]);
}

// ruleid: curand-device-state *=none
__global__ void monte_carlo(curandState *states, float *hits, int trials) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  // ruleid: curand-device-state *=none
  curandState local = states[id];
  int inside = 0;
  for (int i = 0; i < trials; ++i) {
    // ruleid: curand-device-generate *=none
    float x = curand_uniform(&local);
    // ruleid: curand-device-generate *=none
    float y = curand_normal(&local);
    if (x * x + y * y < 1.0f) ++inside;
  }
  // ruleid: curand-device-generate *=none
  float4 four = curand_normal4(&local);
  hits[id] = inside + four.x;
  states[id] = local;
}

// ruleid: curand-device-state *=none
__device__ unsigned int draw_bits(curandStatePhilox4_32_10_t *st) {
  // ruleid: curand-device-generate *=none
  return curand(st);
}
