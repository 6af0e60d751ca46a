// Fixture for rules/families/lowprec.yaml (cuda_fp16.h, cuda_bf16.h, cuda_fp8.h).
#include <cuda_fp16.h>
#include <cuda_bf16.h>
#include <cuda_fp8.h>

// ruleid: lowprec-half *=direct
__global__ void half_kernel(const half* x, const float* f, half* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  // ruleid: lowprec-half *=direct, lowprec-float-half-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  __half a = __float2half(f[i]);
  // ruleid: lowprec-half *=direct, lowprec-float-half-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  __half b = __float2half_rn(f[i] * 2.0f);
  // ruleid: lowprec-half *=direct, lowprec-half-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  __half c = __hfma(a, b, __hadd(a, b));
  // ruleid: lowprec-half-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  c = __hmul(c, __hsub(a, b));
  // ruleid: lowprec-half-compare ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  if (__hlt(c, a) || __heq(c, b)) {
    // ruleid: lowprec-half-math ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
    c = hsqrt(hexp(c));
  }
  // ruleid: lowprec-half *=direct
  half d = x[i];
  // ruleid: lowprec-float-half-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  out[i] = __half2float(c) + __half2float(d);
  // ruleid: lowprec-int-half-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  int k = __half2int_rn(c);
  // ruleid: lowprec-int-half-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon=partial
  y[i] = __int2half_rn(k);
  // ruleid: lowprec-short-half-convert *=partial
  short s16 = __half2short_rz(c);
  (void)s16;
}

// ruleid: lowprec-half2 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
__global__ void half2_kernel(const half2* x, half2* y, float2* z) {
  int i = threadIdx.x;
  // ruleid: lowprec-half2 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none, lowprec-half2-pack ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  __half2 p = __floats2half2_rn(1.0f, 2.0f);
  // ruleid: lowprec-half2 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none, lowprec-half2-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  half2 q = __hfma2(x[i], p, __hadd2(x[i], p));
  // ruleid: lowprec-half2-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  q = __hmul2(q, p);
  // ruleid: lowprec-half2-compare ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  if (__hbgt2(q, p)) {
    // ruleid: lowprec-half2-math ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
    q = h2exp(q);
  }
  // ruleid: lowprec-half2-broadcast ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none, lowprec-half2-arith ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none, lowprec-half2-pack ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  y[i] = __hadd2(q, __half2half2(__low2half(q)));
  // ruleid: lowprec-half2-pack ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  z[i] = __half22float2(q);
  // ruleid: lowprec-half *=direct, lowprec-bitcast ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  __half bits = __ushort_as_half((unsigned short)0x3c00);
  // ruleid: lowprec-half-raw *=none
  __half_raw raw = bits;
  y[i].x = raw;
}

// ruleid: lowprec-bfloat16 ascend=direct cambricon-mlu370=none cambricon-mlu590=direct, lowprec-bfloat162 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
__global__ void bf16_kernel(const __nv_bfloat16* x, const float* f, __nv_bfloat16* y, __nv_bfloat162* y2) {
  int i = threadIdx.x;
  // ruleid: lowprec-bfloat16 ascend=direct cambricon-mlu370=none cambricon-mlu590=direct, lowprec-bf16-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon-mlu370=none cambricon-mlu590=partial
  nv_bfloat16 b = __float2bfloat16(f[i]);
  // ruleid: lowprec-bf16-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon-mlu370=none cambricon-mlu590=partial
  float back = __bfloat162float(x[i]) + __bfloat162float(b);
  // ruleid: lowprec-bf16-convert ascend-910b=partial ascend-910c=partial ascend-950=direct cambricon-mlu370=none cambricon-mlu590=partial
  y[i] = __float2bfloat16_rn(back);
  // ruleid: lowprec-bfloat162 ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none, lowprec-bf162-pack ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
  __nv_bfloat162 pair = __floats2bfloat162_rn(back, 1.0f);
  y2[i] = pair;
}

// ruleid: lowprec-fp8-types ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
__global__ void fp8_kernel(const __nv_fp8_e4m3* x, float* y, __nv_fp8x2_storage_t* packed) {
  int i = threadIdx.x;
  y[i] = float(x[i]);
  // ruleid: lowprec-fp8-types ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  __nv_fp8_e5m2 w = __nv_fp8_e5m2(y[i]);
  // ruleid: lowprec-fp8-convert ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  packed[i] = __nv_cvt_float2_to_fp8x2(make_float2(y[i], float(w)), __NV_SATFINITE, __NV_E4M3);
}

void host_only() {
  // ok: lowprec-float-half-convert
  const char* note = "__float2half is only named in this string";
  (void)note;
}
